/**
 * Line-crossing counts from ground-truth tracks, compared with a counter's output.
 *
 * Ground-truth crossings are found by running the ground-truth boxes through
 * `LineZone` with the same segment and options as the counter under test. So
 * "crossed" means exactly what it means in production. The bottom centre of
 * the box changes side, the pass over the line falls between the segment's
 * ends, and the hysteresis is as configured. Rows with confidence 0 (ignored
 * in MOT ground truth) are left out.
 */
import type { Segment } from '../geometry/types.js';
import { LineZone, type LineZoneOptions } from '../counting/lineZone.js';
import { groupByFrame, type MotRow } from './motFormat.js';

export interface LineCounts {
  in: number;
  out: number;
}

export interface LineCountComparison {
  groundTruth: LineCounts;
  predicted: LineCounts;
  /** Predicted minus ground truth, per direction. */
  inError: number;
  outError: number;
  /** |inError| + |outError|. */
  totalAbsoluteError: number;
  /** 1 − totalAbsoluteError / (ground-truth in + out); NaN when nothing crossed. */
  accuracy: number;
}

/** Counts crossings of `segment` by the tracks in `rows`, frame by frame from the first frame to the last. */
export function countLineCrossings(rows: readonly MotRow[], segment: Segment, options: LineZoneOptions = {}): LineCounts {
  const zone = new LineZone(segment, options);
  const byFrame = groupByFrame(rows);
  const frames = [...byFrame.keys()];
  if (frames.length === 0) return { in: 0, out: 0 };

  const first = Math.min(...frames);
  const last = Math.max(...frames);
  for (let frame = first; frame <= last; frame++) {
    const tracks = (byFrame.get(frame) ?? []).map((row) => ({ trackerId: row.id, box: row.box, score: row.confidence }));
    zone.trigger(tracks);
  }
  return { in: zone.inCount, out: zone.outCount };
}

/** Derives ground-truth crossings from MOT ground truth and compares the predicted counts with them. */
export function evaluateLineCounts(
  groundTruth: readonly MotRow[],
  predicted: LineCounts,
  segment: Segment,
  options: LineZoneOptions = {},
): LineCountComparison {
  const truth = countLineCrossings(
    groundTruth.filter((row) => row.confidence !== 0),
    segment,
    options,
  );
  const inError = predicted.in - truth.in;
  const outError = predicted.out - truth.out;
  const totalAbsoluteError = Math.abs(inError) + Math.abs(outError);
  const truthTotal = truth.in + truth.out;
  return {
    groundTruth: truth,
    predicted,
    inError,
    outError,
    totalAbsoluteError,
    accuracy: truthTotal > 0 ? 1 - totalAbsoluteError / truthTotal : Number.NaN,
  };
}
