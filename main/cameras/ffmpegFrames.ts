/**
 * Video files in, RGB24 frames out, through Debian's `ffmpeg` and `ffprobe`.
 *
 * - `probeVideo(path)` returns width, height, fps, frame count and duration.
 * - `readVideoFrames(path, options)` yields `{ frame, index, timestampMs }` as
 *   fast as ffmpeg decodes and the consumer accepts them. Every frame by
 *   default; `fps` resamples. `index` counts from 0 in the video's own order
 *   and `timestampMs` is the output frame's time from the start of the video.
 *   Frames are never dropped: a slow consumer pauses ffmpeg (see ffmpegProcess.ts).
 *
 * A missing file, a corrupt file or a failing ffmpeg raises `VideoError`
 * naming the file, with ffmpeg's stderr tail. A damaged or truncated file
 * that ffmpeg still decodes in part ends early without an error, so pass
 * `onDecodeErrors` to learn about it.
 */
import { execFile } from 'node:child_process';
import { access, constants } from 'node:fs/promises';
import type { RgbFrame } from '../../ml/detection/types.js';
import { VideoError } from './errors.js';
import { redactCredentials } from './redact.js';
import { buildFfmpegArgs, decodeRawFrames, FFPROBE_COMMAND, type SpawnFunction } from './ffmpegProcess.js';

export interface VideoInfo {
  width: number;
  height: number;
  /** Average frame rate of the video stream, frames per second. */
  fps: number;
  /** Frames in the stream, from the container header or estimated from the duration. Null when neither is known. */
  frameCount: number | null;
  durationMs: number | null;
}

export interface ReadVideoOptions {
  /** Output rate in frames per second. Without it, every frame comes at the video's own rate. */
  fps?: number;
  /** Output width in pixels. When only one of width and height is set, the other keeps the aspect ratio. */
  width?: number;
  height?: number;
  signal?: AbortSignal;
  /** Test seam: replaces `child_process.spawn`. */
  spawn?: SpawnFunction;
  /** Called with ffmpeg's stderr tail when the file decoded with errors, e.g. truncated, and ended early. */
  onDecodeErrors?: (stderrTail: string) => void;
}

export interface VideoFrame {
  frame: RgbFrame;
  index: number;
  timestampMs: number;
}

/** Default max wait for ffprobe. A local file needs well under a second, a network camera a few seconds. */
const PROBE_TIMEOUT_MS = 20_000;

/**
 * Probes an input for its first video stream. `inputArgs` are ffmpeg input
 * options ending in `-i INPUT` (ffprobe accepts the same form), and `input`
 * names the input in errors, without credentials.
 */
export async function probeVideo(input: string, inputArgs: readonly string[] = ['-i', input], timeoutMs = PROBE_TIMEOUT_MS): Promise<VideoInfo> {
  const args = ['-v', 'error', '-select_streams', 'v:0', '-show_entries',
    'stream=width,height,avg_frame_rate,r_frame_rate,nb_frames,duration:format=duration', '-of', 'json', ...inputArgs];
  const stdout = await new Promise<string>((resolve, reject) => {
    execFile(FFPROBE_COMMAND, args, { timeout: timeoutMs, maxBuffer: 1 << 20 }, (error, out, err) => {
      if (!error) return resolve(out);
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
        return reject(new VideoError('ffmpeg_not_found', `Cannot start ${FFPROBE_COMMAND}: it is not installed or not on PATH. Install ffmpeg.`));
      }
      if (error.killed) {
        return reject(new VideoError('source_timeout', `ffprobe timed out after ${timeoutMs} ms reading ${input}. Check that the camera is on and reachable.`, redactCredentials(err.trim())));
      }
      reject(new VideoError('video_probe_failed', `ffprobe failed to read ${input}: it is corrupt, not a video, or unreachable. Check that it plays in ffplay or VLC.`, redactCredentials(err.trim())));
    });
  });
  return parseProbeOutput(stdout, input);
}

/** Parses ffprobe's JSON output into `VideoInfo`. */
export function parseProbeOutput(json: string, input: string): VideoInfo {
  const parsed = JSON.parse(json) as {
    streams?: Array<Record<string, string | number | undefined>>;
    format?: { duration?: string };
  };
  const stream = parsed.streams?.[0];
  const width = Number(stream?.width);
  const height = Number(stream?.height);
  const fps = parseRate(stream?.avg_frame_rate) ?? parseRate(stream?.r_frame_rate);
  if (!stream || !(width > 0) || !(height > 0) || fps === null) {
    throw new VideoError('video_probe_failed', `${input} has no video stream with a known size and frame rate.`);
  }
  const durationSeconds = Number(stream.duration ?? parsed.format?.duration);
  const durationMs = Number.isFinite(durationSeconds) && durationSeconds > 0 ? durationSeconds * 1000 : null;
  const headerFrames = Number(stream.nb_frames);
  let frameCount: number | null = null;
  if (Number.isInteger(headerFrames) && headerFrames > 0) frameCount = headerFrames;
  else if (durationMs !== null) frameCount = Math.round((durationMs / 1000) * fps);
  return { width, height, fps, frameCount, durationMs };
}

/** Parses ffprobe's `num/den` rate. Returns null for `0/0` and other unknown rates. */
function parseRate(rate: string | number | undefined): number | null {
  if (typeof rate !== 'string') return null;
  const [num, den] = rate.split('/').map(Number);
  if (num === undefined || !Number.isFinite(num) || num <= 0) return null;
  const value = den === undefined ? num : num / den;
  return Number.isFinite(value) && value > 0 ? value : null;
}

/**
 * Chooses the output size. Both given are used as is, and one given keeps the
 * aspect ratio, rounded to an even number as most encoders and scalers expect.
 */
export function outputSize(info: Pick<VideoInfo, 'width' | 'height'>, width?: number, height?: number): { width: number; height: number } {
  for (const [name, value] of [['width', width], ['height', height]] as const) {
    if (value !== undefined && !(Number.isInteger(value) && value > 0)) {
      throw new RangeError(`Output ${name} must be a positive integer, got ${value}.`);
    }
  }
  if (width !== undefined && height !== undefined) return { width, height };
  if (width !== undefined) return { width, height: evenAtLeastTwo((width * info.height) / info.width) };
  if (height !== undefined) return { width: evenAtLeastTwo((height * info.width) / info.height), height };
  return { width: info.width, height: info.height };
}

function evenAtLeastTwo(value: number): number {
  return Math.max(2, Math.round(value / 2) * 2);
}

/** Decodes a video file into RGB24 frames, as the file header describes. */
export async function* readVideoFrames(path: string, options: ReadVideoOptions = {}): AsyncGenerator<VideoFrame> {
  if (options.fps !== undefined && !(options.fps > 0)) {
    throw new RangeError(`fps must be a positive number, got ${options.fps}.`);
  }
  await assertReadableFile(path);
  const info = await probeVideo(path);
  const size = outputSize(info, options.width, options.height);
  const outputFps = options.fps ?? info.fps;

  const output = { ...size, ...(options.fps === undefined ? {} : { fps: options.fps }) };
  const args = buildFfmpegArgs(['-i', path], output);
  const frames = decodeRawFrames(args, output, {
    inputLabel: path,
    ...(options.spawn ? { spawn: options.spawn } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
    ...(options.onDecodeErrors ? { onDecodeErrors: options.onDecodeErrors } : {}),
  });

  let index = 0;
  for await (const frame of frames) {
    // NOTE: timestamps assume a constant frame rate. For a variable-rate file
    // without `fps`, they drift from the container's presentation times.
    yield { frame, index, timestampMs: (index * 1000) / outputFps };
    index += 1;
  }
}

/** Raises `video_not_found` before ffmpeg runs, so the message is about the path, not ffmpeg. */
export async function assertReadableFile(path: string): Promise<void> {
  try {
    await access(path, constants.R_OK);
  } catch {
    throw new VideoError('video_not_found', `Video file not found or not readable: ${path}`);
  }
}
