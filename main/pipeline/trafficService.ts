import { EventEmitter } from 'node:events';
import type { HeatmapCells, MinuteAggregate } from '../../ml/analytics/types.js';
import { addHeatmaps, sameGrid } from '../../ml/analytics/heatmapCells.js';
import type { CameraStatus, StoreNotice, TrafficSummary } from '../api/wire.js';
import type { StoreConfig } from '../config/schema.js';
import type { Logger } from '../log/logger.js';
import { localDateString, localDayRange } from '../storage/localDay.js';
import type { MinuteWriter } from '../storage/minuteWriter.js';
import type { Clock, TrafficStore } from '../storage/trafficStore.js';
import { buildSummary, namesOf, type LiveCamera } from './summaryBuilder.js';

/** How often expired minutes are purged after the purge at start. */
export const RETENTION_INTERVAL_MS = 24 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

export interface TrafficServiceOptions {
  config: StoreConfig;
  store: TrafficStore;
  writer: MinuteWriter;
  clock: Clock;
  logger: Logger;
  /**
   * Store-level code set at start-up, e.g. `database_recovered`; the summary
   * shows it while no storage write error is pending, until the next restart.
   */
  startupErrorCode?: string | null;
}

/**
 * Main-thread owner of the traffic state: stores finished minutes, keeps the
 * live minute and camera status that the analysis reports, and builds the
 * dashboard summary. Emits `change` whenever the summary may have changed.
 */
export class TrafficService extends EventEmitter {
  private readonly statuses = new Map<string, CameraStatus>();
  private readonly live = new Map<string, LiveCamera>();
  private readonly notices: StoreNotice[] = [];
  private retentionTimer: NodeJS.Timeout | null = null;

  constructor(private readonly options: TrafficServiceOptions) {
    super();
    for (const camera of options.config.cameras) this.statuses.set(camera.id, initialStatus(camera.id, camera.name));
  }

  /** Purges expired minutes now and then once a day. */
  startRetention(): void {
    this.purgeExpired();
    this.retentionTimer = setInterval(() => this.purgeExpired(), RETENTION_INTERVAL_MS);
    this.retentionTimer.unref();
  }

  stop(): void {
    if (this.retentionTimer) clearInterval(this.retentionTimer);
    this.retentionTimer = null;
  }

  /** Deletes minutes older than `storage.retentionDays`; a failure is logged and retried at the next run. */
  purgeExpired(): number {
    const cutoffMs = this.options.clock.nowMs() - this.options.config.storage.retentionDays * DAY_MS;
    try {
      const removed = this.options.store.purgeBefore(cutoffMs);
      this.options.logger.info({ removed, cutoffMs, retentionDays: this.options.config.storage.retentionDays }, 'purged expired traffic minutes');
      return removed;
    } catch (error) {
      this.options.logger.error({ err: error, cutoffMs }, 'purging expired traffic minutes failed');
      return 0;
    }
  }

  /**
   * Adds a store-level notice that every summary carries until the next
   * start. A second notice with the same code and message is ignored.
   */
  addNotice(code: string, message: string): void {
    if (this.notices.some((notice) => notice.code === code && notice.message === message)) return;
    this.notices.push({ code, message, atMs: this.options.clock.nowMs() });
    this.emit('change');
  }

  setCameraStatus(status: CameraStatus): void {
    this.statuses.set(status.cameraId, status);
    if (status.state !== 'running') this.live.delete(status.cameraId);
    this.emit('change');
  }

  /**
   * Marks every camera as failed with one code, e.g. when the analysis worker
   * crashed. With a `nextRetryAtMs` the coming restart counts as one more of
   * each camera's `retries`.
   */
  failAllCameras(errorCode: string, errorMessage: string, nextRetryAtMs: number | null): void {
    for (const status of this.statuses.values()) {
      this.statuses.set(status.cameraId, {
        ...status,
        retries: nextRetryAtMs === null ? status.retries : status.retries + 1,
        state: nextRetryAtMs === null ? 'failed' : 'retrying',
        fps: 0,
        errorCode,
        errorMessage,
        nextRetryAtMs,
      });
    }
    this.live.clear();
    this.emit('change');
  }

  /** Shows every camera as `stopped` with one reason code, e.g. `analysis_off` when the app runs without analysis. */
  stopAllCameras(reasonCode: string, reasonMessage: string): void {
    for (const status of this.statuses.values()) {
      this.statuses.set(status.cameraId, { ...status, state: 'stopped', fps: 0, errorCode: reasonCode, errorMessage: reasonMessage, nextRetryAtMs: null });
    }
    this.live.clear();
    this.emit('change');
  }

  setLive(cameraId: string, live: LiveCamera): void {
    this.live.set(cameraId, live);
    this.emit('change');
  }

  /**
   * Stores each camera's last live snapshot of its open minute, when the
   * worker died without sending it. The snapshot is at most LIVE_INTERVAL_MS
   * old, so only the frames after it are lost.
   */
  saveLiveMinutes(): number {
    let saved = 0;
    for (const [cameraId, live] of this.live) {
      if (!live.minute) continue;
      this.options.writer.write(live.minute);
      this.live.set(cameraId, { ...live, minute: null });
      saved += 1;
    }
    if (saved > 0) this.emit('change');
    return saved;
  }

  /** Stores a finished minute; on a write failure the writer keeps it for the next try. */
  addFinishedMinute(minute: MinuteAggregate): void {
    const live = this.live.get(minute.cameraId);
    if (live?.minute && live.minute.minuteMs <= minute.minuteMs) this.live.set(minute.cameraId, { ...live, minute: null });
    this.options.writer.write(minute);
    this.emit('change');
  }

  cameraStatuses(): CameraStatus[] {
    // Statuses from the worker carry only the English name, so both names are added here.
    return this.options.config.cameras.map((camera) => ({ ...this.statuses.get(camera.id)!, ...namesOf(camera) }));
  }

  /** Summary of a local day (default today); null when `date` is not a valid `YYYY-MM-DD`. */
  summary(date?: string): TrafficSummary | null {
    const nowMs = this.options.clock.nowMs();
    const day = date ?? localDateString(nowMs);
    const range = localDayRange(day);
    if (!range) return null;
    return buildSummary({
      date: day,
      range,
      nowMs,
      config: this.options.config,
      store: this.options.store,
      unstoredMinutes: this.unstoredMinutes(),
      live: this.live,
      cameras: this.cameraStatuses(),
      // A failing write is the more urgent of the two, since new counts are at risk.
      errorCode: this.options.writer.errorCode ?? this.options.startupErrorCode ?? null,
      notices: this.notices.map((notice) => ({ ...notice })),
    });
  }

  /** Heatmap cells of a camera for a local day, including minutes not yet stored; null when there are none. */
  heatmap(cameraId: string, range: { startMs: number; endMs: number }): HeatmapCells | null {
    let cells = this.options.store.heatmapSum(cameraId, range.startMs, range.endMs);
    for (const minute of this.unstoredMinutes()) {
      if (minute.cameraId !== cameraId || minute.minuteMs < range.startMs || minute.minuteMs >= range.endMs) continue;
      if (minute.heatmap && (!cells || sameGrid(cells, minute.heatmap))) cells = addHeatmaps(cells, minute.heatmap);
    }
    return cells;
  }

  /** Minutes not in the database yet: the live minute of each camera and minutes waiting for a retry. */
  private unstoredMinutes(): MinuteAggregate[] {
    const liveMinutes = [...this.live.values()].flatMap((live) => (live.minute ? [live.minute] : []));
    return [...this.options.writer.pendingMinutes(), ...liveMinutes];
  }
}

function initialStatus(cameraId: string, name: string): CameraStatus {
  return {
    cameraId, name, state: 'starting', framesAnalysed: 0, fps: 0, errorCode: null, errorMessage: null,
    nextRetryAtMs: null, retries: 0, backend: null, model: null,
  };
}
