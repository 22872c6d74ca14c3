/**
 * Trains the hybrid's second stage on the validation step. Each validation
 * case becomes one candidate list (the first stage's top `poolSize` items,
 * with their features) whose relevant row is the held-out item. A share of
 * the cases is held out to choose the number of trees, and the second stage
 * is kept only when it beats the first stage's order on those cases.
 */
import { ndcgOf, trainBoostedTrees, type BoostOptions, type RankingQuery } from './boostedTrees.js';
import type { EncodedData } from './dataset.js';
import { Hybrid } from './hybrid.js';
import { featureWidth } from './rankFeatures.js';
import type { SearchCase } from './search.js';

export interface SecondStageOptions {
  /** Validation cases turned into candidate lists; more trains better trees but takes longer. */
  maxCases: number;
  /** Candidates the second stage reorders: more can lift deeper targets, each costs time per request. */
  poolSize: number;
  /** Share of the lists held out to pick the tree count and to compare with the first stage. */
  heldOutShare: number;
  /** Minimum lists that contain their target. With fewer, no second stage is trained, because there is too little to learn from. */
  minUsefulCases: number;
  boost: Partial<BoostOptions>;
}

export const DEFAULT_SECOND_STAGE_OPTIONS: SecondStageOptions = {
  maxCases: 20_000,
  poolSize: 100,
  heldOutShare: 0.2,
  minUsefulCases: 1000,
  boost: {},
};

export interface SecondStageReport {
  used: boolean;
  /** Reason the second stage was left out, when it was. */
  reason?: 'too_few_cases' | 'no_gain';
  cases: number;
  /** Lists whose held-out item was among the candidates. */
  usefulCases: number;
  trees: number;
  /** NDCG@10 on the held-out lists: the first stage's order and the trees' order. */
  heldOutBlendNdcg10: number;
  heldOutTreesNdcg10: number;
  trainSeconds: number;
}

/**
 * Returns `firstStage` with trained trees attached, or `firstStage` itself
 * when the trees do not help. `cases` should be in a random order: the first
 * `heldOutShare` of them are held out.
 */
export function addSecondStage(
  firstStage: Hybrid,
  data: EncodedData,
  cases: readonly SearchCase[],
  options: Partial<SecondStageOptions> = {},
): { hybrid: Hybrid; report: SecondStageReport } {
  const settings = { ...DEFAULT_SECOND_STAGE_OPTIONS, ...options, boost: { ...DEFAULT_SECOND_STAGE_OPTIONS.boost, ...options.boost } };
  const started = Date.now();
  const used = cases.slice(0, settings.maxCases);
  const lists = buildLists(firstStage, data, used, settings.poolSize);
  const usefulCases = lists.filter((q) => q.relevant >= 0).length;
  const heldOutCount = Math.floor(lists.length * settings.heldOutShare);
  const heldOut = lists.slice(0, heldOutCount);
  const blendNdcg = ndcgOf(heldOut, heldOut.map((q) => Float64Array.from({ length: q.rows }, (_, r) => -r)));
  const base = { cases: lists.length, usefulCases, heldOutBlendNdcg10: blendNdcg };

  if (usefulCases < settings.minUsefulCases) {
    return { hybrid: firstStage, report: { ...base, used: false, reason: 'too_few_cases', trees: 0, heldOutTreesNdcg10: blendNdcg, trainSeconds: 0 } };
  }
  const width = featureWidth(firstStage.components.length);
  const { model, report } = trainBoostedTrees(lists.slice(heldOutCount), heldOut, width, settings.boost);
  const trainSeconds = (Date.now() - started) / 1000;
  const summary = { ...base, trees: report.trees, heldOutTreesNdcg10: report.heldOutNdcg10, trainSeconds };
  if (report.trees === 0 || report.heldOutNdcg10 <= blendNdcg) {
    return { hybrid: firstStage, report: { ...summary, used: false, reason: 'no_gain' } };
  }
  const hybrid = Hybrid.fromFitted(firstStage.components, firstStage.weights, { trees: model, poolSize: settings.poolSize }, data);
  return { hybrid, report: { ...summary, used: true } };
}

function buildLists(firstStage: Hybrid, data: EncodedData, cases: readonly SearchCase[], poolSize: number): RankingQuery[] {
  // A view with facts from `data`, so candidate features can be computed before any trees exist.
  const probe = Hybrid.fromFitted(firstStage.components, firstStage.weights);
  probe.setFacts(data);
  return cases.map((c) => {
    const { candidates, features } = probe.candidateFeatures({ recent: c.input, excluded: new Set(c.input), context: {} }, poolSize);
    return { features, rows: candidates.length, relevant: candidates.indexOf(c.target) };
  });
}
