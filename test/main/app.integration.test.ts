import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TrafficSummary } from '../../main/api/wire.js';
import { startPlayAisle, type RunningPlayAisle } from '../../main/app.js';
import { parseStoreConfig } from '../../main/config/loadConfig.js';
import { createSilentLogger } from '../../main/log/logger.js';
import { openDatabase } from '../../main/storage/database.js';

/** TUD-Campus: 71 frames of people walking past a building, 640×480 at 25 fps. */
const CLIP = path.resolve(import.meta.dirname, '../../../shared/data/tud-campus/TUD-Campus.mp4');
const hasClip = fs.existsSync(CLIP);
if (!hasClip) console.warn(`Skipping the app integration test: ${CLIP} is missing (it comes with ../shared/data).`);

/** Maximum wait for the real detector to load and analyse its first frames on a slow CI machine. */
const FIRST_FRAMES_TIMEOUT_MS = 120_000;

async function waitFor<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out; last value: ${JSON.stringify(value).slice(0, 500)}`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

describe.skipIf(!hasClip)('startPlayAisle with a real camera', () => {
  let dataDir: string;
  let app: RunningPlayAisle;

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'playaisle-app-'));
    const config = parseStoreConfig({
      cameras: [{
        id: 'campus', name: 'Campus', url: CLIP, fps: 5, loop: true, realtime: true,
        lines: [{ id: 'middle', name: 'Middle', points: [320, 0, 320, 480], entrance: true }],
        zones: [{ id: 'left', name: 'Left half', polygon: [[0, 0], [320, 0], [320, 480], [0, 480]] }],
      }],
    }, 'integration test');
    app = await startPlayAisle({ port: 0, dataDir, config, logger: createSilentLogger(), staticDir: path.join(dataDir, 'no-screens') });
  });

  afterAll(async () => {
    await app?.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('analyses frames and reports the camera running', async () => {
    const summary = await waitFor(
      async () => (await (await fetch(`${app.url}/api/traffic/summary`)).json()) as TrafficSummary,
      (value) => value.cameras[0]?.state === 'running' && value.cameras[0].framesAnalysed > 0,
      FIRST_FRAMES_TIMEOUT_MS,
    );
    expect(summary.cameras[0]!.backend).not.toBeNull();
    expect(summary.lines.map((line) => line.lineId)).toEqual(['middle']);
    expect(summary.errorCode).toBeNull();

    const cameras = (await (await fetch(`${app.url}/api/cameras`)).json()) as { cameraId: string }[];
    expect(cameras.map((camera) => camera.cameraId)).toEqual(['campus']);
  });

  it('delivers a summary over SSE', async () => {
    const controller = new AbortController();
    const response = await fetch(`${app.url}/api/events`, { signal: controller.signal });
    const reader = response.body!.getReader();
    let text = '';
    while (!/event: summary\ndata: .*\n\n/.test(text)) {
      const { value, done } = await reader.read();
      if (done) break;
      text += new TextDecoder().decode(value);
    }
    controller.abort();
    const data = /event: summary\ndata: (.*)\n\n/.exec(text)?.[1];
    const summary = JSON.parse(data!) as TrafficSummary;
    expect(summary.cameras[0]!.cameraId).toBe('campus');
    expect(summary.hourly).toHaveLength(24);
  });

  it('serves a heatmap PNG', async () => {
    const response = await fetch(`${app.url}/api/traffic/heatmap/campus`);
    expect(response.headers.get('content-type')).toBe('image/png');
    const bytes = Buffer.from(await response.arrayBuffer());
    expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect((await fetch(`${app.url}/api/traffic/heatmap/nope`)).status).toBe(404);
    expect((await fetch(`${app.url}/api/traffic/summary?date=2026-02-31`)).status).toBe(400);
  });

  it('writes the open minute on stop', async () => {
    await app.stop();
    const db = openDatabase(path.join(dataDir, 'playaisle.db'), createSilentLogger());
    try {
      const frames = db.prepare('SELECT SUM(frames) FROM traffic_camera_minutes WHERE camera_id = ?').pluck().get('campus') as number | null;
      expect(frames).toBeGreaterThan(0);
    } finally {
      db.close();
    }
  });
});
