// The Electron binary is not installed on CI machines, so these tests drive
// the hardening functions with hand-written fakes of WebContents and Session.
import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import type { Session, WebContents } from 'electron';
import { denyAllPermissions, isAllowedUrl, restrictNavigation, secureWebPreferences } from '../../../main/electron/hardening.js';

const ORIGIN = 'http://127.0.0.1:4780/kiosk/';

describe('isAllowedUrl', () => {
  const cases: Array<[string, boolean, string]> = [
    ['http://127.0.0.1:4780/kiosk/#/product/T001', true, 'a kiosk route on the local server'],
    ['http://127.0.0.1:4780/dashboard/', true, 'another page of the same server'],
    ['http://127.0.0.1:4781/kiosk/', false, 'same host, other port'],
    ['https://127.0.0.1:4780/kiosk/', false, 'other scheme'],
    ['http://example.test/', false, 'a remote site'],
    ['file:///etc/passwd', false, 'a local file'],
    ['not a url', false, 'garbage'],
  ];
  it.each(cases)('%s → %s (%s)', (url, expected) => {
    expect(isAllowedUrl(url, ORIGIN)).toBe(expected);
  });
});

class FakeWebContents extends EventEmitter {
  openHandler: ((details: { url: string }) => { action: string }) | null = null;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.openHandler = handler;
  }
}

function navigate(contents: FakeWebContents, url: string): boolean {
  let prevented = false;
  contents.emit('will-navigate', { preventDefault: () => { prevented = true; } }, url);
  return prevented;
}

describe('restrictNavigation', () => {
  it('blocks remote navigation and allows local', () => {
    const contents = new FakeWebContents();
    const blocked: string[] = [];
    restrictNavigation(contents as unknown as WebContents, ORIGIN, (url) => blocked.push(url));
    expect(navigate(contents, 'http://example.test/')).toBe(true);
    expect(navigate(contents, 'http://127.0.0.1:4780/dashboard/')).toBe(false);
    expect(blocked).toEqual(['http://example.test/']);
  });

  it('denies every new window', () => {
    const contents = new FakeWebContents();
    restrictNavigation(contents as unknown as WebContents, ORIGIN, () => {});
    expect(contents.openHandler?.({ url: 'http://127.0.0.1:4780/kiosk/' })).toEqual({ action: 'deny' });
  });
});

describe('denyAllPermissions', () => {
  it('answers no to requests and checks', () => {
    let requestHandler: ((c: unknown, p: string, cb: (ok: boolean) => void) => void) | null = null;
    let checkHandler: (() => boolean) | null = null;
    const session = {
      setPermissionRequestHandler: (h: typeof requestHandler) => { requestHandler = h; },
      setPermissionCheckHandler: (h: typeof checkHandler) => { checkHandler = h; },
    };
    denyAllPermissions(session as unknown as Session);
    let granted: boolean | null = null;
    requestHandler!(null, 'media', (ok) => { granted = ok; });
    expect(granted).toBe(false);
    expect(checkHandler!()).toBe(false);
  });
});

describe('secureWebPreferences', () => {
  it('isolates pages from Node', () => {
    const prefs = secureWebPreferences();
    expect(prefs.contextIsolation).toBe(true);
    expect(prefs.sandbox).toBe(true);
    expect(prefs.nodeIntegration).toBe(false);
  });
});
