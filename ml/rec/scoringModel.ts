/**
 * Base class that turns a dense scorer into the full `Recommender` contract:
 * encoding contexts, top-k selection, explanations and saving.
 */
import { encodeModel, type StoredArray } from './codec.js';
import { encodeContext, encodeTrainingData, ItemIndex, type EncodedContext, type EncodedData } from './dataset.js';
import { topKIndices } from './topK.js';
import {
  RecError,
  type Explanation,
  type ItemId,
  type ModelKind,
  type RecContext,
  type RecommendOptions,
  type Recommendation,
  type Recommender,
  type TrainingData,
} from './types.js';

export abstract class ScoringRecommender implements Recommender {
  abstract readonly kind: ModelKind;
  private itemIndex: ItemIndex | undefined;

  fit(data: TrainingData): void {
    this.fitEncoded(encodeTrainingData(data));
  }

  /** Fits on already encoded data, so a hybrid encodes once for all its parts. */
  fitEncoded(data: EncodedData): void {
    this.itemIndex = data.index;
    this.fitIndexed(data);
  }

  get index(): ItemIndex {
    if (!this.itemIndex) throw new RecError('not_fitted', `${this.kind} model used before fit() or load`);
    return this.itemIndex;
  }

  protected setIndex(index: ItemIndex): void {
    this.itemIndex = index;
  }

  protected abstract fitIndexed(data: EncodedData): void;
  /** Adds this model's score for every catalog item into `scores` (length = catalog size). */
  abstract scoreInto(context: EncodedContext, scores: Float32Array): void;
  /** Adds item-to-item similarity to `item` into `scores`. */
  abstract similarInto(item: number, scores: Float32Array): void;
  abstract explainIndex(context: EncodedContext, item: number): Explanation;
  /** Explanations for several items of one context; models with a costly explanation share work here. */
  explainItems(context: EncodedContext, items: Int32Array): Explanation[] {
    return Array.from(items, (item) => this.explainIndex(context, item));
  }

  /** Model-specific state for `save()`; item ids are added by the base class. */
  protected abstract saveState(): { state: Record<string, unknown>; arrays: Record<string, StoredArray> };

  encode(context: RecContext): EncodedContext {
    return encodeContext(context, this.index);
  }

  /** Indices of the top `k` items for an encoded context, excluding its own items. */
  rankIndices(context: EncodedContext, k: number, excludeContextItems = true): Int32Array {
    const scores = new Float32Array(this.index.size);
    this.scoreInto(context, scores);
    return topKIndices(scores, k, excludeContextItems ? context.excluded : undefined);
  }

  recommend(context: RecContext, k: number, options: RecommendOptions = {}): Recommendation[] {
    checkK(k);
    const encoded = this.encode(context);
    const scores = new Float32Array(this.index.size);
    this.scoreInto(encoded, scores);
    const top = topKIndices(scores, k, options.excludeContextItems === false ? undefined : encoded.excluded);
    const explanations = this.explainItems(encoded, top);
    return Array.from(top, (item, position) => ({
      itemId: this.index.idAt(item),
      score: scores[item]!,
      explanation: explanations[position]!,
    }));
  }

  similarItems(itemId: ItemId, k: number): Recommendation[] {
    checkK(k);
    const item = this.index.indexOf(itemId);
    if (item < 0) return [];
    const scores = new Float32Array(this.index.size);
    this.similarInto(item, scores);
    const top = topKIndices(scores, k, new Set([item]));
    return Array.from(top, (other) => ({
      itemId: this.index.idAt(other),
      score: scores[other]!,
      explanation: this.similarExplanation(itemId),
    }));
  }

  protected similarExplanation(sourceItemId: ItemId): Explanation {
    return { code: 'because_viewed', sourceItemId };
  }

  explain(context: RecContext, itemId: ItemId): Explanation {
    const item = this.index.indexOf(itemId);
    if (item < 0) throw new RecError('invalid_argument', `item "${itemId}" is not in the fitted catalog`);
    return this.explainIndex(this.encode(context), item);
  }

  save(): Uint8Array {
    const { state, arrays } = this.saveState();
    return encodeModel({ kind: this.kind, state: { ...state, itemIds: this.index.itemIds }, arrays });
  }

  /** Restores the item index from a saved state written by `save()`. */
  protected restoreIndex(state: unknown): Record<string, unknown> {
    const record = state as Record<string, unknown> | null;
    const ids = record?.['itemIds'];
    if (!Array.isArray(ids) || !ids.every((id) => typeof id === 'string')) {
      throw new RecError('corrupt_model', `saved ${this.kind} model has no item id list`);
    }
    this.setIndex(new ItemIndex(ids));
    return record!;
  }
}

function checkK(k: number): void {
  if (!Number.isInteger(k) || k < 0) throw new RecError('invalid_argument', `k must be a non-negative integer, got ${k}`);
}

/** Reads a required typed array from a decoded model or throws `corrupt_model`. */
export function requireArray<T extends StoredArray>(
  arrays: Record<string, StoredArray>,
  name: string,
  type: new (length: number) => T,
): T {
  const array = arrays[name];
  if (!(array instanceof type)) throw new RecError('corrupt_model', `saved model is missing array "${name}"`);
  return array;
}

/** Reads a finite number from a decoded state, or throws `corrupt_model`. */
export function requireNumber(state: Record<string, unknown>, name: string): number {
  const value = state[name];
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new RecError('corrupt_model', `saved model setting "${name}" is missing or not a number`);
  }
  return value;
}
