import { LineZone } from '../counting/lineZone.js';
import { PolygonZone } from '../counting/polygonZone.js';
import type { Point } from '../geometry/types.js';
import { ByteTracker } from '../tracking/byteTracker.js';
import type { TrackedObject } from '../tracking/types.js';
import { FrameAnalyzer, type LineCounter, type ZoneCounter } from './frameAnalyzer.js';

/** One counting line: a directed segment `[x1, y1, x2, y2]` in the camera's pixels. */
export interface LineSpec {
  id: string;
  points: readonly [number, number, number, number];
}

/** One zone polygon, `[x, y]` vertices in the camera's pixels. */
export interface ZoneSpec {
  id: string;
  polygon: readonly (readonly [number, number])[];
}

export interface AnalyzerSpec {
  lines: readonly LineSpec[];
  zones: readonly ZoneSpec[];
  /** Analysed frames per second, which scales the tracker's lost-track buffer. */
  fps: number;
}

/** Builds a FrameAnalyzer from ByteTracker, LineZone and PolygonZone with their default settings. */
export function createFrameAnalyzer(spec: AnalyzerSpec): FrameAnalyzer {
  return new FrameAnalyzer({
    tracker: new ByteTracker({ frameRate: spec.fps }),
    lines: spec.lines.map(lineCounter),
    zones: spec.zones.map(zoneCounter),
  });
}

function lineCounter(spec: LineSpec): LineCounter {
  const [x1, y1, x2, y2] = spec.points;
  const zone = new LineZone({ start: { x: x1, y: y1 }, end: { x: x2, y: y2 } });
  return {
    lineId: spec.id,
    count(tracks: readonly TrackedObject[]) {
      const crossings = zone.trigger(tracks);
      return { crossedIn: crossings.crossedIn.length, crossedOut: crossings.crossedOut.length };
    },
    reset: () => zone.reset(),
  };
}

function zoneCounter(spec: ZoneSpec): ZoneCounter {
  const polygon: Point[] = spec.polygon.map(([x, y]) => ({ x, y }));
  const zone = new PolygonZone(polygon);
  return {
    zoneId: spec.id,
    update(tracks: readonly TrackedObject[], timestampMs: number) {
      const frame = zone.trigger(tracks, timestampMs);
      return { occupancy: frame.inside.length, completedDwellMs: frame.completedVisits.map((visit) => visit.dwellMs) };
    },
    endVisits: () => zone.endAllVisits().map((visit) => visit.dwellMs),
    reset: () => zone.reset(),
  };
}
