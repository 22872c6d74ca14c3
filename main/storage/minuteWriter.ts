import type { MinuteAggregate } from '../../ml/analytics/types.js';
import { mergeMinutes } from '../../ml/analytics/mergeMinutes.js';
import type { Logger } from '../log/logger.js';
import type { TrafficStore } from './trafficStore.js';

/** Unwritten minutes kept in memory while storage fails: 4 cameras for a full day. */
export const MAX_PENDING_MINUTES = 4 * 24 * 60;

export type StorageErrorCode = 'storage_full' | 'storage_read_only' | 'storage_write_failed';

/**
 * Writes finished minutes to the store. When a write fails (full disk,
 * read-only file, I/O error) the minute stays in memory and is retried on the
 * next `write` or `retry`. A later copy of the same minute is merged into it.
 * Nothing already committed is touched by a failure, since each minute is one
 * transaction. `errorCode` stays set until a write succeeds again.
 *
 * NOTE: pending minutes live only in memory, so a kill while storage is
 * failing loses all of them. A side file would not help, because the disk
 * that failed the write is usually the one it would go to. With working
 * storage a kill loses only each camera's open minute
 * (test/main/appKill.integration.test.ts).
 */
export class MinuteWriter {
  private readonly pending = new Map<string, MinuteAggregate>();
  private droppedMinutes = 0;
  errorCode: StorageErrorCode | null = null;
  errorMessage: string | null = null;

  constructor(
    private readonly store: TrafficStore,
    private readonly logger: Logger,
  ) {}

  get pendingCount(): number {
    return this.pending.size;
  }

  /** Queue a finished minute and try to write everything pending; returns true when nothing is left pending. */
  write(minute: MinuteAggregate): boolean {
    const key = `${minute.cameraId}\u0000${minute.minuteMs}`;
    const queued = this.pending.get(key);
    this.pending.set(key, queued ? mergeMinutes(queued, minute) : minute);
    this.dropOldestBeyondLimit();
    return this.retry();
  }

  /** Try to write every pending minute, oldest first; stops at the first failure. */
  retry(): boolean {
    for (const [key, minute] of this.pending) {
      try {
        this.store.writeMinute(minute);
      } catch (error) {
        this.recordFailure(error, minute);
        return false;
      }
      this.pending.delete(key);
    }
    if (this.errorCode) this.logger.info({ previousErrorCode: this.errorCode }, 'storage writes recovered');
    this.errorCode = null;
    this.errorMessage = null;
    return true;
  }

  /** Minutes not yet written, for totals that must include them. */
  pendingMinutes(): MinuteAggregate[] {
    return [...this.pending.values()];
  }

  private recordFailure(error: unknown, minute: MinuteAggregate): void {
    const code = storageErrorCode(error);
    const message = error instanceof Error ? error.message : String(error);
    // Log a change of error once, not every retry, so a full disk cannot flood the log.
    if (code !== this.errorCode) {
      this.logger.error(
        { err: error, errorCode: code, cameraId: minute.cameraId, minuteMs: minute.minuteMs, pending: this.pending.size },
        'writing a traffic minute failed; kept in memory for the next try',
      );
    }
    this.errorCode = code;
    this.errorMessage = message;
  }

  private dropOldestBeyondLimit(): void {
    while (this.pending.size > MAX_PENDING_MINUTES) {
      const oldest = this.pending.keys().next().value as string;
      this.pending.delete(oldest);
      this.droppedMinutes += 1;
      if (this.droppedMinutes === 1 || this.droppedMinutes % 60 === 0) {
        this.logger.error({ droppedMinutes: this.droppedMinutes, limit: MAX_PENDING_MINUTES }, 'storage has failed too long; dropping the oldest unwritten minutes');
      }
    }
  }
}

/** Map a better-sqlite3 error to the code the UI translates. */
export function storageErrorCode(error: unknown): StorageErrorCode {
  const sqliteCode = (error as { code?: unknown } | null)?.code;
  if (sqliteCode === 'SQLITE_FULL') return 'storage_full';
  if (typeof sqliteCode === 'string' && sqliteCode.startsWith('SQLITE_READONLY')) return 'storage_read_only';
  return 'storage_write_failed';
}
