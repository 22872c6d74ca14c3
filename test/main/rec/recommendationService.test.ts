import fs from 'node:fs';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syncCatalog } from '../../../main/catalog/catalogImport.js';
import { CatalogStore } from '../../../main/catalog/catalogStore.js';
import { createRootLogger, createSilentLogger } from '../../../main/log/logger.js';
import { RecommendationService, trainingData } from '../../../main/rec/recommendationService.js';
import { SimilarToys } from '../../../main/rec/similarToys.js';
import type { Db } from '../../../main/storage/database.js';
import { makeTempDir, openTempDatabase, writeCatalog } from '../catalog/catalogFixture.js';

let dir: string;
let db: Db;
let catalog: CatalogStore;

beforeAll(() => {
  dir = makeTempDir('rec-service');
  db = openTempDatabase(dir);
  syncCatalog(db, writeCatalog(dir), createSilentLogger());
  catalog = new CatalogStore(db);
});

afterAll(() => {
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

function capturedLines(): { lines: Record<string, unknown>[]; destination: Writable } {
  const lines: Record<string, unknown>[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(JSON.parse(chunk.toString('utf8')) as Record<string, unknown>);
      done();
    },
  });
  return { lines, destination };
}

describe('model fitting', () => {
  it('logs the similar toys fit time', () => {
    const { lines, destination } = capturedLines();
    SimilarToys.fit(catalog, createRootLogger({ level: 'info', destination }));
    const fitted = lines.find((line) => line.msg === 'similar toys fitted');
    expect(fitted?.productCount).toBe(205);
    expect(typeof fitted?.durationMs).toBe('number');
  });

  it('logs the recommender fit time', () => {
    const { lines, destination } = capturedLines();
    RecommendationService.fit(catalog, createRootLogger({ level: 'info', destination }));
    const fitted = lines.find((line) => line.msg === 'recommender fitted');
    expect(fitted?.basketCount).toBe(catalog.listBaskets().length);
    expect(typeof fitted?.durationMs).toBe('number');
  });

  it('similar of an unknown product is null', () => {
    const similar = SimilarToys.fit(catalog, createSilentLogger());
    expect(similar.similar('nope-001', 'en', 5)).toBeNull();
  });
});

describe('trainingData', () => {
  it('one sequence per basket', () => {
    const data = trainingData(catalog.listProductRecords(), catalog.listBaskets());
    expect(data.sequences).toHaveLength(catalog.listBaskets().length);
    expect(data.items).toHaveLength(205);
  });

  it('age range in months covers the last year', () => {
    const data = trainingData(catalog.listProductRecords(), []);
    // blk-001 is for ages 6 to 12: from 72 months to the day before the 13th birthday.
    const toy = data.items.find((item) => item.itemId === 'blk-001');
    expect(toy?.ageMinMonths).toBe(72);
    expect(toy?.ageMaxMonths).toBe(155);
    expect(toy?.priceCents).toBe(49_900);
  });
});
