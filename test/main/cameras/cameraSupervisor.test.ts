import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CameraStatus } from '../../../main/api/wire.js';
import { INITIAL_RETRY_DELAY_MS, RETRY_BACKOFF_FACTOR } from '../../../main/cameras/backoff.js';
import { CameraSupervisor, type CameraConfig, type Clock, type SupervisorDependencies } from '../../../main/cameras/cameraSupervisor.js';
import { createSilentLogger } from '../../../main/log/logger.js';
import { createFakeSpawn, type FakeChildProcess } from './fakeProcess.js';

/** Clock whose `sleep` waits until the test calls `release()`, advancing `now` by the slept time. */
class FakeClock implements Clock {
  nowMs = 1_000_000;
  readonly sleeps: Array<{ ms: number; release: () => void }> = [];

  now(): number {
    return this.nowMs;
  }

  sleep(ms: number, signal: AbortSignal): Promise<void> {
    return new Promise((resolve) => {
      const release = (): void => {
        this.nowMs += ms;
        resolve();
      };
      this.sleeps.push({ ms, release });
      signal.addEventListener('abort', () => resolve(), { once: true });
    });
  }
}

async function waitFor(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

const FRAME_BYTES = 4 * 2 * 3;
const fixedProbe = async () => ({ width: 4, height: 2 });

function supervisor(config: Partial<CameraConfig>, deps: Partial<SupervisorDependencies>): CameraSupervisor {
  return new CameraSupervisor(
    { id: 'cam-1', name: 'Entrance', source: 'rtsp://127.0.0.1/stream', fps: 5, ...config },
    { logger: createSilentLogger(), onFrame: () => undefined, probe: fixedProbe, random: () => 0.5, ...deps },
  );
}

describe('CameraSupervisor with a fake ffmpeg', () => {
  it('retries a failing source with growing delays', async () => {
    const clock = new FakeClock();
    const { spawn, children } = createFakeSpawn((child) => setImmediate(() => child.exit(1, null, 'Connection refused\n')));
    const camera = supervisor({}, { spawn, clock });
    camera.start();

    await waitFor(() => clock.sleeps.length === 1);
    const status = camera.status();
    expect(status.state).toBe('retrying');
    expect(status.errorCode).toBe('video_decode_failed');
    expect(status.errorMessage).toContain('Connection refused');
    expect(status.retries).toBe(1);
    expect(status.nextRetryAtMs).toBe(clock.nowMs + INITIAL_RETRY_DELAY_MS);

    clock.sleeps[0]?.release();
    await waitFor(() => clock.sleeps.length === 2);
    expect(clock.sleeps[1]?.ms).toBe(INITIAL_RETRY_DELAY_MS * RETRY_BACKOFF_FACTOR);
    expect(children).toHaveLength(2);

    await camera.stop();
    expect(camera.status().state).toBe('stopped');
  });

  it('resets the backoff after a healthy period', async () => {
    const clock = new FakeClock();
    let run = 0;
    const { spawn } = createFakeSpawn((child) => {
      run += 1;
      if (run === 3) child.writeFrames(new Uint8Array(FRAME_BYTES));
      setImmediate(() => child.exit(1));
    });
    // The frame of the third run takes 31 s of (fake) time, longer than the healthy period.
    const camera = supervisor({}, { spawn, clock, onFrame: () => { clock.nowMs += 31_000; } });
    camera.start();

    await waitFor(() => clock.sleeps.length === 1);
    clock.sleeps[0]?.release();
    await waitFor(() => clock.sleeps.length === 2);
    clock.sleeps[1]?.release();
    await waitFor(() => clock.sleeps.length === 3);
    expect(clock.sleeps.map((s) => s.ms)).toEqual([INITIAL_RETRY_DELAY_MS, INITIAL_RETRY_DELAY_MS * RETRY_BACKOFF_FACTOR, INITIAL_RETRY_DELAY_MS]);
    await camera.stop();
  });

  it('ends a non-looping file with video-clock timestamps', async () => {
    const timestamps: number[] = [];
    const { spawn } = createFakeSpawn((child) => {
      child.writeFrames(new Uint8Array(FRAME_BYTES * 3));
      setImmediate(() => child.exit(0));
    });
    const camera = supervisor({ source: '/videos/day.mp4' }, { spawn, onFrame: (_frame, ts) => { timestamps.push(ts); } });
    camera.start();
    await camera.finished();
    expect(camera.status().state).toBe('ended');
    expect(camera.status().framesAnalysed).toBe(3);
    expect(timestamps).toEqual([0, 200, 400]);
  });

  const sizes: Array<{ maxWidth?: number; source: { width: number; height: number }; expected: string; note: string }> = [
    { source: { width: 1920, height: 1080 }, expected: 'scale=1920:1080', note: 'native size by default' },
    { maxWidth: 640, source: { width: 1920, height: 1080 }, expected: 'scale=640:360', note: 'wider source scaled to the cap' },
    { maxWidth: 640, source: { width: 320, height: 240 }, expected: 'scale=320:240', note: 'narrower source left as is' },
  ];
  for (const { maxWidth, source, expected, note } of sizes) {
    it(`decodes at ${note}`, async () => {
      const { spawn, children } = createFakeSpawn((child) => setImmediate(() => child.exit(0)));
      const camera = supervisor({ source: '/videos/a.mp4', ...(maxWidth ? { maxWidth } : {}) }, { spawn, probe: async () => source });
      camera.start();
      await camera.finished();
      const filters = children[0]?.args[children[0].args.indexOf('-vf') + 1];
      expect(filters).toBe(`fps=5,${expected}`);
    });
  }

  it('gives live frames wall-clock timestamps', async () => {
    const clock = new FakeClock();
    const timestamps: number[] = [];
    const { spawn } = createFakeSpawn((child) => child.writeFrames(new Uint8Array(FRAME_BYTES * 2)));
    const camera = supervisor({}, { spawn, clock, onFrame: (_frame, ts) => { timestamps.push(ts); clock.nowMs += 200; } });
    camera.start();
    await waitFor(() => timestamps.length === 2);
    expect(timestamps).toEqual([1_000_000, 1_000_200]);
    expect(camera.status().state).toBe('running');
    expect(camera.status().fps).toBeGreaterThan(0);
    await camera.stop();
  });

  it('retries when a live stream ends', async () => {
    const clock = new FakeClock();
    const { spawn } = createFakeSpawn((child) => setImmediate(() => child.exit(0)));
    const camera = supervisor({}, { spawn, clock });
    camera.start();
    await waitFor(() => clock.sleeps.length === 1);
    expect(camera.status().state).toBe('retrying');
    expect(camera.status().errorCode).toBe('stream_ended');
    expect(camera.status().errorMessage).toContain('ended');
    await camera.stop();
  });

  it('retries when the frame handler throws', async () => {
    const clock = new FakeClock();
    const { spawn } = createFakeSpawn((child) => child.writeFrames(new Uint8Array(FRAME_BYTES)));
    const camera = supervisor({}, { spawn, clock, onFrame: () => { throw new Error('database is locked'); } });
    camera.start();
    await waitFor(() => clock.sleeps.length === 1);
    expect(camera.status().errorCode).toBe('frame_handler_failed');
    expect(camera.status().errorMessage).toContain('database is locked');
    await camera.stop();
  });

  it('fails an invalid source without starting ffmpeg', () => {
    const { spawn, children } = createFakeSpawn();
    const camera = supervisor({ source: 'ftp://nas/video.mp4' }, { spawn });
    camera.start();
    expect(camera.status().state).toBe('failed');
    expect(camera.status().errorCode).toBe('invalid_source');
    expect(children).toHaveLength(0);
  });

  it('stops ffmpeg and leaves other cameras running', async () => {
    const processes: FakeChildProcess[] = [];
    const { spawn } = createFakeSpawn((child) => {
      processes.push(child);
      child.writeFrames(new Uint8Array(FRAME_BYTES));
    });
    const clock = new FakeClock();
    const first = supervisor({ id: 'cam-1' }, { spawn, clock });
    const second = supervisor({ id: 'cam-2' }, { spawn, clock });
    first.start();
    second.start();
    await waitFor(() => first.status().framesAnalysed === 1 && second.status().framesAnalysed === 1);

    await first.stop();
    expect(first.status().state).toBe('stopped');
    expect(processes[0]?.killSignals).toContain('SIGKILL');
    expect(second.status().state).toBe('running');
    expect(processes[1]?.killSignals).toEqual([]);
    await second.stop();
  });
});

describe('CameraSupervisor with real ffmpeg', () => {
  let dir = '';
  let clip = '';
  let jpegs: Buffer[] = [];

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'playaisle-cameras-'));
    clip = join(dir, 'clip.mp4');
    execFileSync('ffmpeg', ['-v', 'error', '-f', 'lavfi', '-i', 'testsrc=size=160x120:rate=10', '-t', '3', '-c:v', 'mpeg4', clip]);
    execFileSync('ffmpeg', ['-v', 'error', '-i', clip, '-frames:v', '10', join(dir, 'frame%02d.jpg')]);
    jpegs = readdirSync(dir).filter((name) => name.endsWith('.jpg')).sort().map((name) => readFileSync(join(dir, name)));
  });

  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  function realSupervisor(source: string, clock?: Clock): CameraSupervisor {
    return new CameraSupervisor(
      { id: 'real', name: 'Real', source, fps: 5, networkTimeoutMs: 2_000 },
      { logger: createSilentLogger(), onFrame: () => undefined, ...(clock ? { clock } : {}) },
    );
  }

  it('plays a file to the end', async () => {
    const camera = realSupervisor(clip);
    camera.start();
    await camera.finished();
    expect(camera.status().state).toBe('ended');
    expect(camera.status().framesAnalysed).toBe(15);
    await camera.stop();
    expect(camera.status().state).toBe('ended');
  });

  const broken: Array<{ name: string; write: boolean; code: string; note: string }> = [
    { name: 'corrupt.mp4', write: true, code: 'video_probe_failed', note: 'random bytes named .mp4' },
    { name: 'missing.mp4', write: false, code: 'video_not_found', note: 'a path that does not exist' },
  ];
  for (const { name, write, code, note } of broken) {
    it(`retries ${note}`, async () => {
      const path = join(dir, name);
      if (write) writeFileSync(path, Uint8Array.from({ length: 32 * 1024 }, (_, i) => (i * 31 + 7) % 251));
      const clock = new FakeClock();
      const camera = realSupervisor(path, clock);
      camera.start();
      await waitFor(() => clock.sleeps.length === 1);
      const status: CameraStatus = camera.status();
      expect(status.state).toBe('retrying');
      expect(status.errorCode).toBe(code);
      expect(status.errorMessage).toContain(name);
      await camera.stop();
    });
  }

  it('retries when an MJPEG server dies mid-stream', async () => {
    const responses = new Set<ServerResponse>();
    const server: Server = createServer((_req, res) => {
      responses.add(res);
      res.writeHead(200, { 'Content-Type': 'multipart/x-mixed-replace; boundary=frame' });
      let next = 0;
      const timer = setInterval(() => {
        const jpeg = jpegs[next++ % jpegs.length] as Buffer;
        res.write(`--frame\r\nContent-Type: image/jpeg\r\nContent-Length: ${jpeg.length}\r\n\r\n`);
        res.write(jpeg);
        res.write('\r\n');
      }, 50);
      res.on('close', () => {
        clearInterval(timer);
        responses.delete(res);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;

    const clock = new FakeClock();
    const camera = realSupervisor(`http://127.0.0.1:${port}/stream.mjpg`, clock);
    camera.start();
    await waitFor(() => camera.status().framesAnalysed >= 3, 20_000);
    expect(camera.status().state).toBe('running');

    for (const res of responses) res.destroy();
    server.close();
    await waitFor(() => clock.sleeps.length === 1, 20_000);
    expect(camera.status().state).toBe('retrying');
    // ffmpeg 5.1 exits with status 0 when the HTTP server closes the connection, so this reads as the stream ending.
    expect(camera.status().errorCode).toBe('stream_ended');
    expect(camera.status().nextRetryAtMs).not.toBeNull();
    await camera.stop();
    expect(camera.status().state).toBe('stopped');
  });
});
