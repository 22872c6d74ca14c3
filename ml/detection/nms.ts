/** Greedy non-maximum suppression on detections in pixel boxes. */
import type { Detection } from './types.js';
import { iou } from '../geometry/iou.js';

/**
 * Keeps the highest-scoring detections, dropping any whose IoU with an
 * already kept one exceeds `iouThreshold`. Returns at most `maxDetections`,
 * sorted by descending score.
 */
export function nonMaxSuppression(detections: readonly Detection[], iouThreshold: number, maxDetections: number): Detection[] {
  const sorted = [...detections].sort((a, b) => b.score - a.score);
  const kept: Detection[] = [];
  for (const candidate of sorted) {
    if (kept.length >= maxDetections) break;
    if (kept.every((other) => iou(candidate.box, other.box) <= iouThreshold)) kept.push(candidate);
  }
  return kept;
}
