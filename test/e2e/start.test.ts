import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type RunningApp } from './support/app.js';
import { launchBrowser, saveScreenshot, type TestBrowser } from './support/browser.js';
import { ensureScreensBuilt } from './support/screens.js';
import { createDataDir, testStoreConfig } from './support/store.js';

describe('start page', () => {
  let data: ReturnType<typeof createDataDir>;
  let app: RunningApp;
  let browser: TestBrowser;

  beforeAll(async () => {
    await ensureScreensBuilt();
    data = createDataDir();
    app = await startTestApp(data.dataDir, testStoreConfig(data.dataDir));
    browser = await launchBrowser({ width: 1366, height: 768 });
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    data?.remove();
  });

  it('links to both screens', async () => {
    const { page } = browser;
    await page.goto(app.url);
    expect(await page.getByTestId('start-kiosk').getAttribute('href')).toBe('/kiosk/');
    expect(await page.getByTestId('start-dashboard').getAttribute('href')).toBe('/dashboard/');
    expect(await page.locator('h1').textContent()).toBe('本店的 PlayAisle');
    await saveScreenshot(page, 'start-zh');
  });

  it('opens the kiosk in the chosen language', async () => {
    const { page } = browser;
    await page.locator('.lang-switch button[data-lang="en"]').click();
    expect(await page.locator('h1').textContent()).toBe('PlayAisle in this store');
    await page.getByTestId('start-kiosk').click();
    await page.waitForURL(/\/kiosk\/$/);
    await page.locator('.kiosk-title').waitFor();
    expect(await page.locator('.kiosk-title').textContent()).toBe('Find a toy');
    expect(await page.title()).toBe('Find a toy · PlayAisle');
    expect(browser.pageErrors).toEqual([]);
  });
});
