import { describe, expect, it } from 'vitest';
import { averagePrecision, matchFrame, percentile, precisionRecallAt } from '../../../bench/lib/detectionMetrics.js';
import { parseMotGroundTruth } from '../../../bench/lib/motGroundTruth.js';

const box = (x1: number, y1: number, x2: number, y2: number) => ({ x1, y1, x2, y2 });

describe('matchFrame', () => {
  it('matches each ground-truth box once, best score first', () => {
    const truth = [box(0, 0, 10, 20)];
    const matches = matchFrame([{ box: box(0, 0, 10, 20), score: 0.5 }, { box: box(1, 0, 11, 20), score: 0.9 }], truth, 0.5);
    // The 0.9 detection claims the box; the exact duplicate at 0.5 becomes a false positive.
    expect(matches).toEqual([{ score: 0.9, truePositive: true }, { score: 0.5, truePositive: false }]);
  });

  it('rejects overlaps under the IoU threshold', () => {
    expect(matchFrame([{ box: box(5, 0, 15, 20), score: 0.9 }], [box(0, 0, 10, 20)], 0.5)).toEqual([{ score: 0.9, truePositive: false }]);
  });
});

describe('averagePrecision', () => {
  const cases: Array<{ matches: Array<[number, boolean]>; truth: number; expected: number; note: string }> = [
    { matches: [[0.9, true], [0.8, true]], truth: 2, expected: 1, note: 'every box found, no false positive' },
    { matches: [[0.9, true], [0.8, true]], truth: 4, expected: 0.5, note: 'half the boxes found' },
    { matches: [[0.9, false], [0.8, true]], truth: 1, expected: 0.5, note: 'false positive ranked first halves precision' },
    { matches: [[0.9, true], [0.8, false], [0.7, true]], truth: 2, expected: 0.5 + 0.5 * (2 / 3), note: 'envelope uses precision 2/3 for the second half of recall' },
    { matches: [], truth: 3, expected: 0, note: 'no detections' },
  ];
  for (const { matches, truth, expected, note } of cases) {
    it(note, () => {
      const evaluation = { matches: matches.map(([score, truePositive]) => ({ score, truePositive })), groundTruthCount: truth };
      expect(averagePrecision(evaluation)).toBeCloseTo(expected, 10);
    });
  }
});

describe('precisionRecallAt', () => {
  it('counts only detections at or above the threshold', () => {
    const evaluation = { matches: [{ score: 0.9, truePositive: true }, { score: 0.4, truePositive: false }, { score: 0.3, truePositive: true }], groundTruthCount: 4 };
    expect(precisionRecallAt(evaluation, 0.4)).toEqual({ precision: 0.5, recall: 0.25, f1: (2 * 0.5 * 0.25) / 0.75 });
    expect(precisionRecallAt(evaluation, 0.3).recall).toBe(0.5);
  });
});

describe('percentile', () => {
  it('uses the nearest rank', () => {
    expect(percentile([5, 1, 3, 2, 4], 50)).toBe(3);
    expect(percentile([1, 2, 3, 4], 50)).toBe(2);
    expect(percentile([1, 2, 3, 4], 90)).toBe(4);
    expect(percentile([], 50)).toBeNaN();
  });
});

describe('parseMotGroundTruth', () => {
  it('keeps flag-1 rows as corner boxes by 0-based frame', () => {
    const boxes = parseMotGroundTruth('1,1,88,99,61.5,218,1,4.4,5.5,0\n1,2,10,10,5,5,0,-1,-1,-1\n2,1,90,100,60,220,1,0,0,0\n');
    expect(boxes.get(0)).toEqual([{ trackId: 1, box: { x1: 88, y1: 99, x2: 149.5, y2: 317 } }]);
    expect(boxes.get(1)).toHaveLength(1);
    expect(boxes.has(2)).toBe(false);
  });

  it('rejects a malformed row', () => {
    expect(() => parseMotGroundTruth('1,1,88,abc,61,218,1\n')).toThrow(/line 1 is not frame,id,x,y,w,h,flag/);
  });
});
