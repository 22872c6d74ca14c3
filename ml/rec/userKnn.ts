/**
 * User-based collaborative filtering for members with a history. The
 * context's items (recency-weighted) are matched against training users:
 *   sim(context, u) = Σ_{i ∈ context ∩ items(u)} w_i / (sqrt(|items(u)|) + shrinkage)
 * and the `neighbourUsers` most similar users vote for their items with
 * their similarity. A vote can also depend on where the item sits in the
 * neighbour's sequence relative to the newest context item they share: it
 * shrinks by `neighbourItemDecay` per position away from that entry, and
 * items before it are scaled by `neighbourBackwardWeight`.
 */
import { decodeModel } from './codec.js';
import { buildItemUsers, type Csr, type EncodedContext, type EncodedData } from './dataset.js';
import { recencyWeight, validateCsr } from './neighbours.js';
import { requireArray, requireNumber, ScoringRecommender } from './scoringModel.js';
import { RecError, type Explanation } from './types.js';

export interface UserKnnOptions {
  /** Most similar users that vote. More smooths the list but adds popular noise. */
  neighbourUsers: number;
  /** Added to sqrt(|items(u)|); damps users with very few items. */
  shrinkage: number;
  /** Weight ratio between a context item and the next newer one, in (0, 1]. */
  recencyDecay: number;
  /** Context items used, newest first. */
  maxRecent: number;
  /**
   * Weight ratio per position between a neighbour's item and the neighbour's
   * entry of the newest shared context item, in (0, 1]. Below 1 favours what
   * the neighbour took close to that point in their sequence, and 1 weights
   * all alike. Positions count each distinct item once, at its first entry.
   */
  neighbourItemDecay: number;
  /** Weight of a neighbour's items before that entry relative to those after it. 1 weights both sides alike. */
  neighbourBackwardWeight: number;
}

export const DEFAULT_USER_KNN_OPTIONS: UserKnnOptions = { neighbourUsers: 50, shrinkage: 1, recencyDecay: 0.8, maxRecent: 20, neighbourItemDecay: 1, neighbourBackwardWeight: 1 };

export class UserKnn extends ScoringRecommender {
  readonly kind = 'user_knn' as const;
  readonly options: UserKnnOptions;
  private userItems: Csr | undefined;
  private itemUsers: Csr | undefined;

  constructor(options: Partial<UserKnnOptions> = {}) {
    super();
    this.options = { ...DEFAULT_USER_KNN_OPTIONS, ...options };
  }

  protected fitIndexed(data: EncodedData): void {
    const unique = data.sequences.map((s) => Int32Array.from(new Set(s)));
    const offsets = new Int32Array(unique.length + 1);
    unique.forEach((items, u) => (offsets[u + 1] = offsets[u]! + items.length));
    const columns = new Int32Array(offsets[unique.length]!);
    unique.forEach((items, u) => columns.set(items, offsets[u]!));
    this.userItems = { offsets, columns, values: new Float32Array(0) };
    this.itemUsers = buildItemUsers(data.sequences, data.index.size);
  }

  /** Per-user similarity scratch, reused across calls and reset after each; JS runs one call at a time. */
  private similarityScratch = new Float32Array(0);

  /** Users sharing an item with the context and their similarity, most similar first, at most `neighbourUsers`. */
  private nearestUsers(context: EncodedContext): { users: number[]; similarities: Float32Array } {
    const userItems = this.userItems!;
    const itemUsers = this.itemUsers!;
    if (this.similarityScratch.length !== userItems.offsets.length - 1) this.similarityScratch = new Float32Array(userItems.offsets.length - 1);
    const similarities = this.similarityScratch;
    const { recencyDecay, maxRecent, shrinkage } = this.options;
    const counted = new Set<number>();
    const touched: number[] = [];
    for (let stepsBack = 0; stepsBack < context.recent.length; stepsBack++) {
      const weight = recencyWeight(stepsBack, recencyDecay, maxRecent);
      const item = context.recent[context.recent.length - 1 - stepsBack]!;
      if (weight === 0) break;
      if (counted.has(item)) continue;
      counted.add(item);
      for (let p = itemUsers.offsets[item]!; p < itemUsers.offsets[item + 1]!; p++) {
        const user = itemUsers.columns[p]!;
        if (similarities[user] === 0) touched.push(user);
        similarities[user]! += weight / (Math.sqrt(userItems.offsets[user + 1]! - userItems.offsets[user]!) + shrinkage);
      }
    }
    touched.sort((a, b) => similarities[b]! - similarities[a]! || a - b);
    return { users: touched.slice(0, this.options.neighbourUsers), similarities };
  }

  scoreInto(context: EncodedContext, scores: Float32Array): void {
    if (!this.userItems) throw new RecError('not_fitted', 'user_knn model used before fit() or load');
    if (context.recent.length === 0) return;
    const { users, similarities } = this.nearestUsers(context);
    const userItems = this.userItems;
    const { neighbourItemDecay: decay, neighbourBackwardWeight: backwardWeight } = this.options;
    for (const user of users) {
      const similarity = similarities[user]!;
      const start = userItems.offsets[user]!;
      const end = userItems.offsets[user + 1]!;
      const anchor = decay < 1 || backwardWeight !== 1 ? this.anchorPosition(context.recent, start, end) : -1;
      for (let p = start; p < end; p++) {
        const distance = anchor < 0 ? 1 : Math.max(1, Math.abs(p - anchor));
        const direction = anchor >= 0 && p < anchor ? backwardWeight : 1;
        scores[userItems.columns[p]!]! += similarity * direction * decay ** (distance - 1);
      }
    }
    similarities.fill(0);
  }

  /** Position in `userItems.columns[start..end)` of the newest of the `maxRecent` context items this user has, or -1. */
  private anchorPosition(recent: Int32Array, start: number, end: number): number {
    const columns = this.userItems!.columns;
    const maxRecent = Math.min(recent.length, this.options.maxRecent);
    for (let stepsBack = 0; stepsBack < maxRecent; stepsBack++) {
      const item = recent[recent.length - 1 - stepsBack]!;
      for (let p = start; p < end; p++) if (columns[p] === item) return p;
    }
    return -1;
  }

  /** Item-to-item view of the same data: users who have `item` vote for their other items. */
  similarInto(item: number, scores: Float32Array): void {
    this.scoreInto({ recent: Int32Array.of(item), excluded: new Set([item]), context: {} }, scores);
  }

  explainIndex(): Explanation {
    return { code: 'similar_shoppers' };
  }

  protected override similarExplanation(sourceItemId: string): Explanation {
    return { code: 'bought_together', sourceItemId };
  }

  protected saveState() {
    return {
      state: { ...this.options },
      arrays: {
        userOffsets: this.userItems!.offsets,
        userColumns: this.userItems!.columns,
        itemOffsets: this.itemUsers!.offsets,
        itemColumns: this.itemUsers!.columns,
      },
    };
  }

  static load(bytes: Uint8Array): UserKnn {
    const saved = decodeModel(bytes);
    if (saved.kind !== 'user_knn') throw new RecError('corrupt_model', `expected a user_knn model, got ${saved.kind}`);
    const model = new UserKnn();
    const state = model.restoreIndex(saved.state);
    for (const key of Object.keys(DEFAULT_USER_KNN_OPTIONS) as (keyof UserKnnOptions)[]) {
      // Models saved before the neighbour item settings existed weighted all of a neighbour's items alike, which is the default 1.
      if ((key === 'neighbourItemDecay' || key === 'neighbourBackwardWeight') && !(key in state)) continue;
      model.options[key] = requireNumber(state, key);
    }
    const userOffsets = requireArray(saved.arrays, 'userOffsets', Int32Array);
    const userCount = userOffsets.length - 1;
    const userItems = { offsets: userOffsets, columns: requireArray(saved.arrays, 'userColumns', Int32Array), values: new Float32Array(0) };
    model.userItems = validateCsr(userItems, userCount, model.index.size, 'user_knn user→items');
    const itemColumns = requireArray(saved.arrays, 'itemColumns', Int32Array);
    const itemUsers = { offsets: requireArray(saved.arrays, 'itemOffsets', Int32Array), columns: itemColumns, values: new Float32Array(itemColumns.length).fill(1) };
    model.itemUsers = validateCsr(itemUsers, model.index.size, userCount, 'user_knn item→users');
    return model;
  }
}
