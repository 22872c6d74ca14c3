import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DatasetError, describeAttributes, loadDataset } from '../../../bench/rec/loadDataset.js';

const root = mkdtempSync(join(tmpdir(), 'playaisle-loaddataset-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

let folderCount = 0;

/** Creates a fresh dataset folder holding `files` (name → content). */
function writeFolder(files: Record<string, string>): string {
  const dir = join(root, `dataset${folderCount++}`);
  mkdirSync(dir);
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  return dir;
}

/** Returns the DatasetError that loading `dir` throws; fails the test when nothing or something else is thrown. */
function loadError(dir: string): DatasetError {
  try {
    loadDataset(dir);
  } catch (error) {
    expect(error).toBeInstanceOf(DatasetError);
    return error as DatasetError;
  }
  throw new Error(`loadDataset(${dir}) did not throw`);
}

const SEQUENCES = '1 10 11 12\n2 11 12 13\n3 12\n';

describe('loadDataset', () => {
  it('reads users and attributes', () => {
    const dir = writeFolder({ 'Shop.txt': SEQUENCES, 'Shop_item2attributes.json': '{"10": [1, 2], "11": ["3"]}' });
    const dataset = loadDataset(dir);
    expect(dataset.name).toBe('Shop');
    expect(dataset.users).toEqual([
      { userId: '1', items: ['10', '11', '12'] },
      { userId: '2', items: ['11', '12', '13'] },
      { userId: '3', items: ['12'] },
    ]);
    expect([...dataset.attributes]).toEqual([['10', ['1', '2']], ['11', ['3']]]);
    expect(dataset.attributesFile).toBe('Shop_item2attributes.json');
  });

  it('rejects bad folders and files', () => {
    const notAFolder = join(writeFolder({ 'Shop.txt': SEQUENCES }), 'Shop.txt');
    const emptyFolder = writeFolder({});
    const cases: { name: string; dir: string; expected: string[] }[] = [
      // --data names a file instead of the folder around it.
      { name: 'file as folder', dir: notAFolder, expected: [notAFolder, 'is not a folder'] },
      // --data names a folder that does not exist.
      { name: 'missing folder', dir: join(root, 'no-such-folder'), expected: ['no-such-folder', 'not found'] },
      // An empty folder names the file it looked for, not an empty list.
      { name: 'empty folder', dir: emptyFolder, expected: [`no NAME.txt sequence file found in ${emptyFolder}`] },
      // Two candidate sequence files are ambiguous, and readme files do not count.
      { name: 'two .txt files', dir: writeFolder({ 'A.txt': SEQUENCES, 'B.txt': SEQUENCES, 'README.txt': 'notes' }), expected: ['found 2: A.txt, B.txt'] },
      // A line with a user id and no items.
      { name: 'user without items', dir: writeFolder({ 'Shop.txt': '1 10 11\n2\n' }), expected: ['Shop.txt line 2', 'expected "user item …", got "2"'] },
      // The same user on two lines, with a blank line between that still counts for the numbering.
      { name: 'duplicate user', dir: writeFolder({ 'Shop.txt': '7 10 11\n8 11 12\n\n7 12 13\n' }), expected: ['Shop.txt', 'user 7 appears on line 1 and line 4', 'one line per user'] },
      // Only blank lines.
      { name: 'no user lines', dir: writeFolder({ 'Shop.txt': '\n\n' }), expected: ['Shop.txt has no user lines'] },
      // Every user has one item, so leave-one-out has no validation case.
      { name: 'no user with 2 items', dir: writeFolder({ 'Shop.txt': '1 10\n2 11\n' }), expected: ['Shop.txt', 'none of its 2 users has 2 or more items', 'at least 2 items (a validation item and a test item)'] },
      // Invalid JSON: the message names the file and the expected shape.
      {
        name: 'invalid attributes JSON',
        dir: writeFolder({ 'Shop.txt': SEQUENCES, 'Shop_item2attributes.json': '{"10": [1, 2] "11": [3]}' }),
        expected: ['Shop_item2attributes.json is not valid JSON', 'JSON object of item id → list of attribute ids'],
      },
      // Valid JSON of the wrong shape: a list instead of an object.
      {
        name: 'attributes as a list',
        dir: writeFolder({ 'Shop.txt': SEQUENCES, 'Shop_item2attributes.json': '[[1, 2]]' }),
        expected: ['Shop_item2attributes.json must be a JSON object of item id → list of attribute ids'],
      },
      // One item maps to a number instead of a list.
      {
        name: 'attribute value not a list',
        dir: writeFolder({ 'Shop.txt': SEQUENCES, 'Shop_item2attributes.json': '{"10": [1], "11": 5}' }),
        expected: ['Shop_item2attributes.json: item "11" has 5 where a list of attribute ids was expected'],
      },
      // A list holding an object, which would otherwise become "[object Object]".
      {
        name: 'attribute id not a string or number',
        dir: writeFolder({ 'Shop.txt': SEQUENCES, 'Shop_item2attributes.json': '{"10": [{"id": 1}]}' }),
        expected: ['item "10" has [{"id":1}]'],
      },
    ];
    for (const { name, dir, expected } of cases) {
      const message = loadError(dir).message;
      for (const part of expected) expect(message, name).toContain(part);
    }
  });

  it('rejects a duplicate user even when items differ', () => {
    const dir = writeFolder({ 'Shop.txt': 'a 1 2\nb 2 3\na 1 2 3\n' });
    expect(loadError(dir).message).toContain('user a appears on line 1 and line 3');
  });
});

describe('describeAttributes', () => {
  it('names a loaded file and its item count', () => {
    const dir = writeFolder({ 'Shop.txt': SEQUENCES, 'Shop_item2attributes.json': '{"10": [1], "11": [2], "99": [3]}' });
    expect(describeAttributes(loadDataset(dir))).toBe('attributes: loaded Shop_item2attributes.json (3 items)');
  });

  it('names the expected file when none exists', () => {
    const dir = writeFolder({ 'Shop.txt': SEQUENCES });
    const line = describeAttributes(loadDataset(dir));
    expect(line).toBe(`attributes: none loaded, because ${dir} has no Shop_item2attributes.json`);
  });

  it('lists other .json files as a hint', () => {
    const dir = writeFolder({ 'Shop.txt': SEQUENCES, 'Shop_item2attribute.json': '{"10": [1]}', 'notes.json': '{}' });
    const dataset = loadDataset(dir);
    const line = describeAttributes(dataset);
    // The misnamed file is not read, so a typo cannot pass for attributes.
    expect(dataset.attributes.size).toBe(0);
    expect(line).toContain(`${dir} has no Shop_item2attributes.json`);
    expect(line).toContain('Other .json files there: Shop_item2attribute.json, notes.json');
    expect(line.split('\n')).toHaveLength(1);
  });
});
