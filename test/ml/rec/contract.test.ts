/**
 * Contract suite run against every model: the shared behaviour of
 * `Recommender`, plus one hand-computed ranking per model on the fixture baskets.
 */
import { describe, expect, it } from 'vitest';
import { ContentTfidf } from '../../../ml/rec/contentTfidf.js';
import { BoostedTrees } from '../../../ml/rec/boostedTrees.js';
import { Hybrid, type SecondStage } from '../../../ml/rec/hybrid.js';
import { featureWidth } from '../../../ml/rec/rankFeatures.js';
import { ItemKnn } from '../../../ml/rec/itemKnn.js';
import { Popularity } from '../../../ml/rec/popularity.js';
import { Rp3beta } from '../../../ml/rec/rp3beta.js';
import { loadRecommender } from '../../../ml/rec/registry.js';
import type { ScoringRecommender } from '../../../ml/rec/scoringModel.js';
import { SparseEase } from '../../../ml/rec/sparseEase.js';
import { Transitions } from '../../../ml/rec/transitions.js';
import { RecError, type RecContext, type ReasonCode } from '../../../ml/rec/types.js';
import { UserKnn } from '../../../ml/rec/userKnn.js';
import { TRAINING } from './fixtures.js';

/** Transitions over adjacent forward pairs only, newest context item only. */
const forwardTransitions = () =>
  new Transitions({ window: 1, backwardWeight: 0, distanceDecay: 1, targetPopularityExponent: 0, recencyDecay: 1, maxRecent: 1 });

interface WorkedCase {
  name: string;
  create: () => ScoringRecommender;
  context: RecContext;
  /** Expected top items, best first, and their scores where worked out. */
  expected: string[];
  scores?: number[];
  reason: ReasonCode;
}

const CASES: WorkedCase[] = [
  // Scaled counts b 1, a 3/4, c 2/4, d e f 1/4; ties keep catalog order.
  { name: 'popularity', create: () => new Popularity(), context: {}, expected: ['b', 'a', 'c', 'd'], scores: [1, 0.75, 0.5, 0.25], reason: 'popular' },
  // sim(a,b) = 3/√12 = 0.866, sim(a,c) = 1/√6, sim(a,d) = 1/√3 = 0.577 (plain cosine).
  { name: 'item_knn', create: () => new ItemKnn({ shrinkage: 0 }), context: { sessionItems: ['a'] }, expected: ['b', 'd', 'c'], scores: [3 / Math.sqrt(12), 1 / Math.sqrt(3), 1 / Math.sqrt(6)], reason: 'because_viewed' },
  // From b: c 2/3, d 1/3.
  { name: 'transitions', create: forwardTransitions, context: { sessionItems: ['a', 'b'] }, expected: ['c', 'd'], scores: [2 / 3, 1 / 3], reason: 'bought_together' },
  // Users with c: u1 (3 items, 1/√3) and u3 (2 items, 1/√2); b gets both, a only u1's.
  { name: 'user_knn', create: () => new UserKnn({ shrinkage: 0, neighbourUsers: 2, recencyDecay: 1 }), context: { sessionItems: ['c'] }, expected: ['b', 'a'], scores: [1 / Math.sqrt(3) + 1 / Math.SQRT2, 1 / Math.sqrt(3)], reason: 'similar_shoppers' },
  // One regressor per item, λ = 1: B[b][a] = 3/(4+1), B[b][c] = 2/(4+1).
  { name: 'sparse_ease', create: () => new SparseEase({ l2: 1, maxNeighbours: 1, recencyDecay: 1 }), context: { sessionItems: ['b'] }, expected: ['a', 'c'], scores: [0.6, 0.4], reason: 'because_viewed' },
  // Walk from a (3 users, step 1/3) through u1, u2 (3 items each) and u5 (2 items), β = 0.5:
  // b (1/3 + 1/3 + 1/2) / 3 / √4 = 7/36, d (1/3) / 3 / √1 = 1/9, c (1/3) / 3 / √2.
  { name: 'rp3beta', create: () => new Rp3beta({ alpha: 1, beta: 0.5, recencyDecay: 1 }), context: { sessionItems: ['a'] }, expected: ['b', 'd', 'c'], scores: [7 / 36, 1 / 9, 1 / 9 / Math.SQRT2], reason: 'because_viewed' },
  // e and f share the token 奥特曼 and nothing else.
  { name: 'content_tfidf', create: () => new ContentTfidf({ maxDocumentShare: 1 }), context: { sessionItems: ['e'] }, expected: ['f'], reason: 'similar_content' },
  // Normalised rows: popularity (a, b excluded) c 1, d e f 0.5; transitions c 1, d 0.5, weighted 2.
  // Sum: c 3, d 1.5, e 0.5, f 0.5; transitions gives the larger share of c's score.
  { name: 'hybrid', create: () => new Hybrid([new Popularity(), forwardTransitions()], [1, 2]), context: { sessionItems: ['a', 'b'] }, expected: ['c', 'd', 'e', 'f'], scores: [3, 1.5, 0.5, 0.5], reason: 'bought_together' },
  // First stage as above. The second stage reorders its top 3 (c, d, e) by one hand-built tree on
  // feature 8, log(1 + item degree): degree 1 (0.69) scores +1 and degree 2 (1.10) scores 0. So d
  // and e come first (their tie keeps the blend order), then c, and f stays below the pool.
  // Scores: best blend 3 + 1 + (3 − rank).
  { name: 'hybrid with second stage', create: () => new Hybrid([new Popularity(), forwardTransitions()], [1, 2], degreeStage()), context: { sessionItems: ['a', 'b'] }, expected: ['d', 'e', 'c', 'f'], scores: [7, 6, 5, 0.5], reason: 'bought_together' },
];

/** Builds a depth-1 tree on feature 8 (log(1 + degree)) of a two-component hybrid, over a pool of 3. */
function degreeStage(): SecondStage {
  const trees = new BoostedTrees(featureWidth(2), 1, Int32Array.of(8, -1, -1), Float32Array.of(0.9, 1, 0));
  return { trees, poolSize: 3 };
}

describe.each(CASES)('$name model', (worked) => {
  const fitted = () => {
    const model = worked.create();
    model.fit(TRAINING);
    return model;
  };

  it('matches the hand-computed ranking', () => {
    const list = fitted().recommend(worked.context, worked.expected.length);
    expect(list.map((r) => r.itemId)).toEqual(worked.expected);
    worked.scores?.forEach((score, i) => expect(list[i]!.score).toBeCloseTo(score, 5));
  });

  it('explains its top item', () => {
    const model = fitted();
    const top = model.recommend(worked.context, 1)[0]!;
    expect(top.explanation.code).toBe(worked.reason);
    expect(model.explain(worked.context, top.itemId)).toEqual(top.explanation);
  });

  it('returns k items best first', () => {
    const list = fitted().recommend({ sessionItems: ['a'] }, 4);
    expect(list).toHaveLength(4);
    for (let i = 1; i < list.length; i++) expect(list[i]!.score).toBeLessThanOrEqual(list[i - 1]!.score);
  });

  it('excludes context items', () => {
    const ids = fitted().recommend({ sessionItems: ['a'], memberHistory: ['c'] }, 6).map((r) => r.itemId);
    expect(ids).toHaveLength(4); // 6 items minus the 2 in the context
    expect(ids).not.toContain('a');
    expect(ids).not.toContain('c');
  });

  it('keeps context items on request', () => {
    expect(fitted().recommend({ sessionItems: ['a'] }, 6, { excludeContextItems: false })).toHaveLength(6);
  });

  it('ignores unknown context ids', () => {
    expect(fitted().recommend({ sessionItems: ['no-such-item'] }, 3)).toHaveLength(3);
  });

  it('rejects an invalid k', () => {
    const model = fitted();
    expect(model.recommend({}, 0)).toEqual([]);
    expect(() => model.recommend({}, -1)).toThrow(RecError);
    expect(() => model.recommend({}, 1.5)).toThrow(/non-negative integer/);
  });

  it('lists similar items without the item', () => {
    const model = fitted();
    const similar = model.similarItems('b', 5);
    expect(similar).toHaveLength(5);
    expect(similar.map((r) => r.itemId)).not.toContain('b');
    expect(model.similarItems('no-such-item', 5)).toEqual([]);
  });

  it('rejects explaining an unknown item', () => {
    expect(() => fitted().explain({}, 'no-such-item')).toThrow(/not in the fitted catalog/);
  });

  it('round-trips through save and load', () => {
    const model = fitted();
    const copy = loadRecommender(model.save());
    expect(copy.kind).toBe(model.kind);
    expect(copy.recommend(worked.context, 5)).toEqual(model.recommend(worked.context, 5));
    expect(copy.similarItems('a', 3)).toEqual(model.similarItems('a', 3));
  });

  it('rejects a truncated save', () => {
    const bytes = fitted().save();
    expect(() => loadRecommender(bytes.subarray(0, bytes.length - 8))).toThrow(RecError);
    expect(() => loadRecommender(bytes.subarray(0, 6))).toThrow(/shorter than its 8-byte header/);
  });

  it('fails before fit', () => {
    expect(() => worked.create().recommend({}, 3)).toThrow(expect.objectContaining({ code: 'not_fitted' }));
  });

  it('rejects empty training data', () => {
    expect(() => worked.create().fit({ items: [], sequences: [] })).toThrow(expect.objectContaining({ code: 'empty_training_data' }));
  });
});

describe('loadRecommender', () => {
  it('rejects bytes without the tag', () => {
    expect(() => loadRecommender(new Uint8Array(64))).toThrow(expect.objectContaining({ code: 'corrupt_model' }));
  });
});
