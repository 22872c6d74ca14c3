/** Markdown report of one recommender benchmark run. */
import type { RankingSummary } from '../../ml/rec/metrics.js';
import type { SearchReport } from '../../ml/rec/search.js';

export interface BenchRow {
  name: string;
  summary: RankingSummary;
  sizeBytes: number;
  fitSeconds?: number;
  p50Ms?: number;
  p99Ms?: number;
  /** CPU-time p99 of one call, which excludes waiting for a core. */
  cpuP99Ms?: number;
  /** 1-minute load average of the machine while latency was measured. */
  loadAverage?: number;
}

interface ReportInput {
  /** The sequence file's NAME; published rows and accuracy targets exist only for Toys_and_Games. */
  datasetName: string;
  args: { data: string; protocol: string; exportTopk: string | undefined; seed: number };
  rows: BenchRow[];
  report: SearchReport;
  searchSeconds: number;
  totalSeconds: number;
  machine: string;
}

/**
 * Targets for the hybrid, and the best published full-ranking rows on the
 * S3-Rec preparation of Amazon "Toys and Games" (the file Toys_and_Games.txt).
 * The accuracy targets and published rows apply to that dataset only.
 */
const PUBLISHED_DATASET = 'Toys_and_Games';
const TARGETS = { hr10: 0.115, ndcg10: 0.074, hr20: 0.144, ndcg20: 0.082, fitSeconds: 60, p99Ms: 5, sizeMb: 50 };
const PUBLISHED = [
  'ICSRec (WSDM 2024) | 0.1055 | 0.0657 | 0.1368 | 0.0736',
  'S3-Rec (CIKM 2020) | 0.0700 | 0.0376 | 0.1065 | 0.0468',
  'SASRec (as reported by S3-Rec) | 0.0675 | 0.0374 | 0.0941 | 0.0441',
];

const f4 = (x: number) => x.toFixed(4);
const mb = (bytes: number) => (bytes / 1_048_576).toFixed(2);
const opt = (x: number | undefined, digits: number) => (x === undefined ? '' : x.toFixed(digits));

export function formatReport(input: ReportInput): string {
  const { args, rows, report } = input;
  const hybrid = rows.find((r) => r.name === 'hybrid');
  const published = input.datasetName === PUBLISHED_DATASET;
  const lines = [
    `Command: \`npm run bench:rec -- --data ${args.data} --protocol ${args.protocol} --seed ${args.seed}${args.exportTopk ? ` --export-topk ${args.exportTopk}` : ''}\``,
    `Run: ${new Date().toISOString()} on ${input.machine}.`,
    '',
    `Leave-one-out over all ${rows[0]?.summary.cases ?? 0} users (protocol **${args.protocol}**). Each user's test item is ranked against every catalog item except the items in that user's input sequence (all earlier items). Item ids are relabelled through a random permutation seeded with ${args.seed} before any model is fitted, so no model can use the numeric order of the original ids; the export maps them back.`,
    '',
    '| model | HR@10 | NDCG@10 | HR@20 | NDCG@20 | saved size (MB) | fit (s) | recommend p50 (ms) | recommend p99 (ms) |',
    '|---|---|---|---|---|---|---|---|---|',
    ...rows.map((r) =>
      `| ${r.name} | ${f4(r.summary.hr10)} | ${f4(r.summary.ndcg10)} | ${f4(r.summary.hr20)} | ${f4(r.summary.ndcg20)} | ${mb(r.sizeBytes)} | ${opt(r.fitSeconds, 1)} | ${opt(r.p50Ms, 2)} | ${opt(r.p99Ms, 2)} |`,
    ),
    ...(published ? PUBLISHED.map((row) => `| ${row} | | | | |`) : []),
    '',
    `Component rows are each component alone, with the settings the search chose${report.secondStage?.used ? '; "first stage only" is the weighted blend without the second-stage trees' : ''}. Fit time is a fresh fit of the chosen hybrid; the search before it (component settings, blend weights${report.secondStage ? ' and second-stage trees' : ''}) took ${input.searchSeconds.toFixed(1)} s. Latency is the wall-clock time of one \`recommend\` call for k = 20 with explanations, over the first ${Math.min(2000, rows[0]?.summary.cases ?? 0)} test users${hybrid?.cpuP99Ms === undefined ? '' : `; its CPU-time p99 was ${hybrid.cpuP99Ms.toFixed(2)} ms while the machine's load average was ${hybrid.loadAverage?.toFixed(1)}`}. Whole run: ${input.totalSeconds.toFixed(0)} s.`,
    '',
  ];
  if (args.exportTopk) {
    lines.push(`The export can be rescored without this code: \`python3 bench/rec/score_topk.py ${args.data} ${args.exportTopk}\`.`, '');
  }
  if (hybrid) lines.push(...targetLines(hybrid, published), '');
  lines.push(
    `Search (validation step, ${report.casesUsed} sampled users): blend weights ${report.weights.map((w) => w.toFixed(3)).join(', ')} (pool NDCG@10 ${f4(report.blendNdcg10)}).`,
    '',
    ...report.components.map((c) => `- ${c.name}: ${JSON.stringify(c.settings)}, validation NDCG@10 ${f4(c.ndcg10)}, ${c.evaluations} settings tried`),
  );
  if (report.secondStage) lines.push('', secondStageLine(report.secondStage));
  return lines.join('\n');
}

function secondStageLine(stage: NonNullable<SearchReport['secondStage']>): string {
  const lists = `${stage.cases} validation users (${stage.usefulCases} with their validation item among the candidates)`;
  const heldOut = `held-out NDCG@10 ${f4(stage.heldOutTreesNdcg10)} against ${f4(stage.heldOutBlendNdcg10)} for the blend's order`;
  if (stage.used) return `Second stage: ${stage.trees} trees trained on ${lists} in ${stage.trainSeconds.toFixed(1)} s, ${heldOut}.`;
  return `Second stage: not used (${stage.reason === 'too_few_cases' ? 'too few validation users with their item among the candidates' : 'no gain on held-out users'}); ${lists}, ${heldOut}.`;
}

function targetLines(hybrid: BenchRow, published: boolean): string[] {
  const check = (label: string, value: number, target: number, higherIsBetter: boolean, digits: number) =>
    `- ${label} ${value.toFixed(digits)} (target ${higherIsBetter ? '≥' : '≤'} ${target}): ${(higherIsBetter ? value >= target : value <= target) ? 'met' : 'missed'}`;
  const s = hybrid.summary;
  const accuracy = published
    ? [
        check('HR@10', s.hr10, TARGETS.hr10, true, 4),
        check('NDCG@10', s.ndcg10, TARGETS.ndcg10, true, 4),
        check('HR@20', s.hr20, TARGETS.hr20, true, 4),
        check('NDCG@20', s.ndcg20, TARGETS.ndcg20, true, 4),
      ]
    : [`- accuracy: no published results for this dataset are built in; compare the hybrid row with results reported under the same protocol`];
  return [
    published ? 'Targets for the hybrid (accuracy targets set for the strict protocol on Amazon Toys):' : 'Targets for the hybrid:',
    '',
    ...accuracy,
    check('fit seconds', hybrid.fitSeconds ?? NaN, TARGETS.fitSeconds, false, 1),
    check('recommend p99 ms', hybrid.p99Ms ?? NaN, TARGETS.p99Ms, false, 2),
    check('saved MB', hybrid.sizeBytes / 1_048_576, TARGETS.sizeMb, false, 2),
  ];
}
