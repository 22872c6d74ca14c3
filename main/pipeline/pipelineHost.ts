import { Worker } from 'node:worker_threads';
import { HEALTHY_PERIOD_MS, retryDelayMs } from '../cameras/backoff.js';
import type { StoreConfig } from '../config/schema.js';
import type { Logger } from '../log/logger.js';
import type { AnalysisWorkerData, HostMessage, WorkerMessage } from './messages.js';
import type { TrafficService } from './trafficService.js';

/** Maximum wait for the worker to stop its cameras and send its open minutes before it is terminated. */
export const STOP_TIMEOUT_MS = 15_000;

export interface PipelineHostOptions {
  config: StoreConfig;
  traffic: TrafficService;
  logger: Logger;
  /** Passed to the worker; `none` replaces the detector with one that returns no detections, for plumbing tests. */
  detector?: AnalysisWorkerData['detector'];
  /** Test seam: the worker script; defaults to analysisWorker.ts (or .js when compiled). */
  workerUrl?: URL;
}

/**
 * Runs the analysis worker thread and routes its messages to the
 * TrafficService. A worker that crashes or cannot load its detector is
 * logged, shown as a camera error on every camera, and restarted with
 * exponential backoff. When a worker exits without sending its open minutes,
 * the last live snapshots are stored instead.
 */
export class PipelineHost {
  private worker: Worker | null = null;
  private stopping = false;
  private failures = 0;
  private startedAtMs = 0;
  private restartTimer: NodeJS.Timeout | null = null;
  private stopped: Promise<void> | null = null;
  /** Whether the current worker sent `stopped`, i.e. it delivered its open minutes itself. */
  private workerFlushed = false;
  private resolveStopped: (() => void) | null = null;
  /**
   * Retries per camera shown before the current worker started. A new worker
   * counts its cameras' retries from 0, so its statuses are shown with these added.
   */
  private readonly earlierRetries = new Map<string, number>();
  private readonly logger: Logger;

  constructor(private readonly options: PipelineHostOptions) {
    this.logger = options.logger.child({ module: 'pipeline' });
  }

  start(): void {
    if (this.worker || this.stopping) return;
    const workerUrl = this.options.workerUrl ?? defaultWorkerUrl();
    const data: AnalysisWorkerData = { config: this.options.config, detector: this.options.detector ?? 'real', logLevel: this.options.logger.level };
    this.startedAtMs = Date.now();
    // A .ts worker (npm start, vitest) needs tsx's loader in its own thread; a compiled .js worker starts directly.
    const isTypeScript = workerUrl.pathname.endsWith('.ts');
    const worker = isTypeScript
      ? new Worker(new URL('./tsWorkerBootstrap.mjs', import.meta.url), { workerData: data, argv: [workerUrl.href] })
      : new Worker(workerUrl, { workerData: data });
    this.worker = worker;
    this.workerFlushed = false;
    worker.on('message', (message: WorkerMessage) => this.handleMessage(message));
    worker.on('error', (error) => this.logger.error({ err: error }, 'analysis worker crashed'));
    worker.on('exit', (exitCode) => this.handleExit(worker, exitCode));
    this.logger.info({ workerUrl: workerUrl.href }, 'analysis worker starting');
  }

  /** Asks the worker to stop its cameras and send its open minutes; terminates it after STOP_TIMEOUT_MS. */
  async stop(timeoutMs = STOP_TIMEOUT_MS): Promise<void> {
    this.stopping = true;
    if (this.restartTimer) clearTimeout(this.restartTimer);
    this.restartTimer = null;
    const worker = this.worker;
    if (!worker) return;
    this.stopped ??= new Promise<void>((resolve) => {
      this.resolveStopped = resolve;
    });
    const stopMessage: HostMessage = { type: 'stop' };
    worker.postMessage(stopMessage);
    const timer = setTimeout(() => {
      this.logger.warn({ timeoutMs }, 'analysis worker did not stop in time; terminating it');
      void worker.terminate();
    }, timeoutMs);
    await this.stopped;
    clearTimeout(timer);
  }

  private handleMessage(message: WorkerMessage): void {
    const traffic = this.options.traffic;
    switch (message.type) {
      case 'ready':
        this.logger.info({ backend: message.backend, model: message.model }, 'analysis worker ready');
        break;
      case 'status': {
        const earlier = this.earlierRetries.get(message.status.cameraId) ?? 0;
        traffic.setCameraStatus({ ...message.status, retries: message.status.retries + earlier });
        break;
      }
      case 'live':
        traffic.setLive(message.cameraId, message.live);
        break;
      case 'minute':
        traffic.addFinishedMinute(message.minute);
        break;
      case 'fatal':
        this.logger.error({ errorCode: message.errorCode, message: message.message }, 'analysis worker cannot run');
        this.scheduleRestart(message.errorCode, message.message);
        void this.worker?.terminate();
        break;
      case 'stopped':
        this.workerFlushed = true;
        void this.worker?.terminate();
        break;
      default: {
        const unknown: never = message;
        this.logger.warn({ message: unknown }, 'unknown message from the analysis worker');
      }
    }
  }

  private handleExit(worker: Worker, exitCode: number): void {
    if (this.worker !== worker) return;
    this.worker = null;
    if (!this.workerFlushed) {
      const saved = this.options.traffic.saveLiveMinutes();
      if (saved > 0) this.logger.warn({ saved }, 'saved the last live snapshot of each open minute from the exited worker');
    }
    if (this.stopping) {
      this.logger.info({ exitCode }, 'analysis worker stopped');
      this.resolveStopped?.();
      return;
    }
    if (!this.restartTimer) {
      this.logger.error({ exitCode }, 'analysis worker exited unexpectedly');
      this.scheduleRestart('pipeline_crashed', `The analysis worker exited with code ${exitCode}.`);
    }
  }

  private scheduleRestart(errorCode: string, message: string): void {
    if (this.stopping || this.restartTimer) return;
    if (Date.now() - this.startedAtMs >= HEALTHY_PERIOD_MS) this.failures = 0;
    this.failures += 1;
    const delayMs = retryDelayMs(this.failures);
    this.options.traffic.failAllCameras(errorCode, message, Date.now() + delayMs);
    for (const status of this.options.traffic.cameraStatuses()) this.earlierRetries.set(status.cameraId, status.retries);
    this.logger.warn({ errorCode, attempt: this.failures, delayMs }, 'restarting the analysis worker after a delay');
    this.restartTimer = setTimeout(() => {
      this.restartTimer = null;
      // A worker asked to terminate may still be exiting, so start once it has exited.
      if (this.worker) {
        this.worker.once('exit', () => this.start());
        return;
      }
      this.start();
    }, delayMs);
    this.restartTimer.unref();
  }
}

function defaultWorkerUrl(): URL {
  const extension = import.meta.url.endsWith('.ts') ? '.ts' : '.js';
  return new URL(`./analysisWorker${extension}`, import.meta.url);
}
