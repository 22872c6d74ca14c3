import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CameraStatus, TrafficSummary } from '../../../main/api/wire.js';
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

/** `npm start` without analysis on `dataDir`, with its output collected. */
function startCli(dataDir: string): { child: ChildProcessWithoutNullStreams; output: () => string; exited: Promise<number | null> } {
  // Node with tsx's loader, not the tsx binary: the binary runs the app in a child process, so its pid is not the lock's.
  const args = ['--import', 'tsx', path.join(REPO, 'main/cli/start.ts'), '--data-dir', dataDir, '--port', '0', '--no-build', '--no-analysis'];
  const child = spawn(process.execPath, args, {
    cwd: REPO,
    env: { ...process.env, PLAYAISLE_NO_ELECTRON: '1', PLAYAISLE_LOG_LEVEL: 'info' },
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

async function waitForBanner(cli: ReturnType<typeof startCli>): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (!cli.output().includes('PlayAisle is running.')) {
    if (Date.now() > deadline) throw new Error(`no start-up banner in time; output so far:\n${cli.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe('npm start data folder lock', () => {
  let dataDir: string;
  let lockFile: string;

  beforeAll(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'playaisle-cli-lock-'));
    lockFile = path.join(dataDir, 'playaisle.lock');
  });

  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('rejects a second instance', async () => {
    const first = startCli(dataDir);
    try {
      await waitForBanner(first);
      // The banner follows the log line of the listening server.
      expect(first.output().indexOf('"server listening"')).toBeGreaterThan(-1);
      expect(first.output().indexOf('PlayAisle is running.')).toBeGreaterThan(first.output().indexOf('"server listening"'));
      expect(fs.readFileSync(lockFile, 'utf8').trim()).toBe(String(first.child.pid));

      const second = startCli(dataDir);
      expect(await second.exited).toBe(2);
      expect(second.output()).toContain(`Another PlayAisle (pid ${first.child.pid}) is already using the data folder ${dataDir}`);
      expect(second.output()).toContain('--data-dir');
    } finally {
      first.child.kill('SIGINT');
    }
    expect(await first.exited).toBe(0);
    // A clean stop removes the lock.
    expect(fs.existsSync(lockFile)).toBe(false);
  });

  it('takes over the lock of a killed instance', async () => {
    const killed = startCli(dataDir);
    await waitForBanner(killed);
    killed.child.kill('SIGKILL');
    await killed.exited;
    // SIGKILL gives no chance to clean up, so the lock with the dead pid stays.
    expect(fs.readFileSync(lockFile, 'utf8').trim()).toBe(String(killed.child.pid));

    const next = startCli(dataDir);
    try {
      await waitForBanner(next);
      expect(next.output()).toContain('taking over a stale lock file');
      expect(fs.readFileSync(lockFile, 'utf8').trim()).toBe(String(next.child.pid));
      // A dashboard notice warns the manager that the killed run may have lost its open minute.
      const url = /Dashboard: (http:\/\/127\.0\.0\.1:\d+)\//.exec(next.output())![1]!;
      const summary = (await (await fetch(`${url}/api/traffic/summary`)).json()) as TrafficSummary;
      expect(summary.notices.map((notice) => notice.code)).toContain('previous_run_interrupted');
    } finally {
      next.child.kill('SIGINT');
    }
    expect(await next.exited).toBe(0);
  });
});
