/**
 * Counting accuracy of `npm run analyze` on sample footage.
 *
 * Runs the analyze CLI (real detector, tracker and LineZone, every frame) on
 * both TUD sequences and compares its in/out counts with the ground truth
 * that ml/eval/lineCountEval.ts derives from the sequences' gt.txt through
 * the same LineZone rule. vtest.avi has no ground truth, so only its counts
 * on the demo store's line are printed.
 *
 * Usage: npx tsx bench/countingBench.ts [--results bench/RESULTS.md]
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { evaluateLineCounts, type LineCounts } from '../ml/eval/lineCountEval.js';
import { parseMot } from '../ml/eval/motFormat.js';
import { defaultInputSize, DEFAULT_DETECTOR_MODEL, DEFAULT_SCORE_THRESHOLD } from '../ml/detection/personDetector.js';
import { REPO_ROOT } from '../main/app.js';
import { demoStoreConfig } from '../main/config/demoStore.js';
import { writeResultsSection } from './lib/resultsSection.js';

const SHARED_DATA = path.resolve(REPO_ROOT, '../shared/data');

/**
 * Lines for the TUD sequences (640×480): a vertical line through the middle of
 * the image, and the right-hand line that bench/trackerBench.ts uses.
 */
const TUD_LINES: readonly (readonly [number, number, number, number])[] = [
  [320, 0, 320, 480],
  [480, 150, 480, 480],
];

interface Footage {
  name: string;
  video: string;
  /** MOT ground truth, or null when the footage has none. */
  groundTruth: string | null;
  lines: readonly (readonly [number, number, number, number])[];
}

interface AnalyzeOutput {
  frames: number;
  seconds: number;
  lines: { points: number[]; in: number; out: number }[];
}

function footageList(): Footage[] {
  const demoLine = demoStoreConfig(path.join(REPO_ROOT, 'data')).cameras[0]!.lines[0]!.points;
  return [
    { name: 'TUD-Campus', video: path.join(SHARED_DATA, 'tud-campus/TUD-Campus.mp4'), groundTruth: path.join(SHARED_DATA, 'tud-campus/gt.txt'), lines: TUD_LINES },
    { name: 'TUD-Stadtmitte', video: path.join(SHARED_DATA, 'tud-stadtmitte/TUD-Stadtmitte.mp4'), groundTruth: path.join(SHARED_DATA, 'tud-stadtmitte/gt.txt'), lines: TUD_LINES },
    { name: 'vtest.avi', video: path.join(REPO_ROOT, 'data/samples/vtest.avi'), groundTruth: null, lines: [demoLine] },
  ];
}

/** Runs `npm run analyze` on one video in a child process and returns its --json-out. */
function runAnalyze(footage: Footage): AnalyzeOutput {
  const jsonOut = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'playaisle-counting-')), 'counts.json');
  const args = ['tsx', 'main/cli/analyze.ts', '--video', footage.video, '--json-out', jsonOut, ...footage.lines.flatMap((line) => ['--line', line.join(',')])];
  console.log(`[counting] npx ${args.join(' ')}`);
  const result = spawnSync('npx', args, { cwd: REPO_ROOT, stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`analyze failed on ${footage.video} (exit code ${result.status})`);
  const output = JSON.parse(fs.readFileSync(jsonOut, 'utf8')) as AnalyzeOutput;
  fs.rmSync(path.dirname(jsonOut), { recursive: true, force: true });
  return output;
}

function formatCounts(counts: LineCounts): string {
  return `${counts.in} / ${counts.out}`;
}

/** Returns the table rows of one video: predicted and, when there is ground truth, expected counts per line. */
function tableRows(footage: Footage, output: AnalyzeOutput): string[] {
  const truthRows = footage.groundTruth ? parseMot(fs.readFileSync(footage.groundTruth, 'utf8')) : null;
  return footage.lines.map((line, index) => {
    const predicted = output.lines[index]!;
    const counts = { in: predicted.in, out: predicted.out };
    const segment = { start: { x: line[0], y: line[1] }, end: { x: line[2], y: line[3] } };
    const framesPerSecond = (output.frames / output.seconds).toFixed(1);
    const head = `| ${footage.name} | (${line.join(', ')}) | ${output.frames} | ${framesPerSecond} | ${formatCounts(counts)}`;
    if (!truthRows) return `${head} | no ground truth | – |`;
    const comparison = evaluateLineCounts(truthRows, counts, segment);
    return `${head} | ${formatCounts(comparison.groundTruth)} | ${comparison.totalAbsoluteError} |`;
  });
}

function main(): void {
  const { values } = parseArgs({ options: { results: { type: 'string' } }, strict: true });
  const rows: string[] = [];
  for (const footage of footageList()) {
    if (!fs.existsSync(footage.video)) {
      console.log(`[counting] skipping ${footage.name}: ${footage.video} is missing`);
      continue;
    }
    rows.push(...tableRows(footage, runAnalyze(footage)));
  }
  const detector = `${DEFAULT_DETECTOR_MODEL} at input ${defaultInputSize(DEFAULT_DETECTOR_MODEL)}, score threshold ${DEFAULT_SCORE_THRESHOLD}`;
  const markdown = [
    `Command: \`npx tsx bench/countingBench.ts --results bench/RESULTS.md\`, ${new Date().toISOString().slice(0, 10)}, ${os.cpus()[0]?.model ?? 'unknown CPU'}, ${os.cpus().length} cores, Node ${process.version}.`,
    '',
    `Each video goes through \`npm run analyze -- --video FILE --line x1,y1,x2,y2 …\` with the default detector (${detector}), ByteTracker and LineZone, on every frame.`,
    'Ground truth is the sequence\'s gt.txt (rows with flag 1) run through the same LineZone rule by ml/eval/lineCountEval.ts. Error is |in error| + |out error|.',
    'TUD lines: the middle of the image, and the line of the tracking benchmark above; both were fixed before their runs. vtest.avi uses the demo store\'s entrance line, where walking from right to left is `in`.',
    'These clips hold only a few crossings each, so the table shows that counting works end to end, not a rate of accuracy.',
    'frames/s is the analysis rate of one `analyze` run (all lines of a video share it), on cores that other work was using at the same time.',
    '',
    '| footage | line (x1, y1, x2, y2) | frames | frames/s | predicted in / out | ground truth in / out | error |',
    '|---|---|---|---|---|---|---|',
    ...rows,
  ].join('\n');
  console.log(markdown);
  if (values.results) writeResultsSection(values.results, 'Counting accuracy', markdown);
}

main();
