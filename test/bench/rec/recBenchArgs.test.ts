import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkOutputPaths, DEFAULT_ARGS, parseRecBenchArgs, UsageError } from '../../../bench/rec/args.js';

const root = mkdtempSync(join(tmpdir(), 'playaisle-recbenchargs-'));
afterAll(() => {
  chmodSync(join(root, 'read-only'), 0o755);
  rmSync(root, { recursive: true, force: true });
});
mkdirSync(join(root, 'read-only'));
chmodSync(join(root, 'read-only'), 0o555);
writeFileSync(join(root, 'plain-file'), '');
mkdirSync(join(root, 'a-folder'));

/** Returns the UsageError message that `run` throws; fails the test when nothing or something else is thrown. */
function usageMessage(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError);
    return (error as UsageError).message;
  }
  throw new Error('expected a UsageError, but nothing was thrown');
}

describe('parseRecBenchArgs', () => {
  it('reads every option', () => {
    const args = parseRecBenchArgs(['--data', 'D', '--protocol', 'refit', '--export-topk', 'E.tsv', '--seed', '-7', '--results', 'R.md']);
    expect(args).toEqual({ help: false, data: 'D', protocol: 'refit', exportTopk: 'E.tsv', seed: -7, results: 'R.md' });
  });

  it('returns the defaults without options', () => {
    expect(parseRecBenchArgs([])).toEqual(DEFAULT_ARGS);
  });

  it('returns help even beside a bad option', () => {
    expect(parseRecBenchArgs(['--seed', 'x', '--help']).help).toBe(true);
  });

  it('rejects bad options', () => {
    const cases: { argv: string[]; expected: string }[] = [
      // The value was left out, so the next option must not be taken as the file name.
      { argv: ['--export-topk', '--results', '/tmp/x.md'], expected: 'option --export-topk needs a value' },
      // Same for the last option on the line.
      { argv: ['--data', 'D', '--results'], expected: 'option --results needs a value' },
      // Trailing letters after digits, which parseInt would accept as 12.
      { argv: ['--seed', '12abc'], expected: '--seed must be an integer, got "12abc"' },
      // A fraction is not a whole number.
      { argv: ['--seed', '1.5'], expected: '--seed must be an integer, got "1.5"' },
      // Exponent notation is not accepted either.
      { argv: ['--seed', '1e3'], expected: '--seed must be an integer, got "1e3"' },
      // Beyond 2^53 the number would be rounded.
      { argv: ['--seed', '99999999999999999999'], expected: '--seed must be an integer' },
      // Empty string.
      { argv: ['--seed', ''], expected: '--seed must be an integer, got ""' },
      { argv: ['--protocol', 'loose'], expected: '--protocol must be strict or refit, got "loose"' },
      // An unknown option is named as unknown, even as the last argument.
      { argv: ['--data', 'D', '--bogus'], expected: 'unknown option "--bogus"' },
      // A stray value without an option.
      { argv: ['D'], expected: 'unknown option "D"' },
    ];
    for (const { argv, expected } of cases) {
      expect(usageMessage(() => parseRecBenchArgs(argv)), argv.join(' ')).toContain(expected);
    }
  });
});

describe('checkOutputPaths', () => {
  it('accepts new and existing files in writable folders', () => {
    writeFileSync(join(root, 'existing.md'), '# old\n');
    expect(() => checkOutputPaths({ results: join(root, 'existing.md'), exportTopk: join(root, 'new.tsv') })).not.toThrow();
    expect(() => checkOutputPaths({ results: join(root, 'new.md'), exportTopk: undefined })).not.toThrow();
  });

  it('rejects unusable output paths', () => {
    const missing = join(root, 'no-such-dir');
    const cases: { paths: { results: string; exportTopk: string | undefined }; expected: string[] }[] = [
      // The parent folder of the export does not exist.
      { paths: { results: join(root, 'R.md'), exportTopk: join(missing, 'out.tsv') }, expected: ['--export-topk', `folder ${missing} not found`] },
      // The parent folder of the results file does not exist.
      { paths: { results: join(missing, 'R.md'), exportTopk: undefined }, expected: ['--results', `folder ${missing} not found`] },
      // A file sits where the parent folder should be.
      { paths: { results: join(root, 'plain-file', 'R.md'), exportTopk: undefined }, expected: ['--results', `${join(root, 'plain-file')} is not a folder`] },
      // A file further up the path.
      { paths: { results: join(root, 'plain-file', 'sub', 'R.md'), exportTopk: undefined }, expected: ['--results', 'not found (ENOTDIR)'] },
      // The path itself is a folder.
      { paths: { results: join(root, 'R.md'), exportTopk: join(root, 'a-folder') }, expected: ['--export-topk', 'is a folder'] },
      // Both outputs name one file, so the results would overwrite the export.
      { paths: { results: join(root, 'same'), exportTopk: join(root, '.', 'same') }, expected: ['--export-topk and --results both name'] },
    ];
    for (const { paths, expected } of cases) {
      const message = usageMessage(() => checkOutputPaths(paths));
      for (const part of expected) expect(message, JSON.stringify(paths)).toContain(part);
    }
  });

  // Root may write to any folder, so the check has nothing to reject there.
  it.skipIf(process.getuid?.() === 0)('rejects a read-only folder (skipped as root)', () => {
    const message = usageMessage(() => checkOutputPaths({ results: join(root, 'read-only', 'R.md'), exportTopk: undefined }));
    expect(message).toContain('is not writable');
  });
});
