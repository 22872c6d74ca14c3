import { describe, expect, it } from 'vitest';
import { BoostedTrees, ndcgOf, trainBoostedTrees, type RankingQuery } from '../../../ml/rec/boostedTrees.js';
import { RecError } from '../../../ml/rec/types.js';
import { seededRandom } from '../../../ml/util/seededRandom.js';

/**
 * Lists of 10 rows with two features: feature 0 is noise, and the relevant
 * row is the one with the highest feature 1. The rows are shuffled, so the
 * list order (the "first stage") carries no signal.
 */
function makeQueries(count: number, seed: number): RankingQuery[] {
  const random = seededRandom(seed);
  return Array.from({ length: count }, () => {
    const rows = 10;
    const features = new Float32Array(rows * 2);
    for (let r = 0; r < rows; r++) {
      features[r * 2] = random();
      features[r * 2 + 1] = random();
    }
    let relevant = 0;
    for (let r = 1; r < rows; r++) if (features[r * 2 + 1]! > features[relevant * 2 + 1]!) relevant = r;
    return { features, rows, relevant };
  });
}

const rankOfRelevant = (model: BoostedTrees, q: RankingQuery): number => {
  const target = model.score(q.features, q.relevant * 2);
  let rank = 1;
  for (let r = 0; r < q.rows; r++) if (model.score(q.features, r * 2) > target) rank++;
  return rank;
};

describe('BoostedTrees', () => {
  it('follows each tree from the root to a leaf and sums the leaves', () => {
    // Tree 1: feature 0 ≤ 0.5 → 1, else 3. Tree 2: a single leaf of −0.5 (feature −1 at the root).
    const trees = new BoostedTrees(2, 1, Int32Array.of(0, -1, -1, -1, -1, -1), Float32Array.of(0.5, 1, 3, -0.5, 0, 0));
    expect(trees.treeCount).toBe(2);
    expect(trees.score(Float32Array.of(0.5, 9), 0)).toBe(0.5); // 0.5 ≤ 0.5 goes left: 1 − 0.5
    expect(trees.score(Float32Array.of(0.7, 9), 0)).toBe(2.5);
    expect(trees.score(Float32Array.of(9, 9, 0.2, 9), 2)).toBe(0.5); // row at offset 2
  });

  it('rejects arrays that are not whole trees or split on a missing feature', () => {
    expect(() => new BoostedTrees(2, 1, Int32Array.of(0, -1), Float32Array.of(0, 0))).toThrow(RecError);
    expect(() => new BoostedTrees(2, 1, Int32Array.of(5, -1, -1), Float32Array.of(0, 0, 0))).toThrow(/feature 5 of 2/);
  });

  it('learns which feature marks the relevant row', () => {
    const { model, report } = trainBoostedTrees(makeQueries(600, 1), makeQueries(150, 2), 2, { depth: 3, learningRate: 0.3, maxTrees: 60 });
    expect(report.trees).toBeGreaterThan(0);
    const fresh = makeQueries(300, 3);
    const top1 = fresh.filter((q) => rankOfRelevant(model, q) === 1).length / fresh.length;
    // The list order alone would put the relevant row first in about 1 list of 10.
    expect(top1).toBeGreaterThan(0.8);
    expect(report.heldOutNdcg10).toBeGreaterThan(0.9);
  });

  it('keeps no trees when nothing can be learnt', () => {
    // The relevant row is always the first and every row is identical: no split separates it.
    const same = Array.from({ length: 50 }, () => ({ features: new Float32Array(10).fill(1), rows: 5, relevant: 0 }));
    const { model, report } = trainBoostedTrees(same, same, 2, { patience: 3 });
    expect(report.trees).toBe(0);
    expect(model.score(new Float32Array(2), 0)).toBe(0);
  });

  it('skips lists without a relevant row', () => {
    const lists = makeQueries(200, 4).map((q, i) => (i % 2 === 0 ? { ...q, relevant: -1 } : q));
    const { report } = trainBoostedTrees(lists, makeQueries(100, 5), 2, { depth: 2, maxTrees: 10 });
    expect(report.trees).toBeGreaterThan(0);
  });
});

describe('ndcgOf', () => {
  it('ranks ties by earlier row', () => {
    const q: RankingQuery = { features: new Float32Array(0), rows: 3, relevant: 2 };
    expect(ndcgOf([q], [Float64Array.of(0, 0, 1)])).toBe(1);
    expect(ndcgOf([q], [Float64Array.of(0, 1, 1)])).toBeCloseTo(1 / Math.log2(3), 10); // tie with row 1, which is earlier
    expect(ndcgOf([{ ...q, relevant: -1 }, q], [Float64Array.of(0, 0, 0), Float64Array.of(0, 0, 1)])).toBe(0.5);
  });
});
