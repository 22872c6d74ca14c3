/**
 * Popularity with time decay, plus trending items per store. Each
 * interaction counts `0.5 ** (ageMs / halfLifeMs)`, where age is measured
 * from the newest training timestamp. In a sequence without timestamps the
 * entry k positions before the sequence's end counts `positionDecay ** k`,
 * the position standing in for time. Store trending uses the same counts restricted to that store, with the
 * shorter `trendingHalfLifeMs`.
 */
import { decodeModel } from './codec.js';
import type { EncodedContext, EncodedData } from './dataset.js';
import { requireArray, requireNumber, ScoringRecommender } from './scoringModel.js';
import { RecError, type Explanation } from './types.js';

const DAY_MS = 86_400_000;

export interface PopularityOptions {
  /** Half-life of an interaction's weight. Shorter follows fashions faster but is noisier. */
  halfLifeMs: number;
  /** Half-life used for a store's trending list. */
  trendingHalfLifeMs: number;
  /** Weight of the store's trending score relative to chain-wide popularity when the context names a store. */
  storeWeight: number;
  /** Weight ratio per position before the end of a sequence without timestamps, in (0, 1]. 1 counts every entry fully. */
  positionDecay: number;
}

export const DEFAULT_POPULARITY_OPTIONS: PopularityOptions = {
  halfLifeMs: 90 * DAY_MS,
  trendingHalfLifeMs: 14 * DAY_MS,
  storeWeight: 1,
  positionDecay: 1,
};

export class Popularity extends ScoringRecommender {
  readonly kind = 'popularity' as const;
  readonly options: PopularityOptions;
  /** Decayed interaction count per item, scaled so the maximum is 1. */
  private global = new Float32Array(0);
  private storeIds: string[] = [];
  /** Per-store trending scores, store-major: `storeTrending[s * items + i]`, each store scaled to max 1. */
  private storeTrending = new Float32Array(0);
  /** Suitable age range per item in months; NaN when unknown. */
  private ageMinMonths = new Float32Array(0);
  private ageMaxMonths = new Float32Array(0);

  constructor(options: Partial<PopularityOptions> = {}) {
    super();
    this.options = { ...DEFAULT_POPULARITY_OPTIONS, ...options };
  }

  protected fitIndexed(data: EncodedData): void {
    const itemCount = data.index.size;
    let newestMs = -Infinity;
    for (const times of data.timestampsMs) if (times) for (const t of times) newestMs = Math.max(newestMs, t);

    this.global = new Float32Array(itemCount);
    this.storeIds = [...new Set(data.storeIds.filter((id): id is string => id !== undefined))];
    this.storeTrending = new Float32Array(this.storeIds.length * itemCount);
    data.sequences.forEach((sequence, s) => {
      const times = data.timestampsMs[s];
      const storeRow = data.storeIds[s] === undefined ? -1 : this.storeIds.indexOf(data.storeIds[s]!);
      sequence.forEach((item, p) => {
        const ageMs = times ? Math.max(0, newestMs - times[p]!) : 0;
        const positionWeight = times ? 1 : this.options.positionDecay ** (sequence.length - 1 - p);
        this.global[item]! += positionWeight * 0.5 ** (ageMs / this.options.halfLifeMs);
        if (storeRow >= 0) this.storeTrending[storeRow * itemCount + item]! += 0.5 ** (ageMs / this.options.trendingHalfLifeMs);
      });
    });
    scaleToMaxOne(this.global);
    for (let s = 0; s < this.storeIds.length; s++) scaleToMaxOne(this.storeTrending.subarray(s * itemCount, (s + 1) * itemCount));

    this.ageMinMonths = Float32Array.from(data.meta, (m) => m.ageMinMonths ?? NaN);
    this.ageMaxMonths = Float32Array.from(data.meta, (m) => m.ageMaxMonths ?? NaN);
  }

  private storeRow(context: EncodedContext): Float32Array | undefined {
    const storeId = context.context.storeId;
    const s = storeId === undefined ? -1 : this.storeIds.indexOf(storeId);
    if (s < 0) return undefined;
    return this.storeTrending.subarray(s * this.global.length, (s + 1) * this.global.length);
  }

  scoreInto(context: EncodedContext, scores: Float32Array): void {
    const trending = this.storeRow(context);
    for (let i = 0; i < scores.length; i++) {
      scores[i]! += this.global[i]! + (trending ? this.options.storeWeight * trending[i]! : 0);
    }
  }

  /** Popularity has no item-to-item relation, so the similar items are the most popular ones. */
  similarInto(_item: number, scores: Float32Array): void {
    for (let i = 0; i < scores.length; i++) scores[i]! += this.global[i]!;
  }

  protected override similarExplanation(): Explanation {
    return { code: 'popular' };
  }

  explainIndex(context: EncodedContext, item: number): Explanation {
    const age = context.context.quiz?.childAgeMonths;
    if (age !== undefined && this.ageMinMonths[item]! <= age && age <= this.ageMaxMonths[item]!) return { code: 'popular_for_age' };
    const trending = this.storeRow(context);
    if (trending && this.options.storeWeight * trending[item]! > this.global[item]!) return { code: 'trending_in_store' };
    return { code: 'popular' };
  }

  /** Chain-wide popularity of an item in [0, 1]. */
  popularityOf(item: number): number {
    return this.global[item] ?? 0;
  }

  protected saveState() {
    return {
      state: { ...this.options, storeIds: this.storeIds },
      arrays: { global: this.global, storeTrending: this.storeTrending, ageMinMonths: this.ageMinMonths, ageMaxMonths: this.ageMaxMonths },
    };
  }

  static load(bytes: Uint8Array): Popularity {
    const saved = decodeModel(bytes);
    if (saved.kind !== 'popularity') throw new RecError('corrupt_model', `expected a popularity model, got ${saved.kind}`);
    const model = new Popularity();
    const state = model.restoreIndex(saved.state);
    for (const key of Object.keys(DEFAULT_POPULARITY_OPTIONS) as (keyof PopularityOptions)[]) {
      // Models saved before `positionDecay` existed counted every entry fully, which is the default 1.
      if (key === 'positionDecay' && !(key in state)) continue;
      model.options[key] = requireNumber(state, key);
    }
    const storeIds = state['storeIds'];
    if (!Array.isArray(storeIds)) throw new RecError('corrupt_model', 'saved popularity model has no store list');
    model.storeIds = storeIds.map(String);
    model.global = requireArray(saved.arrays, 'global', Float32Array);
    model.storeTrending = requireArray(saved.arrays, 'storeTrending', Float32Array);
    model.ageMinMonths = requireArray(saved.arrays, 'ageMinMonths', Float32Array);
    model.ageMaxMonths = requireArray(saved.arrays, 'ageMaxMonths', Float32Array);
    if (model.global.length !== model.index.size || model.storeTrending.length !== model.storeIds.length * model.index.size) {
      throw new RecError('corrupt_model', 'saved popularity arrays do not match the catalog size');
    }
    return model;
  }
}

function scaleToMaxOne(values: Float32Array): void {
  let max = 0;
  for (const v of values) max = Math.max(max, v);
  if (max > 0) for (let i = 0; i < values.length; i++) values[i] = values[i]! / max;
}
