/**
 * Test helpers: copies of the demo catalog files in a temp folder, optionally
 * edited, and a fresh migrated database on a temp file.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultCatalogPaths, type CatalogPaths } from '../../../main/catalog/catalogFiles.js';
import { createSilentLogger } from '../../../main/log/logger.js';
import { openDatabase, type Db } from '../../../main/storage/database.js';

export const ASSETS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../assets');

/** Parsed contents of the four files; tests edit these before writing them. */
export interface CatalogJson {
  toys: { version: number; toys: Record<string, unknown>[] };
  categories: { version: number; categories: Record<string, unknown>[] };
  storeMap: Record<string, unknown> & { aisles: Record<string, unknown>[] };
  baskets: { version: number; baskets: { id: string; at: string; memberCode: string | null; items: string[] }[] };
}

export function readDemoCatalog(): CatalogJson {
  const paths = defaultCatalogPaths(ASSETS_DIR);
  const read = (file: string): unknown => JSON.parse(fs.readFileSync(file, 'utf8'));
  return {
    toys: read(paths.toys) as CatalogJson['toys'],
    categories: read(paths.categories) as CatalogJson['categories'],
    storeMap: read(paths.storeMap) as CatalogJson['storeMap'],
    baskets: read(paths.baskets) as CatalogJson['baskets'],
  };
}

export function makeTempDir(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `playaisle-${prefix}-`));
}

/** Writes `catalog` (the demo catalog when omitted) under `dir` in the assets layout and returns the paths. */
export function writeCatalog(dir: string, catalog: CatalogJson = readDemoCatalog()): CatalogPaths {
  fs.mkdirSync(path.join(dir, 'catalog'), { recursive: true });
  fs.mkdirSync(path.join(dir, 'store'), { recursive: true });
  const paths = defaultCatalogPaths(dir);
  fs.writeFileSync(paths.toys, JSON.stringify(catalog.toys));
  fs.writeFileSync(paths.categories, JSON.stringify(catalog.categories));
  fs.writeFileSync(paths.storeMap, JSON.stringify(catalog.storeMap));
  fs.writeFileSync(paths.baskets, JSON.stringify(catalog.baskets));
  return paths;
}

export function openTempDatabase(dir: string): Db {
  return openDatabase(path.join(dir, 'playaisle.db'), createSilentLogger());
}
