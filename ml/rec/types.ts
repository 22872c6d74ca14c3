/**
 * The recommender contract. Every model in ml/rec implements `Recommender`.
 *
 * Item ids are opaque strings at this boundary: no model reads meaning into
 * their value or order. Inside a model, items are dense indices 0..n-1 in the
 * order of `ItemIndex.itemIds` (see dataset.ts); that mapping never leaves
 * the model except through `save()`.
 */

export type ItemId = string;

/** Catalog facts about one item. Every field except `itemId` is optional. */
export interface ItemMeta {
  itemId: ItemId;
  title?: string;
  description?: string;
  /** Category names, most general first, e.g. ['积木', '乐高城市']. */
  categories?: string[];
  brand?: string;
  /** Other labels, such as the anonymised attribute ids of research data. */
  attributes?: string[];
  /** Suitable child age range, months, inclusive. */
  ageMinMonths?: number;
  ageMaxMonths?: number;
  /** Shelf price in cents (fen) of the store currency. */
  priceCents?: number;
}

/** One shopper's or member's items in time order (purchases, scans, reviews). */
export interface UserSequence {
  userId: string;
  items: ItemId[];
  /** Epoch ms of each entry, same length as `items`; absent in research data. */
  timestampsMs?: number[];
  /** Store of each interaction when all happened in one store. */
  storeId?: string;
}

export interface TrainingData {
  sequences: UserSequence[];
  /** The catalog. Items that appear only in `sequences` are added without metadata. */
  items: ItemMeta[];
}

/** Answers from the kiosk quiz. */
export interface QuizAnswers {
  childAgeMonths?: number;
  /** Free words or category names, in Chinese or English, e.g. ['恐龙', 'puzzles']. */
  interests?: string[];
  /** Upper price limit, cents. */
  budgetCents?: number;
}

/**
 * Shopper context for one request. Any field may be missing, and an empty
 * context gets trending and popular items.
 */
export interface RecContext {
  /** Items touched or scanned in this visit, oldest first. */
  sessionItems?: ItemId[];
  /** A member's earlier purchases, oldest first (looked up by loyalty code). */
  memberHistory?: ItemId[];
  quiz?: QuizAnswers;
  storeId?: string;
  /** Clock for time-decayed signals; defaults to the newest training time. */
  nowMs?: number;
}

/**
 * Reason for a suggestion. The kiosk turns `code` into zh-CN or English
 * text (explanation.ts has both), filling in the title of `sourceItemId`.
 */
export type ReasonCode =
  | 'because_viewed'
  | 'bought_together'
  | 'similar_content'
  | 'similar_shoppers'
  | 'popular'
  | 'trending_in_store'
  | 'popular_for_age'
  | 'matches_interest'
  | 'promotion';

export interface Explanation {
  code: ReasonCode;
  /** The context item that triggered the suggestion, when there is one. */
  sourceItemId?: ItemId;
}

export interface Recommendation {
  itemId: ItemId;
  /** Model score; comparable only within one list. */
  score: number;
  explanation: Explanation;
}

export interface RecommendOptions {
  /**
   * Drop the context's own items (session and member history) from the
   * list. Default true, which is also what the evaluation protocol does.
   */
  excludeContextItems?: boolean;
}

/** Names under which `save()` output is tagged, so `loadRecommender` can dispatch. */
export type ModelKind =
  | 'popularity'
  | 'item_knn'
  | 'user_knn'
  | 'transitions'
  | 'content_tfidf'
  | 'sparse_ease'
  | 'rp3beta'
  | 'hybrid';

export interface Recommender {
  readonly kind: ModelKind;
  /** Replaces any earlier state. Throws `RecError` with code `empty_training_data` on no items. */
  fit(data: TrainingData): void;
  /** Top `k` items for the context, best first; fewer only when the catalog is smaller. */
  recommend(context: RecContext, k: number, options?: RecommendOptions): Recommendation[];
  /** Items most like `itemId`, best first, without the item itself; [] for an unknown id. */
  similarItems(itemId: ItemId, k: number): Recommendation[];
  /** Reason this model would give for `itemId` in this context. */
  explain(context: RecContext, itemId: ItemId): Explanation;
  /** Compact binary form; `loadRecommender` in registry.ts restores it. */
  save(): Uint8Array;
}

export type RecErrorCode =
  | 'empty_training_data'
  | 'not_fitted'
  | 'invalid_argument'
  | 'corrupt_model'
  | 'unknown_model_kind';

/** Error thrown by ml/rec, with a machine-readable `code` for the service layer. */
export class RecError extends Error {
  constructor(
    readonly code: RecErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'RecError';
  }
}
