import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VideoError } from '../../../main/cameras/errors.js';
import { outputSize, parseProbeOutput, probeVideo, readVideoFrames, type VideoFrame } from '../../../main/cameras/ffmpegFrames.js';
import { buildFfmpegArgs, decodeRawFrames } from '../../../main/cameras/ffmpegProcess.js';
import { createFakeSpawn } from './fakeProcess.js';

const TUD_VIDEO = '/work/shared/data/tud-stadtmitte/TUD-Stadtmitte.mp4';

let dir = '';
let clip = '';

/** Collects every frame, or the error that ended the stream. */
async function collect(frames: AsyncIterable<VideoFrame>, perFrame?: () => Promise<void>): Promise<{ frames: VideoFrame[]; error: unknown }> {
  const seen: VideoFrame[] = [];
  try {
    for await (const frame of frames) {
      seen.push(frame);
      if (perFrame) await perFrame();
    }
    return { frames: seen, error: null };
  } catch (error) {
    return { frames: seen, error };
  }
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'playaisle-frames-'));
  clip = join(dir, 'clip.mp4');
  // 3 s of ffmpeg's test pattern at 10 fps, 160x120: 30 frames.
  execFileSync('ffmpeg', ['-v', 'error', '-f', 'lavfi', '-i', 'testsrc=size=160x120:rate=10', '-t', '3', '-c:v', 'mpeg4', clip]);
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('probeVideo', () => {
  it('reads size, rate and frame count', async () => {
    const info = await probeVideo(clip);
    expect(info.width).toBe(160);
    expect(info.height).toBe(120);
    expect(info.fps).toBe(10);
    expect(info.frameCount).toBe(30);
    expect(info.durationMs).toBeCloseTo(3000, -2);
  });

  it('times out a silent server', async () => {
    // Accepts the connection and never responds, like a camera that hangs.
    const server = createServer(() => undefined);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/video.mjpg`;
    const error = await probeVideo(url, ['-i', url], 500).catch((caught: unknown) => caught);
    server.closeAllConnections();
    server.close();
    expect(error).toBeInstanceOf(VideoError);
    expect((error as VideoError).code).toBe('source_timeout');
    expect((error as VideoError).message).toContain('timed out after 500 ms');
  });

  it('rejects a file with no video stream', () => {
    expect(() => parseProbeOutput('{"streams":[],"format":{}}', 'x.mp4')).toThrow(/x\.mp4 has no video stream/);
  });

  it('estimates frames from duration when the header lacks them', () => {
    const info = parseProbeOutput('{"streams":[{"width":4,"height":2,"avg_frame_rate":"0/0","r_frame_rate":"25/1"}],"format":{"duration":"2.0"}}', 'x');
    expect(info.fps).toBe(25);
    expect(info.frameCount).toBe(50);
  });
});

describe('outputSize', () => {
  const source = { width: 1920, height: 1080 };
  const cases: Array<{ width?: number; height?: number; expected: { width: number; height: number }; note: string }> = [
    { expected: { width: 1920, height: 1080 }, note: 'source size when none is requested' },
    { width: 640, expected: { width: 640, height: 360 }, note: 'width only keeps the aspect ratio' },
    { height: 240, expected: { width: 426, height: 240 }, note: 'height only, rounded to an even width' },
    { width: 300, height: 300, expected: { width: 300, height: 300 }, note: 'both given are used as is' },
  ];
  for (const { width, height, expected, note } of cases) {
    it(note, () => {
      expect(outputSize(source, width, height)).toEqual(expected);
    });
  }

  it('rejects a non-integer size', () => {
    expect(() => outputSize(source, 10.5)).toThrow(RangeError);
  });
});

describe('readVideoFrames', () => {
  it('yields every frame with indices and timestamps', async () => {
    const { frames, error } = await collect(readVideoFrames(clip));
    expect(error).toBeNull();
    expect(frames).toHaveLength(30);
    expect(frames.map((f) => f.index)).toEqual([...Array(30).keys()]);
    expect(frames[29]?.timestampMs).toBe(2900);
    expect(frames[0]?.frame.width).toBe(160);
    expect(frames[0]?.frame.data.length).toBe(160 * 120 * 3);
  });

  it('resamples to the requested fps and size', async () => {
    const { frames, error } = await collect(readVideoFrames(clip, { fps: 5, width: 80 }));
    expect(error).toBeNull();
    expect(frames).toHaveLength(15);
    expect(frames[1]?.timestampMs).toBe(200);
    expect(frames[0]?.frame.width).toBe(80);
    expect(frames[0]?.frame.height).toBe(60);
  });

  it('drops no frame for a slow consumer', async () => {
    const { frames, error } = await collect(readVideoFrames(clip), () => new Promise((resolve) => setTimeout(resolve, 20)));
    expect(error).toBeNull();
    expect(frames).toHaveLength(30);
  });

  it('keeps a live source current by dropping', async () => {
    // Real ffmpeg at real-time pace (-re) plays the part of a live camera: 30
    // frames over 3 s, read by a consumer that needs 300 ms a frame.
    const output = { width: 160, height: 120, fps: 10 };
    const args = buildFfmpegArgs(['-re', '-i', clip], output);
    let dropped = 0;
    const frames = decodeRawFrames(args, output, { inputLabel: clip, dropOldestWhenBehind: true, onFrameDropped: () => { dropped += 1; } });
    let received = 0;
    for await (const _frame of frames) {
      received += 1;
      await new Promise((resolve) => setTimeout(resolve, 300));
    }
    expect(received).toBeLessThan(30);
    expect(dropped).toBeGreaterThan(0);
    expect(received + dropped).toBe(30);
  });

  it('rejects a missing file by path', async () => {
    const { error } = await collect(readVideoFrames(join(dir, 'missing.mp4')));
    expect(error).toBeInstanceOf(VideoError);
    expect((error as VideoError).code).toBe('video_not_found');
    expect((error as VideoError).message).toContain('missing.mp4');
  });

  it('rejects a corrupt file with ffmpeg output', async () => {
    const corrupt = join(dir, 'corrupt.mp4');
    writeFileSync(corrupt, Uint8Array.from({ length: 64 * 1024 }, (_, i) => (i * 7919 + 13) % 256));
    const { frames, error } = await collect(readVideoFrames(corrupt));
    expect(frames).toHaveLength(0);
    expect(error).toBeInstanceOf(VideoError);
    expect((error as VideoError).code).toBe('video_probe_failed');
    expect((error as VideoError).message).toContain('corrupt.mp4');
    expect((error as VideoError).stderrTail).not.toBe('');
  });

  it('reports a truncated file', async () => {
    const avi = join(dir, 'clip.avi');
    execFileSync('ffmpeg', ['-v', 'error', '-f', 'lavfi', '-i', 'testsrc=size=160x120:rate=10', '-t', '3', '-c:v', 'mpeg4', avi]);
    const bytes = readFileSync(avi);
    const truncated = join(dir, 'truncated.avi');
    writeFileSync(truncated, bytes.subarray(0, Math.floor(bytes.length * 0.6)));

    const reports: string[] = [];
    const { frames, error } = await collect(readVideoFrames(truncated, { onDecodeErrors: (tail) => reports.push(tail) }));
    expect(error).toBeNull();
    expect(frames.length).toBeGreaterThan(0);
    expect(frames.length).toBeLessThan(30);
    expect(reports).toHaveLength(1);
    expect(reports[0]).not.toBe('');
  });

  it('stops ffmpeg on abort', async () => {
    const controller = new AbortController();
    const { frames, error } = await collect(readVideoFrames(clip, { signal: controller.signal }), async () => {
      controller.abort();
    });
    expect(frames).toHaveLength(1);
    expect((error as Error).name).toBe('AbortError');
  });

  it.skipIf(!existsSync(TUD_VIDEO))('decodes the TUD sample (skipped when /work/shared/data is absent)', async () => {
    const { frames, error } = await collect(readVideoFrames(TUD_VIDEO, { fps: 5 }));
    expect(error).toBeNull();
    // 179 frames at 25 fps last 7.16 s, so 5 fps gives 36 frames.
    expect(frames).toHaveLength(36);
    expect(frames[0]?.frame.width).toBe(640);
  });
});

describe('decodeRawFrames', () => {
  const output = { width: 2, height: 1 };
  const args = buildFfmpegArgs(['-i', 'in.mp4'], output);

  it('includes the stderr tail when ffmpeg fails', async () => {
    const { spawn } = createFakeSpawn((child) => {
      child.writeFrames(new Uint8Array(6));
      child.exit(1, null, 'in.mp4: Invalid data found when processing input\n');
    });
    const { frames, error } = await collect(mapFrames(decodeRawFrames(args, output, { inputLabel: 'in.mp4', spawn })));
    expect(frames).toHaveLength(1);
    expect((error as VideoError).code).toBe('video_decode_failed');
    expect((error as VideoError).message).toContain('exited with status 1');
    expect((error as VideoError).stderrTail).toContain('Invalid data found');
  });

  it('removes credentials from stderr', async () => {
    const { spawn } = createFakeSpawn((child) => child.exit(1, null, 'rtsp://admin:secret@10.0.0.5/s: Connection refused\n'));
    const { error } = await collect(mapFrames(decodeRawFrames(args, output, { inputLabel: 'rtsp://***@10.0.0.5/s', spawn })));
    expect((error as VideoError).stderrTail).toBe('rtsp://***@10.0.0.5/s: Connection refused');
    expect((error as VideoError).message).not.toContain('secret');
  });

  it('kills ffmpeg when the consumer leaves early', async () => {
    const { spawn, children } = createFakeSpawn((child) => child.writeFrames(new Uint8Array(60)));
    for await (const _frame of decodeRawFrames(args, output, { inputLabel: 'in.mp4', spawn })) break;
    expect(children[0]?.killSignals).toEqual(['SIGKILL']);
  });

  it('times out a silent source', async () => {
    const { spawn } = createFakeSpawn(() => undefined);
    const { error } = await collect(mapFrames(decodeRawFrames(args, output, { inputLabel: 'rtsp://cam', spawn, readTimeoutMs: 50 })));
    expect((error as VideoError).code).toBe('source_timeout');
    expect((error as VideoError).message).toContain('rtsp://cam');
  });

  it('reports a missing ffmpeg binary', async () => {
    const { spawn } = createFakeSpawn((child) => {
      const error = Object.assign(new Error('spawn ffmpeg ENOENT'), { code: 'ENOENT' });
      setImmediate(() => {
        child.emit('error', error);
        child.stdout.end();
      });
    });
    const { error } = await collect(mapFrames(decodeRawFrames(args, output, { inputLabel: 'in.mp4', spawn })));
    expect((error as VideoError).code).toBe('ffmpeg_not_found');
  });
});

async function* mapFrames(frames: AsyncIterable<VideoFrame['frame']>): AsyncGenerator<VideoFrame> {
  let index = 0;
  for await (const frame of frames) yield { frame, index: index++, timestampMs: 0 };
}
