/**
 * Measures the kiosk catalog's start-up and request costs on the demo data:
 * importing the catalog into a fresh SQLite file, the skipped import of an
 * unchanged catalog, fitting the similar-toys and recommendation models, and
 * one `similar()` or `recommend()` call. Results replace the "Catalog and
 * kiosk recommendations" section of bench/RESULTS.md.
 *
 * Run: npx tsx bench/catalogBench.ts [--runs N]
 */
import fs from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import path from 'node:path';
import { defaultCatalogPaths } from '../main/catalog/catalogFiles.js';
import { syncCatalog } from '../main/catalog/catalogImport.js';
import { CatalogStore } from '../main/catalog/catalogStore.js';
import { createSilentLogger } from '../main/log/logger.js';
import { RecommendationService, type RecommenderFitReport } from '../main/rec/recommendationService.js';
import { SimilarToys } from '../main/rec/similarToys.js';
import { ChineseEnglishTokenizer } from '../ml/text/tokenizer.js';
import { openDatabase } from '../main/storage/database.js';
import { writeResultsSection } from './lib/resultsSection.js';

const ASSETS_DIR = path.join(import.meta.dirname, '..', 'assets');
const RESULTS_PATH = path.join(import.meta.dirname, 'RESULTS.md');
const DEFAULT_RUNS = 5;
/** Calls timed per request kind in each run. More gives steadier percentiles but a longer run. */
const CALLS_PER_RUN = 40;

interface Timings {
  tokenizerMs: number[];
  importMs: number[];
  unchangedMs: number[];
  similarFitMs: number[];
  recommenderFitMs: number[];
  similarCallMs: number[];
  recommendCallMs: number[];
  /** The kiosk hybrid's start-up search result of the last run; the search is seeded, so every run gives the same. */
  fitReport?: RecommenderFitReport;
}

function timeMs<T>(work: () => T): { result: T; ms: number } {
  const started = performance.now();
  const result = work();
  return { result, ms: performance.now() - started };
}

function percentile(values: readonly number[], share: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(share * sorted.length))] ?? Number.NaN;
}

function runOnce(timings: Timings, run: number): void {
  const dir = fs.mkdtempSync(path.join(tmpdir(), 'playaisle-catalog-bench-'));
  const logger = createSilentLogger();
  try {
    const db = openDatabase(path.join(dir, 'playaisle.db'), logger);
    const paths = defaultCatalogPaths(ASSETS_DIR);
    timings.importMs.push(timeMs(() => syncCatalog(db, paths, logger)).ms);
    timings.unchangedMs.push(timeMs(() => syncCatalog(db, paths, logger)).ms);

    const catalog = new CatalogStore(db);
    const tokenizer = timeMs(() => new ChineseEnglishTokenizer());
    timings.tokenizerMs.push(tokenizer.ms);
    const similar = timeMs(() => SimilarToys.fit(catalog, logger, tokenizer.result));
    timings.similarFitMs.push(similar.ms);
    const recommender = timeMs(() => RecommendationService.fit(catalog, logger));
    timings.recommenderFitMs.push(recommender.ms);
    timings.fitReport = recommender.result.fitReport;

    const ids = catalog.listProductRecords().map((product) => product.id);
    for (let call = 0; call < CALLS_PER_RUN; call++) {
      const id = ids[(run * CALLS_PER_RUN + call * 7) % ids.length]!;
      timings.similarCallMs.push(timeMs(() => similar.result.similar(id, 'zh-CN', 8)).ms);
      const request = { lang: 'zh-CN' as const, visitItems: [id], quiz: { ageYears: 6 }, k: 12 };
      timings.recommendCallMs.push(timeMs(() => recommender.result.recommend(request)).ms);
    }
    db.close();
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Describes the kiosk hybrid's start-up search, which `RecommendationService.fit` includes. */
function describeSearch(report: RecommenderFitReport | undefined): string {
  if (!report) return '';
  const cases = `${report.nextVisitCases + report.basketHoldoutCases} validation cases from the demo baskets (${report.nextVisitCases} next-visit cases of repeat members, ${report.basketHoldoutCases} held-out basket items)`;
  if (report.source === 'default') {
    return `\`RecommendationService.fit\` found only ${cases}, too few to search, so it used the default blend weights.`;
  }
  const weights = Object.entries(report.weights).map(([name, weight]) => `${name} ${weight}`).join(', ');
  return [
    `\`RecommendationService.fit\` includes the start-up search of the kiosk hybrid (main/rec/kioskHybridSearch.ts) on ${cases}, then a refit on all baskets.`,
    `It chose the blend weights ${weights} and component settings ${JSON.stringify(report.settings)}, with validation NDCG@10 ${report.validationNdcg10?.toFixed(3) ?? 'n/a'}.`,
    'That NDCG is optimistic, because the search chose its settings on the same cases.',
  ].join(' ');
}

function parseRuns(argv: readonly string[]): number {
  const index = argv.indexOf('--runs');
  if (index < 0) return DEFAULT_RUNS;
  const value = Number(argv[index + 1]);
  if (!Number.isInteger(value) || value < 1 || value > 100) throw new Error(`Invalid --runs "${argv[index + 1]}": expected an integer from 1 to 100.`);
  return value;
}

function main(): void {
  const runs = parseRuns(process.argv.slice(2));
  const timings: Timings = { tokenizerMs: [], importMs: [], unchangedMs: [], similarFitMs: [], recommenderFitMs: [], similarCallMs: [], recommendCallMs: [] };
  for (let run = 0; run < runs; run++) runOnce(timings, run);

  const row = (name: string, values: readonly number[]): string =>
    `| ${name} | ${values.length} | ${percentile(values, 0.5).toFixed(1)} | ${percentile(values, 0.9).toFixed(1)} | ${Math.max(...values).toFixed(1)} |`;
  const basketsFile = JSON.parse(fs.readFileSync(defaultCatalogPaths(ASSETS_DIR).baskets, 'utf8')) as { baskets: unknown[] };
  const body = [
    `Command: \`npx tsx bench/catalogBench.ts --runs ${runs}\`, ${new Date().toISOString().slice(0, 10)}, ${cpus()[0]?.model ?? 'unknown CPU'}, ${cpus().length} cores (shared with other work), Node ${process.version}.`,
    '',
    `Demo data: assets/catalog (205 toys, ${basketsFile.baskets.length} synthetic baskets). Each run uses a fresh SQLite file in the temp folder. Constructing the tokenizer loads the jieba dictionary, so it is timed on its own and passed to \`SimilarToys.fit\`. The fit time that \`SimilarToys.fit\` logs also leaves it out. \`RecommendationService.fit\` includes ContentTfidf's own tokenizer construction. Calls: ${CALLS_PER_RUN} per run, spread over the catalog; \`similar\` asks for 8 toys and \`recommend\` for 12 with one visited toy and a quiz age.`,
    '',
    '| step | samples | p50 ms | p90 ms | max ms |',
    '|---|---|---|---|---|',
    row('import into an empty database', timings.importMs),
    row('sync of an unchanged catalog', timings.unchangedMs),
    row('ChineseEnglishTokenizer construction', timings.tokenizerMs),
    row('SimilarToys.fit with that tokenizer', timings.similarFitMs),
    row('RecommendationService.fit', timings.recommenderFitMs),
    row('similar() call', timings.similarCallMs),
    row('recommend() call', timings.recommendCallMs),
    '',
    describeSearch(timings.fitReport),
  ].join('\n');
  writeResultsSection(RESULTS_PATH, 'Catalog and kiosk recommendations', body);
  console.log(body);
  console.log(`\nWrote the "Catalog and kiosk recommendations" section of ${RESULTS_PATH}.`);
}

main();
