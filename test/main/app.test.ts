import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CameraStatus, TrafficSummary } from '../../main/api/wire.js';
import { startPlayAisle } from '../../main/app.js';
import { createRootLogger, createSilentLogger } from '../../main/log/logger.js';

/** Collects pino's JSON lines so a test can look for one. */
function captureLogs(): { lines: Record<string, unknown>[]; stream: Writable } {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) lines.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  return { lines, stream };
}

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
      expect(logs.lines.some((line) => String(line.msg).includes('npm run setup'))).toBe(true);
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
    } finally {
      await app.stop();
    }
  });

  it('rejects an invalid config', async () => {
    fs.writeFileSync(path.join(dataDir, 'config.json'), JSON.stringify({ cameras: [{ id: 'cam', name: 'Cam', url: 'cam.mp4', fps: -1 }] }));
    await expect(startPlayAisle({ port: 0, dataDir, logger: createSilentLogger() })).rejects.toThrow(/cameras\[0\]\.fps/);
  });
});
