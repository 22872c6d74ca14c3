import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MinuteAggregate } from '../../../ml/analytics/types.js';
import { createSilentLogger } from '../../../main/log/logger.js';
import { openDatabase, type Db } from '../../../main/storage/database.js';
import { TrafficStore } from '../../../main/storage/trafficStore.js';
import { localDayRange, localDateString } from '../../../main/storage/localDay.js';

const MINUTE = 60_000;

function minute(minuteMs: number, overrides: Partial<MinuteAggregate> = {}): MinuteAggregate {
  return {
    cameraId: 'cam',
    minuteMs,
    frames: 10,
    occupancySum: 20,
    occupancyMax: 3,
    lines: [{ lineId: 'door', crossedIn: 2, crossedOut: 1 }],
    zones: [{ zoneId: 'shelf', visits: 1, dwellMsTotal: 5000, occupancyMax: 2 }],
    heatmap: { cols: 2, rows: 2, cellSizePx: 16, counts: Uint32Array.from([1, 0, 0, 4]) },
    ...overrides,
  };
}

describe('TrafficStore', () => {
  let dir: string;
  let db: Db;
  let store: TrafficStore;
  const day = localDayRange('2026-03-10')!;

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'playaisle-store-'));
    db = openDatabase(path.join(dir, 'playaisle.db'), createSilentLogger());
    store = new TrafficStore(db);
  });

  afterEach(() => {
    db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('adds a repeated minute', () => {
    // A restart mid-minute writes the same (camera, minute) twice; the counts add up.
    store.writeMinute(minute(day.startMs));
    store.writeMinute(minute(day.startMs, { occupancyMax: 7 }));
    expect(store.lineTotals(day.startMs, day.endMs)).toEqual([{ cameraId: 'cam', lineId: 'door', crossedIn: 4, crossedOut: 2 }]);
    expect(store.zoneTotals(day.startMs, day.endMs)).toEqual([
      { cameraId: 'cam', zoneId: 'shelf', visits: 2, dwellMsTotal: 10_000, occupancyMax: 2 },
    ]);
    expect(store.cameraTotals(day.startMs, day.endMs)).toEqual([{ cameraId: 'cam', frames: 20, occupancySum: 40, occupancyMax: 7 }]);
    expect([...store.heatmapSum('cam', day.startMs, day.endMs)!.counts]).toEqual([2, 0, 0, 8]);
  });

  it('limits queries to the day', () => {
    store.writeMinute(minute(day.startMs - MINUTE)); // last minute of the day before
    store.writeMinute(minute(day.startMs + 5 * MINUTE));
    store.writeMinute(minute(day.endMs)); // first minute of the next day
    expect(store.lineTotals(day.startMs, day.endMs)[0]!.crossedIn).toBe(2);
    expect(store.lineMinutes(day.startMs, day.endMs).map((row) => row.minuteMs)).toEqual([day.startMs + 5 * MINUTE]);
  });

  it('sums heatmaps of the latest grid only', () => {
    store.writeMinute(minute(day.startMs, { heatmap: { cols: 1, rows: 1, cellSizePx: 32, counts: Uint32Array.from([9]) } }));
    store.writeMinute(minute(day.startMs + MINUTE));
    store.writeMinute(minute(day.startMs + 2 * MINUTE));
    const sum = store.heatmapSum('cam', day.startMs, day.endMs)!;
    expect([sum.cols, sum.rows, sum.cellSizePx]).toEqual([2, 2, 16]);
    expect([...sum.counts]).toEqual([2, 0, 0, 8]);
  });

  it('returns null heatmap without data', () => {
    expect(store.heatmapSum('cam', day.startMs, day.endMs)).toBeNull();
  });

  it('skips a damaged heatmap blob', () => {
    store.writeMinute(minute(day.startMs));
    store.writeMinute(minute(day.startMs + MINUTE));
    db.prepare('UPDATE traffic_heatmap_minutes SET counts = ? WHERE minute_ms = ?').run(Buffer.from('not deflate'), day.startMs);
    expect([...store.heatmapSum('cam', day.startMs, day.endMs)!.counts]).toEqual([1, 0, 0, 4]);
  });

  it('purges minutes before the cutoff', () => {
    store.writeMinute(minute(day.startMs));
    store.writeMinute(minute(day.startMs + MINUTE));
    // 4 tables hold one row each for the first minute.
    expect(store.purgeBefore(day.startMs + MINUTE)).toBe(4);
    expect(store.cameraTotals(0, day.endMs)[0]!.frames).toBe(10);
  });

  it('keeps data across reopen', () => {
    store.writeMinute(minute(day.startMs));
    db.close();
    db = openDatabase(path.join(dir, 'playaisle.db'), createSilentLogger());
    store = new TrafficStore(db);
    expect(store.lineTotals(day.startMs, day.endMs)[0]!.crossedIn).toBe(2);
  });
});

describe('localDay', () => {
  it.each([
    ['2026-02-30'], // no such day
    ['2026-1-05'], // month needs two digits
    ['yesterday'],
    [''],
  ])('rejects %j', (text) => {
    expect(localDayRange(text)).toBeNull();
  });

  it('round-trips a date', () => {
    const range = localDayRange('2026-12-31')!;
    expect(localDateString(range.startMs)).toBe('2026-12-31');
    expect(localDateString(range.endMs)).toBe('2027-01-01');
  });
});
