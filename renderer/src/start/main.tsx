import { mountScreen } from '../shared/mount.js';
import { StartPage } from './StartPage.js';
import '../shared/base.css';
import './start.css';

mountScreen(<StartPage />);
