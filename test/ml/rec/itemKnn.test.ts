import { describe, expect, it } from 'vitest';
import { ItemKnn } from '../../../ml/rec/itemKnn.js';
import type { TrainingData } from '../../../ml/rec/types.js';

// Users: u1 {a, b}, u2 {a, b, c}, u3 {c, d}. Degrees a=2, b=2, c=2, d=1.
// Co-occurrence: a·b=2, a·c=1, b·c=1, c·d=1.
const data: TrainingData = {
  items: [],
  sequences: [
    { userId: 'u1', items: ['a', 'b'] },
    { userId: 'u2', items: ['a', 'b', 'c'] },
    { userId: 'u3', items: ['c', 'd'] },
  ],
};

describe('ItemKnn', () => {
  it('computes plain cosine', () => {
    const model = new ItemKnn({ shrinkage: 0 });
    model.fit(data);
    const similar = model.similarItems('c', 3);
    // sim(c,d) = 1/√2, sim(c,a) = sim(c,b) = 1/2; a before b on the tie (lower index).
    expect(similar.map((r) => r.itemId)).toEqual(['d', 'a', 'b']);
    expect(similar[0]!.score).toBeCloseTo(1 / Math.SQRT2, 6);
    expect(similar[1]!.score).toBeCloseTo(0.5, 6);
  });

  it('applies shrinkage', () => {
    const model = new ItemKnn({ shrinkage: 1 });
    model.fit(data);
    const similar = model.similarItems('a', 2);
    expect(similar[0]!.score).toBeCloseTo(2 / 3, 6); // 2 / (2 + 1)
    expect(similar[1]!.score).toBeCloseTo(1 / 3, 6); // 1 / (2 + 1)
  });

  it('weights recent items more', () => {
    const model = new ItemKnn({ shrinkage: 0, recencyDecay: 0.5 });
    model.fit(data);
    // Context [d, a]: a (newest, weight 1) → b 1, c 0.5; d (weight 0.5) → c 0.5·0.7071.
    const list = model.recommend({ sessionItems: ['d', 'a'] }, 2);
    expect(list.map((r) => r.itemId)).toEqual(['b', 'c']);
    expect(list[1]!.score).toBeCloseTo(0.5 + 0.5 / Math.SQRT2, 5);
  });

  it('keeps only the top neighbours', () => {
    const model = new ItemKnn({ shrinkage: 0, maxNeighbours: 1 });
    model.fit(data);
    expect(model.similarItems('c', 3).filter((r) => r.score > 0).map((r) => r.itemId)).toEqual(['d']);
  });

  it.each([
    // Row c: c·a = c·b = c·d = 1; degrees a 2, c 2, d 1.
    // a = 1 gives P(j | c) = 1/2 for every neighbour.
    ['asymmetry 1 ties a and d', { asymmetry: 1 }, 0.5, 0.5],
    // a = 0 gives P(c | j): d 1/1, a 1/2.
    ['asymmetry 0 favours rare d', { asymmetry: 0 }, 0.5, 1],
    // Plain cosine squared: a (1/2)² = 1/4, d (1/√2)² = 1/2.
    ['sharpening 2 squares cosine', { sharpening: 2 }, 0.25, 0.5],
  ])('%s', (_name, options, simA, simD) => {
    const model = new ItemKnn({ shrinkage: 0, ...options });
    model.fit(data);
    const row = Object.fromEntries(model.similarItems('c', 3).map((r) => [r.itemId, r.score]));
    expect(row['a']).toBeCloseTo(simA, 6);
    expect(row['d']).toBeCloseTo(simD, 6);
  });
});
