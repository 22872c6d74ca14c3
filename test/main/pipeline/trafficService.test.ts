import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MinuteAggregate } from '../../../ml/analytics/types.js';
import { parseStoreConfig } from '../../../main/config/loadConfig.js';
import { createSilentLogger } from '../../../main/log/logger.js';
import { TrafficService } from '../../../main/pipeline/trafficService.js';
import { openDatabase, type Db } from '../../../main/storage/database.js';
import { localDayRange } from '../../../main/storage/localDay.js';
import { MinuteWriter } from '../../../main/storage/minuteWriter.js';
import { TrafficStore } from '../../../main/storage/trafficStore.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = localDayRange('2026-05-20')!;

const config = parseStoreConfig({
  cameras: [
    {
      id: 'door', name: 'Door', url: 'door.mp4',
      lines: [
        { id: 'main', name: 'Main door', points: [0, 100, 640, 100], entrance: true },
        { id: 'aisle', name: 'Aisle 3', points: [300, 0, 300, 480] },
      ],
      zones: [{ id: 'lego', name: 'LEGO', polygon: [[0, 0], [100, 0], [100, 100]] }],
    },
  ],
  storage: { retentionDays: 30 },
}, 'test');

/** Clock the test moves by hand. */
const clock = { now: DAY.startMs + 10 * HOUR + 30 * MINUTE, nowMs() { return this.now; } };

function minute(minuteMs: number, entranceIn: number, aisleIn = 0): MinuteAggregate {
  return {
    cameraId: 'door', minuteMs, frames: 60, occupancySum: 60, occupancyMax: 2,
    lines: [{ lineId: 'main', crossedIn: entranceIn, crossedOut: 1 }, { lineId: 'aisle', crossedIn: aisleIn, crossedOut: 0 }],
    zones: [{ zoneId: 'lego', visits: 2, dwellMsTotal: 30_000, occupancyMax: 1 }],
    heatmap: null,
  };
}

describe('TrafficService', () => {
  let dir: string;
  let db: Db;
  let store: TrafficStore;
  let service: TrafficService;
  let writer: MinuteWriter;

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'playaisle-traffic-'));
    db = openDatabase(path.join(dir, 'playaisle.db'), createSilentLogger());
    store = new TrafficStore(db);
    writer = new MinuteWriter(store, createSilentLogger());
    clock.now = DAY.startMs + 10 * HOUR + 30 * MINUTE;
    service = new TrafficService({ config, store, writer, clock, logger: createSilentLogger() });
  });

  afterEach(() => {
    service.stop();
    db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('counts only entrance lines in totals', () => {
    service.addFinishedMinute(minute(DAY.startMs + 9 * HOUR, 3, 50));
    const summary = service.summary()!;
    expect(summary.date).toBe('2026-05-20');
    expect([summary.in, summary.out]).toEqual([3, 1]);
    expect(summary.lines.map((line) => [line.lineId, line.in])).toEqual([['main', 3], ['aisle', 50]]);
    expect(summary.hourly[9]).toEqual({ hour: 9, in: 3, out: 1 });
  });

  it('adds the live minute once', () => {
    service.addFinishedMinute(minute(DAY.startMs + 10 * HOUR, 2));
    service.setLive('door', { minute: minute(DAY.startMs + 10 * HOUR + 30 * MINUTE, 5), occupancy: 4, zoneOccupancy: { lego: 2 } });
    let summary = service.summary()!;
    expect(summary.in).toBe(7);
    expect(summary.occupancy).toBe(4);
    expect(summary.zones[0]).toMatchObject({ zoneId: 'lego', occupancy: 2, visits: 4, meanDwellMs: 15_000 });

    // When the live minute is finished and stored, it must not count twice.
    service.addFinishedMinute(minute(DAY.startMs + 10 * HOUR + 30 * MINUTE, 5));
    summary = service.summary()!;
    expect(summary.in).toBe(7);
  });

  it('saves live minutes of a dead worker', () => {
    service.setLive('door', { minute: minute(DAY.startMs + 10 * HOUR + 30 * MINUTE, 5), occupancy: 1, zoneOccupancy: {} });
    expect(service.saveLiveMinutes()).toBe(1);
    expect(store.lineTotals(DAY.startMs, DAY.endMs).find((row) => row.lineId === 'main')!.crossedIn).toBe(5);
    // The saved minute no longer counts as live, so the summary shows it once.
    expect(service.summary()!.in).toBe(5);
    expect(service.saveLiveMinutes()).toBe(0);
  });

  it('shows no live occupancy for another day', () => {
    service.setLive('door', { minute: null, occupancy: 4, zoneOccupancy: { lego: 2 } });
    const summary = service.summary('2026-05-19')!;
    expect(summary.occupancy).toBe(0);
    expect(summary.zones[0]!.occupancy).toBe(0);
  });

  it('returns null for an invalid date', () => {
    expect(service.summary('2026-13-01')).toBeNull();
  });

  it('reports storage errors and keeps counts', () => {
    service.addFinishedMinute(minute(DAY.startMs + 8 * HOUR, 1));
    // Cap the file at its current size so the next write fails with SQLITE_FULL.
    db.pragma(`max_page_count = ${db.pragma('page_count', { simple: true }) as number}`);
    let failedMinute = DAY.startMs + 8 * HOUR + MINUTE;
    while (writer.errorCode === null) {
      service.addFinishedMinute(minute(failedMinute, 1));
      failedMinute += MINUTE;
    }
    const summary = service.summary()!;
    expect(summary.errorCode).toBe('storage_full');
    // Stored minutes and the pending one all still count.
    expect(summary.in).toBe((failedMinute - DAY.startMs - 8 * HOUR) / MINUTE);
  });

  it('marks cameras failed when the pipeline crashes', () => {
    service.failAllCameras('pipeline_crashed', 'worker exited', clock.now + 1000);
    const [camera] = service.cameraStatuses();
    expect(camera).toMatchObject({ cameraId: 'door', state: 'retrying', errorCode: 'pipeline_crashed', nextRetryAtMs: clock.now + 1000 });
  });

  it('counts pipeline restarts as retries', () => {
    service.failAllCameras('pipeline_crashed', 'worker exited', clock.now + 1000);
    service.failAllCameras('pipeline_crashed', 'worker exited', clock.now + 2000);
    expect(service.cameraStatuses()[0]!.retries).toBe(2);
    // A final failure schedules no restart, so it adds no retry.
    service.failAllCameras('detector_load_failed', 'no model', null);
    expect(service.cameraStatuses()[0]!.retries).toBe(2);
  });

  it('carries notices in every summary', () => {
    expect(service.summary()!.notices).toEqual([]);
    clock.now += MINUTE;
    service.addNotice('catalog_rejected', 'Catalog file toys.json is invalid.');
    const atMs = clock.now;
    clock.now += MINUTE;
    service.addNotice('heatmap_background_invalid', 'door.png is not a PNG.');
    // The same notice again, e.g. reported twice, is shown once.
    service.addNotice('catalog_rejected', 'Catalog file toys.json is invalid.');
    const summary = service.summary()!;
    expect(summary.notices.map((notice) => notice.code)).toEqual(['catalog_rejected', 'heatmap_background_invalid']);
    expect(summary.notices[0]).toEqual({ code: 'catalog_rejected', message: 'Catalog file toys.json is invalid.', atMs });
    // Notices do not replace the store-level error code, and a past day carries them too.
    expect(summary.errorCode).toBeNull();
    expect(service.summary('2026-05-19')!.notices).toHaveLength(2);
  });

  it('emits change on a new notice', () => {
    let changes = 0;
    service.on('change', () => changes++);
    service.addNotice('database_recovered', 'moved aside');
    service.addNotice('database_recovered', 'moved aside');
    expect(changes).toBe(1);
  });

  it('reports start-up code behind storage errors', () => {
    service = new TrafficService({ config, store, writer, clock, logger: createSilentLogger(), startupErrorCode: 'database_recovered' });
    expect(service.summary()!.errorCode).toBe('database_recovered');
    // A failing write matters more, so it replaces the start-up code while it lasts.
    db.pragma(`max_page_count = ${db.pragma('page_count', { simple: true }) as number}`);
    let failedMinute = DAY.startMs + 8 * HOUR;
    while (writer.errorCode === null) {
      service.addFinishedMinute(minute(failedMinute, 1));
      failedMinute += MINUTE;
    }
    expect(service.summary()!.errorCode).toBe('storage_full');
  });

  it('shows cameras stopped with analysis off', () => {
    service.setLive('door', { minute: minute(clock.now, 1), occupancy: 3, zoneOccupancy: { lego: 1 } });
    service.stopAllCameras('analysis_off', 'Analysis is switched off.');
    const [camera] = service.cameraStatuses();
    expect(camera).toMatchObject({ cameraId: 'door', state: 'stopped', fps: 0, errorCode: 'analysis_off', nextRetryAtMs: null });
    // Occupancy of a stopped camera would be stale, so it is dropped.
    expect(service.summary()!.occupancy).toBe(0);
  });

  it('carries both names to the wire', () => {
    const bilingual = parseStoreConfig({
      cameras: [{
        id: 'door', name: { 'zh-CN': '门口', en: 'Door' }, url: 'door.mp4',
        lines: [{ id: 'main', name: { 'zh-CN': '正门', en: 'Main door' }, points: [0, 100, 640, 100], entrance: true }],
        zones: [{ id: 'lego', name: 'LEGO', polygon: [[0, 0], [100, 0], [100, 100]] }],
      }],
    }, 'test');
    service = new TrafficService({ config: bilingual, store, writer, clock, logger: createSilentLogger() });
    // The worker's status carries only the English name; the service adds both.
    service.setCameraStatus({ ...service.cameraStatuses()[0]!, names: undefined, state: 'running' });
    const summary = service.summary()!;
    expect(summary.cameras[0]).toMatchObject({ name: 'Door', names: { 'zh-CN': '门口', en: 'Door' }, state: 'running' });
    expect(summary.lines[0]).toMatchObject({ name: 'Main door', names: { 'zh-CN': '正门', en: 'Main door' } });
    // A zone with one name has no `names` field at all.
    expect(summary.zones[0]!.name).toBe('LEGO');
    expect('names' in summary.zones[0]!).toBe(false);
  });

  it('purges minutes past retention', () => {
    service.addFinishedMinute(minute(DAY.startMs - 31 * 24 * HOUR, 1));
    service.addFinishedMinute(minute(DAY.startMs - 29 * 24 * HOUR, 1));
    service.purgeExpired();
    expect(store.lineTotals(0, DAY.endMs).find((row) => row.lineId === 'main')!.crossedIn).toBe(1);
  });
});
