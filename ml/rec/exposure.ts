/**
 * Exposure report: how recommendation slots are spread across categories
 * that retailers usually market to boys, to girls, or to neither. It is an
 * audit of outcomes only; no model or rule reads a shopper's gender.
 */
import type { ItemId, ItemMeta, Recommendation } from './types.js';

export interface GenderMarketing {
  /** Category names usually marketed to boys, e.g. ['变形金刚', 'Action Figures']. */
  boys: readonly string[];
  /** Category names usually marketed to girls, e.g. ['芭比', 'Dolls']. */
  girls: readonly string[];
}

export interface ExposureShares {
  boys: number;
  girls: number;
  /** Items in neither list, or in both. */
  neutral: number;
}

export interface ExposureReport {
  /** Share of recommended slots in each group. */
  recommended: ExposureShares;
  /** Share of catalog items in each group, the baseline to compare with. */
  catalog: ExposureShares;
  slots: number;
}

export function exposureReport(
  lists: readonly (readonly Recommendation[])[],
  catalog: ReadonlyMap<ItemId, ItemMeta>,
  marketing: GenderMarketing,
): ExposureReport {
  const classify = classifier(marketing);
  const recommended = { boys: 0, girls: 0, neutral: 0 };
  let slots = 0;
  for (const list of lists) {
    for (const r of list) {
      recommended[classify(catalog.get(r.itemId))] += 1;
      slots += 1;
    }
  }
  const catalogCounts = { boys: 0, girls: 0, neutral: 0 };
  for (const item of catalog.values()) catalogCounts[classify(item)] += 1;
  return { recommended: toShares(recommended, slots), catalog: toShares(catalogCounts, catalog.size), slots };
}

function classifier(marketing: GenderMarketing): (item: ItemMeta | undefined) => keyof ExposureShares {
  const boys = new Set(marketing.boys);
  const girls = new Set(marketing.girls);
  return (item) => {
    const categories = item?.categories ?? [];
    const isBoys = categories.some((c) => boys.has(c));
    const isGirls = categories.some((c) => girls.has(c));
    if (isBoys === isGirls) return 'neutral';
    return isBoys ? 'boys' : 'girls';
  };
}

function toShares(counts: ExposureShares, total: number): ExposureShares {
  const n = Math.max(1, total);
  return { boys: counts.boys / n, girls: counts.girls / n, neutral: counts.neutral / n };
}
