/**
 * Security settings for every PlayAisle window, in one place.
 *
 * The kiosk is a public touchscreen, so the window may show only pages from
 * the local PlayAisle server: no navigation elsewhere, no new windows, no
 * permission prompts (camera, microphone, geolocation…), no Node in pages.
 * Electron's modules are passed in so this file is testable without Electron.
 */
import type { App, BrowserWindowConstructorOptions, Session, WebContents } from 'electron';

export function secureWebPreferences(): NonNullable<BrowserWindowConstructorOptions['webPreferences']> {
  return {
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    spellcheck: false,
  };
}

/** True when `target` has the same origin as the local server at `allowedOrigin`. */
export function isAllowedUrl(target: string, allowedOrigin: string): boolean {
  try {
    return new URL(target).origin === new URL(allowedOrigin).origin;
  } catch {
    return false;
  }
}

/** Deny every permission request and check; the kiosk needs none. */
export function denyAllPermissions(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}

/** Keep a window on the local server: refuse other navigations and all new windows. */
export function restrictNavigation(contents: WebContents, allowedOrigin: string, onBlocked: (url: string) => void): void {
  contents.on('will-navigate', (event, url) => {
    if (!isAllowedUrl(url, allowedOrigin)) {
      event.preventDefault();
      onBlocked(url);
    }
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    onBlocked(url);
    return { action: 'deny' };
  });
}

/**
 * Allow one running shell per store PC. Returns false when another instance
 * already runs; that instance receives `second-instance` and comes to the front.
 */
export function acquireSingleInstance(app: App): boolean {
  return app.requestSingleInstanceLock();
}
