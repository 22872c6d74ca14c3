import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CameraStatus } from '../../../main/api/wire.js';
import { createSilentLogger } from '../../../main/log/logger.js';
import { openDatabase } from '../../../main/storage/database.js';

const REPO = path.resolve(import.meta.dirname, '../../..');
const TSX = path.join(REPO, 'node_modules', '.bin', 'tsx');
const CLIP = path.resolve(REPO, '../shared/data/tud-campus/TUD-Campus.mp4');
const hasClip = fs.existsSync(CLIP);
if (!hasClip) console.warn(`Skipping the npm start test: ${CLIP} is missing (it comes with ../shared/data).`);

describe.skipIf(!hasClip)('npm start', () => {
  let dataDir: string;

  beforeAll(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'playaisle-cli-start-'));
    fs.writeFileSync(path.join(dataDir, 'config.json'), JSON.stringify({
      cameras: [{ id: 'campus', name: 'Campus', url: CLIP, fps: 5, loop: true, realtime: true }],
    }));
  });

  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('stops on SIGINT and writes the open minute', async () => {
    const child = spawn(TSX, [path.join(REPO, 'main/cli/start.ts'), '--data-dir', dataDir, '--port', '0', '--no-build'], {
      cwd: REPO,
      env: { ...process.env, PLAYAISLE_NO_ELECTRON: '1', PLAYAISLE_LOG_LEVEL: 'warn' },
    });
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));

    const deadline = Date.now() + 120_000;
    let framesAnalysed = 0;
    while (framesAnalysed === 0) {
      if (Date.now() > deadline) throw new Error(`no frames analysed in time; output so far:\n${stdout}`);
      await new Promise((resolve) => setTimeout(resolve, 500));
      const url = /Dashboard: (http:\/\/127\.0\.0\.1:\d+)\//.exec(stdout)?.[1];
      if (!url) continue;
      const cameras = (await (await fetch(`${url}/api/cameras`)).json()) as CameraStatus[];
      framesAnalysed = cameras[0]?.framesAnalysed ?? 0;
    }
    expect(stdout).toMatch(/Kiosk: +http:\/\/127\.0\.0\.1:\d+\/kiosk\//);

    child.kill('SIGINT');
    expect(await exited).toBe(0);
    const db = openDatabase(path.join(dataDir, 'playaisle.db'), createSilentLogger());
    try {
      expect(db.prepare('SELECT SUM(frames) FROM traffic_camera_minutes').pluck().get()).toBeGreaterThan(0);
    } finally {
      db.close();
    }
  });
});
