import type { MinuteAggregate } from '../../ml/analytics/types.js';
import type { CameraStatus, HourlyCount, LineSummary, LocalizedNames, StoreNotice, TrafficSummary, ZoneSummary } from '../api/wire.js';
import type { StoreConfig } from '../config/schema.js';
import { localHour } from '../storage/localDay.js';
import type { TrafficStore } from '../storage/trafficStore.js';

/** Latest live report of the analysis for one camera. */
export interface LiveCamera {
  /** The open minute so far; null right after it was closed. */
  minute: MinuteAggregate | null;
  occupancy: number;
  zoneOccupancy: Record<string, number>;
}

export interface SummaryInput {
  date: string;
  range: { startMs: number; endMs: number };
  nowMs: number;
  config: StoreConfig;
  store: TrafficStore;
  /** Minutes counted but not in the database: pending retries and live minutes. */
  unstoredMinutes: readonly MinuteAggregate[];
  live: ReadonlyMap<string, LiveCamera>;
  cameras: CameraStatus[];
  errorCode: string | null;
  notices: StoreNotice[];
}

interface LineCounts {
  in: number;
  out: number;
}

/**
 * Builds the dashboard summary of one local day from the stored minutes plus
 * the minutes not stored yet. Visitor totals and hourly counts use only the
 * lines marked `entrance`. "Now" values (occupancy) come from live data and
 * are zero for a day other than today.
 */
export function buildSummary(input: SummaryInput): TrafficSummary {
  const inDay = (minuteMs: number): boolean => minuteMs >= input.range.startMs && minuteMs < input.range.endMs;
  const unstored = input.unstoredMinutes.filter((minute) => inDay(minute.minuteMs));
  const isToday = inDay(input.nowMs);

  const lines = summarizeLines(input, unstored);
  const entranceIds = entranceLineKeys(input.config);
  const entranceLines = lines.filter((line) => entranceIds.has(lineKey(line.cameraId, line.lineId)));
  const liveCameras = isToday ? [...input.live.values()] : [];

  return {
    date: input.date,
    in: entranceLines.reduce((sum, line) => sum + line.in, 0),
    out: entranceLines.reduce((sum, line) => sum + line.out, 0),
    occupancy: liveCameras.reduce((sum, live) => sum + live.occupancy, 0),
    hourly: summarizeHours(input, unstored, entranceIds),
    lines,
    zones: summarizeZones(input, unstored, isToday),
    cameras: input.cameras,
    errorCode: input.errorCode,
    notices: input.notices,
    generatedAtMs: input.nowMs,
  };
}

function summarizeLines(input: SummaryInput, unstored: readonly MinuteAggregate[]): LineSummary[] {
  const counts = new Map<string, LineCounts>();
  const add = (cameraId: string, lineId: string, crossedIn: number, crossedOut: number): void => {
    const entry = counts.get(lineKey(cameraId, lineId)) ?? { in: 0, out: 0 };
    counts.set(lineKey(cameraId, lineId), { in: entry.in + crossedIn, out: entry.out + crossedOut });
  };
  for (const row of input.store.lineTotals(input.range.startMs, input.range.endMs)) add(row.cameraId, row.lineId, row.crossedIn, row.crossedOut);
  for (const minute of unstored) for (const line of minute.lines) add(minute.cameraId, line.lineId, line.crossedIn, line.crossedOut);

  // Configured lines come first in config order, with zeros when nothing was counted yet.
  const summaries: LineSummary[] = [];
  for (const camera of input.config.cameras) {
    for (const line of camera.lines) {
      const key = lineKey(camera.id, line.id);
      const entry = counts.get(key) ?? { in: 0, out: 0 };
      counts.delete(key);
      summaries.push({ cameraId: camera.id, lineId: line.id, name: line.name, ...namesOf(line), ...entry });
    }
  }
  // Lines counted earlier but since removed from the config still show their counts.
  for (const [key, entry] of counts) {
    const [cameraId, lineId] = splitKey(key);
    summaries.push({ cameraId, lineId, name: lineId, ...entry });
  }
  return summaries;
}

function summarizeHours(input: SummaryInput, unstored: readonly MinuteAggregate[], entranceIds: Set<string>): HourlyCount[] {
  const hours: HourlyCount[] = Array.from({ length: 24 }, (_, hour) => ({ hour, in: 0, out: 0 }));
  const add = (minuteMs: number, crossedIn: number, crossedOut: number): void => {
    const bucket = hours[localHour(minuteMs)]!;
    bucket.in += crossedIn;
    bucket.out += crossedOut;
  };
  for (const row of input.store.lineMinutes(input.range.startMs, input.range.endMs)) {
    if (entranceIds.has(lineKey(row.cameraId, row.lineId))) add(row.minuteMs, row.crossedIn, row.crossedOut);
  }
  for (const minute of unstored) {
    for (const line of minute.lines) {
      if (entranceIds.has(lineKey(minute.cameraId, line.lineId))) add(minute.minuteMs, line.crossedIn, line.crossedOut);
    }
  }
  return hours;
}

function summarizeZones(input: SummaryInput, unstored: readonly MinuteAggregate[], isToday: boolean): ZoneSummary[] {
  const totals = new Map<string, { visits: number; dwellMsTotal: number }>();
  const add = (cameraId: string, zoneId: string, visits: number, dwellMsTotal: number): void => {
    const entry = totals.get(lineKey(cameraId, zoneId)) ?? { visits: 0, dwellMsTotal: 0 };
    totals.set(lineKey(cameraId, zoneId), { visits: entry.visits + visits, dwellMsTotal: entry.dwellMsTotal + dwellMsTotal });
  };
  for (const row of input.store.zoneTotals(input.range.startMs, input.range.endMs)) add(row.cameraId, row.zoneId, row.visits, row.dwellMsTotal);
  for (const minute of unstored) for (const zone of minute.zones) add(minute.cameraId, zone.zoneId, zone.visits, zone.dwellMsTotal);

  return input.config.cameras.flatMap((camera) =>
    camera.zones.map((zone) => {
      const entry = totals.get(lineKey(camera.id, zone.id)) ?? { visits: 0, dwellMsTotal: 0 };
      const occupancy = isToday ? (input.live.get(camera.id)?.zoneOccupancy[zone.id] ?? 0) : 0;
      return {
        cameraId: camera.id,
        zoneId: zone.id,
        name: zone.name,
        ...namesOf(zone),
        occupancy,
        visits: entry.visits,
        meanDwellMs: entry.visits > 0 ? Math.round(entry.dwellMsTotal / entry.visits) : 0,
      };
    }),
  );
}

/** Returns `{ names }` when the config gave both languages, else an empty object, so the wire field stays absent. */
export function namesOf(item: { names?: LocalizedNames }): { names?: LocalizedNames } {
  return item.names ? { names: item.names } : {};
}

function entranceLineKeys(config: StoreConfig): Set<string> {
  return new Set(config.cameras.flatMap((camera) => camera.lines.filter((line) => line.entrance).map((line) => lineKey(camera.id, line.id))));
}

/** Camera and config ids cannot contain NUL (see the config's id pattern), so it separates them safely. */
function lineKey(cameraId: string, id: string): string {
  return `${cameraId}\u0000${id}`;
}

function splitKey(key: string): [string, string] {
  const separator = key.indexOf('\u0000');
  return [key.slice(0, separator), key.slice(separator + 1)];
}
