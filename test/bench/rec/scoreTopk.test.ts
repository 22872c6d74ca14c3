/**
 * Runs the real bench/rec/score_topk.py with python3 on small hand-made
 * datasets and exports. Skipped when python3 is not installed.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const PYTHON_MISSING = spawnSync('python3', ['--version']).error !== undefined;
const EXIT_INVALID_INPUT = 2;

const root = mkdtempSync(join(tmpdir(), 'playaisle-scoretopk-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const dataDir = join(root, 'Shop');
mkdirSync(dataDir);
// Targets are each user's last item: u1 → c, u2 → d, u3 → y, u4 → z (u4 has no history).
writeFileSync(join(dataDir, 'Shop.txt'), 'u1 a b c\nu2 b c d\nu3 x y\nu4 z\n');
writeFileSync(join(dataDir, 'README.txt'), 'not a sequence file');

const fillers = Array.from({ length: 10 }, (_, i) => `f${i}`).join(' ');
// u1 hits at rank 1, u2 at rank 3 with its earlier item b in the list, u3 at rank 11, u4 is missing.
const EXPORT = `u1\tc d e\nu2\te b d\nu3\t${fillers} y\n`;
// Hand-computed over 4 users: HR@10 = 2/4, NDCG@10 = (1 + 1/log2(4)) / 4, HR@20 = 3/4,
// NDCG@20 = (1 + 0.5 + 1/log2(12)) / 4 = (1.5 + 0.27894) / 4.
const EXPECTED_METRICS = 'HR@10 0.5000\nNDCG@10 0.3750\nHR@20 0.7500\nNDCG@20 0.4447\n';

function writeExport(name: string, text: string): string {
  const path = join(root, name);
  writeFileSync(path, text);
  return path;
}

function score(...args: string[]) {
  return spawnSync('python3', ['bench/rec/score_topk.py', ...args], { encoding: 'utf8' });
}

describe.skipIf(PYTHON_MISSING)('score_topk.py (skipped without python3)', () => {
  it('scores an export against the dataset', () => {
    const result = score(dataDir, writeExport('good.tsv', EXPORT));
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toBe(`${EXPECTED_METRICS}users 4, exported 3, lists containing an earlier item of the user 1\n`);
    expect(result.stderr).toBe('');
  });

  it('warns about export users missing from the dataset', () => {
    const result = score(dataDir, writeExport('ghosts.tsv', `${EXPORT}ghost1\tc\n\nghost2\td\n`));
    expect(result.status, result.stderr).toBe(0);
    // Unknown users change neither the averages nor the user count.
    expect(result.stdout).toContain(`${EXPECTED_METRICS}users 4, exported 5,`);
    expect(result.stderr).toContain('warning: 2 of 5 users in');
    expect(result.stderr).toContain('are not in');
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('rejects bad input with one line and status 2', () => {
    const goodExport = writeExport('export.tsv', EXPORT);
    const emptyDir = join(root, 'empty');
    mkdirSync(emptyDir);
    const duplicateDir = join(root, 'duplicate');
    mkdirSync(duplicateDir);
    writeFileSync(join(duplicateDir, 'Shop.txt'), 'u1 a b\nu2 b c\nu1 c d\n');
    const cases: { name: string; args: string[]; expected: string }[] = [
      // The export path is wrong.
      { name: 'missing export', args: [dataDir, join(root, 'no-such.tsv')], expected: `export file ${join(root, 'no-such.tsv')} not found` },
      // The dataset folder is wrong.
      { name: 'missing dataset folder', args: [join(root, 'nowhere'), goodExport], expected: `dataset folder ${join(root, 'nowhere')} not found` },
      // The dataset argument names the sequence file, not its folder.
      { name: 'dataset file as folder', args: [join(dataDir, 'Shop.txt'), goodExport], expected: 'is not a folder' },
      // No NAME.txt in the folder.
      { name: 'empty dataset folder', args: [emptyDir, goodExport], expected: `expected one NAME.txt in ${emptyDir}, found 0: none` },
      // The same user twice, which the TypeScript loader also rejects.
      { name: 'duplicate user', args: [duplicateDir, goodExport], expected: 'user u1 appears on line 1 and line 3' },
      // Wrong argument count.
      { name: 'one argument', args: [dataDir], expected: 'usage: score_topk.py DATA_DIR TOPK_FILE' },
    ];
    for (const { name, args, expected } of cases) {
      const result = score(...args);
      expect(result.status, name).toBe(EXIT_INVALID_INPUT);
      expect(result.stderr, name).toContain(expected);
      expect(result.stderr, name).not.toContain('Traceback');
      expect(result.stderr.trim().split('\n'), name).toHaveLength(1);
      expect(result.stdout, name).toBe('');
    }
  });
});
