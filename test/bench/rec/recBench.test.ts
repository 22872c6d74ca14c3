/**
 * Runs the real `bench:rec` command on a small generated dataset in the
 * Amazon Toys format, then rescores its export with the independent Python
 * script, as an outside evaluator would.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { seededRandom } from '../../../ml/util/seededRandom.js';

const dir = mkdtempSync(join(tmpdir(), 'playaisle-recbench-'));
const dataDir = join(dir, 'Shop');
const ITEMS = 60;
const USERS = 300;

/** Users walk a chain of items (k → k+1) with random jumps, so the sequence models have something to find. */
function writeDataset(): Map<string, string[]> {
  const random = seededRandom(7);
  const users = new Map<string, string[]>();
  const lines: string[] = [];
  for (let u = 1; u <= USERS; u++) {
    const length = 5 + Math.floor(random() * 6);
    const items: number[] = [1 + Math.floor(random() * ITEMS)];
    while (items.length < length) {
      const next = random() < 0.7 ? (items[items.length - 1]! % ITEMS) + 1 : 1 + Math.floor(random() * ITEMS);
      if (!items.includes(next)) items.push(next);
    }
    users.set(String(u), items.map(String));
    lines.push(`${u} ${items.join(' ')}`);
  }
  execFileSync('mkdir', ['-p', dataDir]);
  writeFileSync(join(dataDir, 'Shop.txt'), `${lines.join('\n')}\n`);
  const attributes = Object.fromEntries(Array.from({ length: ITEMS }, (_, i) => [String(i + 1), [i % 6, 100 + (i % 4)]]));
  writeFileSync(join(dataDir, 'Shop_item2attributes.json'), JSON.stringify(attributes));
  return users;
}

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('npm run bench:rec', () => {
  it('evaluates, exports and rescores a dataset in the sequence format', () => {
    const users = writeDataset();
    const exportPath = join(dir, 'topk.tsv');
    const resultsPath = join(dir, 'RESULTS.md');
    const output = execFileSync('npx', ['tsx', 'bench/recBench.ts', '--data', dataDir, '--export-topk', exportPath, '--results', resultsPath], { encoding: 'utf8', stdio: 'pipe', timeout: 240_000 });
    expect(output).toContain(`attributes: loaded Shop_item2attributes.json (${ITEMS} items)`);

    // One line per user: 20 distinct items, none from that user's input.
    const lines = readFileSync(exportPath, 'utf8').trim().split('\n');
    expect(lines).toHaveLength(USERS);
    for (const line of lines) {
      const [user, list] = line.split('\t');
      const items = list!.split(' ');
      expect(new Set(items).size).toBe(20);
      const input = users.get(user!)!.slice(0, -1);
      expect(items.filter((item) => input.includes(item))).toEqual([]);
    }

    const results = readFileSync(resultsPath, 'utf8');
    const hybridRow = results.split('\n').find((l) => l.startsWith('| hybrid |'))!;
    const [hr10, ndcg10, hr20, ndcg20] = hybridRow.split('|').slice(2, 6).map((cell) => cell.trim());
    const popularityRow = results.split('\n').find((l) => l.startsWith('| popularity |'))!;
    expect(Number(hr10)).toBeGreaterThan(Number(popularityRow.split('|')[2]));
    // 300 users are too few for the second stage, and the report gives the reason.
    expect(results).toContain('Second stage: not used (too few validation users');

    const python = spawnSync('python3', ['bench/rec/score_topk.py', dataDir, exportPath], { encoding: 'utf8' });
    if (python.error) {
      console.warn(`python3 is not installed, so the export was not rescored independently: ${python.error.message}`);
      return;
    }
    expect(python.status, python.stderr).toBe(0);
    expect(python.stdout).toContain(`HR@10 ${hr10}\nNDCG@10 ${ndcg10}\nHR@20 ${hr20}\nNDCG@20 ${ndcg20}`);
    expect(python.stdout).toContain('lists containing an earlier item of the user 0');
  });

  it('checks output folders before loading data', () => {
    // The dataset folder is missing too, so an error about it would mean the data was read first.
    const result = runBench(['--data', join(dir, 'no-such-data'), '--export-topk', join(dir, 'no-such-dir', 'out.tsv')]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`bench:rec failed: --export-topk ${join(dir, 'no-such-dir', 'out.tsv')}: folder ${join(dir, 'no-such-dir')} not found`);
  });

  it('leaves the results file untouched on bad data', () => {
    const badDir = join(dir, 'Bad');
    mkdirSync(badDir);
    writeFileSync(join(badDir, 'Bad.txt'), '1 10 11\n2 11 12\n');
    writeFileSync(join(badDir, 'Bad_item2attributes.json'), '{"10": [1], "11": [2],}');
    const resultsPath = join(dir, 'kept.md');
    const earlierResults = '# Benchmark results\n\n## Detection\n\nearlier rows\n';
    writeFileSync(resultsPath, earlierResults);

    const result = runBench(['--data', badDir, '--results', resultsPath]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`${join(badDir, 'Bad_item2attributes.json')} is not valid JSON`);
    expect(readFileSync(resultsPath, 'utf8')).toBe(earlierResults);
    expect(existsSync(`${resultsPath}.tmp`)).toBe(false);
  });
});

/** Runs `bench:rec` with `args` and a results file in the temporary folder unless `args` names one. */
function runBench(args: string[]) {
  const withResults = args.includes('--results') ? args : [...args, '--results', join(dir, 'RESULTS.md')];
  return spawnSync('npx', ['tsx', 'bench/recBench.ts', ...withResults], { encoding: 'utf8', timeout: 60_000 });
}
