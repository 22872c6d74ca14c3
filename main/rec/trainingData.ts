/** Conversion of the stored catalog and baskets into ml/rec training data. */
import type { ItemMeta, TrainingData } from '../../ml/rec/types.js';
import type { ProductRecord, StoredBasket } from '../catalog/catalogStore.js';

/**
 * Builds the model input: one sequence per basket, so co-purchase means "in
 * the same basket", and catalog metadata in both languages.
 */
export function trainingData(products: readonly ProductRecord[], baskets: readonly StoredBasket[]): TrainingData {
  const items: ItemMeta[] = products.map((product) => ({
    itemId: product.id,
    title: `${product.nameZh} ${product.nameEn}`,
    description: `${product.descriptionZh} ${product.descriptionEn} ${product.tags.join(' ')}`,
    // The category id first, so the diversity cap and category rules see one stable name.
    categories: [product.categoryId, product.categoryLabelZh, product.categoryLabelEn],
    brand: product.brandEn,
    ageMinMonths: product.ageMinYears * 12,
    // A toy for ages up to 12 suits a child until the 13th birthday.
    ageMaxMonths: (product.ageMaxYears + 1) * 12 - 1,
    priceCents: Math.round(product.priceYuan * 100),
  }));
  const known = new Set(products.map((product) => product.id));
  const sequences = baskets.map((basket) => {
    const basketItems = basket.items.filter((id) => known.has(id));
    // Local time read as UTC: the popularity decay uses only differences between baskets.
    const timestampMs = Date.parse(`${basket.purchasedAt}:00Z`);
    return { userId: basket.id, items: basketItems, timestampsMs: basketItems.map(() => timestampMs) };
  });
  return { items, sequences };
}
