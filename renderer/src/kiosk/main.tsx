import { KIOSK_LANG_STORAGE_KEY, LANG_STORAGE_KEY } from '../i18n/index.js';
import { mountScreen } from '../shared/mount.js';
import { KioskApp } from './KioskApp.js';
import '../shared/base.css';
import './kiosk.css';
import './rec.css';

// Opened first from the start page, the kiosk starts in the language picked there.
mountScreen(<KioskApp />, KIOSK_LANG_STORAGE_KEY, LANG_STORAGE_KEY);
