/**
 * Kiosk recommendations: the ml/rec hybrid fitted on the stored baskets and
 * catalog, ranked through the store's business rules (ml/rec/rules.ts).
 * Suggested toys are active and in stock, fit the child's age and the budget
 * when the quiz gives them, are not in the visit or the member's earlier
 * purchases, are no accessories (batteries, puzzle glue), and are spread
 * over brands and categories. Accessories are suggested by `boughtTogether`
 * only. Reasons come from kioskReasons.ts and never name a toy from the
 * member's purchases.
 *
 * No gender signal is used: the catalog has no gender field, the model
 * context carries none, and interests are matched as product text only.
 */
import { ContentTfidf } from '../../ml/rec/contentTfidf.js';
import { Hybrid } from '../../ml/rec/hybrid.js';
import { ItemKnn } from '../../ml/rec/itemKnn.js';
import { Popularity } from '../../ml/rec/popularity.js';
import { recommendWithRules, type BusinessRules } from '../../ml/rec/rules.js';
import type { ItemId, ItemMeta, RecContext, Recommendation, TrainingData } from '../../ml/rec/types.js';
import type { Lang, Suggestion } from '../api/wire.js';
import type { CatalogStore, ProductRecord, StoredBasket } from '../catalog/catalogStore.js';
import type { Logger } from '../log/logger.js';
import { forYouReason, kioskReasonText, type KioskReason } from './kioskReasons.js';
import { CO_PURCHASE_SHRINKAGE } from './similarToys.js';

/**
 * Blend weights of the hybrid components, applied to max-normalised scores.
 * Co-purchase leads because baskets show what parents actually buy next.
 * Text similarity covers toys with few baskets, and popularity fills an
 * empty context. Raising popularity makes lists safer but more alike for everyone.
 */
export const HYBRID_WEIGHTS = { coPurchase: 0.5, content: 0.3, popularity: 0.2 } as const;
/** Max suggestions per request. */
export const MAX_RECOMMENDATIONS = 50;
/**
 * Diversity caps per list: toys of one brand and of one category before
 * others are used. Lower caps show more variety but push down strong
 * add-ons of the same brand, such as a train set's own track.
 */
export const MAX_PER_BRAND = 4;
export const MAX_PER_CATEGORY = 5;

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

/** Fitted kiosk recommender over one snapshot of the catalog; refit after a catalog import. */
export class RecommendationService {
  private constructor(
    private readonly catalog: CatalogStore,
    private readonly hybrid: Hybrid,
    private readonly coPurchase: ItemKnn,
    private readonly itemMeta: ReadonlyMap<ItemId, ItemMeta>,
    private readonly logger: Logger,
  ) {}

  /** Fits the hybrid on the stored catalog and baskets and logs the fit time. */
  static fit(catalog: CatalogStore, logger: Logger): RecommendationService {
    const startedMs = performance.now();
    const products = catalog.listProductRecords();
    const baskets = catalog.listBaskets();
    const data = trainingData(products, baskets);
    const coPurchase = new ItemKnn({ shrinkage: CO_PURCHASE_SHRINKAGE });
    // NOTE: ContentTfidf builds its own jieba tokenizer, whose dictionary load
    // is most of this fit's time (see bench/catalogBench.ts); it takes none to share.
    const hybrid = new Hybrid(
      [coPurchase, new ContentTfidf(), new Popularity()],
      [HYBRID_WEIGHTS.coPurchase, HYBRID_WEIGHTS.content, HYBRID_WEIGHTS.popularity],
    );
    hybrid.fit(data);
    const durationMs = Math.round(performance.now() - startedMs);
    logger.info({ productCount: products.length, basketCount: baskets.length, durationMs }, 'recommender fitted');
    const itemMeta = new Map(data.items.map((item) => [item.itemId, item]));
    return new RecommendationService(catalog, hybrid, coPurchase, itemMeta, logger);
  }

  /** Returns up to `k` suggestions for the visit, best first, after the store's rules. */
  recommend(request: KioskRecommendRequest): Suggestion[] {
    const memberHistory = request.memberCode ? this.catalog.getMemberHistory(request.memberCode) : [];
    if (request.memberCode && memberHistory.length === 0) {
      // The code itself is not logged: it links visits to one shopper.
      this.logger.info('member code has no purchases, recommending without history');
    }
    const quiz = request.quiz;
    const context: RecContext = {
      sessionItems: [...request.visitItems],
      memberHistory,
      quiz: {
        childAgeMonths: quiz?.ageYears === undefined ? undefined : quiz.ageYears * 12,
        interests: quiz?.interests,
        budgetCents: quiz?.budgetYuan === undefined ? undefined : Math.round(quiz.budgetYuan * 100),
      },
    };
    // Age and budget come from the quiz in the context; visit items are left out by the model.
    // Accessories leave through the stock filter, because the rules have no
    // accessory flag: a battery pack is an add-on, never a suggestion by age or popularity.
    const rules: BusinessRules = {
      inStock: new Set(this.catalog.listInStockToyIds()),
      purchased: new Set(memberHistory),
      maxPerBrand: MAX_PER_BRAND,
      maxPerCategory: MAX_PER_CATEGORY,
    };
    const ranked = recommendWithRules(this.hybrid, this.itemMeta, context, request.k, rules);
    const reasonContext = {
      visitItems: new Set(request.visitItems),
      hasMemberHistory: memberHistory.length > 0,
      nameOf: (id: string) => this.catalog.getProduct(id, request.lang)?.name,
    };
    return this.toSuggestions(ranked, request.lang, request.k, (item) => forYouReason(item.explanation, reasonContext));
  }

  /** Returns up to `limit` in-stock toys most often bought with `productId`, or [] when it is in no basket. */
  boughtTogether(productId: string, lang: Lang, limit: number): Suggestion[] {
    const inStock = new Set(this.catalog.listInStockIds());
    const ranked = this.coPurchase
      .similarItems(productId, this.itemMeta.size)
      .filter((item) => item.score > 0 && inStock.has(item.itemId));
    return this.toSuggestions(ranked, lang, limit, () => ({ code: 'bought_together' }));
  }

  /** Attaches the product in `lang` and the reason text; skips products that are no longer active or in stock. */
  private toSuggestions(
    ranked: readonly Recommendation[],
    lang: Lang,
    k: number,
    reasonOf: (item: Recommendation) => KioskReason,
  ): Suggestion[] {
    const products = this.catalog.getProducts(ranked.map((item) => item.itemId), lang);
    const suggestions: Suggestion[] = [];
    for (const item of ranked) {
      const product = products.get(item.itemId);
      if (!product || product.stock <= 0) continue;
      const reason = kioskReasonText(reasonOf(item), lang);
      suggestions.push({ product, reason, score: Math.round(item.score * 1000) / 1000 });
      if (suggestions.length >= k) break;
    }
    return suggestions;
  }
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
