import { describe, expect, it } from 'vitest';
import { saveScreenshot } from './support/browser.js';
import { useStoreAndBrowser } from './support/fixture.js';

describe('start page', () => {
  const fixture = useStoreAndBrowser({ width: 1366, height: 768 });

  it('links to both screens', async () => {
    const { page } = fixture.browser;
    await page.goto(fixture.app.url);
    expect(await page.getByTestId('start-kiosk').getAttribute('href')).toBe('/kiosk/');
    expect(await page.getByTestId('start-dashboard').getAttribute('href')).toBe('/dashboard/');
    expect(await page.locator('h1').textContent()).toBe('本店的 PlayAisle');
    await saveScreenshot(page, 'start-zh');
  });

  it('opens the kiosk in the chosen language', async () => {
    const { page } = fixture.browser;
    await page.locator('.lang-switch button[data-lang="en"]').click();
    expect(await page.locator('h1').textContent()).toBe('PlayAisle in this store');
    await page.getByTestId('start-kiosk').click();
    await page.waitForURL(/\/kiosk\/$/);
    await page.locator('.kiosk-title').waitFor();
    expect(await page.locator('.kiosk-title').textContent()).toBe('Find a toy');
    expect(await page.title()).toBe('Find a toy · PlayAisle');
    expect(fixture.browser.pageErrors).toEqual([]);
  });
});
