/**
 * Counts tracked people crossing a directed line segment.
 *
 * Direction: for a segment drawn from `start` to `end`, in image coordinates
 * (y down), moving from the left-hand side of the segment to its right-hand
 * side is `in`, and the reverse is `out`. "Right-hand" is as seen by someone
 * walking from `start` to `end` on the image, so for a segment drawn left to
 * right across the image, walking down the image is `in`.
 *
 * Anchor: the bottom centre of each tracked box, where the feet are.
 *
 * Rules:
 * - A side counts only once the anchor is at least `minimumCrossingDistance`
 *   pixels from the line. Each track's last such side is remembered, so a person
 *   standing on the line or jittering across it counts at most once per real crossing.
 * - A change of side counts only if the anchor's most recent pass over the
 *   infinite line fell between `start` and `end`. Walking around an end of the
 *   segment updates the side without counting.
 * - A track's first seen side is remembered without counting.
 * - A track lost and regained with the same id keeps its remembered side, so
 *   it counts at most once, with the pass interpolated between the last and new
 *   positions. Tracks unseen for `trackMemoryFrames` calls are forgotten.
 *
 * Call `trigger` once per analysed frame with every confirmed track of that
 * frame, in frame order.
 */
import { bottomCenter, type Point, type Segment } from '../geometry/types.js';
import type { TrackedObject } from '../tracking/types.js';
import { CountingError } from './countingError.js';

export interface LineZoneOptions {
  /**
   * Distance in pixels from the line that the anchor must reach on a new side
   * before a crossing counts (default 10). Raising it ignores more jitter, but a
   * person who turns back close to the line after crossing may not be counted.
   */
  minimumCrossingDistance?: number;
  /**
   * Calls to `trigger` after which an unseen track is forgotten (default 300,
   * so 10 s at 30 fps). Keep it at least the tracker's lost-track buffer, or a
   * re-found track may be counted again.
   */
  trackMemoryFrames?: number;
}

export const DEFAULT_LINE_ZONE_OPTIONS: Required<LineZoneOptions> = {
  minimumCrossingDistance: 10,
  trackMemoryFrames: 300,
};

/** Tracker ids that crossed in one `trigger` call. `in` is left-hand side to right-hand side of start→end. */
export interface LineCrossings {
  crossedIn: number[];
  crossedOut: number[];
}

type Side = -1 | 1;

interface TrackLineState {
  /** Last side at least `minimumCrossingDistance` from the line; undefined until reached. */
  side: Side | undefined;
  lastAnchor: Point;
  /** Whether the most recent pass over the infinite line fell on the segment. */
  lastPassOnSegment: boolean;
  lastSeenCall: number;
}

export class LineZone {
  readonly segment: Segment;
  private readonly options: Required<LineZoneOptions>;
  private readonly direction: Point;
  private readonly length: number;
  private readonly states = new Map<number, TrackLineState>();
  private call = 0;
  private inTotal = 0;
  private outTotal = 0;

  constructor(segment: Segment, options: LineZoneOptions = {}) {
    this.options = { ...DEFAULT_LINE_ZONE_OPTIONS, ...options };
    validateLineZone(segment, this.options);
    this.segment = segment;
    this.direction = { x: segment.end.x - segment.start.x, y: segment.end.y - segment.start.y };
    this.length = Math.hypot(this.direction.x, this.direction.y);
  }

  /** Crossings in since construction or `reset()`. */
  get inCount(): number {
    return this.inTotal;
  }

  /** Crossings out since construction or `reset()`. */
  get outCount(): number {
    return this.outTotal;
  }

  /** Updates every track's side and returns the tracker ids that crossed in this frame. */
  trigger(tracks: readonly TrackedObject[]): LineCrossings {
    this.call += 1;
    const crossings: LineCrossings = { crossedIn: [], crossedOut: [] };
    for (const track of tracks) {
      const crossed = this.updateTrack(track.trackerId, bottomCenter(track.box));
      if (crossed === 1) crossings.crossedIn.push(track.trackerId);
      if (crossed === -1) crossings.crossedOut.push(track.trackerId);
    }
    this.inTotal += crossings.crossedIn.length;
    this.outTotal += crossings.crossedOut.length;
    this.forgetUnseen();
    return crossings;
  }

  /** Forgets the given tracks at once, for example when the tracker reports them removed. */
  forget(trackerIds: Iterable<number>): void {
    for (const id of trackerIds) this.states.delete(id);
  }

  /** Clears every remembered track and both counts. */
  reset(): void {
    this.states.clear();
    this.call = 0;
    this.inTotal = 0;
    this.outTotal = 0;
  }

  /** Signed distance in pixels from the infinite line: positive on the right-hand side. */
  signedDistance(point: Point): number {
    const { start } = this.segment;
    const cross = this.direction.x * (point.y - start.y) - this.direction.y * (point.x - start.x);
    return cross / this.length;
  }

  /** Returns 1 for a crossing in, -1 for a crossing out, 0 for none. */
  private updateTrack(trackerId: number, anchor: Point): -1 | 0 | 1 {
    const distance = this.signedDistance(anchor);
    const confirmedSide = this.confirmedSide(distance);
    const state = this.states.get(trackerId);
    if (!state) {
      this.states.set(trackerId, { side: confirmedSide, lastAnchor: anchor, lastPassOnSegment: false, lastSeenCall: this.call });
      return 0;
    }

    const pass = this.passPosition(state.lastAnchor, anchor);
    if (pass !== undefined) state.lastPassOnSegment = pass >= 0 && pass <= 1;
    state.lastAnchor = anchor;
    state.lastSeenCall = this.call;
    if (confirmedSide === undefined || confirmedSide === state.side) return 0;

    const previousSide = state.side;
    state.side = confirmedSide;
    if (previousSide === undefined || !state.lastPassOnSegment) return 0;
    return confirmedSide === 1 ? 1 : -1;
  }

  private confirmedSide(distance: number): Side | undefined {
    if (distance >= this.options.minimumCrossingDistance) return 1;
    if (distance <= -this.options.minimumCrossingDistance) return -1;
    return undefined;
  }

  /**
   * Returns where the move from `from` to `to` passes over the infinite line,
   * as a fraction along the segment (0 at start, 1 at end), or undefined if it does not.
   */
  private passPosition(from: Point, to: Point): number | undefined {
    const before = this.signedDistance(from);
    const after = this.signedDistance(to);
    const touches = (before <= 0 && after >= 0) || (before >= 0 && after <= 0);
    if (!touches || before === after) return undefined;

    const alongMove = before / (before - after);
    const point = { x: from.x + alongMove * (to.x - from.x), y: from.y + alongMove * (to.y - from.y) };
    const { start } = this.segment;
    return ((point.x - start.x) * this.direction.x + (point.y - start.y) * this.direction.y) / (this.length * this.length);
  }

  private forgetUnseen(): void {
    for (const [id, state] of this.states) {
      if (this.call - state.lastSeenCall >= this.options.trackMemoryFrames) this.states.delete(id);
    }
  }
}

function validateLineZone(segment: Segment, options: Required<LineZoneOptions>): void {
  const coordinates = [segment.start.x, segment.start.y, segment.end.x, segment.end.y];
  if (!coordinates.every(Number.isFinite)) {
    throw new CountingError('LINE_ZONE_INVALID_SEGMENT', `Line zone segment ${JSON.stringify(segment)} has a non-finite coordinate. Give pixel coordinates.`);
  }
  if (segment.start.x === segment.end.x && segment.start.y === segment.end.y) {
    throw new CountingError('LINE_ZONE_INVALID_SEGMENT', `Line zone segment ${JSON.stringify(segment)} has zero length. Draw two distinct end points.`);
  }
  if (!(options.minimumCrossingDistance >= 0) || !Number.isFinite(options.minimumCrossingDistance)) {
    throw new CountingError('COUNTING_INVALID_OPTION', `Line zone minimumCrossingDistance is ${options.minimumCrossingDistance}, expected pixels, 0 or more.`);
  }
  if (!Number.isInteger(options.trackMemoryFrames) || options.trackMemoryFrames < 1) {
    throw new CountingError('COUNTING_INVALID_OPTION', `Line zone trackMemoryFrames is ${options.trackMemoryFrames}, expected a whole number of 1 or more.`);
  }
}
