import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { demoStoreConfig } from '../../main/config/demoStore.js';
import en from '../../renderer/src/i18n/en.json' with { type: 'json' };
import zh from '../../renderer/src/i18n/zh-CN.json' with { type: 'json' };
import { saveScreenshot } from './support/browser.js';
import { useStoreAndBrowser } from './support/fixture.js';
import { DATABASE_FILE } from './support/store.js';

/** The store PC screen the dashboard is laid out for. */
const STORE_PC_VIEWPORT = { width: 1366, height: 768 };

// The demo store, started on a damaged database with analysis off: the
// dashboard must show the names of its language, the store-level database
// error and the cameras as stopped.
describe('dashboard names and start-up errors', () => {
  const fixture = useStoreAndBrowser(STORE_PC_VIEWPORT, {
    config: demoStoreConfig,
    prepare: (dataDir) => fs.writeFileSync(path.join(dataDir, DATABASE_FILE), 'these bytes are not an SQLite database'),
  });

  it('shows Chinese names by default', async () => {
    const { page } = fixture.browser;
    await page.goto(fixture.app.dashboardUrl);
    await page.locator('tr[data-zone-id="walkway"]').waitFor();
    expect(await page.locator('tr[data-zone-id="walkway"] th').textContent()).toBe('步行道');
    expect(await page.locator('tr[data-zone-id="junction"] th').textContent()).toBe('路口');
    expect(await page.locator('li[data-camera-id="entrance"] strong').textContent()).toBe('入口');
    expect(await page.locator('.heatmap[data-camera-id="entrance"] figcaption').textContent()).toBe('入口');
  });

  it('shows the database and analysis-off codes', async () => {
    const { page } = fixture.browser;
    // The recovered database is a start-up notice, so the red live-error banner does not repeat it.
    expect(await page.getByTestId('store-error').count()).toBe(0);
    const notice = page.getByTestId('notices').locator('li[data-notice-code="database_recovered"]');
    expect(await notice.locator('.notice-text').textContent()).toBe(zh.notices.database_recovered);
    const camera = page.locator('li[data-camera-id="entrance"]');
    expect(await camera.locator('.camera-state').textContent()).toBe(zh.dashboard.cameraState.stopped);
    expect(await camera.getByTestId('camera-error').textContent()).toBe(zh.cameraErrors.analysis_off);
    await saveScreenshot(page, 'dashboard-names-zh');
  });

  it('switches names to English', async () => {
    const { page } = fixture.browser;
    await page.locator('.lang-switch button[data-lang="en"]').click();
    await expect.poll(() => page.locator('tr[data-zone-id="walkway"] th').textContent()).toBe('Walkway');
    expect(await page.locator('tr[data-zone-id="junction"] th').textContent()).toBe('Junction');
    expect(await page.locator('li[data-camera-id="entrance"] strong').textContent()).toBe('Entrance');
    const notice = page.getByTestId('notices').locator('li[data-notice-code="database_recovered"]');
    expect(await notice.locator('.notice-text').textContent()).toBe(en.notices.database_recovered);
    expect(await page.locator('li[data-camera-id="entrance"]').getByTestId('camera-error').textContent()).toBe(en.cameraErrors.analysis_off);
    await saveScreenshot(page, 'dashboard-names-en');
  });
});
