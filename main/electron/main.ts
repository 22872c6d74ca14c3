/**
 * Electron shell for the store PC: a full-screen kiosk window onto the local
 * PlayAisle server. The services run in a separate Node process started by
 * `npm start` (main/cli/start.ts), which passes the kiosk URL in
 * PLAYAISLE_KIOSK_URL; keeping them out of Electron's process means native
 * modules such as better-sqlite3 need no rebuild for Electron's ABI.
 */
import { app, BrowserWindow, session } from 'electron';
import { acquireSingleInstance, denyAllPermissions, restrictNavigation, secureWebPreferences } from './hardening.js';

/** Wait before reloading a crashed kiosk page, so a crash loop cannot spin the CPU. */
const CRASH_RELOAD_DELAY_MS = 3000;

function log(event: string, details: Record<string, unknown> = {}): void {
  console.log(JSON.stringify({ module: 'electron', msg: event, ...details }));
}

function createKioskWindow(kioskUrl: string): BrowserWindow {
  const window = new BrowserWindow({
    fullscreen: true,
    kiosk: process.env.PLAYAISLE_KIOSK_MODE !== '0',
    autoHideMenuBar: true,
    backgroundColor: '#ffffff',
    webPreferences: secureWebPreferences(),
  });
  restrictNavigation(window.webContents, kioskUrl, (url) => log('navigation blocked', { url }));
  window.webContents.on('render-process-gone', (_event, details) => {
    log('kiosk page crashed; reloading', { reason: details.reason, exitCode: details.exitCode });
    setTimeout(() => void window.loadURL(kioskUrl), CRASH_RELOAD_DELAY_MS);
  });
  void window.loadURL(kioskUrl);
  return window;
}

function main(): void {
  const kioskUrl = process.env.PLAYAISLE_KIOSK_URL;
  if (!kioskUrl) {
    log('PLAYAISLE_KIOSK_URL is not set; start the shell with `npm start`');
    app.exit(2);
    return;
  }
  if (!acquireSingleInstance(app)) {
    log('another PlayAisle shell is running; exiting');
    app.quit();
    return;
  }
  app.on('web-contents-created', (_event, contents) => {
    restrictNavigation(contents, kioskUrl, (url) => log('navigation blocked', { url }));
  });
  app.on('child-process-gone', (_event, details) => log('child process gone', { type: details.type, reason: details.reason }));
  app.on('window-all-closed', () => app.quit());
  void app.whenReady().then(() => {
    denyAllPermissions(session.defaultSession);
    const window = createKioskWindow(kioskUrl);
    app.on('second-instance', () => {
      if (window.isMinimized()) window.restore();
      window.focus();
    });
  });
}

main();
