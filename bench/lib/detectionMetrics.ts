/**
 * Detection accuracy against ground truth, PASCAL VOC style: detections are
 * matched greedily per frame in descending score order to the unmatched
 * ground-truth box of highest IoU, a match needs IoU >= the threshold, and
 * AP is the area under the precision-recall curve after making precision
 * monotonically non-increasing (all-point interpolation).
 */
import type { Box } from '../../ml/geometry/types.js';
import { iou } from '../../ml/geometry/iou.js';

export interface ScoredMatch {
  score: number;
  truePositive: boolean;
}

export interface DetectionEvaluation {
  /** Every detection with its score and whether it matched a ground-truth box. */
  matches: ScoredMatch[];
  groundTruthCount: number;
}

/** Matches one frame's detections to its ground truth and returns one entry per detection. */
export function matchFrame(detections: ReadonlyArray<{ box: Box; score: number }>, truth: readonly Box[], iouThreshold: number): ScoredMatch[] {
  const taken = new Array<boolean>(truth.length).fill(false);
  const sorted = [...detections].sort((a, b) => b.score - a.score);
  return sorted.map((detection) => {
    let best = -1;
    let bestIou = iouThreshold;
    truth.forEach((box, i) => {
      if (taken[i]) return;
      const overlap = iou(detection.box, box);
      if (overlap >= bestIou) {
        best = i;
        bestIou = overlap;
      }
    });
    if (best >= 0) taken[best] = true;
    return { score: detection.score, truePositive: best >= 0 };
  });
}

/** Returns precision, recall and F1 counting only detections scoring at least `threshold`. */
export function precisionRecallAt(evaluation: DetectionEvaluation, threshold: number): { precision: number; recall: number; f1: number } {
  const kept = evaluation.matches.filter((m) => m.score >= threshold);
  const truePositives = kept.filter((m) => m.truePositive).length;
  const precision = kept.length === 0 ? 1 : truePositives / kept.length;
  const recall = evaluation.groundTruthCount === 0 ? 0 : truePositives / evaluation.groundTruthCount;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}

/** Returns the all-point interpolated average precision over every score threshold. */
export function averagePrecision(evaluation: DetectionEvaluation): number {
  if (evaluation.groundTruthCount === 0) return 0;
  const sorted = [...evaluation.matches].sort((a, b) => b.score - a.score);
  const recalls: number[] = [];
  const precisions: number[] = [];
  let truePositives = 0;
  sorted.forEach((match, i) => {
    if (match.truePositive) truePositives += 1;
    recalls.push(truePositives / evaluation.groundTruthCount);
    precisions.push(truePositives / (i + 1));
  });
  // Precision envelope: the best precision at this recall or any higher one.
  for (let i = precisions.length - 2; i >= 0; i -= 1) {
    precisions[i] = Math.max(precisions[i] ?? 0, precisions[i + 1] ?? 0);
  }
  let area = 0;
  let previousRecall = 0;
  recalls.forEach((recall, i) => {
    area += (recall - previousRecall) * (precisions[i] ?? 0);
    previousRecall = recall;
  });
  return area;
}

/** Returns the value at percentile `p` (0–100) by the nearest-rank method, or NaN for no values. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1] as number;
}
