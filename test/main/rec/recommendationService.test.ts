import fs from 'node:fs';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syncCatalog } from '../../../main/catalog/catalogImport.js';
import { CatalogStore } from '../../../main/catalog/catalogStore.js';
import { createRootLogger, createSilentLogger } from '../../../main/log/logger.js';
import { DEFAULT_HYBRID_WEIGHTS, MIN_VALIDATION_CASES } from '../../../main/rec/kioskHybridSearch.js';
import { RecommendationService, trainingData } from '../../../main/rec/recommendationService.js';
import { SimilarToys } from '../../../main/rec/similarToys.js';
import type { Db } from '../../../main/storage/database.js';
import { makeTempDir, openTempDatabase, readDemoCatalog, writeCatalog } from '../catalog/catalogFixture.js';

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

  it('logs the searched weights', () => {
    const { lines, destination } = capturedLines();
    const service = RecommendationService.fit(catalog, createRootLogger({ level: 'info', destination }));
    const fitted = lines.find((line) => line.msg === 'recommender fitted');
    // The demo baskets give enough cases, so the weights come from the search.
    expect(fitted?.source).toBe('search');
    expect(fitted?.weights).toEqual(service.fitReport.weights);
    expect(fitted?.settings).toEqual(service.fitReport.settings);
    expect(fitted?.validationNdcg10).toBeGreaterThan(0);
    expect(service.fitReport.nextVisitCases).toBeGreaterThan(0);
    expect(service.fitReport.basketHoldoutCases).toBeGreaterThan(0);
    expect(lines.filter((line) => line.level === 40)).toEqual([]);
  });

  it('refit gives the same weights', () => {
    const first = RecommendationService.fit(catalog, createSilentLogger());
    const second = RecommendationService.fit(catalog, createSilentLogger());
    expect(second.fitReport).toEqual(first.fitReport);
    const request = { lang: 'en' as const, visitItems: ['blk-001'], k: 12 };
    expect(second.recommend(request)).toEqual(first.recommend(request));
  });

  it('warns when few baskets', () => {
    const smallDir = makeTempDir('rec-service-small');
    const smallDb = openTempDatabase(smallDir);
    try {
      const demo = readDemoCatalog();
      demo.baskets.baskets = demo.baskets.baskets.slice(0, 40);
      syncCatalog(smallDb, writeCatalog(smallDir, demo), createSilentLogger());
      const { lines, destination } = capturedLines();
      const service = RecommendationService.fit(new CatalogStore(smallDb), createRootLogger({ level: 'info', destination }));
      expect(service.fitReport.source).toBe('default');
      expect(service.fitReport.weights).toEqual(DEFAULT_HYBRID_WEIGHTS);
      const warning = lines.find((line) => line.level === 40);
      expect(warning?.msg).toBe('too few validation cases to search, recommender uses the default weights');
      expect(warning?.minCases).toBe(MIN_VALIDATION_CASES);
      // The default model still serves suggestions.
      expect(service.recommend({ lang: 'en', visitItems: [], k: 5 })).toHaveLength(5);
    } finally {
      smallDb.close();
      fs.rmSync(smallDir, { recursive: true, force: true });
    }
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
