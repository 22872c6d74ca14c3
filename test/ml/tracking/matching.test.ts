import { describe, expect, it } from 'vitest';
import { iou } from '../../../ml/geometry/iou.js';
import { iouMatrix, solveAssignment } from '../../../ml/tracking/matching.js';
import { seededRandom } from '../../../ml/util/seededRandom.js';

/** Lowest total cost over every full assignment of the smaller side, by exhaustive search. */
function bruteForceMinimum(cost: number[][]): number {
  const rows = cost.length;
  const columns = cost[0]?.length ?? 0;
  const used = new Array<boolean>(columns).fill(false);
  const search = (row: number): number => {
    if (row === rows) return 0;
    let best = Number.POSITIVE_INFINITY;
    for (let j = 0; j < columns; j++) {
      if (used[j]) continue;
      used[j] = true;
      best = Math.min(best, (cost[row]?.[j] ?? 0) + search(row + 1));
      used[j] = false;
    }
    return best;
  };
  return search(0);
}

function totalCost(cost: number[][], matches: Array<[number, number]>): number {
  return matches.reduce((sum, [row, column]) => sum + (cost[row]?.[column] ?? 0), 0);
}

describe('iou', () => {
  const cases = [
    // Identical boxes overlap fully.
    { a: { x1: 0, y1: 0, x2: 10, y2: 10 }, b: { x1: 0, y1: 0, x2: 10, y2: 10 }, expected: 1 },
    // Half-shifted boxes: intersection 50, union 150.
    { a: { x1: 0, y1: 0, x2: 10, y2: 10 }, b: { x1: 5, y1: 0, x2: 15, y2: 10 }, expected: 1 / 3 },
    // Boxes that only touch at an edge do not overlap.
    { a: { x1: 0, y1: 0, x2: 10, y2: 10 }, b: { x1: 10, y1: 0, x2: 20, y2: 10 }, expected: 0 },
    // A box with no area has IoU 0, not NaN.
    { a: { x1: 0, y1: 0, x2: 0, y2: 0 }, b: { x1: 0, y1: 0, x2: 0, y2: 0 }, expected: 0 },
  ];
  it.each(cases)('returns $expected', ({ a, b, expected }) => {
    expect(iou(a, b)).toBeCloseTo(expected, 12);
  });

  it('iouMatrix has rows × columns shape', () => {
    const boxes = [{ x1: 0, y1: 0, x2: 1, y2: 1 }];
    expect(iouMatrix(boxes, [...boxes, ...boxes])).toEqual([[1, 1]]);
  });
});

describe('solveAssignment', () => {
  it('finds the known optimum of a 3 × 3 matrix', () => {
    // Greedy takes 0 at [1][1] and then pays 3 + 3 = 6. The optimum is 1 + 2 + 2 = 5.
    const cost = [
      [4, 1, 3],
      [2, 0, 5],
      [3, 2, 2],
    ];
    const result = solveAssignment(cost);
    expect(result.matches).toEqual([[0, 1], [1, 0], [2, 2]]);
    expect(totalCost(cost, result.matches)).toBe(5);
  });

  it('leaves the extra column of a wide matrix unmatched', () => {
    const cost = [
      [5, 1, 9],
      [1, 5, 9],
    ];
    const result = solveAssignment(cost);
    expect(result.matches).toEqual([[0, 1], [1, 0]]);
    expect(result.unmatchedColumns).toEqual([2]);
    expect(result.unmatchedRows).toEqual([]);
  });

  it('leaves the extra row of a tall matrix unmatched', () => {
    const cost = [[9], [2], [4]];
    const result = solveAssignment(cost);
    expect(result.matches).toEqual([[1, 0]]);
    expect(result.unmatchedRows).toEqual([0, 2]);
  });

  it('never matches a pair above maximumCost', () => {
    // Without the limit the optimum pairs [0][1] and [1][0]. With it, row 0 stays unmatched.
    const cost = [
      [0.9, 0.95],
      [0.1, 0.95],
    ];
    const result = solveAssignment(cost, 0.8);
    expect(result.matches).toEqual([[1, 0]]);
    expect(result.unmatchedRows).toEqual([0]);
    expect(result.unmatchedColumns).toEqual([1]);
  });

  it('prefers two cheap pairs to one cheaper pair under a limit', () => {
    // Greedy takes [0][0] = 0.1 and leaves row 1 only 0.9, above the limit. The optimum pairs both rows.
    const cost = [
      [0.1, 0.3],
      [0.2, 0.9],
    ];
    const result = solveAssignment(cost, 0.8);
    expect(result.matches).toEqual([[0, 1], [1, 0]]);
  });

  it('lists all columns when there are no rows', () => {
    const result = solveAssignment([], 0.5, 3);
    expect(result.matches).toEqual([]);
    expect(result.unmatchedColumns).toEqual([0, 1, 2]);
  });

  it('matches exhaustive search on random matrices', () => {
    const random = seededRandom(7);
    for (let trial = 0; trial < 200; trial++) {
      const rows = 1 + Math.floor(random() * 6);
      const columns = rows + Math.floor(random() * 3);
      const cost = Array.from({ length: rows }, () => Array.from({ length: columns }, () => Math.round(random() * 100)));
      const result = solveAssignment(cost);
      expect(result.matches).toHaveLength(rows);
      expect(totalCost(cost, result.matches)).toBe(bruteForceMinimum(cost));
    }
  });

  it('rejects a ragged matrix', () => {
    expect(() => solveAssignment([[1, 2], [3]])).toThrow(/row 1 has 1 columns, expected 2/);
  });

  it('rejects a NaN cost', () => {
    expect(() => solveAssignment([[Number.NaN]])).toThrow(/\[0\]\[0\] is NaN/);
  });
});
