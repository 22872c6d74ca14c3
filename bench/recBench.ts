/**
 * Recommender benchmark: leave-one-out evaluation of every model and the
 * searched hybrid on a sequential-recommendation dataset.
 *
 *   npm run bench:rec -- --data DIR [--protocol strict|refit] [--export-topk FILE] [--seed N] [--results FILE]
 *
 * Item ids are relabelled through a seeded random permutation before any
 * model is fitted (see rec/permutation.ts) and mapped back for the export.
 */
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { encodeTrainingData, type EncodedData } from '../ml/rec/dataset.js';
import { Hybrid } from '../ml/rec/hybrid.js';
import { rankOf, summarizeRanks, type RankingSummary } from '../ml/rec/metrics.js';
import type { ScoringRecommender } from '../ml/rec/scoringModel.js';
import { searchHybrid, type SearchCase } from '../ml/rec/search.js';
import { STANDARD_COMPONENTS } from '../ml/rec/searchSpace.js';
import type { ItemMeta, TrainingData } from '../ml/rec/types.js';
import { checkOutputPaths, HELP, parseRecBenchArgs } from './rec/args.js';
import { describeAttributes, loadDataset } from './rec/loadDataset.js';
import { relabelItems } from './rec/permutation.js';
import { splitLeaveOneOut, type EvalCase } from './rec/protocol.js';
import { formatReport, type BenchRow } from './rec/report.js';
import { writeSubsection } from './rec/resultsFile.js';

const TOP_K = 20;
/** Test cases timed for the single-call latency percentiles. */
const LATENCY_CALLS = 2000;

function buildCatalog(attributes: Map<string, string[]>, toOpaque: Map<string, string>): ItemMeta[] {
  // Catalog order = permuted label order, so dense indices carry no trace of the original ids.
  const items = [...toOpaque.entries()].map(([original, label]) => ({
    itemId: label,
    attributes: (attributes.get(original) ?? []).map((a) => `attr${a}`),
  }));
  return items.sort((a, b) => Number(a.itemId.slice(4)) - Number(b.itemId.slice(4)));
}

function encodeCases(cases: readonly EvalCase[], data: EncodedData): SearchCase[] {
  return cases.map((c) => ({
    input: Int32Array.from(c.input.map((id) => data.index.indexOf(id)).filter((i) => i >= 0)),
    target: data.index.indexOf(c.target),
  }));
}

function evaluate(model: ScoringRecommender, cases: readonly SearchCase[]): { summary: RankingSummary; top: Int32Array[] } {
  const top = cases.map((c) => model.rankIndices({ recent: c.input, excluded: new Set(c.input), context: {} }, TOP_K));
  const ranks = top.map((list, i) => rankOf(list, cases[i]!.target));
  return { summary: summarizeRanks(ranks), top };
}

/**
 * Wall-clock and CPU-time percentiles of one `recommend` call. On a shared
 * machine the wall-clock tail includes time the process waited for a core;
 * CPU time (process.cpuUsage, microsecond resolution) excludes it.
 */
function measureLatency(model: ScoringRecommender, cases: readonly EvalCase[]) {
  const wall: number[] = [];
  const cpu: number[] = [];
  const loadBefore = os.loadavg()[0]!;
  for (const c of cases.slice(0, LATENCY_CALLS)) {
    const startCpu = process.cpuUsage();
    const start = performance.now();
    model.recommend({ sessionItems: c.input }, TOP_K);
    wall.push(performance.now() - start);
    const used = process.cpuUsage(startCpu);
    cpu.push((used.user + used.system) / 1000);
  }
  const at = (values: number[], q: number) => values.sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(q * values.length))] ?? NaN;
  return { p50Ms: at(wall, 0.5), p99Ms: at(wall, 0.99), cpuP99Ms: at(cpu, 0.99), loadAverage: (loadBefore + os.loadavg()[0]!) / 2 };
}

function main(): void {
  const args = parseRecBenchArgs(process.argv.slice(2));
  if (args.help) {
    console.log(HELP);
    return;
  }
  checkOutputPaths(args);
  const started = performance.now();
  const raw = loadDataset(args.data);
  const allItems = raw.users.flatMap((u) => u.items);
  const { toOpaque, toOriginal } = relabelItems([...raw.attributes.keys(), ...allItems], args.seed);
  const users = raw.users.map((u) => ({ userId: u.userId, items: u.items.map((id) => toOpaque.get(id)!) }));
  const catalog = buildCatalog(raw.attributes, toOpaque);
  const split = splitLeaveOneOut(users, args.protocol);
  console.log(`${raw.name}: ${users.length} users, ${catalog.length} items, ${allItems.length} interactions, protocol ${args.protocol}`);
  console.log(describeAttributes(raw));

  const train: TrainingData = { sequences: split.train, items: catalog };
  const encodedTrain = encodeTrainingData(train);
  const searchStart = performance.now();
  const { hybrid, report } = searchHybrid(encodedTrain, encodeCases(split.validation, encodedTrain), STANDARD_COMPONENTS);
  const searchSeconds = (performance.now() - searchStart) / 1000;
  console.log(`search: ${searchSeconds.toFixed(1)} s`, JSON.stringify(report));

  // Fit time of the chosen configuration, from scratch, on the data the test step uses.
  const testData = encodeTrainingData({ sequences: split.testTrain, items: catalog });
  const fitStart = performance.now();
  hybrid.fitEncoded(testData);
  const fitSeconds = (performance.now() - fitStart) / 1000;

  const testCases = encodeCases(split.test, testData);
  const rows: BenchRow[] = hybrid.components.map((component, c) => ({
    name: report.components[c]!.name,
    summary: evaluate(component, testCases).summary,
    sizeBytes: component.save().length,
  }));
  if (hybrid.secondStage) {
    const firstStage = Hybrid.fromFitted(hybrid.components, hybrid.weights);
    rows.push({ name: 'hybrid, first stage only', summary: evaluate(firstStage, testCases).summary, sizeBytes: firstStage.save().length });
  }
  const hybridResult = evaluate(hybrid, testCases);
  const latency = measureLatency(hybrid, split.test);
  rows.push({ name: 'hybrid', summary: hybridResult.summary, sizeBytes: hybrid.save().length, fitSeconds, ...latency });

  if (args.exportTopk) {
    const lines = split.test.map((c, i) => {
      const labels = Array.from(hybridResult.top[i]!, (item) => toOriginal.get(testData.index.idAt(item))!);
      return `${c.userId}\t${labels.join(' ')}`;
    });
    writeFileSync(args.exportTopk, `${lines.join('\n')}\n`);
  }

  const totalSeconds = (performance.now() - started) / 1000;
  const markdown = formatReport({ datasetName: raw.name, args, rows, report, searchSeconds, totalSeconds, machine: `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'unknown CPU'}, Node ${process.version}` });
  console.log(markdown);
  writeSubsection(args.results, 'Recommendation', `${raw.name}, ${args.protocol} protocol`, markdown);
}

// A reader that stops early (`| head`) is no failure, because the results file is written either way.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
});

try {
  main();
} catch (error) {
  console.error(`bench:rec failed: ${(error as Error).message}`);
  process.exit(1);
}
