import { describe, expect, it } from 'vitest';
import { ContentTfidf } from '../../../ml/rec/contentTfidf.js';
import { Hybrid } from '../../../ml/rec/hybrid.js';
import { Popularity } from '../../../ml/rec/popularity.js';
import { recommendWithRules, type BusinessRules } from '../../../ml/rec/rules.js';
import type { ItemMeta } from '../../../ml/rec/types.js';
import { CATALOG, ITEMS, TRAINING } from './fixtures.js';

// Popularity order on the fixtures: b, a, c, d, e, f.
const popularity = new Popularity();
popularity.fit(TRAINING);
const ids = (rules: BusinessRules, k = 6, context = {}) => recommendWithRules(popularity, CATALOG, context, k, rules).map((r) => r.itemId);

describe('recommendWithRules', () => {
  // [case, rules, expected list]
  const table: [string, BusinessRules, string[]][] = [
    ['no rules', {}, ['b', 'a', 'c', 'd', 'e', 'f']],
    ['stock only', { inStock: new Set(['c', 'e', 'a']) }, ['a', 'c', 'e']],
    ['age 24 months', { childAgeMonths: 24 }, ['b']], // only b covers 18–60 months
    ['price band 50–200 yuan', { minPriceCents: 5000, maxPriceCents: 20000 }, ['d', 'e', 'f']],
    ['include 拼图', { includeCategories: ['拼图'] }, ['c', 'd']],
    ['exclude 积木', { excludeCategories: ['积木'] }, ['c', 'd', 'e', 'f']],
    ['already bought', { purchased: new Set(['b', 'c']) }, ['a', 'd', 'e', 'f']],
  ];
  it.each(table)('filters: %s', (_name, rules, expected) => {
    expect(ids(rules)).toEqual(expected);
  });

  it('caps one brand but still fills k', () => {
    // LEGO has a and b; the cap moves a behind the other brands.
    expect(ids({ maxPerBrand: 1 }, 4)).toEqual(['b', 'c', 'd', 'e']);
    expect(ids({ maxPerBrand: 1, inStock: new Set(['a', 'b', 'c']) }, 3)).toEqual(['b', 'c', 'a']);
  });

  it('caps one category', () => {
    expect(ids({ maxPerCategory: 1 }, 4)).toEqual(['b', 'c', 'e', 'f']);
  });

  it('fills a share of slots with promotions', () => {
    const list = recommendWithRules(popularity, CATALOG, {}, 4, { promotions: { itemIds: ['f', 'e'], share: 0.5 } });
    // Two of four slots, first at position 2, then evenly spaced.
    expect(list.map((r) => r.itemId)).toEqual(['b', 'f', 'a', 'e']);
    expect(list[1]!.explanation.code).toBe('promotion');
  });

  it('skips promotions that fail a filter', () => {
    expect(ids({ promotions: { itemIds: ['f'], share: 0.5 }, inStock: new Set(['a', 'b']) }, 2)).toEqual(['b', 'a']);
  });

  it('rejects an invalid promotion share', () => {
    expect(() => ids({ promotions: { itemIds: ['f'], share: 1.5 } })).toThrow(/between 0 and 1/);
  });

  it('uses quiz age and budget', () => {
    // Age 40 months excludes a (48+) and f (96+); budget 100 yuan excludes b.
    expect(ids({}, 6, { quiz: { childAgeMonths: 40, budgetCents: 10000 } })).toEqual(['c', 'd']);
  });
});

describe('cold start', () => {
  it('recommends a new item through content', () => {
    const newItem: ItemMeta = { itemId: 'g', title: '奥特曼怪兽公仔', categories: ['手办'] };
    const hybrid = new Hybrid([new Popularity(), new ContentTfidf({ maxDocumentShare: 1 })], [0.1, 1]);
    hybrid.fit({ ...TRAINING, items: [...ITEMS, newItem] });
    // g has no interactions but shares 奥特曼 and 手办 with f.
    expect(hybrid.similarItems('f', 1)[0]!.itemId).toBe('g');
    expect(hybrid.recommend({ sessionItems: ['f'] }, 1)[0]!.itemId).toBe('g');
  });

  it('serves a new shopper from the quiz', () => {
    const hybrid = new Hybrid([new Popularity(), new ContentTfidf({ maxDocumentShare: 1 })], [0.1, 1]);
    hybrid.fit(TRAINING);
    const list = recommendWithRules(hybrid, CATALOG, { quiz: { childAgeMonths: 60, interests: ['拼图'] } }, 3, {});
    // c and d are the puzzles (拼图); d's shorter title gives it the larger TF-IDF weight.
    expect(list.map((r) => r.itemId).slice(0, 2)).toEqual(['d', 'c']);
    expect(list[0]!.explanation.code).toBe('matches_interest');
  });
});

describe('promotions and the context', () => {
  it('skips a promotion the shopper already has', () => {
    const list = recommendWithRules(popularity, CATALOG, { sessionItems: ['f'] }, 2, { promotions: { itemIds: ['f'], share: 0.5 } });
    expect(list.map((r) => r.itemId)).toEqual(['b', 'a']);
  });
});
