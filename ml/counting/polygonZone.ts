/**
 * Occupancy and per-visit dwell time in a polygonal zone (a shelf aisle, the
 * kiosk area).
 *
 * A track is inside when the bottom centre of its box lies inside the polygon
 * (even–odd rule, so concave polygons work). A visit starts at the first
 * frame a track is seen inside. It ends when the track has been seen outside
 * for longer than `leaveGraceMs`, or has not been seen at all for longer than
 * `disappearGraceMs`. `dwellMs` runs from the first to the last frame the track
 * was seen inside, so a visit seen in one frame only has a dwell of 0.
 *
 * Call `trigger` once per analysed frame with every confirmed track and the
 * frame's `timestampMs`, which must not go backwards. Call `endAllVisits` on
 * shutdown or camera loss so that open visits are reported.
 */
import { bottomCenter, type Point, type Polygon } from '../geometry/types.js';
import type { TrackedObject } from '../tracking/types.js';
import { CountingError } from './countingError.js';

export interface PolygonZoneOptions {
  /**
   * Time in ms a track may be seen outside before its visit ends (default 1000).
   * Raising it merges a step out and back into one visit, but reports each
   * exit later and adds nothing to dwell for the time outside.
   */
  leaveGraceMs?: number;
  /**
   * Time in ms a track may be missing before its visit ends (default 3000).
   * Keep it at least the tracker's lost-track buffer, so an occluded person's visit is not split.
   */
  disappearGraceMs?: number;
}

export const DEFAULT_POLYGON_ZONE_OPTIONS: Required<PolygonZoneOptions> = {
  leaveGraceMs: 1000,
  disappearGraceMs: 3000,
};

/** One finished visit of one track. */
export interface CompletedVisit {
  trackerId: number;
  enteredAtMs: number;
  /** Timestamp of the last frame the track was seen inside. */
  lastSeenInsideMs: number;
  dwellMs: number;
  /** Why the visit ended: `left` (seen outside past the grace period), `disappeared` (not seen at all) or `ended` (closed by `endAllVisits`). */
  reason: 'left' | 'disappeared' | 'ended';
}

/** Result of one `trigger` call. */
export interface PolygonZoneFrame {
  /** Tracker ids whose anchor is inside in this frame, in input order. */
  inside: number[];
  completedVisits: CompletedVisit[];
}

interface OpenVisit {
  enteredAtMs: number;
  lastSeenInsideMs: number;
  /** Last timestamp the track was seen at all, inside or out. */
  lastSeenMs: number;
}

/** Returns whether a point is inside a polygon by the even–odd rule. A point exactly on an edge may go either way. */
export function isPointInPolygon(point: Point, polygon: Polygon): boolean {
  let inside = false;
  for (let i = 0, j = polygon.length - 1; i < polygon.length; j = i++) {
    const a = polygon[i];
    const b = polygon[j];
    if (!a || !b) continue;
    const straddles = a.y > point.y !== b.y > point.y;
    if (straddles && point.x < ((b.x - a.x) * (point.y - a.y)) / (b.y - a.y) + a.x) inside = !inside;
  }
  return inside;
}

export class PolygonZone {
  readonly polygon: Polygon;
  private readonly options: Required<PolygonZoneOptions>;
  private readonly visits = new Map<number, OpenVisit>();
  private lastTimestampMs = Number.NEGATIVE_INFINITY;

  constructor(polygon: Polygon, options: PolygonZoneOptions = {}) {
    this.options = { ...DEFAULT_POLYGON_ZONE_OPTIONS, ...options };
    validatePolygonZone(polygon, this.options);
    this.polygon = polygon.map((p) => ({ ...p }));
  }

  /** Number of open visits, including tracks within a grace period. */
  get openVisitCount(): number {
    return this.visits.size;
  }

  /** Updates visits with one frame's tracks and returns who is inside and which visits ended. */
  trigger(tracks: readonly TrackedObject[], timestampMs: number): PolygonZoneFrame {
    this.checkTimestamp(timestampMs);
    const inside: number[] = [];
    const seen = new Set<number>();

    for (const track of tracks) {
      seen.add(track.trackerId);
      const visit = this.visits.get(track.trackerId);
      if (visit) visit.lastSeenMs = timestampMs;
      if (!isPointInPolygon(bottomCenter(track.box), this.polygon)) continue;

      inside.push(track.trackerId);
      if (visit) visit.lastSeenInsideMs = timestampMs;
      else this.visits.set(track.trackerId, { enteredAtMs: timestampMs, lastSeenInsideMs: timestampMs, lastSeenMs: timestampMs });
    }

    const completedVisits = this.closeExpiredVisits(seen, timestampMs);
    return { inside, completedVisits };
  }

  /** Ends every open visit, for shutdown or a lost camera, and returns them. */
  endAllVisits(): CompletedVisit[] {
    const completed = [...this.visits].map(([id, visit]) => toCompletedVisit(id, visit, 'ended'));
    this.visits.clear();
    return completed;
  }

  /** Drops every open visit without reporting it and accepts any next timestamp. */
  reset(): void {
    this.visits.clear();
    this.lastTimestampMs = Number.NEGATIVE_INFINITY;
  }

  private closeExpiredVisits(seen: Set<number>, timestampMs: number): CompletedVisit[] {
    const completed: CompletedVisit[] = [];
    for (const [id, visit] of this.visits) {
      const visible = seen.has(id);
      const leftTooLong = visible && timestampMs - visit.lastSeenInsideMs > this.options.leaveGraceMs;
      const goneTooLong = !visible && timestampMs - visit.lastSeenMs > this.options.disappearGraceMs;
      if (!leftTooLong && !goneTooLong) continue;
      completed.push(toCompletedVisit(id, visit, leftTooLong ? 'left' : 'disappeared'));
      this.visits.delete(id);
    }
    return completed;
  }

  private checkTimestamp(timestampMs: number): void {
    if (!Number.isFinite(timestampMs)) {
      throw new CountingError('COUNTING_INVALID_TIMESTAMP', `Polygon zone timestamp is ${timestampMs}, expected milliseconds as a finite number.`);
    }
    if (timestampMs < this.lastTimestampMs) {
      throw new CountingError(
        'COUNTING_INVALID_TIMESTAMP',
        `Polygon zone timestamp ${timestampMs} ms is before the previous frame's ${this.lastTimestampMs} ms. Call reset() before restarting a stream.`,
      );
    }
    this.lastTimestampMs = timestampMs;
  }
}

function toCompletedVisit(trackerId: number, visit: OpenVisit, reason: CompletedVisit['reason']): CompletedVisit {
  return {
    trackerId,
    enteredAtMs: visit.enteredAtMs,
    lastSeenInsideMs: visit.lastSeenInsideMs,
    dwellMs: visit.lastSeenInsideMs - visit.enteredAtMs,
    reason,
  };
}

function validatePolygonZone(polygon: Polygon, options: Required<PolygonZoneOptions>): void {
  if (polygon.length < 3) {
    throw new CountingError('POLYGON_ZONE_INVALID_POLYGON', `Polygon zone has ${polygon.length} vertices. Draw at least 3.`);
  }
  if (!polygon.every((p) => Number.isFinite(p.x) && Number.isFinite(p.y))) {
    throw new CountingError('POLYGON_ZONE_INVALID_POLYGON', `Polygon zone ${JSON.stringify(polygon)} has a non-finite coordinate. Give pixel coordinates.`);
  }
  for (const name of ['leaveGraceMs', 'disappearGraceMs'] as const) {
    const value = options[name];
    if (!(value >= 0) || !Number.isFinite(value)) {
      throw new CountingError('COUNTING_INVALID_OPTION', `Polygon zone ${name} is ${value}, expected milliseconds, 0 or more.`);
    }
  }
}
