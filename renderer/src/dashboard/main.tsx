import { mountScreen } from '../shared/mount.js';
import { DashboardApp } from './DashboardApp.js';
import '../shared/base.css';
import './dashboard.css';

mountScreen(<DashboardApp />);
