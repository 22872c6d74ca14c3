/**
 * Validation cases for the kiosk recommender's search, built from the
 * store's own baskets. Two kinds of case match the two kinds of kiosk request:
 *
 * - `next_visit`: for a member with two or more visits, one item of the last
 *   visit is predicted from the items of the earlier visits (the member's
 *   history at the kiosk).
 * - `basket_holdout`: for a basket of a shopper with one visit (anonymous or
 *   a one-visit member) with two or more distinct items, one item is held out
 *   and predicted from the rest (the toys looked at during a visit).
 *
 * At most `maxCases` cases, and at most `maxCandidateShare` of the possible
 * ones, are drawn with a seeded generator. Only the drawn targets are removed
 * from the training baskets, because a held-out item takes its co-purchase
 * pairs with it: drawing every basket of a small store would leave the
 * search no co-purchase to judge.
 */
import type { StoredBasket } from '../catalog/catalogStore.js';
import { seededRandom } from '../../ml/util/seededRandom.js';

export type ValidationCaseKind = 'next_visit' | 'basket_holdout';

/** One validation case in product ids: the context items, oldest first, and the held-out item. */
export interface ValidationCase {
  kind: ValidationCaseKind;
  input: string[];
  target: string;
}

export interface ValidationSplit {
  /** The stored baskets with each case's target removed from the basket it came from. */
  trainBaskets: StoredBasket[];
  cases: ValidationCase[];
}

export interface ValidationOptions {
  /** Cases drawn at most. More gives a steadier choice but a slower start-up. */
  maxCases: number;
  /**
   * Share of the possible cases drawn at most, in (0, 1]. Higher gives more
   * cases on a small store but removes more co-purchase pairs from training,
   * which makes co-purchase look weaker than it is when serving.
   */
  maxCandidateShare: number;
  /** Seed of the draw, so the same baskets always give the same cases. */
  seed: number;
}

/** A case before the draw: which basket loses which item. */
interface Candidate {
  kind: ValidationCaseKind;
  basketIndex: number;
  input: string[];
  /** Items the target is drawn from. */
  targets: string[];
}

/**
 * Builds the seeded validation cases and the training baskets without their
 * targets. Items not in `knownIds` (products no longer in the catalog) are
 * ignored.
 */
export function buildValidationSplit(
  baskets: readonly StoredBasket[],
  knownIds: ReadonlySet<string>,
  options: ValidationOptions,
): ValidationSplit {
  const random = seededRandom(options.seed);
  const candidates = [...nextVisitCandidates(baskets, knownIds), ...basketHoldoutCandidates(baskets, knownIds)];
  const caseCount = Math.min(options.maxCases, Math.floor(options.maxCandidateShare * candidates.length));
  const drawn = drawWithoutReplacement(candidates, caseCount, random);

  const removedByBasket = new Map<number, string>();
  const cases = drawn.map((candidate) => {
    const target = candidate.targets[Math.floor(random() * candidate.targets.length)]!;
    removedByBasket.set(candidate.basketIndex, target);
    const input = candidate.kind === 'basket_holdout' ? candidate.input.filter((id) => id !== target) : candidate.input;
    return { kind: candidate.kind, input, target };
  });

  const trainBaskets = baskets.map((basket, index) => {
    const removed = removedByBasket.get(index);
    return removed === undefined ? basket : { ...basket, items: basket.items.filter((id) => id !== removed) };
  });
  return { trainBaskets, cases };
}

/** Lists one candidate per member with two or more visits. Its targets are the last visit's items not bought before. */
function nextVisitCandidates(baskets: readonly StoredBasket[], knownIds: ReadonlySet<string>): Candidate[] {
  const visitsByMember = new Map<string, number[]>();
  baskets.forEach((basket, index) => {
    if (basket.memberCode === null) return;
    const visits = visitsByMember.get(basket.memberCode) ?? [];
    visits.push(index);
    visitsByMember.set(basket.memberCode, visits);
  });

  const candidates: Candidate[] = [];
  for (const visits of visitsByMember.values()) {
    if (visits.length < 2) continue;
    const lastIndex = visits[visits.length - 1]!;
    const input = visits.slice(0, -1).flatMap((index) => baskets[index]!.items.filter((id) => knownIds.has(id)));
    const earlier = new Set(input);
    // A repeat purchase is no case: the kiosk never suggests what the member already bought.
    const targets = distinct(baskets[lastIndex]!.items.filter((id) => knownIds.has(id) && !earlier.has(id)));
    if (input.length > 0 && targets.length > 0) candidates.push({ kind: 'next_visit', basketIndex: lastIndex, input, targets });
  }
  return candidates;
}

/** Lists one candidate per basket of a one-visit shopper with two or more distinct known items. */
function basketHoldoutCandidates(baskets: readonly StoredBasket[], knownIds: ReadonlySet<string>): Candidate[] {
  const visitCount = new Map<string, number>();
  for (const basket of baskets) {
    if (basket.memberCode !== null) visitCount.set(basket.memberCode, (visitCount.get(basket.memberCode) ?? 0) + 1);
  }

  const candidates: Candidate[] = [];
  baskets.forEach((basket, basketIndex) => {
    if (basket.memberCode !== null && visitCount.get(basket.memberCode)! > 1) return;
    const items = distinct(basket.items.filter((id) => knownIds.has(id)));
    if (items.length >= 2) candidates.push({ kind: 'basket_holdout', basketIndex, input: items, targets: items });
  });
  return candidates;
}

function distinct(ids: readonly string[]): string[] {
  return [...new Set(ids)];
}

/** Seeded sample of `count` items (a partial Fisher–Yates shuffle), in draw order. */
function drawWithoutReplacement<T>(items: readonly T[], count: number, random: () => number): T[] {
  const copy = [...items];
  for (let i = 0; i < count; i++) {
    const j = i + Math.floor(random() * (copy.length - i));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy.slice(0, count);
}

