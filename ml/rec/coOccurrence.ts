/**
 * Co-occurrence counts over baskets (or any item sets) and the association
 * rule measure lift: lift(a, b) = P(a and b) / (P(a) × P(b)). A lift above 1
 * means the two items are bought together more often than their popularity
 * alone would give, which is what "bought with" should mean to a shopper.
 */
import type { ItemId } from './types.js';

export class CoOccurrence {
  private readonly itemCounts = new Map<ItemId, number>();
  /** Pair counts keyed by the two ids in sorted order, joined by a tab. */
  private readonly pairCounts = new Map<string, number>();
  private setCount = 0;

  /** Counts each item and each pair once per set, so repeated ids in one set count once. */
  static fromSets(sets: Iterable<readonly ItemId[]>): CoOccurrence {
    const counts = new CoOccurrence();
    for (const set of sets) {
      const items = [...new Set(set)].sort();
      counts.setCount++;
      for (const item of items) counts.itemCounts.set(item, (counts.itemCounts.get(item) ?? 0) + 1);
      for (let i = 0; i < items.length; i++) {
        for (let j = i + 1; j < items.length; j++) {
          const key = pairKey(items[i]!, items[j]!);
          counts.pairCounts.set(key, (counts.pairCounts.get(key) ?? 0) + 1);
        }
      }
    }
    return counts;
  }

  /** Counts the sets that contain both items. */
  together(a: ItemId, b: ItemId): number {
    return this.pairCounts.get(pairKey(a, b)) ?? 0;
  }

  /** Computes the lift of the pair, or 0 when either item is in no set. */
  lift(a: ItemId, b: ItemId): number {
    const countA = this.itemCounts.get(a) ?? 0;
    const countB = this.itemCounts.get(b) ?? 0;
    if (countA === 0 || countB === 0) return 0;
    return (this.together(a, b) * this.setCount) / (countA * countB);
  }
}

function pairKey(a: ItemId, b: ItemId): string {
  return a < b ? `${a}\t${b}` : `${b}\t${a}`;
}
