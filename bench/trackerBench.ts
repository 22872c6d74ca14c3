/**
 * Measures ByteTracker's accuracy on TUD-Stadtmitte ground-truth boxes that
 * were degraded into synthetic detections, and LineZone counts on one segment.
 *
 * This checks the tracker and counter alone, with the detector taken out: each
 * ground-truth box becomes a detection with position noise, some are dropped,
 * some get a low score (as partly occluded people do), and false boxes are
 * added. Every scenario runs with several seeds. Results replace the
 * "Tracking" section of bench/RESULTS.md.
 *
 * Run: npx tsx bench/trackerBench.ts
 */
import { existsSync, readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import type { Detection } from '../ml/detection/types.js';
import { LineZone } from '../ml/counting/lineZone.js';
import { evaluateLineCounts } from '../ml/eval/lineCountEval.js';
import { groupByFrame, parseMot, tracksToMotRows, type MotRow } from '../ml/eval/motFormat.js';
import { evaluateMot, type MotMetrics } from '../ml/eval/motMetrics.js';
import { ByteTracker } from '../ml/tracking/byteTracker.js';
import { writeResultsSection } from './lib/resultsSection.js';
import { seededRandom } from '../ml/util/seededRandom.js';

const SEQUENCE_DIR = join(import.meta.dirname, '..', '..', 'shared', 'data', 'tud-stadtmitte');
const RESULTS_PATH = join(import.meta.dirname, 'RESULTS.md');
/** Frame rate of TUD-Stadtmitte, from its seqinfo.ini. */
const FRAME_RATE = 25;
const IMAGE_WIDTH = 640;
const SEEDS = [1, 2, 3, 4, 5];
/**
 * Vertical counting line right of the image centre, drawn top to bottom, so
 * `in` is walking from right to left in the image. The ground truth crosses it
 * six times (4 in, 2 out), as many as any vertical line tried at 40 px steps.
 */
const COUNTING_SEGMENT = { start: { x: 480, y: 150 }, end: { x: 480, y: 480 } };

interface Scenario {
  name: string;
  /** Standard deviation of each box edge's noise, as a fraction of the box's width or height. */
  jitter: number;
  /** Probability that a ground-truth box produces no detection in a frame. */
  dropRate: number;
  /** Probability that a kept detection gets a low score in [0.1, 0.25). */
  lowScoreRate: number;
  /** Mean number of false detections per frame. */
  falsePositivesPerFrame: number;
}

const SCENARIOS: Scenario[] = [
  { name: 'exact boxes', jitter: 0, dropRate: 0, lowScoreRate: 0, falsePositivesPerFrame: 0 },
  { name: 'light noise', jitter: 0.03, dropRate: 0.05, lowScoreRate: 0.1, falsePositivesPerFrame: 0.2 },
  { name: 'moderate noise', jitter: 0.05, dropRate: 0.15, lowScoreRate: 0.2, falsePositivesPerFrame: 0.5 },
  { name: 'heavy noise', jitter: 0.08, dropRate: 0.3, lowScoreRate: 0.3, falsePositivesPerFrame: 1 },
];

/** Standard normal sample by the Box–Muller transform. */
function gaussian(random: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}

/** Turns one frame's ground truth into noisy detections. */
function degrade(truth: MotRow[], scenario: Scenario, random: () => number): Detection[] {
  const detections: Detection[] = [];
  for (const row of truth) {
    if (random() < scenario.dropRate) continue;
    const width = row.box.x2 - row.box.x1;
    const height = row.box.y2 - row.box.y1;
    const box = {
      x1: row.box.x1 + gaussian(random) * scenario.jitter * width,
      y1: row.box.y1 + gaussian(random) * scenario.jitter * height,
      x2: row.box.x2 + gaussian(random) * scenario.jitter * width,
      y2: row.box.y2 + gaussian(random) * scenario.jitter * height,
    };
    const score = random() < scenario.lowScoreRate ? 0.1 + 0.15 * random() : 0.5 + 0.5 * random();
    detections.push({ box, score });
  }

  // False boxes of pedestrian size anywhere along the street, with mostly low scores.
  let falseCount = 0;
  while (random() < scenario.falsePositivesPerFrame / (1 + scenario.falsePositivesPerFrame) && falseCount < 10) falseCount += 1;
  for (let i = 0; i < falseCount; i++) {
    const height = 150 + 100 * random();
    const x1 = random() * (IMAGE_WIDTH - height / 2.5);
    const y1 = 60 + 60 * random();
    detections.push({ box: { x1, y1, x2: x1 + height / 2.5, y2: y1 + height }, score: 0.1 + 0.5 * random() });
  }
  return detections;
}

interface RunResult {
  metrics: MotMetrics;
  lineCounts: { in: number; out: number };
  framesPerSecond: number;
}

function runOnce(truthRows: MotRow[], scenario: Scenario, seed: number): RunResult {
  const random = seededRandom(seed);
  const truthByFrame = groupByFrame(truthRows.filter((row) => row.confidence !== 0));
  const lastFrame = Math.max(...truthRows.map((row) => row.frame));
  const framesDetections = Array.from({ length: lastFrame }, (_, i) => degrade(truthByFrame.get(i + 1) ?? [], scenario, random));

  const tracker = new ByteTracker({ frameRate: FRAME_RATE });
  const zone = new LineZone(COUNTING_SEGMENT);
  const hypotheses: MotRow[] = [];
  const started = performance.now();
  framesDetections.forEach((detections, i) => {
    const tracks = tracker.update(detections);
    zone.trigger(tracks);
    hypotheses.push(...tracksToMotRows(i + 1, tracks));
  });
  const elapsedMs = performance.now() - started;

  return {
    metrics: evaluateMot(truthRows, hypotheses),
    lineCounts: { in: zone.inCount, out: zone.outCount },
    framesPerSecond: (lastFrame / elapsedMs) * 1000,
  };
}

function summarise(values: number[], digits: number): string {
  const mean = values.reduce((sum, v) => sum + v, 0) / values.length;
  return `${mean.toFixed(digits)} (${Math.min(...values).toFixed(digits)}–${Math.max(...values).toFixed(digits)})`;
}

function main(): void {
  const gtPath = join(SEQUENCE_DIR, 'gt.txt');
  if (!existsSync(gtPath)) {
    console.log(`Skipping the tracker benchmark: ${gtPath} not found. Place the TUD-Stadtmitte data under ../shared/data to run it.`);
    return;
  }
  const truthRows = parseMot(readFileSync(gtPath, 'utf8'));
  const lineTruth = evaluateLineCounts(truthRows, { in: 0, out: 0 }, COUNTING_SEGMENT).groundTruth;

  // One untimed run of each scenario first, so that no timing includes JIT compilation.
  for (const scenario of SCENARIOS) runOnce(truthRows, scenario, 0);

  const tableRows: string[] = [];
  for (const scenario of SCENARIOS) {
    const runs = SEEDS.map((seed) => runOnce(truthRows, scenario, seed));
    const metric = (pick: (r: RunResult) => number, digits: number) => summarise(runs.map(pick), digits);
    tableRows.push(
      `| ${scenario.name} | ${scenario.jitter} | ${scenario.dropRate} | ${scenario.lowScoreRate} | ${scenario.falsePositivesPerFrame} | ` +
        `${metric((r) => r.metrics.mota, 3)} | ${metric((r) => r.metrics.idf1, 3)} | ${metric((r) => r.metrics.idSwitches, 1)} | ` +
        `${metric((r) => r.metrics.falsePositives, 0)} | ${metric((r) => r.metrics.misses, 0)} | ` +
        `${metric((r) => r.lineCounts.in, 1)} / ${metric((r) => r.lineCounts.out, 1)} | ${metric((r) => r.framesPerSecond, 0)} |`,
    );
    console.log(`${scenario.name}: MOTA ${metric((r) => r.metrics.mota, 3)}, IDF1 ${metric((r) => r.metrics.idf1, 3)}`);
  }

  const body = [
    `Command: \`npx tsx bench/trackerBench.ts\`, ${new Date().toISOString().slice(0, 10)}, ${cpus()[0]?.model ?? 'unknown CPU'}, ` +
      `${cpus().length} cores (shared with other work), Node ${process.version}.`,
    '',
    'ByteTracker with default options (frameRate 25) on TUD-Stadtmitte (179 frames, 640×480, 10 people), fed the ground-truth boxes ' +
      'as detections after degrading them: each box edge moves by Gaussian noise of `jitter` × box size, a box is dropped with ' +
      'probability `drop`, a kept box gets a low score in [0.1, 0.25) with probability `low`, and `fp` false boxes appear per frame ' +
      'on average. Drops are independent per frame, while a real detector tends to miss the same person for several frames in a row. ' +
      'The detector is not involved, so these numbers measure the tracker alone, not the full pipeline.',
    '',
    `Metrics: CLEAR MOT and IDF1 at IoU ≥ 0.5 from \`ml/eval/motMetrics.ts\`, mean (min–max) over seeds ${SEEDS.join(', ')}. ` +
      `Tracks are reported from their third consecutive frame, so every track start costs 2 misses by design.`,
    `Line counts: LineZone on the segment (${COUNTING_SEGMENT.start.x}, ${COUNTING_SEGMENT.start.y})–(${COUNTING_SEGMENT.end.x}, ${COUNTING_SEGMENT.end.y}) ` +
      `with default options; the ground truth run through the same rule gives **in ${lineTruth.in} / out ${lineTruth.out}**.`,
    'Speed is tracker update plus line zone, per frame, in this process (not a separate benchmark run).',
    '',
    '| scenario | jitter | drop | low | fp | MOTA | IDF1 | ID switches | false positives | misses | line in / out | frames/s |',
    '|---|---|---|---|---|---|---|---|---|---|---|---|',
    ...tableRows,
  ].join('\n');
  writeResultsSection(RESULTS_PATH, 'Tracking', body);
  console.log(`Wrote the Tracking section of ${RESULTS_PATH}.`);
}

main();
