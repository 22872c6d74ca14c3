import { describe, expect, it } from 'vitest';
import { CountingError } from '../../../ml/counting/countingError.js';
import { isPointInPolygon, PolygonZone, type CompletedVisit } from '../../../ml/counting/polygonZone.js';
import { sampleOccupancy } from '../../../ml/counting/occupancy.js';
import type { TrackedObject } from '../../../ml/tracking/types.js';

function feetAt(trackerId: number, x: number, y: number): TrackedObject {
  return { trackerId, box: { x1: x - 20, y1: y - 120, x2: x + 20, y2: y }, score: 0.9 };
}

/** A square zone from (100, 100) to (300, 300). */
const square = [
  { x: 100, y: 100 },
  { x: 300, y: 100 },
  { x: 300, y: 300 },
  { x: 100, y: 300 },
];

/** A U shape: two arms from x 100–150 and 250–300, joined below y = 250; the notch between the arms is outside. */
const concave = [
  { x: 100, y: 100 },
  { x: 150, y: 100 },
  { x: 150, y: 250 },
  { x: 250, y: 250 },
  { x: 250, y: 100 },
  { x: 300, y: 100 },
  { x: 300, y: 300 },
  { x: 100, y: 300 },
];

const INSIDE = 200;
const OUTSIDE = 400;

/** Frames every 100 ms from `fromMs` up to but not including `toMs`, with one person at x on the floor line y = 200. */
function person(trackerId: number, x: number, fromMs: number, toMs: number): Array<[number, TrackedObject]> {
  const frames: Array<[number, TrackedObject]> = [];
  for (let t = fromMs; t < toMs; t += 100) frames.push([t, feetAt(trackerId, x, 200)]);
  return frames;
}

interface DwellCase {
  name: string;
  observations: Array<[number, TrackedObject]>;
  /** Frames run every 100 ms from 0 until this time. */
  untilMs: number;
  expected: Array<Pick<CompletedVisit, 'trackerId' | 'dwellMs' | 'reason'>>;
}

// leaveGraceMs 1000, disappearGraceMs 3000.
const dwellCases: DwellCase[] = [
  // Inside from 0 to 2000 ms, then outside: the visit ends 1000 ms after the last frame inside.
  {
    name: 'enter then leave',
    observations: [...person(1, INSIDE, 0, 2100), ...person(1, OUTSIDE, 2100, 5000)],
    untilMs: 5000,
    expected: [{ trackerId: 1, dwellMs: 2000, reason: 'left' }],
  },
  // Inside from 0 to 1000 ms, then gone: the visit ends 3000 ms after the last sighting.
  {
    name: 'disappear inside',
    observations: person(1, INSIDE, 0, 1100),
    untilMs: 6000,
    expected: [{ trackerId: 1, dwellMs: 1000, reason: 'disappeared' }],
  },
  // A 500 ms step outside, shorter than the grace, stays one visit from 0 to 3000 ms.
  {
    name: 'short step out',
    observations: [...person(1, INSIDE, 0, 1000), ...person(1, OUTSIDE, 1000, 1500), ...person(1, INSIDE, 1500, 3100), ...person(1, OUTSIDE, 3100, 5000)],
    untilMs: 5000,
    expected: [{ trackerId: 1, dwellMs: 3000, reason: 'left' }],
  },
  // A 1900 ms step outside, longer than the grace, splits the stay into two visits.
  {
    name: 'long step out',
    observations: [...person(1, INSIDE, 0, 1100), ...person(1, OUTSIDE, 1100, 3000), ...person(1, INSIDE, 3000, 4100), ...person(1, OUTSIDE, 4100, 6000)],
    untilMs: 6000,
    expected: [
      { trackerId: 1, dwellMs: 1000, reason: 'left' },
      { trackerId: 1, dwellMs: 1000, reason: 'left' },
    ],
  },
  // Two people with different stays each get their own visit.
  {
    name: 'two people',
    observations: [...person(1, INSIDE, 0, 600), ...person(2, 150, 0, 2100)],
    untilMs: 6000,
    expected: [
      { trackerId: 1, dwellMs: 500, reason: 'disappeared' },
      { trackerId: 2, dwellMs: 2000, reason: 'disappeared' },
    ],
  },
  // Walking past outside the zone never opens a visit.
  { name: 'never inside', observations: person(1, OUTSIDE, 0, 3000), untilMs: 5000, expected: [] },
];

describe('PolygonZone dwell', () => {
  it.each(dwellCases)('$name', ({ observations, untilMs, expected }) => {
    const zone = new PolygonZone(square, { leaveGraceMs: 1000, disappearGraceMs: 3000 });
    const completed: CompletedVisit[] = [];
    for (let t = 0; t < untilMs; t += 100) {
      const tracks = observations.filter(([time]) => time === t).map(([, track]) => track);
      completed.push(...zone.trigger(tracks, t).completedVisits);
    }

    expect(completed.map(({ trackerId, dwellMs, reason }) => ({ trackerId, dwellMs, reason }))).toEqual(expected);
    expect(zone.openVisitCount).toBe(0);
  });

  it('reports occupancy per frame', () => {
    const zone = new PolygonZone(square);
    const frame = zone.trigger([feetAt(1, INSIDE, 200), feetAt(2, OUTSIDE, 200), feetAt(3, 120, 280)], 0);
    expect(frame.inside).toEqual([1, 3]);
  });

  it('uses the feet, not the box centre', () => {
    // The box spans y 180–300 and overlaps the zone, but the feet at y = 300.5 are below it.
    const zone = new PolygonZone(square);
    expect(zone.trigger([feetAt(1, 200, 300.5)], 0).inside).toEqual([]);
  });

  it('endAllVisits closes open visits', () => {
    const zone = new PolygonZone(square);
    zone.trigger([feetAt(1, INSIDE, 200)], 0);
    zone.trigger([feetAt(1, INSIDE, 200)], 700);

    expect(zone.endAllVisits()).toEqual([{ trackerId: 1, enteredAtMs: 0, lastSeenInsideMs: 700, dwellMs: 700, reason: 'ended' }]);
    expect(zone.openVisitCount).toBe(0);
  });

  it('rejects a timestamp going backwards', () => {
    const zone = new PolygonZone(square);
    zone.trigger([], 1000);
    expect(() => zone.trigger([], 999)).toThrow(CountingError);
  });

  it('accepts any timestamp after reset', () => {
    const zone = new PolygonZone(square);
    zone.trigger([feetAt(1, INSIDE, 200)], 1000);
    zone.reset();

    expect(zone.openVisitCount).toBe(0);
    expect(zone.trigger([], 0).completedVisits).toEqual([]);
  });

  const invalid = [
    // Two points do not enclose an area.
    { polygon: square.slice(0, 2), options: {} },
    // A corrupt vertex.
    { polygon: [...square.slice(0, 3), { x: Number.POSITIVE_INFINITY, y: 0 }], options: {} },
    // Grace periods are durations.
    { polygon: square, options: { leaveGraceMs: -1 } },
    { polygon: square, options: { disappearGraceMs: Number.NaN } },
  ];
  it.each(invalid)('rejects invalid set-up %#', ({ polygon, options }) => {
    expect(() => new PolygonZone(polygon, options)).toThrow(CountingError);
  });
});

describe('isPointInPolygon', () => {
  const cases = [
    // Centre of the square.
    { polygon: square, point: { x: 200, y: 200 }, expected: true },
    // Right of the square.
    { polygon: square, point: { x: 301, y: 200 }, expected: false },
    // Left arm of the U.
    { polygon: concave, point: { x: 125, y: 150 }, expected: true },
    // Right arm of the U.
    { polygon: concave, point: { x: 275, y: 150 }, expected: true },
    // The notch between the arms is outside, though inside the bounding box.
    { polygon: concave, point: { x: 200, y: 150 }, expected: false },
    // The base joining the arms.
    { polygon: concave, point: { x: 200, y: 275 }, expected: true },
  ];
  it.each(cases)('($point.x, $point.y) → $expected', ({ polygon, point, expected }) => {
    expect(isPointInPolygon(point, polygon)).toBe(expected);
  });

  it('counts a visit in a concave zone only in the arms', () => {
    const zone = new PolygonZone(concave);
    const frame = zone.trigger([feetAt(1, 125, 150), feetAt(2, 200, 150), feetAt(3, 275, 150)], 0);
    expect(frame.inside).toEqual([1, 3]);
  });
});

describe('sampleOccupancy', () => {
  it('counts the confirmed tracks of a frame', () => {
    const sample = sampleOccupancy('cam-1', 1234, [feetAt(1, 0, 0), feetAt(2, 0, 0)]);
    expect(sample).toEqual({ cameraId: 'cam-1', timestampMs: 1234, count: 2 });
  });
});
