import { describe, expect, it } from 'vitest';
import { UserKnn, type UserKnnOptions } from '../../../ml/rec/userKnn.js';
import { TRAINING } from './fixtures.js';

// Fixture users in order: u1 [a, b, c], u2 [a, b, d], u3 [b, c], u4 [e, f], u5 [a, b].
// With shrinkage 0 a user's similarity is 1/√(item count) per shared context item.
interface Case {
  options: Partial<UserKnnOptions>;
  context: string[];
  /** Expected score by item id. */
  expected: Record<string, number>;
}

const CASES: [string, Case][] = [
  // Context a matches u1, u2 (1/√3) and u5 (1/√2). Every item counts fully.
  ['votes with similarity', { options: {}, context: ['a'], expected: { b: 2 / Math.sqrt(3) + 1 / Math.SQRT2, c: 1 / Math.sqrt(3), d: 1 / Math.sqrt(3) } }],
  // c and d sit 2 positions after a, so decay 0.5 halves their votes.
  ['decays with distance from match', { options: { neighbourItemDecay: 0.5 }, context: ['a'], expected: { b: 2 / Math.sqrt(3) + 1 / Math.SQRT2, c: 0.5 / Math.sqrt(3), d: 0.5 / Math.sqrt(3) } }],
  // Context c matches u1 (1/√3) and u3 (1/√2). a and b come before c, so they get half.
  ['halves items before the match', { options: { neighbourBackwardWeight: 0.5 }, context: ['c'], expected: { a: 0.5 / Math.sqrt(3), b: 0.5 / Math.sqrt(3) + 0.5 / Math.SQRT2 } }],
  // Backward weight 0 keeps only items after the match, and nothing follows c.
  ['drops items before the match', { options: { neighbourBackwardWeight: 0 }, context: ['c'], expected: { a: 0, b: 0 } }],
];

describe('UserKnn', () => {
  it.each(CASES)('%s', (_name, { options, context, expected }) => {
    const model = new UserKnn({ shrinkage: 0, neighbourUsers: 10, recencyDecay: 1, ...options });
    model.fit(TRAINING);
    const scores = Object.fromEntries(model.recommend({ sessionItems: context }, 5).map((r) => [r.itemId, r.score]));
    for (const [item, score] of Object.entries(expected)) expect(scores[item], item).toBeCloseTo(score, 6);
  });
});
