/**
 * Small catalog and baskets shared by the recommender tests; every expected
 * ranking in the tests is computed by hand from these lines.
 *
 * Item degrees (users who have the item): a 3, b 4, c 2, d 1, e 1, f 1.
 * Co-occurrence: a·b 3, a·c 1, a·d 1, b·c 2, b·d 1, e·f 1.
 * Adjacent forward pairs: a→b 3, b→c 2, b→d 1, e→f 1.
 */
import type { ItemMeta, TrainingData } from '../../../ml/rec/types.js';

export const ITEMS: ItemMeta[] = [
  { itemId: 'a', title: '乐高城市消防局', brand: 'LEGO', categories: ['积木'], ageMinMonths: 48, ageMaxMonths: 144, priceCents: 39900 },
  { itemId: 'b', title: '乐高得宝火车', brand: 'LEGO', categories: ['积木'], ageMinMonths: 18, ageMaxMonths: 60, priceCents: 29900 },
  { itemId: 'c', title: '儿童拼图100片', categories: ['拼图'], ageMinMonths: 36, ageMaxMonths: 96, priceCents: 4900 },
  { itemId: 'd', title: '恐龙拼图', brand: 'Ravensburger', categories: ['拼图'], ageMinMonths: 36, ageMaxMonths: 96, priceCents: 8900 },
  { itemId: 'e', title: '奥特曼变身器', categories: ['角色扮演'], ageMinMonths: 36, ageMaxMonths: 120, priceCents: 12900 },
  { itemId: 'f', title: '奥特曼手办', categories: ['手办'], ageMinMonths: 96, ageMaxMonths: 1200, priceCents: 19900 },
];

export const TRAINING: TrainingData = {
  items: ITEMS,
  sequences: [
    { userId: 'u1', items: ['a', 'b', 'c'] },
    { userId: 'u2', items: ['a', 'b', 'd'] },
    { userId: 'u3', items: ['b', 'c'] },
    { userId: 'u4', items: ['e', 'f'] },
    { userId: 'u5', items: ['a', 'b'] },
  ],
};

export const CATALOG = new Map(ITEMS.map((item) => [item.itemId, item]));
