/**
 * Reads and validates the catalog files: toys, categories, the store map and
 * the purchase baskets. Nothing here touches the database, so a rejected
 * file leaves the stored catalog as it was.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import {
  basketsFileSchema,
  categoriesFileSchema,
  storeMapFileSchema,
  toysFileSchema,
  type CatalogBundle,
} from './catalogSchema.js';

/** Max size of one catalog file; the demo baskets file is about 0.4 MiB. */
export const MAX_CATALOG_FILE_BYTES = 32 * 1024 * 1024;
/** Max problems listed in one error message; the rest are counted. */
const MAX_LISTED_PROBLEMS = 10;

export type CatalogErrorCode = 'catalog_file_missing' | 'catalog_file_too_large' | 'catalog_invalid_json' | 'catalog_invalid';

/** A catalog file that cannot be read or is invalid; `message` names the file, the item and the field. */
export class CatalogError extends Error {
  constructor(
    readonly code: CatalogErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'CatalogError';
  }
}

/** Paths of the four files, normally under assets/. */
export interface CatalogPaths {
  toys: string;
  categories: string;
  storeMap: string;
  baskets: string;
}

export function defaultCatalogPaths(assetsDir: string): CatalogPaths {
  return {
    toys: path.join(assetsDir, 'catalog', 'toys.json'),
    categories: path.join(assetsDir, 'catalog', 'categories.json'),
    storeMap: path.join(assetsDir, 'store', 'storeMap.json'),
    baskets: path.join(assetsDir, 'catalog', 'baskets.json'),
  };
}

export interface LoadedCatalog {
  bundle: CatalogBundle;
  /** SHA-256 over the four files' bytes; an unchanged hash means there is nothing to import. */
  contentSha256: string;
}

/** Reads, parses and validates all four files. Throws `CatalogError` on the first bad file. */
export function loadCatalogFiles(paths: CatalogPaths): LoadedCatalog {
  const hash = createHash('sha256');
  const read = (file: string): unknown => {
    const bytes = readBounded(file);
    hash.update(bytes);
    return parseJson(bytes, file);
  };
  const toysFile = validate(toysFileSchema, read(paths.toys), paths.toys);
  const categoriesFile = validate(categoriesFileSchema, read(paths.categories), paths.categories);
  const storeMap = validate(storeMapFileSchema, read(paths.storeMap), paths.storeMap);
  const basketsFile = validate(basketsFileSchema, read(paths.baskets), paths.baskets);

  const bundle: CatalogBundle = {
    toys: toysFile.toys,
    categories: categoriesFile.categories,
    storeMap,
    baskets: basketsFile.baskets,
  };
  checkReferences(bundle, paths);
  return { bundle, contentSha256: hash.digest('hex') };
}

function readBounded(file: string): Buffer {
  let size: number;
  try {
    size = fs.statSync(file).size;
  } catch (error) {
    throw new CatalogError('catalog_file_missing', `Catalog file ${file} cannot be read: ${(error as Error).message}`);
  }
  if (size > MAX_CATALOG_FILE_BYTES) {
    throw new CatalogError(
      'catalog_file_too_large',
      `Catalog file ${file} is ${size} bytes, over the limit of ${MAX_CATALOG_FILE_BYTES}. Check that it is the right file.`,
    );
  }
  return fs.readFileSync(file);
}

function parseJson(bytes: Buffer, file: string): unknown {
  try {
    return JSON.parse(bytes.toString('utf8')) as unknown;
  } catch (error) {
    throw new CatalogError('catalog_invalid_json', `Catalog file ${file} is not valid JSON: ${(error as Error).message}`);
  }
}

function validate<T>(schema: z.ZodType<T>, json: unknown, file: string): T {
  const result = schema.safeParse(json);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => `${describePath(issue.path, json)}: ${issue.message}`);
  throw invalid(file, problems);
}

/**
 * Formats an issue path as `toys[12] (id "blk-013").priceYuan`, so the
 * message names the item by its id where the item has a readable one.
 */
export function describePath(issuePath: readonly PropertyKey[], json: unknown): string {
  let text = '';
  let node: unknown = json;
  for (const key of issuePath) {
    node = node !== null && typeof node === 'object' ? (node as Record<PropertyKey, unknown>)[key] : undefined;
    if (typeof key === 'number') {
      text += `[${key}]`;
      const id = node !== null && typeof node === 'object' ? (node as { id?: unknown }).id : undefined;
      if (typeof id === 'string' && id.length <= 40) text += ` (id ${JSON.stringify(id)})`;
    } else {
      text += text ? `.${String(key)}` : String(key);
    }
  }
  return text || '(top level)';
}

function invalid(file: string, problems: readonly string[]): CatalogError {
  const listed = problems.slice(0, MAX_LISTED_PROBLEMS).join('\n  ');
  const more = problems.length > MAX_LISTED_PROBLEMS ? `\n  … and ${problems.length - MAX_LISTED_PROBLEMS} more` : '';
  return new CatalogError('catalog_invalid', `Invalid catalog file ${file}:\n  ${listed}${more}\nFix these fields; the stored catalog stays in use until then.`);
}

/** Rejects duplicate ids and references to categories, aisles or toys that do not exist. */
function checkReferences(bundle: CatalogBundle, paths: CatalogPaths): void {
  const categoryIds = new Set(bundle.categories.map((category) => category.id));
  const aisleIds = new Set(bundle.storeMap.aisles.map((aisle) => aisle.id));
  const toyIds = new Set(bundle.toys.map((toy) => toy.id));

  const check = (file: string, problems: string[]): void => {
    if (problems.length > 0) throw invalid(file, problems);
  };
  check(paths.storeMap, duplicates(bundle.storeMap.aisles, 'aisles'));
  check(paths.categories, [
    ...duplicates(bundle.categories, 'categories'),
    ...bundle.categories.flatMap((category, i) =>
      aisleIds.has(category.aisle) ? [] : [`categories[${i}] (id "${category.id}").aisle: aisle "${category.aisle}" is not on the store map`],
    ),
  ]);
  check(paths.toys, [
    ...duplicates(bundle.toys, 'toys'),
    ...bundle.toys.flatMap((toy, i) => [
      ...(categoryIds.has(toy.category) ? [] : [`toys[${i}] (id "${toy.id}").category: unknown category "${toy.category}"`]),
      ...(aisleIds.has(toy.aisle) ? [] : [`toys[${i}] (id "${toy.id}").aisle: aisle "${toy.aisle}" is not on the store map`]),
    ]),
  ]);
  check(paths.baskets, [
    ...duplicates(bundle.baskets, 'baskets'),
    ...bundle.baskets.flatMap((basket, i) => {
      const unknown = basket.items.filter((item) => !toyIds.has(item));
      const repeated = basket.items.length !== new Set(basket.items).size;
      return [
        ...(unknown.length > 0 ? [`baskets[${i}] (id "${basket.id}").items: unknown toy ids ${unknown.map((id) => `"${id}"`).join(', ')}`] : []),
        ...(repeated ? [`baskets[${i}] (id "${basket.id}").items: a toy id is listed twice`] : []),
      ];
    }),
  ]);
}

function duplicates(items: readonly { id: string }[], field: string): string[] {
  const firstIndex = new Map<string, number>();
  const problems: string[] = [];
  items.forEach((item, i) => {
    const first = firstIndex.get(item.id);
    if (first === undefined) firstIndex.set(item.id, i);
    else problems.push(`${field}[${i}] (id "${item.id}").id: duplicate id, already used by ${field}[${first}]`);
  });
  return problems;
}
