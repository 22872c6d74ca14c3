/**
 * Reads a sequential-recommendation dataset folder: one `NAME.txt` with a
 * user a line (`user item1 item2 …`, time order) and an optional
 * `NAME_item2attributes.json` (item id → list of attribute ids).
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';

export interface RawDataset {
  name: string;
  /** User id and item ids as written in the file. */
  users: { userId: string; items: string[] }[];
  /** Item id → attribute ids as strings; empty when the file is absent. */
  attributes: Map<string, string[]>;
}

export function loadDataset(dir: string): RawDataset {
  if (!existsSync(dir)) throw new Error(`dataset folder ${dir} not found: pass --data DIR with a NAME.txt sequence file`);
  const sequenceFiles = readdirSync(dir).filter((f) => f.endsWith('.txt') && !/readme/i.test(f));
  if (sequenceFiles.length !== 1) {
    throw new Error(`expected exactly one NAME.txt sequence file in ${dir}, found ${sequenceFiles.length}: ${sequenceFiles.join(', ')}`);
  }
  const name = sequenceFiles[0]!.slice(0, -'.txt'.length);
  const users = parseSequences(readFileSync(join(dir, sequenceFiles[0]!), 'utf8'), sequenceFiles[0]!);

  const attributes = new Map<string, string[]>();
  const attributePath = join(dir, `${name}_item2attributes.json`);
  if (existsSync(attributePath)) {
    const parsed: unknown = JSON.parse(readFileSync(attributePath, 'utf8'));
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
      throw new Error(`${attributePath} must be a JSON object of item id → attribute list`);
    }
    for (const [item, list] of Object.entries(parsed)) {
      if (Array.isArray(list)) attributes.set(item, list.map(String));
    }
  }
  return { name, users, attributes };
}

function parseSequences(text: string, fileName: string): RawDataset['users'] {
  const users: RawDataset['users'] = [];
  text.split('\n').forEach((line, lineIndex) => {
    const fields = line.trim().split(/\s+/).filter((f) => f.length > 0);
    if (fields.length === 0) return;
    if (fields.length < 2) throw new Error(`${fileName} line ${lineIndex + 1}: expected "user item …", got "${line.trim()}"`);
    users.push({ userId: fields[0]!, items: fields.slice(1) });
  });
  if (users.length === 0) throw new Error(`${fileName} has no user lines`);
  return users;
}
