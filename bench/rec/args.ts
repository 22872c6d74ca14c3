/**
 * Command-line options of `npm run bench:rec`, and the checks on the output
 * paths that run before any data is loaded.
 */
import { accessSync, constants, statSync, type Stats } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Protocol } from './protocol.js';

/** A mistake in the options. Its message names the option and the fix. */
export class UsageError extends Error {
  readonly code = 'invalid_arguments';
}

export interface RecBenchArgs {
  help: boolean;
  data: string;
  protocol: Protocol;
  exportTopk: string | undefined;
  seed: number;
  results: string;
}

export const DEFAULT_ARGS: Readonly<RecBenchArgs> = {
  help: false,
  data: '../shared/data/amazon-toys',
  protocol: 'strict',
  exportTopk: undefined,
  seed: 2024,
  results: 'bench/RESULTS.md',
};

export const HELP = `Usage: npm run bench:rec -- [options]
  --data DIR            dataset folder with one NAME.txt and optional NAME_item2attributes.json (default ${DEFAULT_ARGS.data})
  --protocol P          strict (no refit before the test step) or refit (refit with the validation items); default ${DEFAULT_ARGS.protocol}
  --export-topk FILE    write "user<TAB>item item ..." with the hybrid's 20 ranked items for the test step, original ids
  --seed N              seed of the item id permutation, a whole number (default ${DEFAULT_ARGS.seed})
  --results FILE        markdown file whose Recommendation section is updated (default ${DEFAULT_ARGS.results})
  --help                show this help`;

const VALUE_OPTIONS = new Set(['--data', '--protocol', '--export-topk', '--seed', '--results']);

/** Parses the options and throws UsageError on a mistake. `--help` anywhere returns `help: true` and skips the other checks. */
export function parseRecBenchArgs(argv: readonly string[]): RecBenchArgs {
  if (argv.includes('--help') || argv.includes('-h')) return { ...DEFAULT_ARGS, help: true };
  const args: RecBenchArgs = { ...DEFAULT_ARGS };
  for (let i = 0; i < argv.length; i += 2) {
    const flag = argv[i]!;
    const value = argv[i + 1];
    if (!VALUE_OPTIONS.has(flag)) throw new UsageError(`unknown option "${flag}"\n${HELP}`);
    // A following option means the value was left out, e.g. `--export-topk --results R.md`.
    if (value === undefined || value.startsWith('--')) throw new UsageError(`option ${flag} needs a value`);
    switch (flag) {
      case '--data': args.data = value; break;
      case '--protocol': args.protocol = parseProtocol(value); break;
      case '--export-topk': args.exportTopk = value; break;
      case '--seed': args.seed = parseSeed(value); break;
      case '--results': args.results = value; break;
    }
  }
  return args;
}

function parseProtocol(value: string): Protocol {
  if (value !== 'strict' && value !== 'refit') throw new UsageError(`--protocol must be strict or refit, got "${value}"`);
  return value;
}

function parseSeed(value: string): number {
  const seed = /^-?\d+$/.test(value) ? Number(value) : NaN;
  if (!Number.isSafeInteger(seed)) throw new UsageError(`--seed must be an integer, got "${value}"`);
  return seed;
}

/**
 * Throws UsageError unless the export and results files can be written, so a
 * bad path fails at once and not after the whole run. Checks that each parent
 * folder exists, is a folder and is writable, and that an existing file at the
 * path is writable and not a folder. Run as root, the writable checks pass for
 * any path.
 */
export function checkOutputPaths(args: Pick<RecBenchArgs, 'exportTopk' | 'results'>): void {
  const outputs: [option: string, path: string][] = [['--results', args.results]];
  if (args.exportTopk !== undefined) outputs.push(['--export-topk', args.exportTopk]);
  for (const [option, path] of outputs) checkOutputPath(option, path);

  if (args.exportTopk !== undefined && resolve(args.exportTopk) === resolve(args.results)) {
    throw new UsageError(`--export-topk and --results both name ${args.results}. Pass two different files`);
  }
}

function checkOutputPath(option: string, path: string): void {
  const folder = dirname(resolve(path));
  let folderStat: Stats;
  try {
    folderStat = statSync(folder);
  } catch (error) {
    // ENOENT, or ENOTDIR when a component higher up in the path is a file.
    throw new UsageError(`${option} ${path}: folder ${folder} not found (${(error as NodeJS.ErrnoException).code}). Create it or pass a path in an existing folder`);
  }
  if (!folderStat.isDirectory()) throw new UsageError(`${option} ${path}: ${folder} is not a folder`);
  if (!isWritable(folder)) throw new UsageError(`${option} ${path}: folder ${folder} is not writable. Pass a path in a folder you can write to`);

  const fileStat = statSync(path, { throwIfNoEntry: false });
  if (fileStat?.isDirectory()) throw new UsageError(`${option} ${path} is a folder. Pass a file path`);
  if (fileStat && !isWritable(path)) throw new UsageError(`${option} ${path} exists and is not writable. Make it writable or pass another path`);
}

function isWritable(path: string): boolean {
  try {
    accessSync(path, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}
