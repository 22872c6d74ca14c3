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
import { loadDataset } from './rec/loadDataset.js';
import { relabelItems } from './rec/permutation.js';
import { splitLeaveOneOut, type EvalCase, type Protocol } from './rec/protocol.js';
import { formatReport, type BenchRow } from './rec/report.js';
import { writeSubsection } from './rec/resultsFile.js';

interface Args {
  data: string;
  protocol: Protocol;
  exportTopk: string | undefined;
  seed: number;
  results: string;
}

const TOP_K = 20;
/** Test cases timed for the single-call latency percentiles. */
const LATENCY_CALLS = 2000;

const HELP = `Usage: npm run bench:rec -- [options]
  --data DIR            dataset folder with one NAME.txt and optional NAME_item2attributes.json (default ../shared/data/amazon-toys)
  --protocol P          strict (no refit before the test step) or refit (refit with the validation items); default strict
  --export-topk FILE    write "user<TAB>item item ..." with the hybrid's 20 ranked items for the test step, original ids
  --seed N              seed of the item id permutation (default 2024)
  --results FILE        markdown file whose Recommendation section is updated (default bench/RESULTS.md)`;

function parseArgs(argv: string[]): Args {
  if (argv.includes('--help')) {
    console.log(HELP);
    process.exit(0);
  }
  const args: Args = { data: '../shared/data/amazon-toys', protocol: 'strict', exportTopk: undefined, seed: 2024, results: 'bench/RESULTS.md' };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = argv[i + 1];
    if (value === undefined && flag !== undefined) throw new Error(`option ${flag} needs a value`);
    switch (flag) {
      case '--data': args.data = value!; break;
      case '--protocol':
        if (value !== 'strict' && value !== 'refit') throw new Error(`--protocol must be strict or refit, got "${value}"`);
        args.protocol = value;
        break;
      case '--export-topk': args.exportTopk = value; break;
      case '--seed':
        args.seed = Number.parseInt(value!, 10);
        if (!Number.isInteger(args.seed)) throw new Error(`--seed must be an integer, got "${value}"`);
        break;
      case '--results': args.results = value!; break;
      default: throw new Error(`unknown option "${flag}"\n${HELP}`);
    }
    i++;
  }
  return args;
}

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
  const args = parseArgs(process.argv.slice(2));
  const started = performance.now();
  const raw = loadDataset(args.data);
  const allItems = raw.users.flatMap((u) => u.items);
  const { toOpaque, toOriginal } = relabelItems([...raw.attributes.keys(), ...allItems], args.seed);
  const users = raw.users.map((u) => ({ userId: u.userId, items: u.items.map((id) => toOpaque.get(id)!) }));
  const catalog = buildCatalog(raw.attributes, toOpaque);
  const split = splitLeaveOneOut(users, args.protocol);
  console.log(`${raw.name}: ${users.length} users, ${catalog.length} items, ${allItems.length} interactions, protocol ${args.protocol}`);

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

try {
  main();
} catch (error) {
  console.error(`bench:rec failed: ${(error as Error).message}`);
  process.exit(1);
}
