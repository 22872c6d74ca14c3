/**
 * MOTA and IDF1 of detector + ByteTrack on MOT sequences, for the detector
 * bench. The tracker (ml/tracking/byteTracker.ts) and the MOT metrics
 * (ml/eval/motMetrics.ts) are written separately from the detectors, so they
 * are imported at run time and this returns null while either is missing.
 */
import type { Detection } from '../../ml/detection/types.js';
import type { Box } from '../../ml/geometry/types.js';
import type { MotSequence } from './motGroundTruth.js';

export interface TrackingResult {
  mota: number;
  idf1: number;
  idSwitches: number;
}

export interface TrackingInput {
  sequence: MotSequence;
  /** Detections by 0-based frame index. */
  detectionsByFrame: Map<number, Detection[]>;
  /** Track every `stride`-th frame, as the analysis rate would. */
  stride: number;
}

interface MotRow {
  frame: number;
  id: number;
  box: Box;
  confidence: number;
}

interface TrackerModule {
  ByteTracker: new (options: { frameRate: number }) => { update(detections: readonly Detection[]): Array<{ trackerId: number; box: Box; score: number }> };
}

interface MetricsModule {
  evaluateMot(truth: readonly MotRow[], hypotheses: readonly MotRow[]): { mota: number; idf1: number; idSwitches: number; groundTruthCount: number; idTruePositives: number; hypothesisCount: number; misses: number; falsePositives: number };
}

async function importOptional<T>(specifier: string): Promise<T | null> {
  try {
    return (await import(specifier)) as T;
  } catch {
    return null;
  }
}

/** Tracks each sequence and pools the MOT counts over all of them. Returns null when either module is missing. */
export async function trackingMetrics(inputs: TrackingInput[], analysisFps: number): Promise<TrackingResult | null> {
  const trackerModule = await importOptional<TrackerModule>('../../ml/tracking/byteTracker.js');
  const metricsModule = await importOptional<MetricsModule>('../../ml/eval/motMetrics.js');
  if (!trackerModule || !metricsModule) return null;

  let truthBoxes = 0;
  let errors = 0;
  let idSwitches = 0;
  let idTruePositives = 0;
  let hypothesisBoxes = 0;
  for (const { sequence, detectionsByFrame, stride } of inputs) {
    const tracker = new trackerModule.ByteTracker({ frameRate: analysisFps });
    const truth: MotRow[] = [];
    const hypotheses: MotRow[] = [];
    for (let index = 0; index < sequence.frameCount; index += stride) {
      const frame = index + 1;
      for (const gt of sequence.boxesByFrame.get(index) ?? []) truth.push({ frame, id: gt.trackId, box: gt.box, confidence: 1 });
      for (const track of tracker.update(detectionsByFrame.get(index) ?? [])) {
        hypotheses.push({ frame, id: track.trackerId, box: track.box, confidence: track.score });
      }
    }
    const metrics = metricsModule.evaluateMot(truth, hypotheses);
    truthBoxes += metrics.groundTruthCount;
    errors += metrics.misses + metrics.falsePositives + metrics.idSwitches;
    idSwitches += metrics.idSwitches;
    idTruePositives += metrics.idTruePositives;
    hypothesisBoxes += metrics.hypothesisCount;
  }
  return {
    mota: truthBoxes === 0 ? 0 : 1 - errors / truthBoxes,
    idf1: truthBoxes + hypothesisBoxes === 0 ? 0 : (2 * idTruePositives) / (truthBoxes + hypothesisBoxes),
    idSwitches,
  };
}
