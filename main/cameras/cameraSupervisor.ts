/**
 * `CameraSupervisor` runs one camera. It starts ffmpeg on the configured
 * source and passes each analysis frame to `onFrame`. The call is awaited.
 * A slow consumer pauses a file source, so no frame is skipped, and makes a
 * live source drop its oldest frames, so analysis stays current. It keeps a
 * `CameraStatus` for the dashboard and restarts a failed source with
 * exponential backoff (backoff.ts). Each camera has its own supervisor and
 * its own ffmpeg process, so one camera's failures never stop another.
 *
 * Timestamps passed to `onFrame` are wall-clock epoch ms for live sources and
 * for files played with `realtime`. Other files get the video clock in ms
 * from the first frame, counting on across loops.
 *
 * States: starting → running → (retrying → starting …) and finally one of
 * ended (a non-looping file reached its end), failed (the configuration can
 * never work: invalid source or no ffmpeg) or stopped (`stop()` was called).
 */
import type { RgbFrame } from '../../ml/detection/types.js';
import type { CameraState, CameraStatus } from '../api/wire.js';
import type { Logger } from '../log/logger.js';
import { HEALTHY_PERIOD_MS, retryDelayMs } from './backoff.js';
import { DEFAULT_NETWORK_TIMEOUT_MS, resolveCameraInput, type CameraInput, type CameraSourceOptions } from './cameraSource.js';
import { VideoError } from './errors.js';
import { assertReadableFile, outputSize, probeVideo } from './ffmpegFrames.js';
import { buildFfmpegArgs, decodeRawFrames, type SpawnFunction } from './ffmpegProcess.js';

/** Default analysis rate. Higher follows fast walkers better but costs detector time per second. */
export const DEFAULT_ANALYSIS_FPS = 5;
/** Window over which `CameraStatus.fps` is measured. */
const FPS_WINDOW_MS = 5_000;
/** Minimum time between two "dropping frames" warnings of one camera, so a slow PC does not flood the log. */
const DROPPED_FRAMES_LOG_INTERVAL_MS = 60_000;

export interface CameraConfig extends CameraSourceOptions {
  id: string;
  name: string;
  /** File path, rtsp://, http(s):// MJPEG, `webcam:N` or `/dev/videoN`. */
  source: string;
  /** Analysis rate, frames per second. */
  fps?: number;
  /**
   * Analysis frame width cap, pixels. Wider sources are scaled down, keeping
   * the aspect ratio. Unset means the camera's own resolution, which is what
   * line and zone coordinates in the store configuration refer to, so set it
   * only when those coordinates use the scaled size.
   */
  maxWidth?: number;
}

export interface Clock {
  now(): number;
  /** Resolves after `ms`, or early when `signal` aborts. */
  sleep(ms: number, signal: AbortSignal): Promise<void>;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms, signal) =>
    new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done(): void {
        clearTimeout(timer);
        signal.removeEventListener('abort', done);
        resolve();
      }
      signal.addEventListener('abort', done, { once: true });
    }),
};

export type FrameHandler = (frame: RgbFrame, timestampMs: number) => Promise<void> | void;

export interface SupervisorDependencies {
  logger: Logger;
  onFrame: FrameHandler;
  spawn?: SpawnFunction;
  clock?: Clock;
  random?: () => number;
  /** Returns the source's frame size. Defaults to ffprobe. */
  probe?: (input: CameraInput) => Promise<{ width: number; height: number }>;
  /** Shown in the status only. */
  backend?: string;
  model?: string;
}

export class CameraSupervisor {
  private readonly logger: Logger;
  private readonly clock: Clock;
  private readonly random: () => number;
  private readonly input: CameraInput | null;
  private readonly fps: number;
  private readonly current: CameraStatus;
  private readonly frameTimes: number[] = [];
  private controller: AbortController | null = null;
  private loop: Promise<void> | null = null;
  private failures = 0;
  /** Frames dropped since the last "dropping frames" warning. */
  private droppedFrames = 0;
  private lastDropLogMs = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly config: CameraConfig,
    private readonly deps: SupervisorDependencies,
  ) {
    this.logger = deps.logger.child({ module: 'cameras', cameraId: config.id });
    this.clock = deps.clock ?? systemClock;
    this.random = deps.random ?? Math.random;
    this.fps = config.fps ?? DEFAULT_ANALYSIS_FPS;
    this.current = {
      cameraId: config.id, name: config.name, state: 'stopped', framesAnalysed: 0, fps: 0,
      errorCode: null, errorMessage: null, nextRetryAtMs: null, retries: 0,
      backend: deps.backend ?? null, model: deps.model ?? null,
    };
    let input: CameraInput | null = null;
    try {
      if (!(this.fps > 0)) throw new VideoError('invalid_source', `Camera ${config.id}: fps must be positive, got ${this.fps}.`);
      input = resolveCameraInput(config.source, config);
    } catch (error) {
      this.fail(error);
    }
    this.input = input;
  }

  /** Returns a copy of the current status, with the analysis rate over the last few seconds. */
  status(): CameraStatus {
    const now = this.clock.now();
    while (this.frameTimes.length > 0 && (this.frameTimes[0] ?? 0) < now - FPS_WINDOW_MS) this.frameTimes.shift();
    const fps = this.current.state === 'running' ? this.frameTimes.length / (FPS_WINDOW_MS / 1000) : 0;
    return { ...this.current, fps };
  }

  /** Starts the camera in the background. Does nothing while it runs or after it failed for good. */
  start(): void {
    if (this.loop || !this.input) return;
    const controller = new AbortController();
    this.controller = controller;
    this.loop = this.run(this.input, controller.signal).finally(() => {
      this.loop = null;
    });
  }

  /** Kills ffmpeg, waits for the camera loop to finish and sets the state to `stopped` unless it already `ended` or `failed`. */
  async stop(): Promise<void> {
    this.controller?.abort();
    await this.loop;
    if (this.current.state !== 'failed' && this.current.state !== 'ended') this.setState('stopped');
  }

  /** Resolves when the camera loop finishes (ended, failed or stopped). */
  async finished(): Promise<void> {
    await this.loop;
  }

  private async run(input: CameraInput, signal: AbortSignal): Promise<void> {
    this.logger.info({ source: input.label, kind: input.kind, fps: this.fps }, 'camera starting');
    while (!signal.aborted) {
      const startedAtMs = this.clock.now();
      try {
        this.setState('starting');
        await this.runSource(input, signal);
        if (signal.aborted) break;
        if (!input.live) {
          this.setState('ended');
          this.logger.info({ frames: this.current.framesAnalysed }, 'camera file ended');
          return;
        }
        throw new VideoError('stream_ended', `Stream ${input.label} ended.`);
      } catch (error) {
        if (signal.aborted) break;
        if (isPermanent(error)) {
          this.fail(error);
          return;
        }
        await this.waitBeforeRetry(error, startedAtMs, signal);
      }
    }
    this.logger.info('camera stopped');
  }

  private async runSource(input: CameraInput, signal: AbortSignal): Promise<void> {
    const sourceSize = await (this.deps.probe ?? ((source: CameraInput) => probeInput(source, this.config.networkTimeoutMs ?? DEFAULT_NETWORK_TIMEOUT_MS)))(input);
    const maxWidth = this.config.maxWidth;
    const size = maxWidth !== undefined && sourceSize.width > maxWidth ? outputSize(sourceSize, maxWidth) : outputSize(sourceSize);
    const output = { ...size, fps: this.fps };
    const frames = decodeRawFrames(buildFfmpegArgs(input.inputArgs, output), output, {
      inputLabel: input.label,
      signal,
      ...(input.live ? { readTimeoutMs: this.config.networkTimeoutMs ?? DEFAULT_NETWORK_TIMEOUT_MS } : {}),
      onDecodeErrors: (stderrTail) => this.logger.warn({ source: input.label, stderrTail }, 'camera source decoded with errors'),
      // A live camera keeps streaming while a frame is analysed, so analysis
      // that is slower than `fps` drops the oldest frames instead of lagging.
      dropOldestWhenBehind: input.live,
      onFrameDropped: () => this.countDroppedFrame(),
      ...(this.deps.spawn ? { spawn: this.deps.spawn } : {}),
    });

    const wallClock = input.live || this.config.realtime === true;
    this.current.framesAnalysed = 0;
    let index = 0;
    for await (const frame of frames) {
      if (this.current.state !== 'running') this.markRunning(size);
      const timestampMs = wallClock ? this.clock.now() : (index * 1000) / this.fps;
      index += 1;
      await this.deliver(frame, timestampMs);
    }
  }

  private async deliver(frame: RgbFrame, timestampMs: number): Promise<void> {
    try {
      await this.deps.onFrame(frame, timestampMs);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      throw new FrameHandlerError(`Frame handler failed: ${message}`);
    }
    this.current.framesAnalysed += 1;
    this.frameTimes.push(this.clock.now());
  }

  /** Counts frames dropped because analysis was slower than `fps`, logging at most once per interval. */
  private countDroppedFrame(): void {
    this.droppedFrames += 1;
    const nowMs = this.clock.now();
    if (nowMs - this.lastDropLogMs < DROPPED_FRAMES_LOG_INTERVAL_MS) return;
    this.logger.warn({ droppedFrames: this.droppedFrames, fps: this.fps }, 'analysis slower than the camera fps, dropping the oldest frames');
    this.droppedFrames = 0;
    this.lastDropLogMs = nowMs;
  }

  private markRunning(size: { width: number; height: number }): void {
    this.setState('running');
    this.current.errorCode = null;
    this.current.errorMessage = null;
    this.current.nextRetryAtMs = null;
    this.logger.info({ width: size.width, height: size.height }, 'camera running');
  }

  private async waitBeforeRetry(error: unknown, startedAtMs: number, signal: AbortSignal): Promise<void> {
    const ranMs = this.clock.now() - startedAtMs;
    if (ranMs >= HEALTHY_PERIOD_MS) this.failures = 0;
    this.failures += 1;
    const delayMs = retryDelayMs(this.failures, this.random);
    const { code, message } = describeError(error);
    this.current.errorCode = code;
    this.current.errorMessage = message;
    this.current.retries += 1;
    this.current.nextRetryAtMs = this.clock.now() + delayMs;
    this.setState('retrying');
    this.logger.warn({ err: error, errorCode: code, attempt: this.failures, delayMs }, 'camera failed, retrying');
    await this.clock.sleep(delayMs, signal);
    this.current.nextRetryAtMs = null;
  }

  private fail(error: unknown): void {
    const { code, message } = describeError(error);
    this.current.errorCode = code;
    this.current.errorMessage = message;
    this.current.nextRetryAtMs = null;
    this.setState('failed');
    this.logger.error({ err: error, errorCode: code }, 'camera failed, not retrying');
  }

  private setState(state: CameraState): void {
    this.current.state = state;
  }
}

class FrameHandlerError extends Error {
  readonly code = 'frame_handler_failed';
}

/** Errors that retrying cannot fix: a source form ffmpeg cannot read, or no ffmpeg at all. */
function isPermanent(error: unknown): boolean {
  return error instanceof VideoError && (error.code === 'invalid_source' || error.code === 'ffmpeg_not_found');
}

function describeError(error: unknown): { code: string; message: string } {
  if (error instanceof VideoError || error instanceof FrameHandlerError) return { code: error.code, message: error.message };
  return { code: 'camera_error', message: error instanceof Error ? error.message : String(error) };
}

/** Probes a camera input with ffprobe. Files use ffprobe's default timeout, cameras `networkTimeoutMs`. */
async function probeInput(input: CameraInput, networkTimeoutMs: number): Promise<{ width: number; height: number }> {
  if (!input.live) {
    await assertReadableFile(input.label);
    return probeVideo(input.label, input.probeArgs);
  }
  return probeVideo(input.label, input.probeArgs, networkTimeoutMs);
}
