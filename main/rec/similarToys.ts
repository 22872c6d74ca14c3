/**
 * "Similar toys" for a product page: a blend of item-to-item co-purchase
 * similarity from the stored baskets (ml/rec ItemKnn) and TF-IDF cosine
 * similarity of the product texts in both languages (ml/text).
 *
 * Both are fitted once at start-up from the database. Only active products
 * with stock are suggested, and an accessory (batteries, puzzle glue) only
 * when it is bought together with the product, never as a look-alike.
 */
import { ItemKnn } from '../../ml/rec/itemKnn.js';
import type { UserSequence } from '../../ml/rec/types.js';
import { sparseDot, TfidfVectorizer, type SparseVector } from '../../ml/text/tfidf.js';
import { ChineseEnglishTokenizer } from '../../ml/text/tokenizer.js';
import type { Lang, Suggestion } from '../api/wire.js';
import type { CatalogStore, ProductRecord, StoredBasket } from '../catalog/catalogStore.js';
import type { Logger } from '../log/logger.js';
import { kioskReasonText } from './kioskReasons.js';

/**
 * Weight of co-purchase similarity in the blend; text gets the rest. Higher
 * favours add-ons shoppers actually buy together, lower favours look-alikes
 * and toys too new to appear in baskets.
 *
 * NOTE: Hand-set, not searched. A search that predicts held-out basket items
 * chose weight 1 on the demo data, which would make this row a second "often
 * bought together" row. The baskets carry no signal for look-alikes.
 */
export const CO_PURCHASE_WEIGHT = 0.6;
/**
 * Added to the co-purchase cosine denominator. Larger values damp pairs seen
 * in few baskets more, at the cost of shrinking every co-purchase score.
 */
export const CO_PURCHASE_SHRINKAGE = 5;
/**
 * Co-purchase cosine from which the reason reads "often bought together"
 * even when the text similarity contributes more to the score.
 */
export const BOUGHT_TOGETHER_MIN_SIMILARITY = 0.1;
/** Blended scores below this are noise and are not shown. */
const MIN_SIMILARITY = 0.02;

export interface SimilarToysFit {
  productCount: number;
  basketCount: number;
  durationMs: number;
}

/** Fitted similarity over one snapshot of the catalog; refit after a catalog import. */
export class SimilarToys {
  private constructor(
    private readonly catalog: CatalogStore,
    private readonly knn: ItemKnn,
    private readonly textVectors: ReadonlyMap<string, SparseVector>,
    private readonly accessoryIds: ReadonlySet<string>,
    readonly fitStats: SimilarToysFit,
  ) {}

  /**
   * Fits both similarities from the stored catalog and baskets and logs the
   * fit time. The time leaves out constructing the default tokenizer, which
   * loads the jieba dictionary.
   */
  static fit(catalog: CatalogStore, logger: Logger, tokenizer = new ChineseEnglishTokenizer()): SimilarToys {
    const startedMs = performance.now();
    const products = catalog.listProductRecords();
    const baskets = catalog.listBaskets();

    const knn = new ItemKnn({ shrinkage: CO_PURCHASE_SHRINKAGE });
    knn.fit({ items: products.map((product) => ({ itemId: product.id })), sequences: basketsAsSequences(baskets) });

    const documents = products.map((product) => tokenizer.tokenize(productText(product)));
    const vectorizer = TfidfVectorizer.fit(documents);
    const textVectors = new Map(products.map((product, i) => [product.id, vectorizer.transform(documents[i]!)]));

    const fitStats = { productCount: products.length, basketCount: baskets.length, durationMs: Math.round(performance.now() - startedMs) };
    logger.info(fitStats, 'similar toys fitted');
    const accessoryIds = new Set(products.filter((product) => product.accessory).map((product) => product.id));
    return new SimilarToys(catalog, knn, textVectors, accessoryIds, fitStats);
  }

  /**
   * Up to `limit` in-stock toys most like `productId`, best first. Returns
   * null when the product is not in the fitted catalog.
   */
  similar(productId: string, lang: Lang, limit: number): Suggestion[] | null {
    const source = this.textVectors.get(productId);
    if (!source) return null;

    const coPurchase = new Map(
      this.knn.similarItems(productId, this.textVectors.size).map((item) => [item.itemId, item.score] as const),
    );
    const blended: { id: string; score: number; boughtTogether: boolean }[] = [];
    for (const [id, vector] of this.textVectors) {
      if (id === productId) continue;
      const coPurchaseSimilarity = coPurchase.get(id) ?? 0;
      const together = CO_PURCHASE_WEIGHT * coPurchaseSimilarity;
      const text = (1 - CO_PURCHASE_WEIGHT) * sparseDot(source, vector);
      const score = together + text;
      const boughtTogether = together >= text || coPurchaseSimilarity >= BOUGHT_TOGETHER_MIN_SIMILARITY;
      if (!boughtTogether && this.accessoryIds.has(id)) continue;
      if (score >= MIN_SIMILARITY) blended.push({ id, score, boughtTogether });
    }
    blended.sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1));

    const products = this.catalog.getProducts(blended.map((item) => item.id), lang);
    const suggestions: Suggestion[] = [];
    for (const item of blended) {
      const product = products.get(item.id);
      if (!product || product.stock <= 0) continue;
      const reason = kioskReasonText({ code: item.boughtTogether ? 'bought_together' : 'similar_content' }, lang);
      suggestions.push({ product, reason, score: roundScore(item.score) });
      if (suggestions.length >= limit) break;
    }
    return suggestions;
  }
}

/** Turns each basket into one ItemKnn "user", so item similarity means "bought in the same basket". */
export function basketsAsSequences(baskets: readonly StoredBasket[]): UserSequence[] {
  return baskets.map((basket) => ({ userId: basket.id, items: basket.items }));
}

/** Product text in both languages, brand and category included, for TF-IDF. */
export function productText(product: ProductRecord): string {
  return [
    product.nameZh,
    product.nameEn,
    product.descriptionZh,
    product.descriptionEn,
    product.brandZh,
    product.brandEn,
    product.categoryLabelZh,
    product.categoryLabelEn,
    product.tags.join(' '),
  ].join(' ');
}

function roundScore(score: number): number {
  return Math.round(score * 1000) / 1000;
}
