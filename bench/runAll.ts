/**
 * Run every benchmark in turn; each one writes its own section of
 * bench/RESULTS.md. Benchmarks that need ../shared/data print a skip line and
 * do not run when it is absent.
 *
 * Run: npm run bench [-- --only NAME[,NAME…]] [-- --quick]
 * `--quick` runs the detector benchmark on every 5th frame only (about 70 s
 * instead of about 6 min on 2 cores).
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.join(import.meta.dirname, '..');
const SHARED_DATA = path.join(ROOT, '..', 'shared', 'data');

interface Bench {
  name: string;
  script: string;
  args: (quick: boolean) => string[];
  needsSharedData: boolean;
}

const BENCHES: Bench[] = [
  { name: 'decode', script: 'bench/decodeBench.ts', args: () => [], needsSharedData: true },
  { name: 'tracker', script: 'bench/trackerBench.ts', args: () => [], needsSharedData: true },
  { name: 'detector', script: 'bench/detectorBench.ts', args: (quick) => (quick ? ['--quick'] : []), needsSharedData: true },
  { name: 'counting', script: 'bench/countingBench.ts', args: () => ['--results', 'bench/RESULTS.md'], needsSharedData: true },
  { name: 'pipeline', script: 'bench/pipelineBench.ts', args: () => [], needsSharedData: true },
  { name: 'catalog', script: 'bench/catalogBench.ts', args: () => [], needsSharedData: false },
  {
    name: 'rec',
    script: 'bench/recBench.ts',
    args: () => ['--data', path.join(SHARED_DATA, 'amazon-toys')],
    needsSharedData: true,
  },
];

function parseOnly(argv: string[]): Set<string> | null {
  const index = argv.indexOf('--only');
  if (index < 0) return null;
  const value = argv[index + 1];
  if (!value) throw new Error('--only needs a comma-separated list, e.g. --only decode,tracker');
  return new Set(value.split(','));
}

function main(): void {
  const argv = process.argv.slice(2);
  const only = parseOnly(argv);
  const quick = argv.includes('--quick');
  const failed: string[] = [];
  for (const bench of BENCHES) {
    if (only && !only.has(bench.name)) continue;
    if (bench.needsSharedData && !existsSync(SHARED_DATA)) {
      console.log(`[bench] ${bench.name}: skipped, ${SHARED_DATA} is missing`);
      continue;
    }
    console.log(`[bench] ${bench.name}: npx tsx ${bench.script} ${bench.args(quick).join(' ')}`);
    const result = spawnSync('npx', ['tsx', bench.script, ...bench.args(quick)], { cwd: ROOT, stdio: 'inherit' });
    if (result.status !== 0) failed.push(bench.name);
  }
  console.log(failed.length ? `[bench] failed: ${failed.join(', ')}` : '[bench] all done; see bench/RESULTS.md');
  process.exitCode = failed.length ? 1 : 0;
}

main();
