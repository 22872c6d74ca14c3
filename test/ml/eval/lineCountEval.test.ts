import { describe, expect, it } from 'vitest';
import { countLineCrossings, evaluateLineCounts } from '../../../ml/eval/lineCountEval.js';
import type { MotRow } from '../../../ml/eval/motFormat.js';

// Segment left to right at y = 200 from x 100 to x 300: walking down the image is `in`.
const segment = { start: { x: 100, y: 200 }, end: { x: 300, y: 200 } };

/** Builds one track walking vertically at x through the given feet heights, from frame 1. */
function walk(id: number, x: number, feetYs: number[], confidence = 1): MotRow[] {
  return feetYs.map((y, i) => ({ frame: i + 1, id, box: { x1: x - 20, y1: y - 100, x2: x + 20, y2: y }, confidence }));
}

const groundTruth = [
  // Walks down through the segment: one in.
  ...walk(1, 150, [150, 180, 220, 250]),
  // Walks up through the segment: one out.
  ...walk(2, 250, [260, 230, 190, 160]),
  // Walks down beyond the segment's end: not a crossing.
  ...walk(3, 400, [150, 180, 220, 250]),
  // Crosses, but its rows are flagged 0 (ignore) in the ground truth.
  ...walk(4, 200, [150, 180, 220, 250], 0),
];

describe('lineCountEval', () => {
  it('counts ground-truth crossings with the LineZone rule', () => {
    expect(countLineCrossings(groundTruth.filter((r) => r.confidence !== 0), segment)).toEqual({ in: 1, out: 1 });
  });

  it('compares predicted counts with ground truth', () => {
    const comparison = evaluateLineCounts(groundTruth, { in: 2, out: 1 }, segment);
    expect(comparison.groundTruth).toEqual({ in: 1, out: 1 });
    expect(comparison.inError).toBe(1);
    expect(comparison.outError).toBe(0);
    expect(comparison.totalAbsoluteError).toBe(1);
    // 1 − 1 / 2.
    expect(comparison.accuracy).toBe(0.5);
  });

  it('counts a gap in frames as the tracker would', () => {
    // Rows exist only in frames 1 and 40. The empty frames between still count, so a 10-frame memory drops the track.
    const rows: MotRow[] = [
      { frame: 1, id: 1, box: { x1: 130, y1: 50, x2: 170, y2: 150 }, confidence: 1 },
      { frame: 40, id: 1, box: { x1: 130, y1: 150, x2: 170, y2: 250 }, confidence: 1 },
    ];
    expect(countLineCrossings(rows, segment, { trackMemoryFrames: 100 })).toEqual({ in: 1, out: 0 });
    expect(countLineCrossings(rows, segment, { trackMemoryFrames: 10 })).toEqual({ in: 0, out: 0 });
  });

  it('returns NaN accuracy when nothing crossed', () => {
    expect(evaluateLineCounts([], { in: 0, out: 0 }, segment).accuracy).toBeNaN();
  });
});
