import { describe, expect, it } from 'vitest';
import type { CameraStatus, TrafficSummary } from '../../main/api/wire.js';
import en from '../../renderer/src/i18n/en.json' with { type: 'json' };
import zh from '../../renderer/src/i18n/zh-CN.json' with { type: 'json' };
import { saveScreenshot } from './support/browser.js';
import { getJson, startTestApp } from './support/app.js';
import { useStoreAndBrowser } from './support/fixture.js';
import { seedTraffic, testStoreConfig, type SeedMinute } from './support/store.js';

/** The store PC screen the dashboard is laid out for. */
const STORE_PC_VIEWPORT = { width: 1366, height: 768 };

/** Traffic of today, minute by minute, written to SQLite before the app starts. */
const SEED: SeedMinute[] = [
  { hour: 10, minute: 5, crossedIn: 12, crossedOut: 3, lego: { visits: 3, dwellMsTotal: 3 * 200_000 }, plush: { visits: 1, dwellMsTotal: 40_000 } },
  { hour: 10, minute: 40, crossedIn: 4, crossedOut: 2, lego: { visits: 1, dwellMsTotal: 220_000 }, plush: { visits: 0, dwellMsTotal: 0 } },
  { hour: 13, minute: 15, crossedIn: 7, crossedOut: 9, lego: { visits: 0, dwellMsTotal: 0 }, plush: { visits: 1, dwellMsTotal: 44_000 } },
  { hour: 17, minute: 59, crossedIn: 1, crossedOut: 6, lego: { visits: 0, dwellMsTotal: 0 }, plush: { visits: 0, dwellMsTotal: 0 } },
];

function sum(values: number[]): number {
  return values.reduce((total, value) => total + value, 0);
}

const EXPECTED_IN = sum(SEED.map((seed) => seed.crossedIn));
const EXPECTED_OUT = sum(SEED.map((seed) => seed.crossedOut));

describe('dashboard with seeded traffic', () => {
  const fixture = useStoreAndBrowser(STORE_PC_VIEWPORT, { prepare: (dataDir) => seedTraffic(dataDir, SEED) });

  it('shows today\'s totals from the database', async () => {
    const { page } = fixture.browser;
    await page.goto(fixture.app.dashboardUrl);
    await expect.poll(() => page.getByTestId('total-in').locator('.total-value').textContent()).toBe(String(EXPECTED_IN));
    expect(await page.getByTestId('total-out').locator('.total-value').textContent()).toBe(String(EXPECTED_OUT));
    // Analysis is off, so no camera sees anyone now.
    const inView = page.getByTestId('total-occupancy');
    expect(await inView.locator('.total-label').textContent()).toBe('画面中人数');
    expect(await inView.locator('.total-value').textContent()).toBe('0');
    // The estimate is today's in minus out: 24 - 20.
    const inStore = page.getByTestId('total-in-store');
    expect(await inStore.locator('.total-label').textContent()).toBe('店内人数（估算）');
    expect(await inStore.locator('.total-value').textContent()).toBe(String(EXPECTED_IN - EXPECTED_OUT));
    expect(EXPECTED_IN - EXPECTED_OUT).toBe(4);
    expect(await inStore.locator('.total-hint').textContent()).toBe(zh.dashboard.inStoreEstimateHint);
    // zh-CN is the default language.
    expect(await page.locator('h1').textContent()).toBe('今日门店客流');
  });

  it('agrees with the summary API', async () => {
    // The screen and GET /api/traffic/summary must show the same day.
    const summary = await getJson<TrafficSummary>(fixture.app, '/api/traffic/summary');
    expect(summary.in).toBe(EXPECTED_IN);
    expect(summary.out).toBe(EXPECTED_OUT);
  });

  it('draws the hourly chart', async () => {
    const canvas = fixture.browser.page.getByTestId('hourly-chart').locator('canvas');
    await canvas.waitFor();
    const box = await canvas.boundingBox();
    expect(box?.width).toBeGreaterThan(300);
    expect(box?.height).toBeGreaterThan(150);
    // Some pixels of the in and out colours were painted, so the bars are drawn, not only the axes.
    const paintedBarPixels = await canvas.evaluate((element: HTMLCanvasElement) => {
      const context = element.getContext('2d')!;
      const { data: pixels } = context.getImageData(0, 0, element.width, element.height);
      let count = 0;
      for (let i = 0; i < pixels.length; i += 4) {
        const [r, g, b] = [pixels[i]!, pixels[i + 1]!, pixels[i + 2]!];
        if ((r === 0x2a && g === 0x9d && b === 0x8f) || (r === 0xe7 && g === 0x6f && b === 0x51)) count++;
      }
      return count;
    });
    expect(paintedBarPixels).toBeGreaterThan(100);
  });

  it('lists zone dwell in minutes and seconds', async () => {
    const lego = fixture.browser.page.locator('tr[data-zone-id="lego"]');
    // LEGO corner: 4 visits, (3 × 200 s + 220 s) / 4 = 205 s.
    expect(await lego.getByTestId('zone-visits').textContent()).toBe('4');
    expect(await lego.getByTestId('zone-dwell').textContent()).toBe('3分25秒');
    // Plush wall: 2 visits, (40 s + 44 s) / 2 = 42 s.
    const plush = fixture.browser.page.locator('tr[data-zone-id="plush"]');
    expect(await plush.getByTestId('zone-visits').textContent()).toBe('2');
    expect(await plush.getByTestId('zone-dwell').textContent()).toBe('42秒');
  });

  it('loads a heatmap image per camera', async () => {
    for (const cameraId of ['entrance', 'floor']) {
      const image = fixture.browser.page.locator(`figure[data-camera-id="${cameraId}"] img`);
      await image.waitFor();
      await expect.poll(() => image.evaluate((element: HTMLImageElement) => element.complete && element.naturalWidth), {
        message: `heatmap of ${cameraId} decoded`,
      }).toBeGreaterThan(0);
    }
    await saveScreenshot(fixture.browser.page, 'dashboard-zh');
  });

  it('switches to English and remembers it', async () => {
    const { page } = fixture.browser;
    await page.locator('.lang-switch button[data-lang="en"]').click();
    expect(await page.locator('h1').textContent()).toBe('Store traffic today');
    expect(await page.locator('tr[data-zone-id="lego"]').getByTestId('zone-dwell').textContent()).toBe('3 min 25 s');
    expect(await page.getByTestId('total-in').locator('.total-label').textContent()).toBe('Visitors in');
    expect(await page.getByTestId('total-occupancy').locator('.total-label').textContent()).toBe('People in view now');
    expect(await page.getByTestId('total-in-store').locator('.total-label').textContent()).toBe('In the store (estimate)');

    await page.reload();
    await page.getByTestId('total-in').waitFor();
    expect(await page.locator('h1').textContent()).toBe('Store traffic today');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await saveScreenshot(page, 'dashboard-en');
  });

  it('shows camera errors pushed live', async () => {
    const { page } = fixture.browser;
    const failing: CameraStatus = {
      cameraId: 'entrance', name: 'Front door', state: 'retrying', framesAnalysed: 1234, fps: 0,
      errorCode: 'source_timeout', errorMessage: 'No bytes from the camera for 10 s.',
      nextRetryAtMs: Date.now() + 30_000, retries: 2, backend: null, model: null,
    };
    const unknownCode: CameraStatus = {
      ...failing, cameraId: 'floor', name: 'Shop floor', state: 'failed', errorCode: 'lens_fogged',
      errorMessage: 'Camera floor reported a fogged lens.', nextRetryAtMs: null,
    };
    // The traffic service emits `change`, and the app pushes a new summary over /api/events.
    fixture.app.traffic.setCameraStatus(failing);
    fixture.app.traffic.setCameraStatus(unknownCode);

    const entrance = page.locator('li[data-camera-id="entrance"]');
    await expect.poll(() => entrance.getByTestId('camera-error').textContent(), { timeout: 10_000 }).toBe(en.cameraErrors.source_timeout);
    expect(await entrance.locator('.camera-state').textContent()).toBe('Retrying');
    expect(await entrance.locator('.camera-retry').textContent()).toContain('Retries: 2');
    // A code without a translation shows the English message from the server.
    expect(await page.locator('li[data-camera-id="floor"]').getByTestId('camera-error').textContent()).toBe(unknownCode.errorMessage);
    await saveScreenshot(page, 'dashboard-camera-errors-en');
  });

  it('shows a banner when the server goes away', async () => {
    const { page } = fixture.browser;
    await fixture.app.stop();
    await page.getByTestId('connection-lost').waitFor({ timeout: 20_000 });
    expect(await page.getByTestId('connection-lost').textContent()).toBe('Connection lost, retrying…');
    // The last numbers stay on screen while the dashboard retries.
    expect(await page.getByTestId('total-in').locator('.total-value').textContent()).toBe(String(EXPECTED_IN));
    await saveScreenshot(page, 'dashboard-connection-lost');
  });

  it('reconnects when the server is back', async () => {
    const { page } = fixture.browser;
    // A restart of the app on the same port and data folder, as after a crash of the store PC service.
    const port = Number(new URL(fixture.app.url).port);
    fixture.app = await startTestApp(fixture.data.dataDir, testStoreConfig(fixture.data.dataDir), port);
    await page.getByTestId('connection-lost').waitFor({ state: 'detached', timeout: 20_000 });
    expect(await page.getByTestId('total-in').locator('.total-value').textContent()).toBe(String(EXPECTED_IN));
    expect(fixture.browser.pageErrors.filter((message) => !message.includes('/api/events'))).toEqual([]);
  });
});

describe('dashboard before any visitor', () => {
  const fixture = useStoreAndBrowser(STORE_PC_VIEWPORT);

  it('explains that nothing was counted yet', async () => {
    const { page } = fixture.browser;
    await page.goto(fixture.app.dashboardUrl);
    await page.getByTestId('hourly-empty').waitFor();
    expect(await page.getByTestId('total-in').locator('.total-value').textContent()).toBe('0');
    expect(await page.getByTestId('hourly-empty').textContent()).toContain('今天还没有统计到顾客');
    // Zones are configured, so they are listed with no dwell yet rather than hidden.
    expect(await page.locator('tr[data-zone-id="lego"]').getByTestId('zone-dwell').textContent()).toBe('—');
    await saveScreenshot(page, 'dashboard-empty');
  });
});
