import { describe, expect, it } from 'vitest';
import { hitRateAt, ndcgAt, rankOf, summarizeRanks } from '../../../ml/rec/metrics.js';

describe('ranking metrics', () => {
  // [rank, k, HR, NDCG] with NDCG = 1 / log2(rank + 1) inside the cut-off.
  const table: [number, number, number, number][] = [
    [1, 10, 1, 1], // top of the list
    [3, 10, 1, 0.5], // 1 / log2(4)
    [7, 10, 1, 1 / 3], // 1 / log2(8)
    [10, 10, 1, 1 / Math.log2(11)], // last slot counts
    [11, 10, 0, 0], // just past the cut-off
    [11, 20, 1, 1 / Math.log2(12)],
    [0, 20, 0, 0], // target not ranked at all
  ];
  it.each(table)('rank %i at k=%i', (rank, k, hr, ndcg) => {
    expect(hitRateAt(rank, k)).toBe(hr);
    expect(ndcgAt(rank, k)).toBeCloseTo(ndcg, 10);
  });

  it('finds 1-based ranks', () => {
    expect(rankOf([7, 3, 9], 9)).toBe(3);
    expect(rankOf(['x', 'y'], 'x')).toBe(1);
    expect(rankOf([7, 3, 9], 4)).toBe(0);
  });

  it('averages over cases', () => {
    // Ranks 1, 3, miss, 15: HR@10 2/4, NDCG@10 (1 + 0.5)/4, HR@20 3/4, NDCG@20 (1 + 0.5 + 0.25)/4.
    const summary = summarizeRanks([1, 3, 0, 15]);
    expect(summary.cases).toBe(4);
    expect(summary.hr10).toBeCloseTo(0.5, 10);
    expect(summary.ndcg10).toBeCloseTo(0.375, 10);
    expect(summary.hr20).toBeCloseTo(0.75, 10);
    expect(summary.ndcg20).toBeCloseTo(0.4375, 10);
  });

  it('returns zeros for no cases', () => {
    expect(summarizeRanks([])).toEqual({ cases: 0, hr10: 0, ndcg10: 0, hr20: 0, ndcg20: 0 });
  });
});
