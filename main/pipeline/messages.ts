import type { MinuteAggregate } from '../../ml/analytics/types.js';
import type { CameraStatus } from '../api/wire.js';
import type { StoreConfig } from '../config/schema.js';
import type { LiveCamera } from './summaryBuilder.js';

/**
 * Messages between the main thread and the analysis worker. They carry
 * statuses and aggregates only, never frames.
 */

/** `workerData` of the analysis worker. */
export interface AnalysisWorkerData {
  config: StoreConfig;
  /** Test seam: replace the real detector with one that returns no detections. */
  detector?: 'real' | 'none';
  /** The main logger's level, so the worker logs as much as the main thread (pino level name or `silent`). */
  logLevel?: string;
}

export type WorkerMessage =
  /** The detector is loaded and the cameras are starting. */
  | { type: 'ready'; backend: string | null; model: string | null }
  | { type: 'status'; status: CameraStatus }
  /** The open minute so far and the current occupancy, at most once a second per camera. */
  | { type: 'live'; cameraId: string; live: LiveCamera }
  | { type: 'minute'; minute: MinuteAggregate }
  /** The worker cannot run at all (e.g. the detector failed to load); the host retries with backoff. */
  | { type: 'fatal'; errorCode: string; message: string }
  /** Every camera is stopped and every open minute has been sent. */
  | { type: 'stopped' };

export type HostMessage = { type: 'stop' };
