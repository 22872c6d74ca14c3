import { describe, expect, it } from 'vitest';
import { Popularity } from '../../../ml/rec/popularity.js';
import type { TrainingData } from '../../../ml/rec/types.js';

const DAY_MS = 86_400_000;
const NOW = 100 * DAY_MS;

// Item old: 3 sales 90 days before the newest sale; item fresh: 2 sales at the newest time.
// With a 30-day half-life, old weighs 3 × 0.5³ = 0.375 and fresh weighs 2.
const data: TrainingData = {
  items: [
    { itemId: 'old', ageMinMonths: 36, ageMaxMonths: 96 },
    { itemId: 'fresh', ageMinMonths: 0, ageMaxMonths: 24 },
    { itemId: 'local' },
  ],
  sequences: [
    { userId: 'u1', items: ['old', 'old', 'old'], timestampsMs: [NOW - 90 * DAY_MS, NOW - 90 * DAY_MS, NOW - 90 * DAY_MS], storeId: 'north' },
    { userId: 'u2', items: ['fresh', 'fresh'], timestampsMs: [NOW, NOW], storeId: 'north' },
    { userId: 'u3', items: ['local'], timestampsMs: [NOW], storeId: 'south' },
  ],
};

describe('Popularity', () => {
  it('decays old interactions', () => {
    const model = new Popularity({ halfLifeMs: 30 * DAY_MS });
    model.fit(data);
    const list = model.recommend({}, 3);
    expect(list.map((r) => r.itemId)).toEqual(['fresh', 'local', 'old']);
    expect(list[2]!.score).toBeCloseTo(0.375 / 2, 6); // scaled so fresh = 1
  });

  it('counts plainly without timestamps', () => {
    const model = new Popularity({ halfLifeMs: 30 * DAY_MS });
    model.fit({ items: [], sequences: data.sequences.map(({ userId, items }) => ({ userId, items })) });
    expect(model.recommend({}, 1)[0]!.itemId).toBe('old');
  });

  it('boosts the store trending list', () => {
    const model = new Popularity({ halfLifeMs: 30 * DAY_MS, storeWeight: 2 });
    model.fit(data);
    // south: local has trending 1 (weight 2) plus global 0.5, ahead of fresh (global 1).
    const list = model.recommend({ storeId: 'south' }, 2);
    expect(list.map((r) => r.itemId)).toEqual(['local', 'fresh']);
    expect(list[0]!.explanation.code).toBe('trending_in_store');
  });

  it('ignores an unknown store', () => {
    const model = new Popularity({ halfLifeMs: 30 * DAY_MS });
    model.fit(data);
    expect(model.recommend({ storeId: 'nowhere' }, 3)).toEqual(model.recommend({}, 3));
  });

  it('explains popularity for the quiz age', () => {
    const model = new Popularity();
    model.fit(data);
    expect(model.explain({ quiz: { childAgeMonths: 12 } }, 'fresh').code).toBe('popular_for_age');
    expect(model.explain({ quiz: { childAgeMonths: 12 } }, 'old').code).toBe('popular');
  });

  it('decays by position without timestamps', () => {
    // With decay 0.5 from each sequence's end: a 0.25 + 0.5, b 0.5 + 1, c 1.
    const model = new Popularity({ positionDecay: 0.5 });
    model.fit({ items: [], sequences: [{ userId: 'u1', items: ['a', 'b', 'c'] }, { userId: 'u2', items: ['a', 'b'] }] });
    const list = model.recommend({}, 3);
    expect(list.map((r) => r.itemId)).toEqual(['b', 'c', 'a']);
    expect(list[1]!.score).toBeCloseTo(1 / 1.5, 6);
    expect(list[2]!.score).toBeCloseTo(0.75 / 1.5, 6);
  });

  it('ignores position decay with timestamps', () => {
    const model = new Popularity({ halfLifeMs: 30 * DAY_MS, positionDecay: 0.5 });
    model.fit(data);
    expect(model.recommend({}, 3)[2]!.score).toBeCloseTo(0.375 / 2, 6);
  });
});
