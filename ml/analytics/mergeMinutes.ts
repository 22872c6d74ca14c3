import { addHeatmaps } from './heatmapCells.js';
import type { MinuteAggregate } from './types.js';

/**
 * Add two aggregates of the same camera and minute, as when the app restarts
 * mid-minute or a failed write is retried with newer frames. Lines and zones
 * present in only one side are kept. Heatmaps of different grid sizes cannot
 * be added, so the one from `later` wins.
 */
export function mergeMinutes(earlier: MinuteAggregate, later: MinuteAggregate): MinuteAggregate {
  if (earlier.cameraId !== later.cameraId || earlier.minuteMs !== later.minuteMs) {
    throw new RangeError(`cannot merge minute ${earlier.cameraId}@${earlier.minuteMs} with ${later.cameraId}@${later.minuteMs}`);
  }
  return {
    cameraId: later.cameraId,
    minuteMs: later.minuteMs,
    frames: earlier.frames + later.frames,
    occupancySum: earlier.occupancySum + later.occupancySum,
    occupancyMax: Math.max(earlier.occupancyMax, later.occupancyMax),
    lines: mergeById(earlier.lines, later.lines, (line) => line.lineId, (a, b) => ({
      lineId: a.lineId,
      crossedIn: a.crossedIn + b.crossedIn,
      crossedOut: a.crossedOut + b.crossedOut,
    })),
    zones: mergeById(earlier.zones, later.zones, (zone) => zone.zoneId, (a, b) => ({
      zoneId: a.zoneId,
      visits: a.visits + b.visits,
      dwellMsTotal: a.dwellMsTotal + b.dwellMsTotal,
      occupancyMax: Math.max(a.occupancyMax, b.occupancyMax),
    })),
    heatmap: addHeatmaps(earlier.heatmap, later.heatmap),
  };
}

function mergeById<T>(left: readonly T[], right: readonly T[], idOf: (item: T) => string, add: (a: T, b: T) => T): T[] {
  const merged = new Map<string, T>();
  for (const item of left) merged.set(idOf(item), { ...item });
  for (const item of right) {
    const existing = merged.get(idOf(item));
    merged.set(idOf(item), existing ? add(existing, item) : { ...item });
  }
  return [...merged.values()];
}
