/**
 * CLEAR MOT metrics (MOTA, MOTP, ID switches) and the identity metrics IDF1,
 * IDP and IDR, for boxes matched by IoU as in the MOTChallenge benchmarks.
 *
 * Per frame, the CLEAR MOT matching keeps a ground-truth object's match
 * from earlier frames when that hypothesis still overlaps it by at least
 * `iouThreshold`. The remaining pairs get the assignment with the highest
 * total IoU. An ID switch is counted when a ground-truth object is matched
 * to a different hypothesis id than at its previous match, even across frames
 * where it was missed.
 *
 * Ground-truth rows with confidence 0 are ignored. Each frame's hypotheses are
 * first assigned to all ground-truth boxes, ignored ones included, and those
 * assigned to an ignored box are removed before scoring. They count neither as
 * false positives nor towards IDF1.
 */
import { iou } from '../geometry/iou.js';
import { iouMatrix, solveAssignment } from '../tracking/matching.js';
import { groupByFrame, type MotRow } from './motFormat.js';

export interface MotMetricsOptions {
  /** Minimum IoU for a hypothesis to match a ground-truth box (default 0.5, the MOTChallenge value). */
  iouThreshold?: number;
}

export interface MotMetrics {
  /** 1 − (misses + false positives + ID switches) / ground-truth boxes. Can be negative. */
  mota: number;
  /** Mean IoU of matched pairs (1 is perfect), or NaN when nothing matched. */
  motpIou: number;
  idSwitches: number;
  falsePositives: number;
  misses: number;
  matches: number;
  groundTruthCount: number;
  /** Hypothesis boxes scored, after removing those on ignored ground truth. */
  hypothesisCount: number;
  /** 2·IDTP / (ground-truth boxes + hypothesis boxes). */
  idf1: number;
  idPrecision: number;
  idRecall: number;
  /** Boxes matched under the best one-to-one mapping of whole tracks. */
  idTruePositives: number;
}

interface FrameMatch {
  groundTruthId: number;
  hypothesisId: number;
  iou: number;
}

/** Scores hypothesis tracks against ground truth, both as parsed MOT rows. */
export function evaluateMot(groundTruth: readonly MotRow[], hypotheses: readonly MotRow[], options: MotMetricsOptions = {}): MotMetrics {
  const iouThreshold = options.iouThreshold ?? 0.5;
  const truthByFrame = groupByFrame(groundTruth);
  const hypothesesByFrame = groupByFrame(hypotheses);
  const frames = [...new Set([...truthByFrame.keys(), ...hypothesesByFrame.keys()])].sort((a, b) => a - b);

  const lastMatch = new Map<number, number>();
  const pairCounts = new Map<string, number>();
  const truthBoxesById = new Map<number, number>();
  const hypothesisBoxesById = new Map<number, number>();
  let misses = 0;
  let falsePositives = 0;
  let idSwitches = 0;
  let iouSum = 0;
  let matches = 0;
  let groundTruthCount = 0;
  let hypothesisCount = 0;

  for (const frame of frames) {
    const allTruth = truthByFrame.get(frame) ?? [];
    const truth = allTruth.filter((row) => row.confidence !== 0);
    const scored = removeIgnoredHypotheses(hypothesesByFrame.get(frame) ?? [], allTruth, iouThreshold);

    const frameMatches = matchFrame(truth, scored, lastMatch, iouThreshold);
    for (const match of frameMatches) {
      const previous = lastMatch.get(match.groundTruthId);
      if (previous !== undefined && previous !== match.hypothesisId) idSwitches += 1;
      lastMatch.set(match.groundTruthId, match.hypothesisId);
      iouSum += match.iou;
    }
    matches += frameMatches.length;
    misses += truth.length - frameMatches.length;
    falsePositives += scored.length - frameMatches.length;
    groundTruthCount += truth.length;
    hypothesisCount += scored.length;

    countIdentityOverlaps(truth, scored, iouThreshold, pairCounts);
    for (const row of truth) truthBoxesById.set(row.id, (truthBoxesById.get(row.id) ?? 0) + 1);
    for (const row of scored) hypothesisBoxesById.set(row.id, (hypothesisBoxesById.get(row.id) ?? 0) + 1);
  }

  const idTruePositives = bestIdentityMatching([...truthBoxesById.keys()], [...hypothesisBoxesById.keys()], pairCounts);
  return {
    mota: groundTruthCount > 0 ? 1 - (misses + falsePositives + idSwitches) / groundTruthCount : Number.NaN,
    motpIou: matches > 0 ? iouSum / matches : Number.NaN,
    idSwitches,
    falsePositives,
    misses,
    matches,
    groundTruthCount,
    hypothesisCount,
    idf1: groundTruthCount + hypothesisCount > 0 ? (2 * idTruePositives) / (groundTruthCount + hypothesisCount) : Number.NaN,
    idPrecision: hypothesisCount > 0 ? idTruePositives / hypothesisCount : Number.NaN,
    idRecall: groundTruthCount > 0 ? idTruePositives / groundTruthCount : Number.NaN,
    idTruePositives,
  };
}

function removeIgnoredHypotheses(hypotheses: MotRow[], allTruth: MotRow[], iouThreshold: number): MotRow[] {
  if (!allTruth.some((row) => row.confidence === 0) || hypotheses.length === 0) return hypotheses;
  const costs = iouMatrix(allTruth.map((r) => r.box), hypotheses.map((r) => r.box)).map((row) => row.map((value) => 1 - value));
  const assignment = solveAssignment(costs, 1 - iouThreshold, hypotheses.length);
  const removed = new Set(assignment.matches.filter(([row]) => allTruth[row]?.confidence === 0).map(([, column]) => column));
  return hypotheses.filter((_, index) => !removed.has(index));
}

/** Matches one frame: earlier correspondences that still overlap first, then the best assignment of the rest. */
function matchFrame(truth: MotRow[], hypotheses: MotRow[], lastMatch: Map<number, number>, iouThreshold: number): FrameMatch[] {
  const matches: FrameMatch[] = [];
  const usedHypotheses = new Set<number>();
  const open: MotRow[] = [];
  for (const row of truth) {
    const previousId = lastMatch.get(row.id);
    const index = hypotheses.findIndex((h, i) => h.id === previousId && !usedHypotheses.has(i));
    const overlap = index >= 0 ? iou(row.box, hypotheses[index]?.box ?? row.box) : 0;
    if (index >= 0 && overlap >= iouThreshold) {
      usedHypotheses.add(index);
      matches.push({ groundTruthId: row.id, hypothesisId: hypotheses[index]?.id ?? 0, iou: overlap });
    } else {
      open.push(row);
    }
  }

  const freeHypotheses = hypotheses.filter((_, i) => !usedHypotheses.has(i));
  const overlaps = iouMatrix(open.map((r) => r.box), freeHypotheses.map((r) => r.box));
  const assignment = solveAssignment(overlaps.map((row) => row.map((value) => 1 - value)), 1 - iouThreshold, freeHypotheses.length);
  for (const [row, column] of assignment.matches) {
    const truthRow = open[row];
    const hypothesis = freeHypotheses[column];
    if (truthRow && hypothesis) matches.push({ groundTruthId: truthRow.id, hypothesisId: hypothesis.id, iou: overlaps[row]?.[column] ?? 0 });
  }
  return matches;
}

/** Adds, for every (ground-truth id, hypothesis id) pair, one per frame in which their boxes overlap enough. */
function countIdentityOverlaps(truth: MotRow[], hypotheses: MotRow[], iouThreshold: number, pairCounts: Map<string, number>): void {
  for (const t of truth) {
    for (const h of hypotheses) {
      if (iou(t.box, h.box) < iouThreshold) continue;
      const key = `${t.id}:${h.id}`;
      pairCounts.set(key, (pairCounts.get(key) ?? 0) + 1);
    }
  }
}

/** Returns IDTP: the largest total overlap count over one-to-one mappings of ground-truth ids to hypothesis ids. */
function bestIdentityMatching(truthIds: number[], hypothesisIds: number[], pairCounts: Map<string, number>): number {
  if (truthIds.length === 0 || hypothesisIds.length === 0) return 0;
  const costs = truthIds.map((t) => hypothesisIds.map((h) => -(pairCounts.get(`${t}:${h}`) ?? 0)));
  const assignment = solveAssignment(costs);
  return assignment.matches.reduce((sum, [row, column]) => sum - (costs[row]?.[column] ?? 0), 0);
}
