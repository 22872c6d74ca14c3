import { createFrameAnalyzer } from '../../ml/analytics/analyzerFactory.js';
import type { FrameAnalyzer } from '../../ml/analytics/frameAnalyzer.js';
import { MinuteAggregator } from '../../ml/analytics/minuteAggregator.js';
import type { PersonDetector, RgbFrame } from '../../ml/detection/types.js';
import type { CameraStatus } from '../api/wire.js';
import type { CameraInput } from '../cameras/cameraSource.js';
import { CameraSupervisor } from '../cameras/cameraSupervisor.js';
import { assertReadableFile, probeVideo } from '../cameras/ffmpegFrames.js';
import type { Detection } from '../../ml/detection/types.js';
import type { CameraConfig, StoreConfig } from '../config/schema.js';
import type { Logger } from '../log/logger.js';
import type { WorkerMessage } from './messages.js';

/** Gap between live snapshots sent per camera; the dashboard redraws at most every 2 s anyway. */
export const LIVE_INTERVAL_MS = 1_000;
/** Gap between camera status checks; a changed status is sent at once after a check. */
export const STATUS_POLL_MS = 1_000;

/** The parts of a camera runner the session uses; CameraSupervisor in production. */
export interface CameraRunner {
  status(): CameraStatus;
  start(): void;
  stop(): Promise<void>;
}

export type CameraRunnerFactory = (camera: CameraConfig, onFrame: (frame: RgbFrame, timestampMs: number) => Promise<void>) => CameraRunner;

export interface AnalysisSessionDeps {
  detector: PersonDetector;
  backend: string | null;
  logger: Logger;
  post: (message: WorkerMessage) => void;
  /** Defaults to a CameraSupervisor per camera. */
  createRunner?: CameraRunnerFactory;
  nowMs?: () => number;
}

interface CameraPipeline {
  camera: CameraConfig;
  runner: CameraRunner;
  analyzer: FrameAnalyzer;
  minutes: MinuteAggregator;
  lastStatusJson: string;
  lastLiveMs: number;
  /** The source's own frame size, set by each probe; lines and zones are in these pixels. */
  sourceSize: { width: number; height: number } | null;
}

/**
 * Runs every camera of the store inside the analysis worker: each frame goes
 * through the detector, the FrameAnalyzer and the camera's MinuteAggregator,
 * and finished minutes, live snapshots and status changes are posted to the
 * main thread. One detector serves all cameras, one frame at a time.
 */
export class AnalysisSession {
  private readonly pipelines: CameraPipeline[] = [];
  private detectQueue: Promise<unknown> = Promise.resolve();
  private statusTimer: NodeJS.Timeout | null = null;
  private readonly nowMs: () => number;

  constructor(
    private readonly config: StoreConfig,
    private readonly deps: AnalysisSessionDeps,
  ) {
    this.nowMs = deps.nowMs ?? (() => Date.now());
  }

  start(): void {
    for (const camera of this.config.cameras) {
      const pipeline = this.createPipeline(camera);
      this.pipelines.push(pipeline);
      pipeline.runner.start();
    }
    this.statusTimer = setInterval(() => this.postChangedStatuses(), STATUS_POLL_MS);
    this.postChangedStatuses();
  }

  /** Stops every camera, ends open zone visits, then sends the open minutes and the final statuses. */
  async stop(): Promise<void> {
    if (this.statusTimer) clearInterval(this.statusTimer);
    this.statusTimer = null;
    await Promise.all(this.pipelines.map((pipeline) => pipeline.runner.stop()));
    await this.detectQueue.catch(() => undefined);
    for (const pipeline of this.pipelines) {
      pipeline.minutes.addEndedVisits(pipeline.analyzer.endVisits());
      const minute = pipeline.minutes.flush();
      if (minute) this.deps.post({ type: 'minute', minute });
    }
    this.postChangedStatuses();
  }

  private createPipeline(camera: CameraConfig): CameraPipeline {
    const pipeline: CameraPipeline = {
      camera,
      runner: undefined as unknown as CameraRunner,
      analyzer: createFrameAnalyzer({ lines: camera.lines, zones: camera.zones, fps: camera.fps }),
      minutes: new MinuteAggregator({
        cameraId: camera.id,
        lineIds: camera.lines.map((line) => line.id),
        zoneIds: camera.zones.map((zone) => zone.id),
        cellSizePx: camera.heatmap.cellSizePx,
      }),
      lastStatusJson: '',
      lastLiveMs: Number.NEGATIVE_INFINITY,
      sourceSize: null,
    };
    const onFrame = (frame: RgbFrame, timestampMs: number): Promise<void> => this.analyzeFrame(pipeline, frame, timestampMs);
    const createRunner = this.deps.createRunner ?? ((config, handler) => this.createSupervisor(pipeline, config, handler));
    pipeline.runner = createRunner(camera, onFrame);
    return pipeline;
  }

  private createSupervisor(pipeline: CameraPipeline, camera: CameraConfig, onFrame: (frame: RgbFrame, timestampMs: number) => Promise<void>): CameraRunner {
    // The supervisor scales large sources down for the detector; remembering the
    // probed size lets analyzeFrame map boxes back to the camera's own pixels.
    const probe = async (input: CameraInput): Promise<{ width: number; height: number }> => {
      if (!input.live) await assertReadableFile(input.label);
      const info = await probeVideo(input.label, input.probeArgs);
      pipeline.sourceSize = { width: info.width, height: info.height };
      return pipeline.sourceSize;
    };
    return new CameraSupervisor(
      { id: camera.id, name: camera.name, source: camera.url, fps: camera.fps, loop: camera.loop, realtime: camera.realtime },
      { logger: this.deps.logger, onFrame, probe, backend: this.deps.backend ?? undefined, model: this.deps.detector.modelName },
    );
  }

  private async analyzeFrame(pipeline: CameraPipeline, frame: RgbFrame, timestampMs: number): Promise<void> {
    const sourceSize = pipeline.sourceSize ?? { width: frame.width, height: frame.height };
    const detections = scaleDetections(await this.detect(frame), sourceSize.width / frame.width, sourceSize.height / frame.height);
    const result = pipeline.analyzer.analyze(detections, timestampMs, sourceSize);
    for (const minute of pipeline.minutes.add(result)) this.deps.post({ type: 'minute', minute });
    this.postLive(pipeline);
  }

  /** Runs detections one at a time, because all cameras share one model. */
  private detect(frame: RgbFrame): ReturnType<PersonDetector['detect']> {
    const run = this.detectQueue.catch(() => undefined).then(() => this.deps.detector.detect(frame));
    this.detectQueue = run;
    return run;
  }

  private postLive(pipeline: CameraPipeline): void {
    const nowMs = this.nowMs();
    if (nowMs - pipeline.lastLiveMs < LIVE_INTERVAL_MS) return;
    pipeline.lastLiveMs = nowMs;
    const current = pipeline.minutes.currentOccupancy();
    this.deps.post({
      type: 'live',
      cameraId: pipeline.camera.id,
      live: { minute: pipeline.minutes.snapshot(), occupancy: current.occupancy, zoneOccupancy: Object.fromEntries(current.zones) },
    });
    this.postChangedStatuses();
  }

  private postChangedStatuses(): void {
    for (const pipeline of this.pipelines) {
      const status = pipeline.runner.status();
      // Rounding fps to 0.1 keeps small jitter in the measured rate from sending a message per frame.
      const json = JSON.stringify({ ...status, fps: Math.round(status.fps * 10) / 10 });
      if (json === pipeline.lastStatusJson) continue;
      pipeline.lastStatusJson = json;
      this.deps.post({ type: 'status', status });
    }
  }
}

/** Maps boxes from the analysis frame to the camera's own pixels. */
function scaleDetections(detections: Detection[], scaleX: number, scaleY: number): Detection[] {
  if (scaleX === 1 && scaleY === 1) return detections;
  return detections.map((detection) => ({
    score: detection.score,
    box: { x1: detection.box.x1 * scaleX, y1: detection.box.y1 * scaleY, x2: detection.box.x2 * scaleX, y2: detection.box.y2 * scaleY },
  }));
}
