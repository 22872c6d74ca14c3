import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../main/storage/database.js';
import { TrafficStore as SqliteTrafficStore } from '../../../main/storage/trafficStore.js';
import type { MinuteAggregate } from '../../../ml/analytics/types.js';
import { createSilentLogger } from '../../../main/log/logger.js';
import { MinuteWriter, storageErrorCode } from '../../../main/storage/minuteWriter.js';
import type { TrafficStore } from '../../../main/storage/trafficStore.js';

/**
 * Fake store that fails while `failWith` is set. A real full disk cannot be
 * produced safely in a unit test; the error objects carry the codes that
 * better-sqlite3 raises (SqliteError.code).
 */
class FlakyStore {
  failWith: Error | null = null;
  written: MinuteAggregate[] = [];
  writeMinute(minute: MinuteAggregate): void {
    if (this.failWith) throw this.failWith;
    this.written.push(minute);
  }
}

function sqliteError(code: string): Error {
  return Object.assign(new Error(`${code}: simulated`), { code });
}

function minute(minuteMs: number, crossedIn = 1): MinuteAggregate {
  return {
    cameraId: 'cam', minuteMs, frames: 1, occupancySum: 1, occupancyMax: 1,
    lines: [{ lineId: 'door', crossedIn, crossedOut: 0 }], zones: [], heatmap: null,
  };
}

describe('MinuteWriter', () => {
  it('keeps a failed minute for the next try', () => {
    const store = new FlakyStore();
    const writer = new MinuteWriter(store as unknown as TrafficStore, createSilentLogger());
    store.failWith = sqliteError('SQLITE_FULL');
    expect(writer.write(minute(0))).toBe(false);
    expect(writer.errorCode).toBe('storage_full');
    expect(writer.pendingCount).toBe(1);

    store.failWith = null;
    expect(writer.write(minute(60_000))).toBe(true);
    expect(store.written.map((m) => m.minuteMs)).toEqual([0, 60_000]);
    expect(writer.errorCode).toBeNull();
    expect(writer.pendingCount).toBe(0);
  });

  it('merges a repeated pending minute', () => {
    const store = new FlakyStore();
    const writer = new MinuteWriter(store as unknown as TrafficStore, createSilentLogger());
    store.failWith = sqliteError('SQLITE_IOERR');
    writer.write(minute(0, 2));
    writer.write(minute(0, 3));
    expect(writer.pendingCount).toBe(1);
    store.failWith = null;
    expect(writer.retry()).toBe(true);
    expect(store.written[0]!.lines[0]!.crossedIn).toBe(5);
  });

  it('survives a full database with real SQLite', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'playaisle-full-'));
    const db = openDatabase(path.join(dir, 'playaisle.db'), createSilentLogger());
    try {
      const store = new SqliteTrafficStore(db);
      const writer = new MinuteWriter(store, createSilentLogger());
      expect(writer.write(minute(0, 7))).toBe(true);

      // max_page_count caps the file at its current size, so the next insert
      // fails with SQLITE_FULL exactly as on a full disk.
      const pages = db.pragma('page_count', { simple: true }) as number;
      db.pragma(`max_page_count = ${pages}`);
      let minuteMs = 60_000;
      while (writer.write(minute(minuteMs))) minuteMs += 60_000;
      expect(writer.errorCode).toBe('storage_full');
      expect(writer.pendingCount).toBe(1);
      // The minute committed before the failure is still there.
      expect(store.lineTotals(0, 60_000)[0]!.crossedIn).toBe(7);

      db.pragma('max_page_count = 1073741823');
      expect(writer.retry()).toBe(true);
      expect(store.lineTotals(minuteMs, minuteMs + 60_000)[0]!.crossedIn).toBe(1);
    } finally {
      db.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it.each([
    ['SQLITE_FULL', 'storage_full'],
    ['SQLITE_READONLY', 'storage_read_only'],
    ['SQLITE_READONLY_DBMOVED', 'storage_read_only'],
    ['SQLITE_IOERR_WRITE', 'storage_write_failed'],
    [undefined, 'storage_write_failed'], // not an SQLite error at all
  ])('maps %s to %s', (code, expected) => {
    expect(storageErrorCode(code ? sqliteError(code) : new Error('other'))).toBe(expected);
  });
});
