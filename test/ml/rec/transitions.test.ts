import { describe, expect, it } from 'vitest';
import { Transitions } from '../../../ml/rec/transitions.js';

// One sequence x y z; z is 2 positions after x.
const data = { items: [], sequences: [{ userId: 'u', items: ['x', 'y', 'z'] }] };
const similar = (options: ConstructorParameters<typeof Transitions>[0], item: string) => {
  const model = new Transitions(options);
  model.fit(data);
  return Object.fromEntries(model.similarItems(item, 2).filter((r) => r.score > 0).map((r) => [r.itemId, r.score]));
};

describe('Transitions', () => {
  it('decays weight with distance', () => {
    // From x: y weight 1, z weight 0.5; normalised by the row total 1.5.
    const row = similar({ window: 2, distanceDecay: 0.5, backwardWeight: 0 }, 'x');
    expect(row['y']).toBeCloseTo(1 / 1.5, 6);
    expect(row['z']).toBeCloseTo(0.5 / 1.5, 6);
  });

  it('counts backward pairs at their weight', () => {
    // From z: y backward 0.5 × 1, x backward 0.5 × 0.5; total 0.75.
    const row = similar({ window: 2, distanceDecay: 0.5, backwardWeight: 0.5 }, 'z');
    expect(row['y']).toBeCloseTo(0.5 / 0.75, 6);
    expect(row['x']).toBeCloseTo(0.25 / 0.75, 6);
  });

  it('ignores pairs beyond the window', () => {
    expect(similar({ window: 1, backwardWeight: 0 }, 'x')).toEqual({ y: 1 });
  });

  it('is strictly forward without backward weight', () => {
    expect(similar({ window: 2, backwardWeight: 0 }, 'z')).toEqual({});
  });

  it('sharpens row weights', () => {
    // Row x is y 1/1.5 and z 0.5/1.5 before sharpening, so 4/9 and 1/9 after squaring.
    const row = similar({ window: 2, distanceDecay: 0.5, backwardWeight: 0, sharpening: 2 }, 'x');
    expect(row['y']).toBeCloseTo(4 / 9, 6);
    expect(row['z']).toBeCloseTo(1 / 9, 6);
  });

  it('favours pairs near the sequence end', () => {
    // x→y ends 1 position before the end (weight 0.5), x→z at the end (weight 1); total 1.5.
    const row = similar({ window: 2, distanceDecay: 1, backwardWeight: 0, sequenceRecencyDecay: 0.5 }, 'x');
    expect(row['y']).toBeCloseTo(0.5 / 1.5, 6);
    expect(row['z']).toBeCloseTo(1 / 1.5, 6);
  });
});
