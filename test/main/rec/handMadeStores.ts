/**
 * Small hand-made stores for the kiosk search tests, built as catalog
 * records and stored baskets without a database. Each store has one signal
 * that clearly predicts what shoppers buy, so a working search must find it.
 */
import type { ProductRecord, StoredBasket } from '../../../main/catalog/catalogStore.js';

/** Nonsense words, so no two toys share text unless a store gives them a common word on purpose. */
function uniqueWord(index: number): string {
  return `zq${index.toString(36)}x${(index * 7919).toString(36)}`;
}

/** Builds a toy whose text is one unique word plus `sharedWord`, if any. Category and brand are the same for all toys. */
export function toy(id: string, index: number, sharedWord = ''): ProductRecord {
  const word = uniqueWord(index);
  return {
    id,
    categoryId: 'toys',
    categoryLabelZh: '玩具',
    categoryLabelEn: 'Toys',
    nameZh: `${word} ${sharedWord}`.trim(),
    nameEn: `${word} ${sharedWord}`.trim(),
    descriptionZh: '',
    descriptionEn: '',
    brandZh: '品牌',
    brandEn: 'Brand',
    tags: [],
    accessory: false,
    ageMinYears: 3,
    ageMaxYears: 8,
    priceYuan: 99,
    stock: 10,
    purchaseCount: 0,
  };
}

/** Builds baskets with ids and minute-spaced times in list order. */
export function basketsOf(itemLists: readonly (readonly string[])[], memberCodes: readonly (string | null)[] = []): StoredBasket[] {
  return itemLists.map((items, i) => {
    const minutes = String(i % 60).padStart(2, '0');
    const hours = String(8 + Math.floor(i / 60) % 12).padStart(2, '0');
    const day = String(1 + Math.floor(i / 720)).padStart(2, '0');
    return { id: `B${String(i).padStart(5, '0')}`, purchasedAt: `2026-09-${day}T${hours}:${minutes}`, memberCode: memberCodes[i] ?? null, items: [...items] };
  });
}

/** Builds four best-sellers, each bought alone `count` times, so popularity ranks them first for everyone. */
function bestSellerBaskets(count: number): { toys: ProductRecord[]; baskets: string[][] } {
  const toys = [0, 1, 2, 3].map((i) => toy(`best-${i}`, 900 + i));
  const baskets = Array.from({ length: count * toys.length }, (_, i) => [toys[i % toys.length]!.id]);
  return { toys, baskets };
}

/**
 * Co-purchase store: 15 trios of toys with unrelated texts. Within a trio
 * the pairs are bought together 12, 8 and 6 times, and nothing links trios.
 */
export function coPurchaseStore(): { products: ProductRecord[]; baskets: StoredBasket[] } {
  const products: ProductRecord[] = [];
  const lists: string[][] = [];
  for (let trio = 0; trio < 15; trio++) {
    const [a, b, c] = [0, 1, 2].map((k) => `trio${trio}-${k}`) as [string, string, string];
    [a, b, c].forEach((id, k) => products.push(toy(id, trio * 3 + k)));
    const pairs: [string[], number][] = [[[a, b], 12], [[a, c], 8], [[b, c], 6]];
    for (const [pair, times] of pairs) for (let n = 0; n < times; n++) lists.push(pair);
  }
  const best = bestSellerBaskets(100);
  products.push(...best.toys);
  return { products, baskets: basketsOf(interleave(lists, best.baskets)) };
}

/**
 * Content store: 26 groups of 5 toys, each group sharing one word (5 of
 * 134 toys, under the content model's document-share cut). Each pair in a
 * group is bought together once, so after a pair is held out only the text
 * links its two toys, and co-purchase points to the group's other toys.
 */
export function contentStore(): { products: ProductRecord[]; baskets: StoredBasket[] } {
  const products: ProductRecord[] = [];
  const lists: string[][] = [];
  for (let group = 0; group < 26; group++) {
    const ids = [0, 1, 2, 3, 4].map((k) => `group${group}-${k}`);
    ids.forEach((id, k) => products.push(toy(id, group * 5 + k, `theme${group}word`)));
    for (let i = 0; i < ids.length; i++) for (let j = i + 1; j < ids.length; j++) lists.push([ids[i]!, ids[j]!]);
  }
  const best = bestSellerBaskets(100);
  products.push(...best.toys);
  return { products, baskets: basketsOf(interleave(lists, best.baskets)) };
}

/** Mixes two basket lists evenly, so best-sellers are bought throughout the period. */
function interleave(first: readonly string[][], second: readonly string[][]): string[][] {
  const mixed: string[][] = [];
  const length = Math.max(first.length, second.length);
  for (let i = 0; i < length; i++) {
    if (i < first.length) mixed.push(first[i]!);
    if (i < second.length) mixed.push(second[i]!);
  }
  return mixed;
}
