/**
 * Runs one `ffmpeg` process that writes raw RGB24 frames to stdout and turns
 * them into `RgbFrame`s. Shared by file analysis (`ffmpegFrames.ts`) and live
 * cameras (`cameraSupervisor.ts`).
 *
 * Backpressure: decoded frames wait in a queue of at most READ_AHEAD_FRAMES
 * (plus the one being filled). When it is full, stdout is paused, the pipe
 * fills and ffmpeg blocks on write, so a slow detector drops no frames and
 * memory stays flat. The short queue lets ffmpeg decode the next frame while
 * the consumer works on the current one.
 *
 * A live source cannot wait: pausing it only makes frames lag behind the
 * wall clock until the camera's buffer overflows. With `dropOldestWhenBehind`
 * stdout is never paused, and a full queue drops its oldest frame instead.
 */
import { spawn as nodeSpawn } from 'node:child_process';
import type { Readable } from 'node:stream';
import type { RgbFrame } from '../../ml/detection/types.js';
import { VideoError } from './errors.js';
import { FrameAssembler } from './frameAssembler.js';
import { redactCredentials } from './redact.js';

/** Program names, resolved on PATH (Debian's ffmpeg package provides both). */
export const FFMPEG_COMMAND = 'ffmpeg';
export const FFPROBE_COMMAND = 'ffprobe';

/**
 * Decoded frames held ahead of the consumer. More hides decode time spikes
 * but costs one frame of memory each (0.9 MB at 640x480).
 */
export const READ_AHEAD_FRAMES = 2;

/** Bytes of ffmpeg's stderr kept for error messages, enough for its last dozen lines. */
const STDERR_TAIL_BYTES = 4096;

/** The part of `ChildProcess` this module uses, so tests can pass a fake process. */
export interface ChildProcessLike {
  readonly stdout: Readable;
  readonly stderr: Readable;
  kill(signal?: NodeJS.Signals): boolean;
  once(event: 'close', listener: (code: number | null, signal: NodeJS.Signals | null) => void): this;
  once(event: 'error', listener: (error: Error) => void): this;
}

export type SpawnFunction = (command: string, args: readonly string[]) => ChildProcessLike;

export const spawnProcess: SpawnFunction = (command, args) =>
  nodeSpawn(command, [...args], { stdio: ['ignore', 'pipe', 'pipe'] });

export interface RawVideoOutput {
  width: number;
  height: number;
  /** Output frame rate. Without it, every decoded frame is passed through. */
  fps?: number;
}

/** Builds the ffmpeg argument list: the input arguments, then raw RGB24 output on stdout. */
export function buildFfmpegArgs(inputArgs: readonly string[], output: RawVideoOutput): string[] {
  const filters: string[] = [];
  if (output.fps !== undefined) filters.push(`fps=${output.fps}`);
  filters.push(`scale=${output.width}:${output.height}`);
  return [
    '-hide_banner', '-nostdin', '-loglevel', 'error',
    ...inputArgs,
    '-an', '-sn', '-dn',
    '-vf', filters.join(','),
    // Without an fps filter, keep every decoded frame instead of letting the muxer duplicate or drop.
    ...(output.fps === undefined ? ['-fps_mode', 'passthrough'] : []),
    '-pix_fmt', 'rgb24', '-f', 'rawvideo', 'pipe:1',
  ];
}

/** Collects the last bytes a process writes to stderr. */
export class StderrTail {
  private text = '';

  attach(stream: Readable): void {
    stream.setEncoding('utf8');
    stream.on('data', (chunk: string) => {
      this.text = (this.text + chunk).slice(-STDERR_TAIL_BYTES);
    });
  }

  /** Returns the collected text with URL credentials removed, since ffmpeg repeats the input URL in its errors. */
  toString(): string {
    return redactCredentials(this.text.trim());
  }
}

export interface RawFrameOptions {
  spawn?: SpawnFunction;
  signal?: AbortSignal;
  /** Fail with `source_timeout` when no stdout bytes arrive for this long (live sources). */
  readTimeoutMs?: number;
  /** Name of the input for error messages (a path or a URL without credentials). */
  inputLabel: string;
  /**
   * Called once with ffmpeg's stderr tail when ffmpeg exits with status 0
   * but reported errors, as it does for a damaged or truncated file. The
   * frames it could decode have been yielded by then.
   */
  onDecodeErrors?: (stderrTail: string) => void;
  /**
   * Keep reading when the consumer falls behind and drop the oldest queued
   * frame, so analysis stays on the newest picture (live cameras). Off for
   * files, which must yield every frame.
   */
  dropOldestWhenBehind?: boolean;
  /** Called once for each frame dropped by `dropOldestWhenBehind`. */
  onFrameDropped?: () => void;
}

/**
 * Spawns ffmpeg with `args` and yields each full frame of `width`x`height`.
 * Ends normally when ffmpeg exits with status 0, and otherwise throws
 * `VideoError` with ffmpeg's stderr tail. Leaving the loop early or aborting kills ffmpeg.
 */
export async function* decodeRawFrames(
  args: readonly string[],
  output: RawVideoOutput,
  options: RawFrameOptions,
): AsyncGenerator<RgbFrame> {
  const spawn = options.spawn ?? spawnProcess;
  const assembler = new FrameAssembler(output.width, output.height);
  const stderr = new StderrTail();
  const child = spawn(FFMPEG_COMMAND, args);
  stderr.attach(child.stderr);

  const exited = waitForExit(child);
  const watchdog = options.readTimeoutMs === undefined ? null : new ReadWatchdog(child, options.readTimeoutMs);
  const dropPolicy = options.dropOldestWhenBehind ? { onDropped: options.onFrameDropped ?? (() => {}) } : null;
  const queue = new FrameQueue(child.stdout, assembler, watchdog, dropPolicy);
  const onAbort = (): void => {
    child.kill('SIGKILL');
  };
  options.signal?.addEventListener('abort', onAbort, { once: true });

  try {
    for (;;) {
      const frame = await queue.next();
      options.signal?.throwIfAborted();
      if (!frame) break;
      yield frame;
    }
    const exit = await exited;
    options.signal?.throwIfAborted();
    if (queue.timedOut) {
      throw new VideoError('source_timeout', `No video data from ${options.inputLabel} for ${options.readTimeoutMs} ms.`, stderr.toString());
    }
    throwIfFailed(exit, options.inputLabel, stderr.toString());
    // With `-loglevel error`, any stderr output after a clean exit is a decode error.
    if (stderr.toString() !== '') options.onDecodeErrors?.(stderr.toString());
  } finally {
    queue.close();
    options.signal?.removeEventListener('abort', onAbort);
    child.kill('SIGKILL');
  }
}

/**
 * Frames decoded from stdout, at most READ_AHEAD_FRAMES ahead of the
 * consumer: stdout is paused when the queue is full and resumed as frames
 * are taken. The watchdog runs only while stdout flows, so time the
 * consumer spends on a frame never counts as source silence.
 */
class FrameQueue {
  private readonly frames: RgbFrame[] = [];
  private ended = false;
  private streamError: Error | null = null;
  private wake: (() => void) | null = null;

  constructor(
    private readonly stdout: Readable,
    assembler: FrameAssembler,
    private readonly watchdog: ReadWatchdog | null,
    /** Set for live sources: drop the oldest frame instead of pausing stdout. */
    private readonly dropPolicy: { onDropped: () => void } | null,
  ) {
    stdout.on('data', (chunk: Buffer) => {
      this.watchdog?.touch();
      for (const frame of assembler.push(chunk)) this.frames.push(frame);
      if (this.dropPolicy) {
        while (this.frames.length > READ_AHEAD_FRAMES) {
          this.frames.shift();
          this.dropPolicy.onDropped();
        }
      } else if (this.frames.length >= READ_AHEAD_FRAMES) {
        this.pause();
      }
      this.notify();
    });
    stdout.once('end', () => this.finish(null));
    stdout.once('error', (error) => this.finish(error));
    this.watchdog?.touch();
  }

  get timedOut(): boolean {
    return this.watchdog?.fired ?? false;
  }

  /** Returns the next frame, or null at the end of the stream. */
  async next(): Promise<RgbFrame | null> {
    for (;;) {
      const frame = this.frames.shift();
      if (frame) {
        if (this.frames.length < READ_AHEAD_FRAMES && this.stdout.isPaused() && !this.ended) this.resume();
        return frame;
      }
      if (this.streamError) throw this.streamError;
      if (this.ended) return null;
      await new Promise<void>((resolve) => {
        this.wake = resolve;
      });
    }
  }

  close(): void {
    this.watchdog?.stop();
    this.stdout.removeAllListeners('data');
    this.stdout.resume();
  }

  private pause(): void {
    this.stdout.pause();
    this.watchdog?.stop();
  }

  private resume(): void {
    this.watchdog?.touch();
    this.stdout.resume();
  }

  private finish(error: Error | null): void {
    this.ended = true;
    this.streamError = error;
    this.watchdog?.stop();
    this.notify();
  }

  private notify(): void {
    const wake = this.wake;
    this.wake = null;
    wake?.();
  }
}

type ExitResult = { code: number | null; signal: NodeJS.Signals | null } | { error: Error };

function waitForExit(child: ChildProcessLike): Promise<ExitResult> {
  return new Promise((resolve) => {
    child.once('error', (error) => resolve({ error }));
    child.once('close', (code, signal) => resolve({ code, signal }));
  });
}

function throwIfFailed(exit: ExitResult, inputLabel: string, stderrTail: string): void {
  if ('error' in exit) {
    const missing = (exit.error as NodeJS.ErrnoException).code === 'ENOENT';
    if (missing) {
      throw new VideoError('ffmpeg_not_found', `Cannot start ${FFMPEG_COMMAND}: it is not installed or not on PATH. Install ffmpeg (Debian: apt-get install ffmpeg).`);
    }
    throw new VideoError('video_decode_failed', `Cannot start ${FFMPEG_COMMAND} for ${inputLabel}: ${exit.error.message}`);
  }
  if (exit.code !== 0) {
    const outcome = exit.code === null ? `was killed by ${exit.signal ?? 'a signal'}` : `exited with status ${exit.code}`;
    throw new VideoError('video_decode_failed', `ffmpeg failed to decode ${inputLabel}: it ${outcome}. Check that the source plays in ffplay or VLC.`, stderrTail);
  }
}

/** Kills the process when stdout stays silent for longer than the timeout. */
class ReadWatchdog {
  fired = false;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly child: ChildProcessLike,
    private readonly timeoutMs: number,
  ) {}

  touch(): void {
    this.stop();
    this.timer = setTimeout(() => {
      this.fired = true;
      this.child.kill('SIGKILL');
    }, this.timeoutMs);
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}
