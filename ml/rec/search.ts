/**
 * Hyperparameter and blend-weight search on a validation step, so that no
 * setting is tuned by hand for one dataset.
 *
 * 1. Each component's settings: coordinate search over a small grid per
 *    setting, scored by NDCG@10 of the component alone.
 * 2. Blend weights: each validation case's candidate pool (the union of the
 *    components' top `poolSize` items) is scored once per component, and
 *    coordinate ascent over multiplicative weight steps maximises NDCG@10 of
 *    the blend on those pools.
 * 3. Second stage: boosted trees that reorder the blend's top candidates,
 *    trained on every validation case (secondStageSearch.ts) and kept only
 *    when they beat the blend on held-out cases.
 */
import type { EncodedContext, EncodedData } from './dataset.js';
import { Hybrid } from './hybrid.js';
import { ndcgAt, rankOf } from './metrics.js';
import type { ScoringRecommender } from './scoringModel.js';
import { addSecondStage, type SecondStageOptions, type SecondStageReport } from './secondStageSearch.js';
import { topKIndices } from './topK.js';

/** One validation case in index space: the input items and the held-out item. */
export interface SearchCase {
  input: Int32Array;
  target: number;
}

/** A component family: how to build it from settings, and the grid to search per setting. */
export interface ComponentSpec<T extends object = Record<string, number>> {
  name: string;
  create(options: Partial<T>): ScoringRecommender;
  /** Values tried for each setting; the first is the start point. */
  grid: { [K in keyof T]?: T[K][] };
}

export interface SearchOptions {
  /** Validation cases used per evaluation; more is steadier but slower. */
  maxCases: number;
  /** Passes of coordinate search over the component settings. */
  settingPasses: number;
  /** Candidates each component contributes to a case's pool for the weight search. */
  poolSize: number;
  /** Rounds of coordinate ascent over the blend weights. */
  weightRounds: number;
  /** Seed for picking the validation subsample. */
  seed: number;
  /** Second-stage settings, or false for a blend only. */
  secondStage: Partial<SecondStageOptions> | false;
}

export const DEFAULT_SEARCH_OPTIONS: SearchOptions = { maxCases: 4000, settingPasses: 2, poolSize: 100, weightRounds: 3, seed: 1, secondStage: {} };

export interface SearchReport {
  /** Chosen settings and the component's validation NDCG@10, by component name. */
  components: { name: string; settings: Record<string, unknown>; ndcg10: number; evaluations: number }[];
  weights: number[];
  /** Blend NDCG@10 on the candidate pools of the weight search. */
  blendNdcg10: number;
  casesUsed: number;
  /** Absent when the search was asked for a blend only. */
  secondStage?: SecondStageReport;
}

const CUTOFF = 10;
/** Multipliers tried on one weight per ascent step, and the weight of a switched-off component. */
const WEIGHT_STEPS = [0, 0.25, 0.5, 0.8, 1.25, 2, 4];

export function searchHybrid(
  data: EncodedData,
  validation: readonly SearchCase[],
  specs: readonly ComponentSpec<object>[],
  options: Partial<SearchOptions> = {},
): { hybrid: Hybrid; report: SearchReport } {
  const settings = { ...DEFAULT_SEARCH_OPTIONS, ...options };
  const cases = subsample(validation, settings.maxCases, settings.seed);

  const chosen = specs.map((spec) => searchComponent(spec, data, cases, settings.settingPasses));
  const pools = buildPools(chosen.map((c) => c.model), cases, settings.poolSize);
  // Two starts for the ascent, because a local optimum of the equal blend can lie below the best component
  // alone. On a tie the equal start wins.
  const equal = chosen.map(() => 1);
  const best = maxBy(chosen, (c) => c.ndcg10);
  const bestAlone = chosen.map((c) => (c === best ? 1 : 0));
  const { weights, ndcg } = maxBy(
    [equal, bestAlone].map((start) => searchWeights(pools, start, settings.weightRounds)),
    (result) => result.ndcg,
  );

  const firstStage = Hybrid.fromFitted(chosen.map((c) => c.model), weights);
  const report: SearchReport = {
    components: chosen.map((c) => ({ name: c.name, settings: c.settings, ndcg10: c.ndcg10, evaluations: c.evaluations })),
    weights,
    blendNdcg10: ndcg,
    casesUsed: cases.length,
  };
  if (settings.secondStage === false) return { hybrid: firstStage, report };

  const allCases = subsample(validation, validation.length, settings.seed + 1, true);
  const second = addSecondStage(firstStage, data, allCases, settings.secondStage);
  return { hybrid: second.hybrid, report: { ...report, secondStage: second.report } };
}

/** Mean NDCG@10 of one fitted model over cases, ranking all items except each case's input. */
export function evaluateNdcg(model: ScoringRecommender, cases: readonly SearchCase[]): number {
  let total = 0;
  for (const c of cases) {
    const top = model.rankIndices(contextOf(c), CUTOFF);
    total += ndcgAt(rankOf(top, c.target), CUTOFF);
  }
  return total / Math.max(1, cases.length);
}

function contextOf(c: SearchCase): EncodedContext {
  return { recent: c.input, excluded: new Set(c.input), context: {} };
}

function searchComponent(spec: ComponentSpec<object>, data: EncodedData, cases: readonly SearchCase[], passes: number) {
  const grid = spec.grid as Record<string, unknown[]>;
  const current: Record<string, unknown> = {};
  for (const [key, values] of Object.entries(grid)) if (values.length > 0) current[key] = values[0];

  const memo = new Map<string, number>();
  const score = (candidate: Record<string, unknown>): number => {
    const key = JSON.stringify(candidate);
    if (!memo.has(key)) {
      const model = spec.create(candidate);
      model.fitEncoded(data);
      memo.set(key, evaluateNdcg(model, cases));
    }
    return memo.get(key)!;
  };

  let best = score(current);
  for (let pass = 0; pass < passes; pass++) {
    for (const [key, values] of Object.entries(grid)) {
      for (const value of values) {
        const candidate = { ...current, [key]: value };
        const candidateScore = score(candidate);
        if (candidateScore > best) {
          best = candidateScore;
          current[key] = value;
        }
      }
    }
  }
  const model = spec.create(current);
  model.fitEncoded(data);
  return { name: spec.name, model, settings: current, ndcg10: best, evaluations: memo.size };
}

/** Per case: the pool's component scores, row-major [pool item][component], and the target's pool position. */
interface Pool {
  features: Float32Array;
  size: number;
  /** Position of the target in the pool, -1 when no component put it in its top `poolSize`. */
  targetAt: number;
}

function buildPools(models: readonly ScoringRecommender[], cases: readonly SearchCase[], poolSize: number): Pool[] {
  const hybrid = Hybrid.fromFitted(models, models.map(() => 1));
  const itemCount = hybrid.index.size;
  const rows = models.map(() => new Float32Array(itemCount));

  return cases.map((c) => {
    const context = contextOf(c);
    hybrid.scoreComponents(context, rows);
    const members = new Set<number>();
    for (const row of rows) for (const item of topKIndices(row, poolSize, context.excluded)) members.add(item);
    const items = [...members].sort((a, b) => a - b);
    const features = new Float32Array(items.length * models.length);
    items.forEach((item, p) => rows.forEach((row, m) => (features[p * models.length + m] = row[item]!)));
    return { features, size: items.length, targetAt: items.indexOf(c.target) };
  });
}

/** Mean NDCG@10 of the weighted blend over pools; ties rank the lower pool position (= lower item index) first. */
function poolNdcg(pools: readonly Pool[], weights: readonly number[]): number {
  const width = weights.length;
  let total = 0;
  for (const pool of pools) {
    if (pool.targetAt < 0) continue;
    const score = (p: number): number => {
      let s = 0;
      for (let m = 0; m < width; m++) s += weights[m]! * pool.features[p * width + m]!;
      return s;
    };
    const targetScore = score(pool.targetAt);
    let rank = 1;
    for (let p = 0; p < pool.size && rank <= CUTOFF; p++) {
      const s = score(p);
      if (s > targetScore || (s === targetScore && p < pool.targetAt)) rank++;
    }
    total += ndcgAt(rank, CUTOFF);
  }
  return total / Math.max(1, pools.length);
}

/** Coordinate ascent over the blend weights, starting from `start`. */
function searchWeights(pools: readonly Pool[], start: readonly number[], rounds: number): { weights: number[]; ndcg: number } {
  const width = start.length;
  const weights = [...start];
  let best = poolNdcg(pools, weights);
  for (let round = 0; round < rounds; round++) {
    let improved = false;
    for (let m = 0; m < width; m++) {
      const base = weights[m]!;
      for (const step of WEIGHT_STEPS) {
        const trial = [...weights];
        trial[m] = base === 0 ? step : base * step;
        const trialScore = poolNdcg(pools, trial);
        if (trialScore > best) {
          best = trialScore;
          weights[m] = trial[m]!;
          improved = true;
        }
      }
    }
    if (!improved) break;
  }
  return { weights, ndcg: best };
}

/** Finds the first element with the highest `value`. */
function maxBy<T>(items: readonly T[], value: (item: T) => number): T {
  return items.reduce((best, item) => (value(item) > value(best) ? item : best));
}

/**
 * Seeded sample of at most `max` cases (a partial Fisher–Yates shuffle with
 * a linear congruential generator). All cases are returned in their own
 * order when they fit, unless `alwaysShuffle` is set.
 */
function subsample<T>(cases: readonly T[], max: number, seed: number, alwaysShuffle = false): T[] {
  if (cases.length <= max && !alwaysShuffle) return [...cases];
  const copy = [...cases];
  let state = seed >>> 0 || 1;
  for (let i = 0; i < max; i++) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    const j = i + (state % (copy.length - i));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy.slice(0, max);
}
