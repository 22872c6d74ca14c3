/**
 * Business rules applied on top of any model's ranking. Hard filters drop
 * items out of stock in this store, outside the age range or price band,
 * outside the category include and exclude lists, or already bought.
 * Promoted items fill a configured share of slots, and a per-brand and
 * per-category cap keeps the list diverse. The ranking is read deep enough
 * that the list still has `k` items whenever `k` items pass the hard
 * filters. No rule reads the shopper's gender, because contexts and catalog
 * entries carry none.
 */
import { RecError, type ItemId, type ItemMeta, type RecContext, type Recommendation, type Recommender } from './types.js';

export interface BusinessRules {
  /** Items in stock in this store; absent = no stock filter. */
  inStock?: ReadonlySet<ItemId>;
  /** Child age, months; items whose age range excludes it are dropped. Defaults to the quiz answer. */
  childAgeMonths?: number;
  /** Price band, cents, inclusive. The upper bound defaults to the quiz budget. */
  minPriceCents?: number;
  maxPriceCents?: number;
  /** Keep only items with one of these categories (any level). */
  includeCategories?: readonly string[];
  /** Drop items with any of these categories. */
  excludeCategories?: readonly string[];
  /** Items the member already bought. */
  purchased?: ReadonlySet<ItemId>;
  promotions?: { itemIds: readonly ItemId[]; /** Share of the k slots, 0–1, rounded down. */ share: number };
  /** At most this many items of one brand before other brands are used up; absent = no cap. */
  maxPerBrand?: number;
  /** At most this many items whose first category is the same; absent = no cap. */
  maxPerCategory?: number;
}

/** Ranking depth read before the rules are applied; doubled until k items pass or the catalog is exhausted. */
const INITIAL_DEPTH = 200;

export function recommendWithRules(
  model: Recommender,
  catalog: ReadonlyMap<ItemId, ItemMeta>,
  context: RecContext,
  k: number,
  rules: BusinessRules,
): Recommendation[] {
  if (rules.promotions && !(rules.promotions.share >= 0 && rules.promotions.share <= 1)) {
    throw new RecError('invalid_argument', `promotion share must be between 0 and 1, got ${rules.promotions.share}`);
  }
  const passes = hardFilter(catalog, context, rules);
  const contextItems = new Set([...(context.sessionItems ?? []), ...(context.memberHistory ?? [])]);
  const promoted = (rules.promotions?.itemIds ?? []).filter((id) => passes(id) && !contextItems.has(id));
  const promotedSlots = Math.min(promoted.length, Math.floor(k * (rules.promotions?.share ?? 0)));

  let depth = Math.min(catalog.size, INITIAL_DEPTH);
  let eligible: Recommendation[] = [];
  for (;;) {
    eligible = model.recommend(context, depth).filter((r) => passes(r.itemId));
    if (eligible.length >= k || depth >= catalog.size) break;
    depth = Math.min(catalog.size, depth * 2);
  }

  const chosenPromotions = promoted.slice(0, promotedSlots);
  const organic = diversify(
    eligible.filter((r) => !chosenPromotions.includes(r.itemId)),
    k - chosenPromotions.length,
    catalog,
    rules,
  );
  return interleavePromotions(organic, chosenPromotions, k);
}

function hardFilter(catalog: ReadonlyMap<ItemId, ItemMeta>, context: RecContext, rules: BusinessRules): (id: ItemId) => boolean {
  const age = rules.childAgeMonths ?? context.quiz?.childAgeMonths;
  const maxPrice = rules.maxPriceCents ?? context.quiz?.budgetCents;
  const include = rules.includeCategories?.length ? new Set(rules.includeCategories) : undefined;
  const exclude = new Set(rules.excludeCategories ?? []);
  return (id) => {
    const item = catalog.get(id);
    if (!item) return false;
    if (rules.inStock && !rules.inStock.has(id)) return false;
    if (rules.purchased?.has(id)) return false;
    if (age !== undefined && (age < (item.ageMinMonths ?? -Infinity) || age > (item.ageMaxMonths ?? Infinity))) return false;
    if (item.priceCents !== undefined) {
      if (rules.minPriceCents !== undefined && item.priceCents < rules.minPriceCents) return false;
      if (maxPrice !== undefined && item.priceCents > maxPrice) return false;
    }
    const categories = item.categories ?? [];
    if (include && !categories.some((c) => include.has(c))) return false;
    return !categories.some((c) => exclude.has(c));
  };
}

/**
 * Picks items in score order, skipping an item once its brand or first
 * category has reached its cap. Skipped items fill the tail when the list
 * would otherwise be short, so the caps never make it shorter than k.
 */
function diversify(ranked: Recommendation[], k: number, catalog: ReadonlyMap<ItemId, ItemMeta>, rules: BusinessRules): Recommendation[] {
  const chosen: Recommendation[] = [];
  const deferred: Recommendation[] = [];
  const brandCounts = new Map<string, number>();
  const categoryCounts = new Map<string, number>();
  for (const r of ranked) {
    if (chosen.length >= k) break;
    const item = catalog.get(r.itemId);
    const brand = item?.brand;
    const category = item?.categories?.[0];
    const brandFull = brand !== undefined && rules.maxPerBrand !== undefined && (brandCounts.get(brand) ?? 0) >= rules.maxPerBrand;
    const categoryFull =
      category !== undefined && rules.maxPerCategory !== undefined && (categoryCounts.get(category) ?? 0) >= rules.maxPerCategory;
    if (brandFull || categoryFull) {
      deferred.push(r);
      continue;
    }
    chosen.push(r);
    if (brand !== undefined) brandCounts.set(brand, (brandCounts.get(brand) ?? 0) + 1);
    if (category !== undefined) categoryCounts.set(category, (categoryCounts.get(category) ?? 0) + 1);
  }
  return [...chosen, ...deferred.slice(0, Math.max(0, k - chosen.length))];
}

/** Spreads promoted items evenly through the list, the first at position 2 (0-based 1) so the top pick stays organic. */
function interleavePromotions(organic: Recommendation[], promoted: readonly ItemId[], k: number): Recommendation[] {
  if (promoted.length === 0) return organic.slice(0, k);
  const total = Math.min(k, organic.length + promoted.length);
  const step = total / promoted.length;
  const slots = new Set(promoted.map((_, p) => Math.min(total - 1, Math.floor(1 + p * step))));
  const out: Recommendation[] = [];
  let nextOrganic = 0;
  let nextPromoted = 0;
  for (let position = 0; position < total; position++) {
    const usePromotion = (slots.has(position) && nextPromoted < promoted.length) || nextOrganic >= organic.length;
    if (usePromotion && nextPromoted < promoted.length) {
      out.push({ itemId: promoted[nextPromoted++]!, score: 0, explanation: { code: 'promotion' } });
    } else if (nextOrganic < organic.length) {
      out.push(organic[nextOrganic++]!);
    }
  }
  return out;
}
