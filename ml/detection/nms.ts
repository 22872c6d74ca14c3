/** Greedy non-maximum suppression on detections in pixel boxes. */
import type { Box } from '../geometry/types.js';
import type { Detection } from './types.js';

/** Returns the intersection over union of two corner-form boxes, or 0 when either has no area. */
export function iou(a: Box, b: Box): number {
  const width = Math.min(a.x2, b.x2) - Math.max(a.x1, b.x1);
  const height = Math.min(a.y2, b.y2) - Math.max(a.y1, b.y1);
  if (width <= 0 || height <= 0) return 0;
  const intersection = width * height;
  const union = (a.x2 - a.x1) * (a.y2 - a.y1) + (b.x2 - b.x1) * (b.y2 - b.y1) - intersection;
  return union > 0 ? intersection / union : 0;
}

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
