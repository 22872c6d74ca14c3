import { describe, expect, it } from 'vitest';
import { FrameAnalyzer, type LineCounter, type ZoneCounter } from '../../../ml/analytics/frameAnalyzer.js';
import type { Detection } from '../../../ml/detection/types.js';
import type { TrackedObject, Tracker } from '../../../ml/tracking/types.js';

/** Fake tracker: every detection becomes a track whose id is its index plus one. */
class IndexTracker implements Tracker {
  resets = 0;
  update(detections: readonly Detection[]): TrackedObject[] {
    return detections.map((detection, index) => ({ trackerId: index + 1, box: detection.box, score: detection.score }));
  }
  reset(): void {
    this.resets += 1;
  }
}

/** Fake line: counts a track as crossing in when its box starts right of `x`. */
function lineRightOf(lineId: string, x: number): LineCounter {
  return {
    lineId,
    count: (tracks) => ({ crossedIn: tracks.filter((track) => track.box.x1 > x).length, crossedOut: 0 }),
    reset: () => undefined,
  };
}

/**
 * Fake zone: occupancy is the track count, the visit of track 9 ends with
 * 1500 ms dwell, and one visit of 700 ms is open until `endVisits`.
 */
const zone: ZoneCounter & { resets: number } = {
  zoneId: 'shelf',
  resets: 0,
  update: (tracks) => ({
    occupancy: tracks.length,
    completedDwellMs: tracks.some((track) => track.trackerId === 9) ? [1500] : [],
  }),
  endVisits: () => [700],
  reset() {
    this.resets += 1;
  },
};

const person = (x1: number, y1: number, x2: number, y2: number): Detection => ({ box: { x1, y1, x2, y2 }, score: 0.9 });

describe('FrameAnalyzer', () => {
  it('runs every step on one frame', () => {
    const analyzer = new FrameAnalyzer({ tracker: new IndexTracker(), lines: [lineRightOf('door', 50)], zones: [zone] });
    const result = analyzer.analyze([person(10, 10, 30, 90), person(60, 20, 80, 100)], 1234, { width: 320, height: 240 });
    expect(result.timestampMs).toBe(1234);
    expect([result.frameWidth, result.frameHeight]).toEqual([320, 240]);
    expect(result.tracks.map((track) => track.trackerId)).toEqual([1, 2]);
    expect(result.lines).toEqual([{ lineId: 'door', crossedIn: 1, crossedOut: 0 }]);
    expect(result.zones).toEqual([{ zoneId: 'shelf', occupancy: 2, completedDwellMs: [] }]);
    expect(result.occupancy).toBe(2);
    // Anchors are the bottom centres of the boxes.
    expect(result.anchors).toEqual([{ x: 20, y: 90 }, { x: 70, y: 100 }]);
  });

  it('handles a frame with nobody', () => {
    const analyzer = new FrameAnalyzer({ tracker: new IndexTracker(), lines: [lineRightOf('door', 50)], zones: [zone] });
    const result = analyzer.analyze([], 0, { width: 10, height: 10 });
    expect(result.occupancy).toBe(0);
    expect(result.anchors).toEqual([]);
    expect(result.lines[0]!.crossedIn).toBe(0);
  });

  it('reports completed visits', () => {
    const detections = Array.from({ length: 9 }, (_, i) => person(i, 0, i + 5, 10));
    const analyzer = new FrameAnalyzer({ tracker: new IndexTracker(), lines: [], zones: [zone] });
    expect(analyzer.analyze(detections, 0, { width: 10, height: 10 }).zones[0]!.completedDwellMs).toEqual([1500]);
  });

  it('reset resets the tracker', () => {
    const tracker = new IndexTracker();
    new FrameAnalyzer({ tracker, lines: [], zones: [] }).reset();
    expect(tracker.resets).toBe(1);
  });

  it('resets when time goes back', () => {
    const tracker = new IndexTracker();
    const analyzer = new FrameAnalyzer({ tracker, lines: [], zones: [zone] });
    const resetsBefore = zone.resets;
    analyzer.analyze([], 5000, { width: 10, height: 10 });
    analyzer.analyze([], 5000, { width: 10, height: 10 }); // same time: no reset
    expect(tracker.resets).toBe(0);
    analyzer.analyze([], 0, { width: 10, height: 10 }); // a restarted file clock
    expect(tracker.resets).toBe(1);
    expect(zone.resets).toBe(resetsBefore + 1);
  });

  it('endVisits reports open visits', () => {
    const analyzer = new FrameAnalyzer({ tracker: new IndexTracker(), lines: [], zones: [zone] });
    expect(analyzer.endVisits()).toEqual([{ zoneId: 'shelf', occupancy: 0, completedDwellMs: [700] }]);
  });
});
