/**
 * Kiosk recommendations: the ml/rec hybrid fitted on the stored baskets and
 * catalog, followed by the store's business rules. Suggested toys are
 * active and in stock, fit the child's age and the budget when the quiz
 * gives them, and are not toys already in the visit.
 *
 * No gender signal is used: the catalog has no gender field, the model
 * context carries none, and interests are matched as product text only.
 */
import { ContentTfidf } from '../../ml/rec/contentTfidf.js';
import { Hybrid } from '../../ml/rec/hybrid.js';
import { ItemKnn } from '../../ml/rec/itemKnn.js';
import { Popularity } from '../../ml/rec/popularity.js';
import type { ItemMeta, RecContext, Recommendation, TrainingData } from '../../ml/rec/types.js';
import type { Lang, ProductView, Suggestion } from '../api/wire.js';
import type { CatalogStore, ProductRecord, StoredBasket } from '../catalog/catalogStore.js';
import type { Logger } from '../log/logger.js';
import { reasonText } from './reasonText.js';
import { CO_PURCHASE_SHRINKAGE } from './similarToys.js';

/**
 * Blend weights of the hybrid components, applied to max-normalised scores.
 * Co-purchase leads because baskets show what parents actually buy next;
 * text similarity covers toys with few baskets; popularity fills an empty
 * context. Raising popularity makes lists safer but more alike for everyone.
 */
export const HYBRID_WEIGHTS = { coPurchase: 0.5, content: 0.3, popularity: 0.2 } as const;
/** Max suggestions per request. */
export const MAX_RECOMMENDATIONS = 50;

/** Quiz answers in store units, as the kiosk sends them. */
export interface KioskQuiz {
  ageYears?: number | undefined;
  interests?: string[] | undefined;
  budgetYuan?: number | undefined;
}

export interface KioskRecommendRequest {
  lang: Lang;
  visitItems: readonly string[];
  memberCode?: string | undefined;
  quiz?: KioskQuiz | undefined;
  k: number;
}

/** Store rules of one request. An absent age or budget does not filter. */
export interface StoreRuleFilter {
  ageYears?: number | undefined;
  budgetYuan?: number | undefined;
  excluded: ReadonlySet<string>;
}

/** Fitted kiosk recommender over one snapshot of the catalog; refit after a catalog import. */
export class RecommendationService {
  private constructor(
    private readonly catalog: CatalogStore,
    private readonly hybrid: Hybrid,
    private readonly coPurchase: ItemKnn,
    private readonly catalogSize: number,
    private readonly logger: Logger,
  ) {}

  /** Fits the hybrid on the stored catalog and baskets and logs the fit time. */
  static fit(catalog: CatalogStore, logger: Logger): RecommendationService {
    const startedMs = performance.now();
    const products = catalog.listProductRecords();
    const baskets = catalog.listBaskets();
    const coPurchase = new ItemKnn({ shrinkage: CO_PURCHASE_SHRINKAGE });
    // NOTE: ContentTfidf builds its own jieba tokenizer, whose dictionary load
    // is most of this fit's time (see bench/catalogBench.ts); it takes none to share.
    const hybrid = new Hybrid(
      [coPurchase, new ContentTfidf(), new Popularity()],
      [HYBRID_WEIGHTS.coPurchase, HYBRID_WEIGHTS.content, HYBRID_WEIGHTS.popularity],
    );
    hybrid.fit(trainingData(products, baskets));
    const durationMs = Math.round(performance.now() - startedMs);
    logger.info({ productCount: products.length, basketCount: baskets.length, durationMs }, 'recommender fitted');
    return new RecommendationService(catalog, hybrid, coPurchase, products.length, logger);
  }

  /** Returns up to `k` suggestions for the visit, best first, after the store's rules. */
  recommend(request: KioskRecommendRequest): Suggestion[] {
    const memberHistory = request.memberCode ? this.catalog.getMemberHistory(request.memberCode) : [];
    if (request.memberCode && memberHistory.length === 0) {
      // The code itself is not logged: it links visits to one shopper.
      this.logger.info('member code has no purchases, recommending without history');
    }
    const context: RecContext = {
      sessionItems: [...request.visitItems],
      memberHistory,
      quiz: {
        childAgeMonths: request.quiz?.ageYears === undefined ? undefined : request.quiz.ageYears * 12,
        interests: request.quiz?.interests,
        budgetCents: request.quiz?.budgetYuan === undefined ? undefined : Math.round(request.quiz.budgetYuan * 100),
      },
    };
    // The whole catalog is ranked, so the rules below can drop any number of toys and still fill k.
    const ranked = this.hybrid.recommend(context, this.catalogSize);
    const filter: StoreRuleFilter = {
      ageYears: request.quiz?.ageYears,
      budgetYuan: request.quiz?.budgetYuan,
      excluded: new Set([...request.visitItems, ...memberHistory]),
    };
    return this.toSuggestions(ranked, request.lang, request.k, filter);
  }

  /** Returns up to `limit` in-stock toys most often bought with `productId`, or [] when it is in no basket. */
  boughtTogether(productId: string, lang: Lang, limit: number): Suggestion[] {
    const ranked = this.coPurchase.similarItems(productId, this.catalogSize).filter((item) => item.score > 0);
    const withReason = ranked.map((item) => ({ ...item, explanation: { code: 'bought_together' as const } }));
    return this.toSuggestions(withReason, lang, limit, { excluded: new Set([productId]) });
  }

  private toSuggestions(ranked: readonly Recommendation[], lang: Lang, k: number, filter: StoreRuleFilter): Suggestion[] {
    const products = this.catalog.getProducts(ranked.map((item) => item.itemId), lang);
    const suggestions: Suggestion[] = [];
    for (const item of ranked) {
      const product = products.get(item.itemId);
      if (!product || !passesStoreRules(product, filter)) continue;
      const sourceId = item.explanation.sourceItemId;
      const sourceName = sourceId === undefined ? undefined : this.catalog.getProduct(sourceId, lang)?.name;
      const reason = reasonText(item.explanation.code, lang, sourceName);
      suggestions.push({ product, reason, score: Math.round(item.score * 1000) / 1000 });
      if (suggestions.length >= k) break;
    }
    return suggestions;
  }
}

/** In stock, not already in the visit, within the child's age range and the budget when given. */
export function passesStoreRules(product: ProductView, filter: StoreRuleFilter): boolean {
  if (product.stock <= 0 || filter.excluded.has(product.id)) return false;
  const age = filter.ageYears;
  if (age !== undefined && (age < product.ageMinYears || age > product.ageMaxYears)) return false;
  if (filter.budgetYuan !== undefined && product.priceYuan > filter.budgetYuan) return false;
  return true;
}

/**
 * Builds the model input: one sequence per basket, so co-purchase means "in
 * the same basket", and catalog metadata in both languages.
 */
export function trainingData(products: readonly ProductRecord[], baskets: readonly StoredBasket[]): TrainingData {
  const items: ItemMeta[] = products.map((product) => ({
    itemId: product.id,
    title: `${product.nameZh} ${product.nameEn}`,
    description: `${product.descriptionZh} ${product.descriptionEn} ${product.tags.join(' ')}`,
    categories: [product.categoryLabelZh, product.categoryLabelEn],
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
