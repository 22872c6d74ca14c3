import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createRootLogger, createSilentLogger } from '../../../main/log/logger.js';
import { openDatabase } from '../../../main/storage/database.js';
import { openDatabaseWithRecovery } from '../../../main/storage/databaseRecovery.js';
import { TrafficStore } from '../../../main/storage/trafficStore.js';
import type { MinuteAggregate } from '../../../ml/analytics/types.js';
import { captureLogs } from '../../support/captureLogs.js';

/** 2026-12-04T21:24:00Z, so the moved file name is predictable. */
const NOW_MS = Date.UTC(2026, 11, 4, 21, 24, 0);
const MOVED_SUFFIX = '.corrupt-20261204T212400Z';

function minute(minuteMs: number, crossedIn: number): MinuteAggregate {
  return {
    cameraId: 'cam', minuteMs, frames: 300, occupancySum: 600, occupancyMax: 4,
    lines: [{ lineId: 'door', crossedIn, crossedOut: 1 }],
    zones: [{ zoneId: 'shelf', visits: 2, dwellMsTotal: 12_000, occupancyMax: 2 }],
    heatmap: null,
  };
}

/** Writes `count` minutes to a real database file and closes it, so the WAL is folded into the file. */
function writeRealDatabase(file: string, count: number): void {
  const db = openDatabase(file, createSilentLogger());
  const store = new TrafficStore(db);
  for (let index = 0; index < count; index++) store.writeMinute(minute(NOW_MS - (count - index) * 60_000, index % 7));
  db.close();
}

describe('openDatabaseWithRecovery', () => {
  let dir: string;
  let file: string;

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'playaisle-recovery-'));
    file = path.join(dir, 'playaisle.db');
  });

  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('keeps a healthy database', () => {
    writeRealDatabase(file, 30);
    const expectedIn = Array.from({ length: 30 }, (_, index) => index % 7).reduce((sum, value) => sum + value, 0);
    const { db, recovered } = openDatabaseWithRecovery(file, createSilentLogger(), () => NOW_MS);
    try {
      expect(recovered).toBeNull();
      expect(new TrafficStore(db).lineTotals(0, NOW_MS)).toEqual([{ cameraId: 'cam', lineId: 'door', crossedIn: expectedIn, crossedOut: 30 }]);
      expect(fs.readdirSync(dir).filter((name) => name.includes('.corrupt-'))).toEqual([]);
    } finally {
      db.close();
    }
  });

  it('moves a file of garbage bytes aside', () => {
    const garbage = Buffer.alloc(64 * 1024);
    for (let index = 0; index < garbage.length; index++) garbage[index] = (index * 7919 + 13) % 251;
    fs.writeFileSync(file, garbage);
    const logs = captureLogs();

    const { db, recovered } = openDatabaseWithRecovery(file, createRootLogger({ destination: logs.stream }), () => NOW_MS);
    try {
      expect(recovered?.movedTo).toBe(file + MOVED_SUFFIX);
      expect(recovered?.reason).toMatch(/not a database/);
      // The damaged bytes are kept as they were, and the fresh database works.
      expect(fs.readFileSync(file + MOVED_SUFFIX).equals(garbage)).toBe(true);
      new TrafficStore(db).writeMinute(minute(NOW_MS, 3));
      expect(new TrafficStore(db).lineTotals(0, NOW_MS + 60_000)).toEqual([{ cameraId: 'cam', lineId: 'door', crossedIn: 3, crossedOut: 1 }]);
      const logged = logs.lines.find((line) => line.movedTo === file + MOVED_SUFFIX);
      expect(logged?.level).toBe(50);
      expect(String(logged?.msg)).toContain('.recover');
    } finally {
      db.close();
    }
  });

  it('moves a truncated real database aside', () => {
    writeRealDatabase(file, 2000);
    const size = fs.statSync(file).size;
    // Cut the file mid-page at 60 % of its length: the header still says it is
    // a database, but pages of the tables are missing.
    fs.truncateSync(file, Math.floor(size * 0.6) + 100);
    const truncatedBytes = fs.readFileSync(file);

    const { db, recovered } = openDatabaseWithRecovery(file, createSilentLogger(), () => NOW_MS);
    try {
      expect(recovered?.movedTo).toBe(file + MOVED_SUFFIX);
      expect(fs.readFileSync(file + MOVED_SUFFIX).equals(truncatedBytes)).toBe(true);
      expect(new TrafficStore(db).lineTotals(0, NOW_MS)).toEqual([]);
    } finally {
      db.close();
    }
  });

  it('moves the WAL and shared-memory files too', () => {
    fs.writeFileSync(file, 'this is not SQLite');
    fs.writeFileSync(`${file}-wal`, 'old wal');
    fs.writeFileSync(`${file}-shm`, 'old shm');

    const { db, recovered } = openDatabaseWithRecovery(file, createSilentLogger(), () => NOW_MS);
    db.close();
    expect(recovered).not.toBeNull();
    expect(fs.readFileSync(`${file}${MOVED_SUFFIX}-wal`, 'utf8')).toBe('old wal');
    // SQLite rewrites the -shm index on open; it contains no data, so only its move is checked.
    expect(fs.existsSync(`${file}${MOVED_SUFFIX}-shm`)).toBe(true);
  });

  it('never overwrites an earlier moved file', () => {
    fs.writeFileSync(file + MOVED_SUFFIX, 'first damaged copy');
    fs.writeFileSync(file, 'second damaged copy');

    const { db, recovered } = openDatabaseWithRecovery(file, createSilentLogger(), () => NOW_MS);
    db.close();
    expect(recovered?.movedTo).toBe(`${file}${MOVED_SUFFIX}-2`);
    expect(fs.readFileSync(file + MOVED_SUFFIX, 'utf8')).toBe('first damaged copy');
    expect(fs.readFileSync(`${file}${MOVED_SUFFIX}-2`, 'utf8')).toBe('second damaged copy');
  });

  it('raises a failure that is not damage', () => {
    // A folder in the database's place cannot be opened, but its content is not
    // damaged, so it stays where it is and the error reaches the caller.
    fs.mkdirSync(file);
    expect(() => openDatabaseWithRecovery(file, createSilentLogger(), () => NOW_MS)).toThrow();
    expect(fs.statSync(file).isDirectory()).toBe(true);
    expect(fs.readdirSync(dir)).toEqual(['playaisle.db']);
  });
});
