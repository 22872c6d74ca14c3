import { describe, expect, it } from 'vitest';
import type { ProductView } from '../../main/api/wire.js';
import { isCategoryList, isProductList, isProductView, isSuggestionList } from '../../renderer/src/kiosk/catalogGuards.js';

const PRODUCT: ProductView = {
  id: 'pz-001', name: 'Puzzle', description: 'A puzzle.', category: 'puzzles', categoryLabel: 'Puzzles', brand: 'FunPick',
  ageMinYears: 3, ageMaxYears: 8, priceYuan: 45, aisle: 'A06', stock: 3, imageHue: 260,
};

describe('isProductView', () => {
  const cases: Array<{ value: unknown; valid: boolean; note: string }> = [
    { value: PRODUCT, valid: true, note: 'a complete product' },
    { value: { ...PRODUCT, priceYuan: '45' }, valid: false, note: 'price sent as a string' },
    { value: { ...PRODUCT, stock: null }, valid: false, note: 'missing stock' },
    { value: { ...PRODUCT, name: 42 }, valid: false, note: 'name is not text' },
    { value: { ...PRODUCT, imageHue: Number.NaN }, valid: false, note: 'hue is not a number' },
    { value: [PRODUCT], valid: false, note: 'an array instead of a product' },
  ];
  for (const testCase of cases) {
    it(testCase.note, () => {
      expect(isProductView(testCase.value)).toBe(testCase.valid);
    });
  }
});

describe('isProductList', () => {
  it('accepts items with a total', () => {
    expect(isProductList({ items: [PRODUCT], total: 1 })).toBe(true);
  });

  it('accepts an empty page', () => {
    // No toy matches the filters: the kiosk shows its "no toys" note.
    expect(isProductList({ items: [], total: 0 })).toBe(true);
  });

  it('rejects items that are not a list', () => {
    expect(isProductList({ items: 'oops', total: 1 })).toBe(false);
  });

  it('rejects a list without a total', () => {
    expect(isProductList({ items: [PRODUCT] })).toBe(false);
  });

  it('rejects one broken item', () => {
    expect(isProductList({ items: [PRODUCT, { id: 'x' }], total: 2 })).toBe(false);
  });
});

describe('isSuggestionList', () => {
  it('accepts products with reasons', () => {
    expect(isSuggestionList([{ product: PRODUCT, reason: 'Similar toy', score: 0.8 }])).toBe(true);
  });

  it('rejects a suggestion without a reason', () => {
    expect(isSuggestionList([{ product: PRODUCT, score: 0.8 }])).toBe(false);
  });
});

describe('isCategoryList', () => {
  it('accepts categories with counts', () => {
    expect(isCategoryList([{ id: 'puzzles', label: 'Puzzles', count: 12 }])).toBe(true);
  });

  it('rejects a category without a label', () => {
    expect(isCategoryList([{ id: 'puzzles', count: 12 }])).toBe(false);
  });
});
