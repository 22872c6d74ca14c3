import { describe, expect, it } from 'vitest';
import { iou } from '../../../ml/geometry/iou.js';
import { nonMaxSuppression } from '../../../ml/detection/nms.js';
import type { Detection } from '../../../ml/detection/types.js';

function detection(x1: number, y1: number, x2: number, y2: number, score: number): Detection {
  return { box: { x1, y1, x2, y2 }, score };
}

describe('iou', () => {
  const cases: Array<{ a: Detection; b: Detection; expected: number; note: string }> = [
    { a: detection(0, 0, 10, 10, 1), b: detection(0, 0, 10, 10, 1), expected: 1, note: 'identical boxes' },
    { a: detection(0, 0, 10, 10, 1), b: detection(5, 0, 15, 10, 1), expected: 50 / 150, note: 'half overlap sideways' },
    { a: detection(0, 0, 10, 10, 1), b: detection(10, 0, 20, 10, 1), expected: 0, note: 'touching edges do not overlap' },
    { a: detection(0, 0, 10, 10, 1), b: detection(2, 2, 4, 4, 1), expected: 4 / 100, note: 'one box inside the other' },
    { a: detection(0, 0, 0, 10, 1), b: detection(0, 0, 0, 10, 1), expected: 0, note: 'zero-width boxes' },
  ];
  for (const { a, b, expected, note } of cases) {
    it(note, () => {
      expect(iou(a.box, b.box)).toBeCloseTo(expected, 10);
    });
  }
});

describe('nonMaxSuppression', () => {
  it('keeps the best of overlapping boxes', () => {
    const kept = nonMaxSuppression([detection(0, 0, 10, 10, 0.6), detection(1, 0, 11, 10, 0.9), detection(50, 50, 60, 60, 0.7)], 0.5, 10);
    expect(kept.map((d) => d.score)).toEqual([0.9, 0.7]);
  });

  it('keeps overlaps at or under the threshold', () => {
    // IoU of these two is exactly 1/3.
    const kept = nonMaxSuppression([detection(0, 0, 10, 10, 0.9), detection(5, 0, 15, 10, 0.8)], 1 / 3, 10);
    expect(kept).toHaveLength(2);
  });

  it('caps the number of detections', () => {
    const many = Array.from({ length: 20 }, (_, i) => detection(i * 20, 0, i * 20 + 10, 10, i / 20));
    const kept = nonMaxSuppression(many, 0.5, 5);
    expect(kept).toHaveLength(5);
    expect(kept[0]?.score).toBe(19 / 20);
  });

  it('returns nothing for no input', () => {
    expect(nonMaxSuppression([], 0.5, 10)).toEqual([]);
  });
});
