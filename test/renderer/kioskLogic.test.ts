import { describe, expect, it } from 'vitest';
import { AGE_BANDS, NO_FILTERS, productQuery } from '../../renderer/src/kiosk/filters.js';
import { LOW_STOCK_THRESHOLD, stockLevel } from '../../renderer/src/kiosk/stock.js';
import type { StoreMapView } from '../../main/api/wire.js';
import { estimateTextEms, findAisle, isStoreMap, layoutLabel, MIN_LABEL_SCALE } from '../../renderer/src/kiosk/storeMap.js';
import { iconForCategory, normaliseHue } from '../../renderer/src/kiosk/ToyArt.js';

const MAP: StoreMapView = {
  width: 100, height: 60,
  aisles: [
    { id: 'A1', label: 'A1', shortLabel: 'A1', x: 10, y: 10, w: 10, h: 30 },
    { id: 'aisle-2', label: 'B2', shortLabel: 'B2', x: 30, y: 10, w: 10, h: 30 },
  ],
  entrance: { x: 0, y: 50, w: 20, h: 10 },
  checkout: { x: 80, y: 50, w: 20, h: 10 },
};

describe('stockLevel', () => {
  const cases: Array<{ stock: number; expected: ReturnType<typeof stockLevel>; note: string }> = [
    { stock: 0, expected: { kind: 'out' }, note: 'nothing on the shelf' },
    { stock: -2, expected: { kind: 'out' }, note: 'a negative count from a stock correction' },
    { stock: 1, expected: { kind: 'low', count: 1 }, note: 'the last one' },
    { stock: LOW_STOCK_THRESHOLD, expected: { kind: 'low', count: LOW_STOCK_THRESHOLD }, note: 'at the threshold' },
    { stock: LOW_STOCK_THRESHOLD + 1, expected: { kind: 'in' }, note: 'just above the threshold' },
    { stock: Number.NaN, expected: { kind: 'out' }, note: 'a broken value' },
  ];
  for (const testCase of cases) {
    it(testCase.note, () => {
      expect(stockLevel(testCase.stock)).toEqual(testCase.expected);
    });
  }
});

describe('productQuery', () => {
  it('asks for popular toys without filters', () => {
    expect(productQuery(NO_FILTERS, 'en', 24)).toEqual({ lang: 'en', category: undefined, ageMin: undefined, ageMax: undefined, sort: 'popular', limit: 24 });
  });

  it('sends each age band as a range', () => {
    for (const band of AGE_BANDS) {
      const query = productQuery({ category: 'puzzles', ageBandId: band.id }, 'zh-CN', 24);
      expect(query.category).toBe('puzzles');
      expect(query.ageMin, band.id).toBe(band.minYears);
      expect(query.ageMax, band.id).toBe(band.maxYears ?? undefined);
      expect(query, band.id).not.toHaveProperty('ageYears');
    }
  });

  it('leaves the open band without an upper end', () => {
    const query = productQuery({ category: null, ageBandId: '13+' }, 'en', 24);
    expect(query.ageMin).toBe(13);
    expect(query.ageMax).toBeUndefined();
  });

  it('ignores an unknown band id', () => {
    const query = productQuery({ category: null, ageBandId: 'nope' }, 'en', 24);
    expect(query.ageMin).toBeUndefined();
    expect(query.ageMax).toBeUndefined();
  });
});

describe('findAisle', () => {
  const cases: Array<{ aisle: string; expected: string | undefined; note: string }> = [
    { aisle: 'A1', expected: 'A1', note: 'id matches' },
    { aisle: 'a1 ', expected: 'A1', note: 'case and spaces do not matter' },
    { aisle: 'B2', expected: 'aisle-2', note: 'label matches when no id does' },
    { aisle: 'Z9', expected: undefined, note: 'an aisle missing from the map' },
  ];
  for (const testCase of cases) {
    it(testCase.note, () => {
      expect(findAisle(MAP, testCase.aisle)?.id).toBe(testCase.expected);
    });
  }
});

describe('isStoreMap', () => {
  const cases: Array<{ value: unknown; valid: boolean; note: string }> = [
    { value: MAP, valid: true, note: 'a complete map' },
    { value: { ...MAP, width: 0 }, valid: false, note: 'zero width cannot be drawn' },
    { value: { ...MAP, entrance: null }, valid: false, note: 'no entrance' },
    { value: { ...MAP, aisles: [{ id: 'A1', x: 1, y: 1, w: 1, h: 1 }] }, valid: false, note: 'aisle without a label' },
    { value: { ...MAP, aisles: [{ id: 'A1', label: 'A1', shortLabel: 'A1', x: 1, y: 'top', w: 1, h: 1 }] }, valid: false, note: 'coordinate is not a number' },
    { value: { ...MAP, aisles: [{ id: 'A1', label: 'Puzzles', x: 1, y: 1, w: 1, h: 1 }] }, valid: false, note: 'aisle without a map label' },
  ];
  for (const testCase of cases) {
    it(testCase.note, () => {
      expect(isStoreMap(testCase.value)).toBe(testCase.valid);
    });
  }
});

describe('layoutLabel', () => {
  it('runs a label up a tall aisle', () => {
    const layout = layoutLabel({ x: 2, y: 2, w: 1.5, h: 5 }, 'Puzzles', 1);
    expect(layout.rotate).toBe(-90);
    expect(layout.x).toBe(2.75);
    expect(layout.y).toBe(4.5);
  });

  it('shrinks a label to fit the aisle length', () => {
    const layout = layoutLabel({ x: 0, y: 0, w: 1.5, h: 5 }, 'Board Games', 1);
    expect(layout.text).toBe('Board Games');
    expect(layout.fontSize).toBeLessThan(1);
    expect(estimateTextEms(layout.text) * layout.fontSize).toBeLessThanOrEqual(5);
  });

  it('cuts a label that is too long at the smallest size', () => {
    const layout = layoutLabel({ x: 0, y: 0, w: 1.5, h: 5 }, 'Vehicles & Remote Control', 1);
    // The maximum size (1) is below the aisle width, so the smallest size is MIN_LABEL_SCALE × 1.
    expect(layout.fontSize).toBeCloseTo(MIN_LABEL_SCALE);
    expect(layout.text.endsWith('…')).toBe(true);
    expect(layout.text.startsWith('Vehicles')).toBe(true);
    expect(estimateTextEms(layout.text) * layout.fontSize).toBeLessThanOrEqual(5 * 0.85);
  });

  it('keeps the maximum size when the label fits', () => {
    // A short label in a wide rectangle stays at the maximum font size.
    expect(layoutLabel({ x: 0, y: 0, w: 6, h: 2 }, '入口', 0.8).fontSize).toBe(0.8);
  });

  it('counts CJK characters as one em', () => {
    expect(estimateTextEms('积木')).toBe(2);
  });
});

describe('iconForCategory', () => {
  const cases: Array<{ category: string; icon: string; note: string }> = [
    { category: 'building_blocks', icon: 'blocks', note: 'snake_case id' },
    { category: 'RC-Cars', icon: 'vehicle', note: 'upper case and dashes' },
    { category: 'plush', icon: 'plush', note: 'exact word' },
    { category: 'educational', icon: 'science', note: 'keyword as a prefix' },
    { category: 'cartoon', icon: 'generic', note: 'short keyword "car" only matches a whole word' },
    { category: 'boardgames', icon: 'game', note: 'catalog id without a separator' },
    { category: 'blindbox', icon: 'surprise', note: 'blind boxes get the surprise box' },
    { category: '', icon: 'generic', note: 'empty id' },
  ];
  for (const testCase of cases) {
    it(testCase.note, () => {
      expect(iconForCategory(testCase.category)).toBe(testCase.icon);
    });
  }
});

describe('normaliseHue', () => {
  it('wraps into 0–359', () => {
    expect(normaliseHue(370)).toBe(10);
    expect(normaliseHue(-30)).toBe(330);
    expect(normaliseHue(Number.POSITIVE_INFINITY)).toBe(0);
  });
});
