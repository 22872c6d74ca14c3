import { describe, expect, it } from 'vitest';
import { CountingError } from '../../../ml/counting/countingError.js';
import { LineZone } from '../../../ml/counting/lineZone.js';
import type { TrackedObject } from '../../../ml/tracking/types.js';

/** Builds a person's box with the feet (bottom centre) at (x, y). */
function feetAt(trackerId: number, x: number, y: number): TrackedObject {
  return { trackerId, box: { x1: x - 20, y1: y - 120, x2: x + 20, y2: y }, score: 0.9 };
}

/** One frame: [trackerId, x, y] of each visible person's feet. */
type Frame = Array<[number, number, number]>;

/** Walks one person straight down (or up) at x, through the given y values. */
function walk(trackerId: number, x: number, ys: number[]): Frame[] {
  return ys.map((y) => [[trackerId, x, y]]);
}

// Segment drawn left to right at y = 200 between x = 100 and x = 300, so
// walking down the image is `in`. Minimum crossing distance 10 px.
const segment = { start: { x: 100, y: 200 }, end: { x: 300, y: 200 } };

interface LineCase {
  name: string;
  frames: Frame[];
  expectedIn: number;
  expectedOut: number;
}

const cases: LineCase[] = [
  // Walking down across the middle of the segment is one crossing in.
  { name: 'simple crossing in', frames: walk(1, 200, [150, 180, 195, 205, 220, 250]), expectedIn: 1, expectedOut: 0 },
  // Walking up across it is one crossing out.
  { name: 'simple crossing out', frames: walk(1, 200, [250, 220, 205, 195, 180, 150]), expectedIn: 0, expectedOut: 1 },
  // Standing on the line for a while, then walking on, counts once.
  { name: 'lingering on the line', frames: walk(1, 200, [150, 185, 199, 201, 200, 199, 202, 200, 201, 230, 260]), expectedIn: 1, expectedOut: 0 },
  // Standing on the line and never leaving the 10 px band does not count.
  { name: 'standing on the line', frames: walk(1, 200, [150, 185, 195, 205, 198, 204, 200]), expectedIn: 0, expectedOut: 0 },
  // Box jitter back and forth across the line inside the band counts once.
  { name: 'flicker across the line', frames: walk(1, 200, [170, 205, 195, 205, 195, 206, 194, 230]), expectedIn: 1, expectedOut: 0 },
  // Crossing the infinite line to the right of the segment's end does not count.
  { name: 'passing beyond the end', frames: walk(1, 350, [150, 180, 220, 250]), expectedIn: 0, expectedOut: 0 },
  // Crossing the infinite line to the left of the segment's start does not count.
  { name: 'passing beyond the start', frames: walk(1, 50, [250, 220, 180, 150]), expectedIn: 0, expectedOut: 0 },
  // A diagonal step whose pass over the line is at x = 295 counts, though it ends beyond the segment.
  { name: 'diagonal pass inside the end', frames: [[[1, 280, 170]], [[1, 310, 230]]], expectedIn: 1, expectedOut: 0 },
  // A diagonal step whose pass over the line is at x = 305 does not count.
  { name: 'diagonal pass beyond the end', frames: [[[1, 290, 170]], [[1, 320, 230]]], expectedIn: 0, expectedOut: 0 },
  // Two people crossing side by side in the same frames count two.
  {
    name: 'two people side by side',
    frames: [150, 190, 210, 250].map((y) => [[1, 180, y], [2, 220, y]]),
    expectedIn: 2,
    expectedOut: 0,
  },
  // Leaving and coming back in counts in, out, in.
  { name: 'leaving and re-entering', frames: walk(1, 200, [150, 250, 260, 150, 140, 250]), expectedIn: 2, expectedOut: 1 },
  // A track lost just above the line and regained just below it counts once.
  {
    name: 'lost and regained across',
    frames: [...walk(5, 200, [150, 188]), [], [], [], ...walk(5, 200, [212, 205, 214, 240])],
    expectedIn: 1,
    expectedOut: 0,
  },
  // A track lost and regained on the same side of the line does not count.
  { name: 'lost and regained same side', frames: [...walk(5, 200, [150, 185]), [], [], ...walk(5, 200, [195, 185, 150])], expectedIn: 0, expectedOut: 0 },
  // Walking around the end of the segment and then up through it counts only the one crossing out.
  {
    name: 'around the end then through',
    frames: [[[1, 200, 150]], [[1, 350, 150]], [[1, 350, 250]], [[1, 200, 250]], [[1, 200, 150]]],
    expectedIn: 0,
    expectedOut: 1,
  },
  // A track first seen below the line, walking further down, never crossed.
  { name: 'first seen past the line', frames: walk(1, 200, [220, 260, 300]), expectedIn: 0, expectedOut: 0 },
];

describe('LineZone', () => {
  it.each(cases)('$name', ({ frames, expectedIn, expectedOut }) => {
    const zone = new LineZone(segment, { minimumCrossingDistance: 10 });
    for (const frame of frames) zone.trigger(frame.map(([id, x, y]) => feetAt(id, x, y)));

    expect(zone.inCount).toBe(expectedIn);
    expect(zone.outCount).toBe(expectedOut);
  });

  it('returns the ids that crossed per frame', () => {
    const zone = new LineZone(segment);
    zone.trigger([feetAt(1, 150, 150), feetAt(2, 250, 250)]);
    const crossings = zone.trigger([feetAt(1, 150, 250), feetAt(2, 250, 150)]);

    expect(crossings.crossedIn).toEqual([1]);
    expect(crossings.crossedOut).toEqual([2]);
  });

  it('puts the right-hand side of a downward line to the left', () => {
    // Seen walking from start (top) to end (bottom) of the image, the right hand points to smaller x.
    const zone = new LineZone({ start: { x: 100, y: 0 }, end: { x: 100, y: 100 } });
    expect(zone.signedDistance({ x: 50, y: 50 })).toBe(50);
    expect(zone.signedDistance({ x: 150, y: 50 })).toBe(-50);
  });

  it('forgets tracks unseen for trackMemoryFrames', () => {
    const zone = new LineZone(segment, { trackMemoryFrames: 3 });
    zone.trigger([feetAt(1, 200, 150)]);
    for (let call = 0; call < 3; call++) zone.trigger([]);

    // The id is new to the zone again, so its first side is only remembered.
    zone.trigger([feetAt(1, 200, 250)]);
    expect(zone.inCount).toBe(0);
  });

  it('forgets tracks on request', () => {
    const zone = new LineZone(segment);
    zone.trigger([feetAt(1, 200, 150)]);
    zone.forget([1]);
    zone.trigger([feetAt(1, 200, 250)]);
    expect(zone.inCount).toBe(0);
  });

  it('reset clears counts and tracks', () => {
    const zone = new LineZone(segment);
    zone.trigger([feetAt(1, 200, 150)]);
    zone.trigger([feetAt(1, 200, 250)]);
    zone.reset();

    expect(zone.inCount).toBe(0);
    zone.trigger([feetAt(1, 200, 150)]);
    expect(zone.inCount).toBe(0);
  });

  const invalid = [
    // Both ends at the same point: no direction.
    { segment: { start: { x: 1, y: 1 }, end: { x: 1, y: 1 } }, options: {} },
    // A NaN coordinate from a corrupt configuration.
    { segment: { start: { x: Number.NaN, y: 1 }, end: { x: 5, y: 1 } }, options: {} },
    // Negative hysteresis is meaningless.
    { segment, options: { minimumCrossingDistance: -1 } },
    // Memory must be at least one call.
    { segment, options: { trackMemoryFrames: 0 } },
  ];
  it.each(invalid)('rejects invalid set-up %#', ({ segment: badSegment, options }) => {
    expect(() => new LineZone(badSegment, options)).toThrow(CountingError);
  });
});
