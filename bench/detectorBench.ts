/**
 * Person detector benchmark on the TUD MOT sequences, used to choose the
 * detector defaults in ml/detection/personDetector.ts.
 *
 * Each configuration (CenterNet at several input sizes, NanoDet at 416) runs
 * on the wasm backend. The bench reports AP at IoU 0.5, precision and recall
 * at several score thresholds, and milliseconds per `detect` call (p50, p90).
 * When the tracker and MOT metrics modules exist, it also reports MOTA and
 * IDF1 of detector + ByteTrack at the 5 fps analysis rate. Writes the "Person detection" section of
 * bench/RESULTS.md and raw numbers to bench/out/detectorBench.json.
 *
 *   npx tsx bench/detectorBench.ts [--quick]
 *
 * Default: every frame at 25 fps (250 frames per configuration).
 * --quick: only the frames a 5 fps analysis would see (51 per configuration).
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { readVideoFrames } from '../main/cameras/ffmpegFrames.js';
import { createModelFileReader, modelDirectory, wasmDirectory } from '../main/vision/detectorFactory.js';
import { selectBackend } from '../ml/detection/backend.js';
import { createPersonDetector, type DetectorModelName } from '../ml/detection/personDetector.js';
import type { Detection, RgbFrame } from '../ml/detection/types.js';
import { averagePrecision, matchFrame, percentile, precisionRecallAt, type DetectionEvaluation } from './lib/detectionMetrics.js';
import { loadMotSequence, type MotSequence } from './lib/motGroundTruth.js';
import { trackingMetrics, type TrackingResult } from './lib/trackingMetrics.js';
import { writeResultsSection } from './lib/resultsSection.js';

const SEQUENCE_DIRECTORIES = ['/work/shared/data/tud-stadtmitte', '/work/shared/data/tud-campus'];
const CONFIGS: ReadonlyArray<{ model: DetectorModelName; inputSize: number }> = [
  { model: 'centernet', inputSize: 512 },
  { model: 'centernet', inputSize: 416 },
  { model: 'centernet', inputSize: 320 },
  { model: 'nanodet', inputSize: 416 },
];
/** Detector threshold for the runs. Every reported threshold is at or above it. */
const COLLECT_SCORE_THRESHOLD = 0.05;
const REPORTED_THRESHOLDS = [0.2, 0.3, 0.4, 0.5, 0.6];
const MATCH_IOU = 0.5;
/** The default camera analysis rate (main/cameras/cameraSupervisor.ts). */
const ANALYSIS_FPS = 5;
/** Time per frame at the analysis rate for one camera: the detector must fit in it. */
const FRAME_BUDGET_MS = 1000 / ANALYSIS_FPS;
/** The TUD videos run at 25 fps, so a 5 fps analysis reads every 5th frame. */
const TUD_FRAMES_PER_ANALYSED_FRAME = 5;
const RESULTS_PATH = 'bench/RESULTS.md';
const RAW_PATH = 'bench/out/detectorBench.json';

interface SequenceFrames {
  sequence: MotSequence;
  /** Decoded frames with their 0-based index in the sequence. */
  frames: Array<{ index: number; frame: RgbFrame }>;
}

interface ConfigResult {
  model: DetectorModelName;
  inputSize: number;
  frames: number;
  ap: number;
  thresholds: Array<{ threshold: number; precision: number; recall: number; f1: number }>;
  p50Ms: number;
  p90Ms: number;
  tracking: Array<TrackingResult & { threshold: number }> | null;
}

async function loadFrames(directory: string, everyNth: number): Promise<SequenceFrames> {
  const sequence = loadMotSequence(directory);
  const frames: SequenceFrames['frames'] = [];
  for await (const { frame, index } of readVideoFrames(sequence.videoPath)) {
    if (index % everyNth === 0) frames.push({ index, frame });
  }
  return { sequence, frames };
}

async function runConfig(config: (typeof CONFIGS)[number], sequences: SequenceFrames[], trackerStride: number): Promise<ConfigResult> {
  const detector = await createPersonDetector({ ...config, scoreThreshold: COLLECT_SCORE_THRESHOLD, readModelFile: createModelFileReader(modelDirectory()) });
  const evaluation: DetectionEvaluation = { matches: [], groundTruthCount: 0 };
  const timesMs: number[] = [];
  const detectionsBySequence: Array<Map<number, Detection[]>> = [];

  for (const { sequence, frames } of sequences) {
    const byFrame = new Map<number, Detection[]>();
    for (const { index, frame } of frames) {
      const started = performance.now();
      const detections = await detector.detect(frame);
      timesMs.push(performance.now() - started);
      byFrame.set(index, detections);
      const truth = (sequence.boxesByFrame.get(index) ?? []).map((gt) => gt.box);
      evaluation.matches.push(...matchFrame(detections, truth, MATCH_IOU));
      evaluation.groundTruthCount += truth.length;
    }
    detectionsBySequence.push(byFrame);
  }
  detector.dispose();

  const tracking = await trackAtThresholds(sequences, detectionsBySequence, trackerStride);
  return {
    ...config,
    frames: timesMs.length,
    ap: averagePrecision(evaluation),
    thresholds: REPORTED_THRESHOLDS.map((threshold) => ({ threshold, ...precisionRecallAt(evaluation, threshold) })),
    p50Ms: percentile(timesMs, 50),
    p90Ms: percentile(timesMs, 90),
    tracking,
  };
}

/** MOTA and IDF1 at each reported threshold, over both sequences, at the analysis rate. */
async function trackAtThresholds(sequences: SequenceFrames[], detections: Array<Map<number, Detection[]>>, stride: number): Promise<ConfigResult['tracking']> {
  const results: NonNullable<ConfigResult['tracking']> = [];
  for (const threshold of REPORTED_THRESHOLDS) {
    const inputs = sequences.map(({ sequence }, i) => ({
      sequence,
      stride,
      detectionsByFrame: new Map([...(detections[i] ?? new Map<number, Detection[]>())].map(([index, list]) => [index, list.filter((d) => d.score >= threshold)])),
    }));
    const result = await trackingMetrics(inputs, ANALYSIS_FPS);
    if (!result) return null;
    results.push({ threshold, ...result });
  }
  return results;
}

/** MOTA points within which two results count as a tie (the TUD sequences have only ~1,900 boxes at 5 fps). */
const MOTA_TIE_POINTS = 1;

/** Returns the tracking result at the threshold with the best MOTA. Ties go to the higher detection precision. */
function bestTracking(result: ConfigResult): (TrackingResult & { threshold: number; precision: number }) | null {
  const rows = (result.tracking ?? []).map((t) => ({ ...t, precision: result.thresholds.find((x) => x.threshold === t.threshold)?.precision ?? 0 }));
  const top = Math.max(...rows.map((t) => t.mota));
  const tied = rows.filter((t) => t.mota >= top - MOTA_TIE_POINTS / 100);
  return tied.sort((a, b) => b.precision - a.precision)[0] ?? null;
}

/**
 * Returns, among configurations whose p50 fits the frame budget, the one with
 * the best MOTA at the analysis rate, because counting depends on tracks, not
 * single boxes. MOTA ties go to the faster one.
 */
function chooseDefault(results: ConfigResult[]): { config: ConfigResult; threshold: number } | null {
  const fitting = results
    .filter((r) => r.p50Ms <= FRAME_BUDGET_MS)
    .map((config) => ({ config, tracking: bestTracking(config) }))
    .filter((c): c is { config: ConfigResult; tracking: NonNullable<typeof c.tracking> } => c.tracking !== null);
  const top = Math.max(...fitting.map((c) => c.tracking.mota));
  const chosen = fitting.filter((c) => c.tracking.mota >= top - MOTA_TIE_POINTS / 100).sort((a, b) => a.config.p50Ms - b.config.p50Ms)[0];
  return chosen ? { config: chosen.config, threshold: chosen.tracking.threshold } : null;
}

function formatReport(results: ConfigResult[], sequences: SequenceFrames[], backend: string, quick: boolean): string {
  const pct = (value: number): string => (value * 100).toFixed(1);
  const choice = chooseDefault(results);
  const lines = [
    `Command: \`npx tsx bench/detectorBench.ts${quick ? ' --quick' : ''}\`, ${new Date().toISOString().slice(0, 10)}, ${cpus()[0]?.model ?? 'unknown CPU'}, ${cpus().length} cores shared with other work, Node ${process.version}, TensorFlow.js ${backend} backend.`,
    '',
    `Data: ${sequences.map((s) => `${s.sequence.name} (${s.frames.length} frames)`).join(', ')}, 640x480, ground-truth rows with flag 1. ${quick ? `Every ${TUD_FRAMES_PER_ANALYSED_FRAME}th frame (the ${ANALYSIS_FPS} fps analysis rate).` : 'AP, precision and recall over every frame at 25 fps.'} MOTA and IDF1 (ByteTrack from ml/tracking, pooled over both sequences) use every ${TUD_FRAMES_PER_ANALYSED_FRAME}th frame, as a ${ANALYSIS_FPS} fps analysis would.`,
    `A detection matches an unmatched ground-truth box at IoU >= ${MATCH_IOU}. AP is the area under the precision-recall curve (all-point interpolation). ms/frame is the wall time of \`detect()\` (resize, model, decoding, NMS).`,
    '',
    '| model | input | AP@0.5 | P / R at 0.2 | P / R at 0.3 | P / R at 0.4 | P / R at 0.5 | ms/frame p50 | p90 | best MOTA / IDF1 (threshold) |',
    '|---|---|---|---|---|---|---|---|---|---|',
  ];
  for (const r of results) {
    const at = (t: number): string => {
      const row = r.thresholds.find((x) => x.threshold === t);
      return row ? `${pct(row.precision)} / ${pct(row.recall)}` : '–';
    };
    const tracked = bestTracking(r);
    const mot = tracked ? `${pct(tracked.mota)} / ${pct(tracked.idf1)} (${tracked.threshold})` : 'n/a (tracker or MOT metrics missing)';
    lines.push(`| ${r.model} | ${r.inputSize} | ${pct(r.ap)} | ${at(0.2)} | ${at(0.3)} | ${at(0.4)} | ${at(0.5)} | ${r.p50Ms.toFixed(0)} | ${r.p90Ms.toFixed(0)} | ${mot} |`);
  }
  lines.push('');
  lines.push(`P / R are precision and recall in percent at that score threshold. Best MOTA is taken over thresholds ${REPORTED_THRESHOLDS.join(', ')}; within ${MOTA_TIE_POINTS} point the threshold with higher precision wins.`);
  lines.push('');
  lines.push(`Rule for the default: among configurations whose p50 fits the ${FRAME_BUDGET_MS} ms per frame that one camera at ${ANALYSIS_FPS} fps allows, the best MOTA; results within ${MOTA_TIE_POINTS} MOTA point count as a tie, won by the lower p50.`);
  lines.push(choice
    ? `Here that is ${choice.config.model} at ${choice.config.inputSize} with threshold ${choice.threshold}, the defaults in ml/detection/personDetector.ts.`
    : 'No configuration fit the budget on this machine, so the defaults need a faster backend (tfjs-node) or a lower analysis rate.');
  const mostAccurate = results
    .map((config) => ({ config, tracking: bestTracking(config) }))
    .sort((a, b) => (b.tracking?.mota ?? -Infinity) - (a.tracking?.mota ?? -Infinity))[0];
  if (choice && mostAccurate?.tracking && mostAccurate.config !== choice.config) {
    const { config, tracking } = mostAccurate;
    lines.push(`The best MOTA overall, ${config.model} at ${config.inputSize} (${pct(tracking.mota)}), takes ${config.p50Ms.toFixed(0)} ms a frame at p50: ${(config.p50Ms / choice.config.p50Ms).toFixed(1)}x the default's time, more than one camera at ${ANALYSIS_FPS} fps allows here.`);
  }
  lines.push('');
  lines.push('Timings come from one run on cores that other processes were using at the same time, so they vary between runs (p90 up to about twice p50). Accuracy does not depend on load. A store PC with several cameras shares one detector, so its budget per frame is the 200 ms divided by the number of cameras.');
  return lines.join('\n');
}

async function main(): Promise<void> {
  const quick = process.argv.includes('--quick');
  const directories = SEQUENCE_DIRECTORIES.filter((d) => existsSync(join(d, 'gt.txt')));
  if (directories.length === 0) {
    console.warn(`Skipping: no TUD sequences found in ${SEQUENCE_DIRECTORIES.join(', ')}.`);
    return;
  }
  const choice = await selectBackend({ request: 'wasm', wasmDirectory: wasmDirectory() });
  console.log(`backend: ${choice.backend} (${choice.reason})`);

  // The tracker always runs at the analysis rate. In the default mode, the detections of the other frames only feed AP.
  const everyNth = quick ? TUD_FRAMES_PER_ANALYSED_FRAME : 1;
  const sequences = await Promise.all(directories.map((d) => loadFrames(d, everyNth)));

  const results: ConfigResult[] = [];
  for (const config of CONFIGS) {
    const started = Date.now();
    const result = await runConfig(config, sequences, TUD_FRAMES_PER_ANALYSED_FRAME);
    results.push(result);
    console.log(`${config.model}-${config.inputSize}: AP ${result.ap.toFixed(3)}, p50 ${result.p50Ms.toFixed(0)} ms, ${((Date.now() - started) / 1000).toFixed(0)} s`);
  }

  mkdirSync('bench/out', { recursive: true });
  writeFileSync(RAW_PATH, JSON.stringify({ quick, backend: choice.backend, results }, null, 2));
  writeResultsSection(RESULTS_PATH, 'Person detection', formatReport(results, sequences, choice.backend, quick));
  console.log(`wrote the "Person detection" section of ${RESULTS_PATH} and ${RAW_PATH}`);
}

await main();
