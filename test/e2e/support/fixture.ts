// Set-up shared by the browser test files. Each describe block gets built
// screens, a temporary data folder, the real app on a free loopback port and a
// fresh Chromium, created before its tests and removed after them.
import { afterAll, beforeAll } from 'vitest';
import type { StoreConfig } from '../../../main/config/schema.js';
import { startTestApp, type RunningApp } from './app.js';
import { launchBrowser, type TestBrowser } from './browser.js';
import { ensureScreensBuilt } from './screens.js';
import { createDataDir, testStoreConfig } from './store.js';

export type DataDir = ReturnType<typeof createDataDir>;

export interface StoreAndBrowserOptions {
  /** Store configuration built from the data folder path, `testStoreConfig` when omitted. */
  config?: (dataDir: string) => StoreConfig;
  /** Runs on the new data folder before the app opens it, e.g. to seed traffic or damage the database. */
  prepare?: (dataDir: string) => void;
}

/** The data folder, app and browser of one describe block, readable once its `beforeAll` ran. */
export interface StoreAndBrowser {
  readonly data: DataDir;
  /** Settable so a test can restart the app, and `afterAll` then stops the new one. */
  app: RunningApp;
  readonly browser: TestBrowser;
}

function requireCreated<T>(value: T | undefined, name: string): T {
  if (value === undefined) {
    throw new Error(`The test ${name} is not available because the beforeAll hook of useStoreAndBrowser has not run or failed. See that hook's error earlier in the output.`);
  }
  return value;
}

/**
 * Registers `beforeAll` and `afterAll` hooks in the calling describe block
 * and returns the object they fill. `afterAll` closes the browser, stops the
 * app and removes the data folder, skipping whatever `beforeAll` did not create.
 */
export function useStoreAndBrowser(viewport: { width: number; height: number }, options: StoreAndBrowserOptions = {}): StoreAndBrowser {
  const buildConfig = options.config ?? testStoreConfig;
  let data: DataDir | undefined;
  let app: RunningApp | undefined;
  let browser: TestBrowser | undefined;

  beforeAll(async () => {
    await ensureScreensBuilt();
    data = createDataDir();
    options.prepare?.(data.dataDir);
    app = await startTestApp(data.dataDir, buildConfig(data.dataDir));
    browser = await launchBrowser(viewport);
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    data?.remove();
  });

  return {
    get data() { return requireCreated(data, 'data folder'); },
    get app() { return requireCreated(app, 'app'); },
    set app(restarted: RunningApp) { app = restarted; },
    get browser() { return requireCreated(browser, 'browser'); },
  };
}
