/**
 * Kiosk recommendations: the ml/rec hybrid fitted on the stored baskets and
 * catalog, ranked through the store's business rules (ml/rec/rules.ts).
 * Suggested toys are active and in stock, and fit the child's age and the
 * budget when the quiz gives them. They exclude the visit, the member's
 * earlier purchases and accessories (batteries, puzzle glue), and are spread
 * over brands and categories. Accessories are suggested by `boughtTogether`
 * only. Reasons come from kioskReasons.ts and never name a toy from the
 * member's purchases.
 *
 * No gender signal is used: the catalog has no gender field, the model
 * context carries none, and interests are matched as product text only.
 */
import { CoOccurrence } from '../../ml/rec/coOccurrence.js';
import type { Hybrid } from '../../ml/rec/hybrid.js';
import type { ItemKnn } from '../../ml/rec/itemKnn.js';
import { recommendWithRules, type BusinessRules } from '../../ml/rec/rules.js';
import type { ItemId, ItemMeta, RecContext, Recommendation } from '../../ml/rec/types.js';
import { ChineseEnglishTokenizer, type Tokenizer } from '../../ml/text/tokenizer.js';
import type { Lang, Suggestion } from '../api/wire.js';
import type { CatalogStore } from '../catalog/catalogStore.js';
import type { Logger } from '../log/logger.js';
import { fitKioskHybrid, interestFirstHybrid, MIN_VALIDATION_CASES, type KioskHybridFit } from './kioskHybridSearch.js';
import { forYouReason, kioskReasonText, type KioskReason, type ReasonContext } from './kioskReasons.js';
import { trainingData } from './trainingData.js';

export { trainingData } from './trainingData.js';
/** Max suggestions per request. */
export const MAX_RECOMMENDATIONS = 50;
/**
 * Diversity caps per list: toys of one brand and of one category before
 * others are used. Lower caps show more variety but push down strong
 * add-ons of the same brand, such as a train set's own track.
 */
export const MAX_PER_BRAND = 4;
export const MAX_PER_CATEGORY = 5;

/**
 * Baskets that must contain both toys before the kiosk calls them bought
 * together, in the together row or a "because you looked at" reason (with a
 * lift above 1 as well). One shared basket can be chance, and a higher count
 * hides real links in a small store's data.
 */
export const MIN_LINK_BASKETS = 2;

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

/** Chosen configuration of a fit and its validation figures, without the models. */
export type RecommenderFitReport = Omit<KioskHybridFit, 'hybrid' | 'coPurchase'>;

/** Fitted kiosk recommender over one snapshot of the catalog; refit after a catalog import. */
export class RecommendationService {
  private constructor(
    private readonly catalog: CatalogStore,
    private readonly hybrid: Hybrid,
    /** The same components with quiz interests ranked first; see INTEREST_PRIORITY. */
    private readonly interestHybrid: Hybrid,
    private readonly coPurchase: ItemKnn,
    private readonly itemMeta: ReadonlyMap<ItemId, ItemMeta>,
    /** Basket co-occurrence, the evidence behind the together row and "because you looked at" reasons. */
    private readonly basketPairs: CoOccurrence,
    private readonly logger: Logger,
    readonly fitReport: RecommenderFitReport,
  ) {}

  /**
   * Fits the hybrid on the stored catalog and baskets, with blend weights and
   * settings chosen by a search on the store's own baskets
   * (kioskHybridSearch.ts), and logs the choice and the fit time. The fit
   * time includes constructing the default tokenizer, which loads the jieba
   * dictionary, unless the caller passes one.
   */
  static fit(catalog: CatalogStore, logger: Logger, tokenizer?: Tokenizer): RecommendationService {
    const startedMs = performance.now();
    const products = catalog.listProductRecords();
    const baskets = catalog.listBaskets();
    const fitted = fitKioskHybrid(products, baskets, tokenizer ?? new ChineseEnglishTokenizer());
    const durationMs = Math.round(performance.now() - startedMs);
    logFit(logger, fitted, { productCount: products.length, basketCount: baskets.length, durationMs });

    // Catalog metadata for the rules; the hybrid was fitted on the same products in the same order.
    const itemMeta = new Map(trainingData(products, []).items.map((item) => [item.itemId, item]));
    const basketPairs = CoOccurrence.fromSets(baskets.map((basket) => basket.items));
    return new RecommendationService(catalog, fitted.hybrid, interestFirstHybrid(fitted.hybrid), fitted.coPurchase, itemMeta, basketPairs, logger, summarize(fitted));
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

    const model = quiz?.interests?.length ? this.interestHybrid : this.hybrid;
    const ranked = recommendWithRules(model, this.itemMeta, context, request.k, rules);

    const reasonContext: ReasonContext = {
      visitItems: new Set(request.visitItems),
      hasMemberHistory: memberHistory.length > 0,
      nameOf: (id: string) => this.catalog.getProduct(id, request.lang)?.name,
      boughtWith: (sourceId: string, productId: string) => this.boughtWith(sourceId, productId),
    };
    return this.toSuggestions(ranked, request.lang, request.k, (item) => forYouReason(item.explanation, item.itemId, reasonContext));
  }

  /**
   * Returns up to `limit` in-stock toys most often bought with `productId`,
   * ranked by co-purchase, keeping only pairs that `boughtWith` backs. Returns
   * [] when no pair qualifies.
   */
  boughtTogether(productId: string, lang: Lang, limit: number): Suggestion[] {
    const inStock = new Set(this.catalog.listInStockIds());
    const ranked = this.coPurchase
      .similarItems(productId, this.itemMeta.size)
      .filter((item) => inStock.has(item.itemId) && this.boughtWith(productId, item.itemId));
    return this.toSuggestions(ranked, lang, limit, () => ({ code: 'bought_together' }));
  }

  /** Tells whether the baskets show two toys bought together: in at least MIN_LINK_BASKETS baskets, with a lift above 1. */
  private boughtWith(a: ItemId, b: ItemId): boolean {
    return this.basketPairs.together(a, b) >= MIN_LINK_BASKETS && this.basketPairs.lift(a, b) > 1;
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

function summarize(fitted: KioskHybridFit): RecommenderFitReport {
  const { hybrid: _hybrid, coPurchase: _coPurchase, ...report } = fitted;
  return report;
}

function logFit(logger: Logger, fitted: KioskHybridFit, counts: { productCount: number; basketCount: number; durationMs: number }): void {
  const report = summarize(fitted);
  if (fitted.source === 'default') {
    const caseCount = fitted.nextVisitCases + fitted.basketHoldoutCases;
    logger.warn({ caseCount, minCases: MIN_VALIDATION_CASES }, 'too few validation cases to search, recommender uses the default weights');
  }
  logger.info({ ...counts, ...report }, 'recommender fitted');
}
