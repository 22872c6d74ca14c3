import { describe, expect, it } from 'vitest';
import type { StoredBasket } from '../../../main/catalog/catalogStore.js';
import { buildValidationSplit, type ValidationOptions } from '../../../main/rec/validationCases.js';
import { basketsOf } from './handMadeStores.js';

const KNOWN = new Set(['a', 'b', 'c', 'd', 'e']);
/** Draws every possible case, so each row below shows all cases its baskets give. */
const ALL: ValidationOptions = { maxCases: 1000, maxCandidateShare: 1, seed: 7 };

describe('buildValidationSplit cases', () => {
  const rows: { name: string; baskets: StoredBasket[]; expected: { kind: string; input: string[]; targets: string[] }[] }[] = [
    {
      // A repeat member: the last visit's new item is predicted from all earlier purchases, oldest first.
      name: 'member next visit',
      baskets: basketsOf([['a'], ['b', 'c'], ['d']], ['M1', 'M1', 'M1']),
      expected: [{ kind: 'next_visit', input: ['a', 'b', 'c'], targets: ['d'] }],
    },
    {
      // Re-buying 'a' is no case, because the kiosk never suggests an earlier purchase. Only 'e' is new.
      name: 'member repeat purchase',
      baskets: basketsOf([['a'], ['a', 'e']], ['M1', 'M1']),
      expected: [{ kind: 'next_visit', input: ['a'], targets: ['e'] }],
    },
    {
      // A last visit that only repeats earlier purchases gives nothing.
      name: 'member only repeats',
      baskets: basketsOf([['a', 'b'], ['a']], ['M1', 'M1']),
      expected: [],
    },
    {
      // An anonymous basket of two items: either item is held out and the other is the input.
      name: 'anonymous basket',
      baskets: basketsOf([['a', 'b']]),
      expected: [{ kind: 'basket_holdout', input: ['a', 'b'], targets: ['a', 'b'] }],
    },
    {
      // A one-visit member is treated like an anonymous shopper.
      name: 'one-visit member',
      baskets: basketsOf([['c', 'd']], ['M2']),
      expected: [{ kind: 'basket_holdout', input: ['c', 'd'], targets: ['c', 'd'] }],
    },
    {
      // One item, or one item twice, leaves nothing to predict from.
      name: 'single-item baskets',
      baskets: basketsOf([['a'], ['b', 'b']]),
      expected: [],
    },
    {
      // 'zzz' is no longer in the catalog, so the basket has only one known item.
      name: 'unknown items ignored',
      baskets: basketsOf([['a', 'zzz']]),
      expected: [],
    },
    {
      // Earlier baskets of a repeat member give no holdout cases, because only the last visit is used.
      name: 'repeat member baskets',
      baskets: basketsOf([['a', 'b'], ['c', 'd']], ['M3', 'M3']),
      expected: [{ kind: 'next_visit', input: ['a', 'b'], targets: ['c', 'd'] }],
    },
  ];

  for (const row of rows) {
    it(row.name, () => {
      const { cases } = buildValidationSplit(row.baskets, KNOWN, ALL);
      expect(cases).toHaveLength(row.expected.length);
      cases.forEach((c, i) => {
        const expected = row.expected[i]!;
        expect(c.kind).toBe(expected.kind);
        expect(expected.targets).toContain(c.target);
        const expectedInput = expected.kind === 'basket_holdout' ? expected.input.filter((id) => id !== c.target) : expected.input;
        expect(c.input).toEqual(expectedInput);
      });
    });
  }
});

describe('buildValidationSplit training baskets', () => {
  it('removes each target from its basket', () => {
    const baskets = basketsOf([['a', 'b', 'a'], ['c', 'd'], ['e']]);
    const { trainBaskets, cases } = buildValidationSplit(baskets, KNOWN, ALL);
    expect(cases).toHaveLength(2);
    const byTarget = new Map(cases.map((c) => [c.target, c]));
    for (const [i, basket] of trainBaskets.entries()) {
      const original = baskets[i]!;
      const removed = original.items.filter((id) => !basket.items.includes(id));
      // Every copy of a held-out item goes, so the input cannot see it through a duplicate.
      expect(removed.every((id) => byTarget.has(id)), basket.id).toBe(true);
      // The third basket has one item and gives no case.
      expect(new Set(removed).size, basket.id).toBe(i === 2 ? 0 : 1);
    }
  });

  it('leaves baskets without a case unchanged', () => {
    const baskets = basketsOf([['a', 'b'], ['c', 'd'], ['a', 'e']]);
    const { trainBaskets, cases } = buildValidationSplit(baskets, KNOWN, { ...ALL, maxCases: 1 });
    expect(cases).toHaveLength(1);
    const changed = trainBaskets.filter((basket, i) => basket.items.length !== baskets[i]!.items.length);
    expect(changed).toHaveLength(1);
    expect(changed[0]!.items).not.toContain(cases[0]!.target);
  });
});

describe('buildValidationSplit draw', () => {
  const manyBaskets = basketsOf(Array.from({ length: 100 }, (_, i) => (i % 2 === 0 ? ['a', 'b', 'c'] : ['d', 'e'])));

  it('caps the case count', () => {
    expect(buildValidationSplit(manyBaskets, KNOWN, { ...ALL, maxCases: 30 }).cases).toHaveLength(30);
  });

  it('caps the share of baskets', () => {
    expect(buildValidationSplit(manyBaskets, KNOWN, { ...ALL, maxCandidateShare: 0.2 }).cases).toHaveLength(20);
  });

  it('same seed gives same cases', () => {
    const options = { ...ALL, maxCases: 30 };
    const first = buildValidationSplit(manyBaskets, KNOWN, options);
    const second = buildValidationSplit(manyBaskets, KNOWN, options);
    expect(second.cases).toEqual(first.cases);
    expect(second.trainBaskets).toEqual(first.trainBaskets);
  });

  it('another seed draws other cases', () => {
    const first = buildValidationSplit(manyBaskets, KNOWN, { ...ALL, maxCases: 30 });
    const second = buildValidationSplit(manyBaskets, KNOWN, { ...ALL, maxCases: 30, seed: 8 });
    expect(second.trainBaskets).not.toEqual(first.trainBaskets);
  });
});
