import { describe, expect, it } from 'vitest';
import { catalogIdSchema } from '../../main/catalog/catalogSchema.js';
import { isCatalogId, productHash, productIdFromHash } from '../../renderer/src/kiosk/route.js';

describe('productIdFromHash', () => {
  const cases: Array<{ hash: string; expected: string | null; note: string }> = [
    { hash: '#/product/blk-001', expected: 'blk-001', note: 'a catalog id' },
    { hash: '#/product/nope-999', expected: 'nope-999', note: 'an unknown id still opens the product page' },
    { hash: '#/product/%3Cb%3E', expected: '<b>', note: 'escapes are decoded' },
    { hash: '#/product/%E0%A4%A', expected: '%E0%A4%A', note: 'a malformed escape is kept as typed' },
    { hash: '#/product/', expected: null, note: 'no id' },
    { hash: '', expected: null, note: 'the bare kiosk URL' },
    { hash: '#/quiz', expected: null, note: 'another route' },
    { hash: '#product/blk-001', expected: null, note: 'missing slash after the hash' },
  ];
  for (const testCase of cases) {
    it(testCase.note, () => {
      expect(productIdFromHash(testCase.hash)).toBe(testCase.expected);
    });
  }

  it('reads back what productHash writes', () => {
    for (const id of ['blk-001', 'a', '<script>', '玩具']) expect(productIdFromHash(productHash(id))).toBe(id);
  });
});

describe('isCatalogId', () => {
  // Each id is checked against the server's schema too, so the two patterns cannot drift apart.
  const ids = ['blk-001', '0', 'a'.repeat(40), 'a'.repeat(41), '-blk', 'BLK-001', 'blk_001', '../etc', '', 'blk 001'];
  for (const id of ids) {
    it(`agrees with the server on "${id.length > 12 ? `${id.slice(0, 6)}…(${id.length})` : id}"`, () => {
      expect(isCatalogId(id)).toBe(catalogIdSchema.safeParse(id).success);
    });
  }
});
