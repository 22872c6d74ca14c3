import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CameraStatus, TrafficSummary } from '../../main/api/wire.js';
import { catalogNotices, startPlayAisle } from '../../main/app.js';
import { createRootLogger, createSilentLogger } from '../../main/log/logger.js';
import { captureLogs } from '../support/captureLogs.js';

describe('startPlayAisle', () => {
  let dataDir: string;

  beforeEach(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'playaisle-start-'));
  });

  afterEach(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('starts without the demo video', async () => {
    const logs = captureLogs();
    const app = await startPlayAisle({ port: 0, dataDir, logger: createRootLogger({ destination: logs.stream }), staticDir: dataDir });
    try {
      const cameras = (await (await fetch(`${app.url}/api/cameras`)).json()) as CameraStatus[];
      expect(cameras).toHaveLength(1);
      expect(cameras[0]).toMatchObject({ cameraId: 'entrance', state: 'failed', errorCode: 'demo_video_missing' });
      // The data folder is not the default, so the fix names it: setup.sh reads PLAYAISLE_DATA_DIR.
      const setup = `PLAYAISLE_DATA_DIR='${dataDir}' npm run setup`;
      expect(logs.lines.some((line) => String(line.msg).includes(setup))).toBe(true);
      expect(cameras[0]!.errorMessage).toContain(setup);
      expect((await (await fetch(`${app.url}/api/health`)).json())).toMatchObject({ ok: true });
    } finally {
      await app.stop();
    }
  });

  it('serves stored data with analysis off', async () => {
    fs.writeFileSync(path.join(dataDir, 'config.json'), JSON.stringify({
      storeName: 'Test shop',
      cameras: [{ id: 'cam', name: 'Cam', url: 'cam.mp4', lines: [{ id: 'door', name: 'Door', points: [0, 0, 10, 10], entrance: true }] }],
    }));
    const app = await startPlayAisle({ port: 0, dataDir, analysis: false, logger: createSilentLogger(), staticDir: dataDir });
    try {
      expect(app.kioskUrl).toBe(`${app.url}/kiosk/`);
      expect(app.dashboardUrl).toBe(`${app.url}/dashboard/`);
      const summary = (await (await fetch(`${app.url}/api/traffic/summary`)).json()) as TrafficSummary;
      expect(summary.lines).toEqual([{ cameraId: 'cam', lineId: 'door', name: 'Door', in: 0, out: 0 }]);
      // No pipeline runs, so the camera must not look as if it were about to start.
      expect(summary.cameras[0]).toMatchObject({ state: 'stopped', errorCode: 'analysis_off' });
      // Without built screens the server still responds, with a page that explains how to build them.
      const page = await fetch(`${app.url}/`);
      expect(page.status).toBe(503);
      expect(await page.text()).toContain('npm run build:renderer');
    } finally {
      await app.stop();
    }
  });

  it('replaces a damaged database and reports it', async () => {
    const damaged = Buffer.from('not an SQLite file, just bytes that replaced it '.repeat(100));
    fs.writeFileSync(path.join(dataDir, 'playaisle.db'), damaged);
    const logs = captureLogs();
    const app = await startPlayAisle({ port: 0, dataDir, analysis: false, logger: createRootLogger({ destination: logs.stream }), staticDir: dataDir });
    try {
      const summary = (await (await fetch(`${app.url}/api/traffic/summary`)).json()) as TrafficSummary;
      expect(summary.errorCode).toBe('database_recovered');
      const moved = fs.readdirSync(dataDir).filter((name) => name.startsWith('playaisle.db.corrupt-'));
      expect(moved).toHaveLength(1);
      expect(fs.readFileSync(path.join(dataDir, moved[0]!)).equals(damaged)).toBe(true);
      expect(logs.lines.some((line) => line.movedTo === path.join(dataDir, moved[0]!))).toBe(true);
      // The notice names the file that now contains the old counts. Other notices depend on assets/ and are left out.
      const recoveredNotices = summary.notices.filter((notice) => notice.code === 'database_recovered');
      expect(recoveredNotices).toHaveLength(1);
      expect(recoveredNotices[0]!.message).toContain(path.join(dataDir, moved[0]!));
    } finally {
      await app.stop();
    }
  });

  it('rejects an invalid config', async () => {
    fs.writeFileSync(path.join(dataDir, 'config.json'), JSON.stringify({ cameras: [{ id: 'cam', name: 'Cam', url: 'cam.mp4', fps: -1 }] }));
    await expect(startPlayAisle({ port: 0, dataDir, logger: createSilentLogger() })).rejects.toThrow(/cameras\[0\]\.fps/);
    // A failed start releases the data folder for the next try.
    expect(fs.existsSync(path.join(dataDir, 'playaisle.lock'))).toBe(false);
  });

  it('reports an invalid heatmap background', async () => {
    fs.writeFileSync(path.join(dataDir, 'door.png'), 'a text file saved under a .png name');
    fs.writeFileSync(path.join(dataDir, 'config.json'), JSON.stringify({
      cameras: [{ id: 'cam', name: 'Cam', url: 'cam.mp4', heatmap: { backgroundPath: 'door.png' } }],
    }));
    const app = await startPlayAisle({ port: 0, dataDir, analysis: false, logger: createSilentLogger(), staticDir: dataDir });
    try {
      const summary = (await (await fetch(`${app.url}/api/traffic/summary`)).json()) as TrafficSummary;
      // Catalog notices depend on the files in assets/, so only the heatmap's are checked.
      const heatmapNotices = summary.notices.filter((notice) => notice.code.startsWith('heatmap_'));
      expect(heatmapNotices.map((notice) => notice.code)).toEqual(['heatmap_background_invalid']);
      expect(heatmapNotices[0]!.message).toContain(path.join(dataDir, 'door.png'));
      // The start-up error code is for storage problems and stays clear.
      expect(summary.errorCode).toBeNull();
    } finally {
      await app.stop();
    }
  });

  it('locks the data folder while running', async () => {
    const app = await startPlayAisle({ port: 0, dataDir, analysis: false, logger: createSilentLogger(), staticDir: dataDir });
    const lockFile = path.join(dataDir, 'playaisle.lock');
    try {
      expect(fs.readFileSync(lockFile, 'utf8').trim()).toBe(String(process.pid));
      await expect(startPlayAisle({ port: 0, dataDir, analysis: false, logger: createSilentLogger(), staticDir: dataDir }))
        .rejects.toThrow(/already using the data folder/);
      // The rejected start must not remove the running instance's lock.
      expect(fs.existsSync(lockFile)).toBe(true);
    } finally {
      await app.stop();
    }
    expect(fs.existsSync(lockFile)).toBe(false);
  });

  it('releases the lock when the port is taken', async () => {
    const first = await startPlayAisle({ port: 0, dataDir, analysis: false, logger: createSilentLogger(), staticDir: dataDir });
    const otherDir = fs.mkdtempSync(path.join(os.tmpdir(), 'playaisle-start-other-'));
    try {
      const port = Number(new URL(first.url).port);
      await expect(startPlayAisle({ port, dataDir: otherDir, analysis: false, logger: createSilentLogger(), staticDir: otherDir }))
        .rejects.toThrow(/EADDRINUSE/);
      expect(fs.existsSync(path.join(otherDir, 'playaisle.lock'))).toBe(false);
    } finally {
      await first.stop();
      fs.rmSync(otherDir, { recursive: true, force: true });
    }
  });
});

describe('catalogNotices', () => {
  const fitted = { similarToys: {} as never, recommendations: {} as never };

  it.each([
    // The notice keeps the file's own message and states what keeps serving.
    ['rejected file', { status: 'rejected', code: 'catalog_invalid', message: 'Invalid catalog file /a/toys.json: …', storedProductCount: 205 }, fitted, ['catalog_rejected']],
    // Nothing to tell the manager.
    ['imported file', { status: 'imported', productCount: 205, basketCount: 10 }, fitted, []],
    // A model that failed to fit leaves the kiosk without those suggestions.
    ['failed fit', { status: 'unchanged', productCount: 205, basketCount: 10 }, { similarToys: null, recommendations: {} as never }, ['recommendations_unavailable']],
    // A failed write (full disk) and both failed fits give one notice of each code.
    ['both problems', { status: 'rejected', code: 'catalog_import_failed', message: 'Writing failed', storedProductCount: 0 }, { similarToys: null, recommendations: null }, ['catalog_rejected', 'recommendations_unavailable']],
  ] as const)('%s', (_case, sync, models, codes) => {
    const notices = catalogNotices({ sync, ...models } as Parameters<typeof catalogNotices>[0]);
    expect(notices.map((notice) => notice.code)).toEqual(codes);
  });

  it('names the file and count', () => {
    const [notice] = catalogNotices({
      sync: { status: 'rejected', code: 'catalog_invalid', message: 'Invalid catalog file /a/toys.json: toys[3].priceYuan: must be > 0', storedProductCount: 205 },
      ...fitted,
    });
    expect(notice!.message).toContain('/a/toys.json');
    expect(notice!.message).toContain('205 products');
  });

  it('says when no catalog serves', () => {
    const [notice] = catalogNotices({
      sync: { status: 'rejected', code: 'catalog_file_missing', message: 'Catalog file /a/toys.json cannot be read: ENOENT', storedProductCount: 0 },
      ...fitted,
    });
    expect(notice!.message).toContain('shows no toys');
  });
});
