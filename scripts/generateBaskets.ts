/**
 * Generates the synthetic purchase baskets in assets/catalog/baskets.json from
 * assets/catalog/toys.json. The output is deterministic for a given seed and
 * catalog, so rerunning the script reproduces the committed file.
 *
 * Usage: npx tsx scripts/generateBaskets.ts [--seed N] [--out PATH]
 *
 * The shape it aims for, and how each part is produced:
 * - Popularity is roughly Zipf-like: each toy gets a seeded random rank and
 *   weight 1 / rank^ZIPF_EXPONENT.
 * - Complementary items are bought together: COMPLEMENTS pairs a tag on the
 *   first item with a tag on the add-on (train set with extra track, doll with
 *   her house, blaster with refills, and so on).
 * - Ages are coherent: every shopper buys for one child age, and only toys
 *   whose age range contains it are drawn. Accessories (batteries, puzzle
 *   glue) are the exception as add-ons: the adult uses them, so their age
 *   range does not limit them there.
 * - Loyalty members visit several times, and some are loyal to one brand.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { seededRandom } from '../ml/util/seededRandom.js';

const REPO_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const DEFAULT_SEED = 20261204;
/** Last day of the generated period (local date); the period covers the PERIOD_DAYS before it. */
const PERIOD_END = '2026-11-30';
const PERIOD_DAYS = 90;
const ANONYMOUS_BASKETS = 2600;
const MEMBER_COUNT = 320;
const MEMBER_VISITS_MIN = 2;
const MEMBER_VISITS_MAX = 12;
/** Zipf exponent of item popularity: 1 gives the classic long tail; higher concentrates sales on fewer toys. */
const ZIPF_EXPONENT = 1.0;
/** Probability that a basket containing an item with a complement also contains the complement. */
const COMPLEMENT_PROBABILITY = 0.55;
/** Probability of each further unrelated item after the first (geometric basket size). */
const EXTRA_ITEM_PROBABILITY = 0.35;
const MAX_BASKET_ITEMS = 6;
/** Share of members who buy their favourite brand whenever an age-fitting toy of it exists. */
const BRAND_LOYALIST_SHARE = 0.15;
const BRAND_LOYALTY_PROBABILITY = 0.7;
/** Share of shoppers who buy for themselves (teenage or adult collectors). */
const COLLECTOR_SHARE = 0.08;

/** Item tag → tag of the add-on that is often bought with it. */
const COMPLEMENTS: ReadonlyArray<readonly [string, string]> = [
  ['train-set', 'train-track'],
  ['doll', 'dollhouse'],
  ['doll', 'doll-outfit'],
  ['baby-doll', 'doll-pram'],
  ['blaster', 'blaster-darts'],
  ['jigsaw', 'puzzle-frame'],
  ['jigsaw', 'puzzle-glue'],
  ['rc-car', 'batteries'],
  ['dough-set', 'dough-refill'],
  ['car-track', 'die-cast-car'],
  ['bricks-set', 'baseplate'],
  ['art-set', 'sketchbook'],
  ['bubble-machine', 'bubble-refill'],
  ['ride-on', 'helmet'],
  ['ride-on', 'knee-pads'],
  ['blind-box', 'display-case'],
  ['kitchen', 'food'],
];

interface Toy {
  id: string;
  brand: { en: string };
  tags: string[];
  accessory?: boolean;
  ageMinYears: number;
  ageMaxYears: number;
}

export interface Basket {
  id: string;
  /** Local date and time of the purchase, `YYYY-MM-DDTHH:mm`. */
  at: string;
  memberCode: string | null;
  items: string[];
}

interface Shopper {
  ageYears: number;
  loyalBrand: string | null;
}

function pickWeighted<T>(random: () => number, items: readonly T[], weight: (item: T) => number): T | undefined {
  let total = 0;
  for (const item of items) total += weight(item);
  let target = random() * total;
  for (const item of items) {
    target -= weight(item);
    if (target < 0) return item;
  }
  return items[items.length - 1];
}

function randomInt(random: () => number, min: number, max: number): number {
  return min + Math.floor(random() * (max - min + 1));
}

/** Assigns each toy a Zipf weight by a seeded random rank. */
function zipfWeights(random: () => number, toys: readonly Toy[]): Map<string, number> {
  const order = toys.map((toy) => toy.id);
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  return new Map(order.map((id, rank) => [id, 1 / Math.pow(rank + 1, ZIPF_EXPONENT)]));
}

function createShopper(random: () => number, brands: readonly string[], isMember: boolean): Shopper {
  const ageYears = random() < COLLECTOR_SHARE ? randomInt(random, 15, 40) : randomInt(random, 0, 13);
  const loyal = isMember && random() < BRAND_LOYALIST_SHARE;
  return { ageYears, loyalBrand: loyal ? (brands[Math.floor(random() * brands.length)] ?? null) : null };
}

/** Picks the add-on for `item`: a toy with the complement tag, preferring the same brand. */
function pickComplement(random: () => number, item: Toy, candidates: readonly Toy[]): Toy | undefined {
  const addOnTags = COMPLEMENTS.filter(([tag]) => item.tags.includes(tag)).map(([, addOn]) => addOn);
  if (addOnTags.length === 0) return undefined;
  const addOnTag = addOnTags[Math.floor(random() * addOnTags.length)]!;
  const matching = candidates.filter((toy) => toy.tags.includes(addOnTag) && toy.id !== item.id);
  const sameBrand = matching.filter((toy) => toy.brand.en === item.brand.en);
  const pool = sameBrand.length > 0 ? sameBrand : matching;
  return pool[Math.floor(random() * pool.length)];
}

function fillBasket(random: () => number, shopper: Shopper, toys: readonly Toy[], weights: Map<string, number>): string[] {
  const fitting = toys.filter((toy) => toy.ageMinYears <= shopper.ageYears && shopper.ageYears <= toy.ageMaxYears);
  const addOnCandidates = toys.filter((toy) => toy.accessory === true || fitting.includes(toy));
  const weightOf = (toy: Toy): number => weights.get(toy.id) ?? 0;
  const items: Toy[] = [];
  const drawItem = (): Toy | undefined => {
    const loyalPool = fitting.filter((toy) => toy.brand.en === shopper.loyalBrand);
    const useLoyal = loyalPool.length > 0 && random() < BRAND_LOYALTY_PROBABILITY;
    return pickWeighted(random, useLoyal ? loyalPool : fitting, weightOf);
  };

  do {
    const item = drawItem();
    if (!item || items.some((chosen) => chosen.id === item.id)) continue;
    items.push(item);
    const addOn = random() < COMPLEMENT_PROBABILITY ? pickComplement(random, item, addOnCandidates) : undefined;
    if (addOn && !items.some((chosen) => chosen.id === addOn.id)) items.push(addOn);
  } while (items.length < MAX_BASKET_ITEMS && random() < EXTRA_ITEM_PROBABILITY);

  return items.slice(0, MAX_BASKET_ITEMS).map((toy) => toy.id);
}

/** Draws a visit time: weekends twice as busy as weekdays, shop open 10:00–21:59. */
function drawVisitTime(random: () => number): string {
  const end = new Date(`${PERIOD_END}T00:00:00Z`);
  for (;;) {
    const day = new Date(end.getTime() - randomInt(random, 0, PERIOD_DAYS - 1) * 86_400_000);
    const weekday = day.getUTCDay();
    const isWeekend = weekday === 0 || weekday === 6;
    if (!isWeekend && random() < 0.5) continue;
    const hour = String(randomInt(random, 10, 21)).padStart(2, '0');
    const minute = String(randomInt(random, 0, 59)).padStart(2, '0');
    return `${day.toISOString().slice(0, 10)}T${hour}:${minute}`;
  }
}

/** Generates every basket for `toys`, sorted by time, with ids `B00001`…. */
export function generateBaskets(toys: readonly Toy[], seed: number): Basket[] {
  const random = seededRandom(seed);
  const weights = zipfWeights(random, toys);
  const brands = [...new Set(toys.map((toy) => toy.brand.en))].sort();
  const drafts: Omit<Basket, 'id'>[] = [];

  for (let m = 0; m < MEMBER_COUNT; m++) {
    const memberCode = `M${String(100001 + m)}`;
    const shopper = createShopper(random, brands, true);
    const visits = randomInt(random, MEMBER_VISITS_MIN, MEMBER_VISITS_MAX);
    for (let v = 0; v < visits; v++) {
      drafts.push({ at: drawVisitTime(random), memberCode, items: fillBasket(random, shopper, toys, weights) });
    }
  }
  for (let b = 0; b < ANONYMOUS_BASKETS; b++) {
    const shopper = createShopper(random, brands, false);
    drafts.push({ at: drawVisitTime(random), memberCode: null, items: fillBasket(random, shopper, toys, weights) });
  }

  drafts.sort((a, b) => a.at.localeCompare(b.at));
  return drafts.map((draft, i) => ({ id: `B${String(i + 1).padStart(5, '0')}`, ...draft }));
}

function parseArgs(argv: readonly string[]): { seed: number; out: string } {
  let seed = DEFAULT_SEED;
  let out = join(REPO_ROOT, 'assets/catalog/baskets.json');
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = argv[i + 1];
    if (flag === '--seed' && value !== undefined && /^\d+$/.test(value)) {
      seed = Number(value);
      i++;
    } else if (flag === '--out' && value !== undefined) {
      out = value;
      i++;
    } else {
      throw new Error(`Invalid argument "${flag}". Usage: generateBaskets.ts [--seed N] [--out PATH]`);
    }
  }
  return { seed, out };
}

function main(): void {
  const { seed, out } = parseArgs(process.argv.slice(2));
  const catalog = JSON.parse(readFileSync(join(REPO_ROOT, 'assets/catalog/toys.json'), 'utf8')) as { toys: Toy[] };
  const baskets = generateBaskets(catalog.toys, seed);
  // One basket per line keeps the file small and its diffs readable.
  const lines = baskets.map((basket) => `  ${JSON.stringify(basket)}`);
  const header = `{\n "version": 1,\n "synthetic": true,\n "seed": ${seed},\n "baskets": [\n`;
  writeFileSync(out, `${header}${lines.join(',\n')}\n ]\n}\n`);
  const items = baskets.reduce((sum, basket) => sum + basket.items.length, 0);
  console.log(`Wrote ${baskets.length} baskets with ${items} items to ${out} (seed ${seed}).`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
