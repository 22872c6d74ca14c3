import { describe, expect, it } from 'vitest';
import { Rp3beta, type Rp3betaOptions } from '../../../ml/rec/rp3beta.js';
import { TRAINING } from './fixtures.js';

// Row a of the fixture: users u1 {a, b, c}, u2 {a, b, d}, u5 {a, b}; a has 3 users.
// Degrees: b 4, c 2, d 1.
interface Case {
  options: Partial<Rp3betaOptions>;
  /** Expected weights of b, c, d in row a. */
  expected: [number, number, number];
}

const CASES: [string, Case][] = [
  // α = 0, β = 0: plain co-occurrence counts.
  ['counts co-occurrence at alpha 0', { options: { alpha: 0, beta: 0 }, expected: [3, 1, 1] }],
  // α = 1: (1/3) × Σ 1/|I(u)| = (1/3)(1/3 + 1/3 + 1/2) for b, (1/3)(1/3) for c and d.
  ['walks probabilities at alpha 1', { options: { alpha: 1, beta: 0 }, expected: [7 / 18, 1 / 9, 1 / 9] }],
  // α = 2 squares each step: (1/9)(1/9 + 1/9 + 1/4) for b, (1/9)(1/9) for c and d.
  ['sharpens steps at alpha 2', { options: { alpha: 2, beta: 0 }, expected: [17 / 324, 1 / 81, 1 / 81] }],
  // β = 1 divides by the target's user count: b /4, c /2, d /1.
  ['damps popular targets with beta', { options: { alpha: 0, beta: 1 }, expected: [3 / 4, 1 / 2, 1] }],
];

describe('Rp3beta', () => {
  it.each(CASES)('%s', (_name, { options, expected }) => {
    const model = new Rp3beta(options);
    model.fit(TRAINING);
    const row = Object.fromEntries(model.similarItems('a', 5).map((r) => [r.itemId, r.score]));
    expect(row['b']).toBeCloseTo(expected[0], 6);
    expect(row['c']).toBeCloseTo(expected[1], 6);
    expect(row['d']).toBeCloseTo(expected[2], 6);
  });

  it('keeps only the strongest neighbours', () => {
    const model = new Rp3beta({ alpha: 0, beta: 0, maxNeighbours: 1 });
    model.fit(TRAINING);
    const row = model.similarItems('a', 5).filter((r) => r.score > 0);
    expect(row.map((r) => r.itemId)).toEqual(['b']);
  });
});
