/**
 * Reads a sequential-recommendation dataset folder: one `NAME.txt` with a
 * user a line (`user item1 item2 …`, time order) and an optional
 * `NAME_item2attributes.json` (item id → list of attribute ids).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** A dataset folder or file that the benchmark cannot use. Its message names the file and the fix. */
export class DatasetError extends Error {
  readonly code = 'invalid_dataset';
}

export interface RawDataset {
  name: string;
  /** Folder the dataset was read from. */
  dir: string;
  /** User id and item ids as written in the file. */
  users: { userId: string; items: string[] }[];
  /** Item id → attribute ids as strings; empty when the file is absent. */
  attributes: Map<string, string[]>;
  /** File name of the attributes file, or undefined when the folder has none. */
  attributesFile: string | undefined;
  /** The folder's other `.json` files, named as a hint when the attributes file is missing. */
  otherJsonFiles: string[];
}

const ATTRIBUTES_SUFFIX = '_item2attributes.json';
/** Max characters of a bad attribute value quoted in an error, so a long value is cut. */
const SHOWN_VALUE_CHARS = 80;
const ATTRIBUTES_SHAPE = 'a JSON object of item id → list of attribute ids, e.g. {"12": [3, 7]}';

/** Reads and checks the dataset in `dir`, throwing DatasetError on the first problem. */
export function loadDataset(dir: string): RawDataset {
  const files = listFiles(dir);
  const sequenceFile = findSequenceFile(dir, files);
  const name = sequenceFile.slice(0, -'.txt'.length);
  const users = parseSequences(readFileSync(join(dir, sequenceFile), 'utf8'), join(dir, sequenceFile));
  checkLeaveOneOutUsers(users, join(dir, sequenceFile));

  const expectedAttributesFile = `${name}${ATTRIBUTES_SUFFIX}`;
  const attributesFile = files.includes(expectedAttributesFile) ? expectedAttributesFile : undefined;
  const attributes = attributesFile ? parseAttributes(readFileSync(join(dir, attributesFile), 'utf8'), join(dir, attributesFile)) : new Map<string, string[]>();
  const otherJsonFiles = files.filter((f) => f.endsWith('.json') && f !== attributesFile).sort();
  return { name, dir, users, attributes, attributesFile, otherJsonFiles };
}

/** Returns the one-line note on the attributes file: loaded with its item count, or missing with a hint. */
export function describeAttributes(dataset: RawDataset): string {
  if (dataset.attributesFile) return `attributes: loaded ${dataset.attributesFile} (${dataset.attributes.size} items)`;
  const expected = `${dataset.name}${ATTRIBUTES_SUFFIX}`;
  const line = `attributes: none loaded, because ${dataset.dir} has no ${expected}`;
  if (dataset.otherJsonFiles.length === 0) return line;
  return `${line}. Other .json files there: ${dataset.otherJsonFiles.join(', ')} (rename the attributes file to ${expected} to use it)`;
}

/** Names of the plain files in `dir`. */
function listFiles(dir: string): string[] {
  const stat = statSync(dir, { throwIfNoEntry: false });
  if (!stat) throw new DatasetError(`dataset folder ${dir} not found: pass --data DIR with a NAME.txt sequence file`);
  if (!stat.isDirectory()) throw new DatasetError(`dataset path ${dir} is not a folder. Pass --data DIR, the folder that contains NAME.txt`);
  return readdirSync(dir, { withFileTypes: true }).filter((entry) => entry.isFile()).map((entry) => entry.name);
}

function findSequenceFile(dir: string, files: readonly string[]): string {
  const sequenceFiles = files.filter((f) => f.endsWith('.txt') && !/readme/i.test(f)).sort();
  if (sequenceFiles.length === 0) {
    throw new DatasetError(`no NAME.txt sequence file found in ${dir}. The folder must contain one NAME.txt with a "user item1 item2 …" line per user`);
  }
  if (sequenceFiles.length > 1) {
    throw new DatasetError(`expected exactly one NAME.txt sequence file in ${dir}, found ${sequenceFiles.length}: ${sequenceFiles.join(', ')}`);
  }
  return sequenceFiles[0]!;
}

function parseSequences(text: string, path: string): RawDataset['users'] {
  const users: RawDataset['users'] = [];
  const lineOfUser = new Map<string, number>();
  text.split('\n').forEach((line, lineIndex) => {
    const lineNumber = lineIndex + 1;
    const fields = line.trim().split(/\s+/).filter((f) => f.length > 0);
    if (fields.length === 0) return;
    if (fields.length < 2) throw new DatasetError(`${path} line ${lineNumber}: expected "user item …", got "${line.trim()}"`);

    const userId = fields[0]!;
    const firstLine = lineOfUser.get(userId);
    if (firstLine !== undefined) {
      throw new DatasetError(`${path}: user ${userId} appears on line ${firstLine} and line ${lineNumber}, but the file must have one line per user. Merge the two lines in time order or remove one`);
    }
    lineOfUser.set(userId, lineNumber);
    users.push({ userId, items: fields.slice(1) });
  });
  if (users.length === 0) throw new DatasetError(`${path} has no user lines`);
  return users;
}

/**
 * Leave-one-out takes each user's second-to-last item for validation and the
 * last for the test, so without a user of 2 or more items the search has no
 * validation case and every model would be scored on empty inputs alone.
 */
function checkLeaveOneOutUsers(users: RawDataset['users'], path: string): void {
  if (users.some((u) => u.items.length >= 2)) return;
  throw new DatasetError(
    `${path}: none of its ${users.length} users has 2 or more items. Leave-one-out needs users with at least 2 items (a validation item and a test item)`,
  );
}

function parseAttributes(text: string, path: string): Map<string, string[]> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new DatasetError(`${path} is not valid JSON (${(error as Error).message}). It must be ${ATTRIBUTES_SHAPE}`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new DatasetError(`${path} must be ${ATTRIBUTES_SHAPE}`);
  }

  const attributes = new Map<string, string[]>();
  for (const [item, list] of Object.entries(parsed)) {
    const isIdList = Array.isArray(list) && list.every((a) => typeof a === 'string' || typeof a === 'number');
    if (!isIdList) {
      const excerpt = JSON.stringify(list).slice(0, SHOWN_VALUE_CHARS);
      throw new DatasetError(`${path}: item "${item}" has ${excerpt} where a list of attribute ids was expected. The file must be ${ATTRIBUTES_SHAPE}`);
    }
    attributes.set(item, list.map(String));
  }
  return attributes;
}
