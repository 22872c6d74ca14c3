/**
 * Start-up of the kiosk's catalog side: import the catalog files, then fit
 * the similar-toys and recommendation models on what is stored. A failure
 * in one step is logged and leaves the rest serving: a rejected file keeps
 * the stored catalog, and a model that fails to fit turns only its routes
 * into 503 responses.
 */
import path from 'node:path';
import { registerCatalogRoutes } from '../api/catalogRoutes.js';
import { registerRecRoutes } from '../api/recRoutes.js';
import type { Router } from '../api/router.js';
import type { Logger } from '../log/logger.js';
import { RecommendationService } from '../rec/recommendationService.js';
import { SimilarToys } from '../rec/similarToys.js';
import { ChineseEnglishTokenizer } from '../../ml/text/tokenizer.js';
import type { Db } from '../storage/database.js';
import { defaultCatalogPaths } from './catalogFiles.js';
import { syncCatalog, type CatalogSyncResult } from './catalogImport.js';
import { CatalogStore } from './catalogStore.js';

export interface CatalogServices {
  catalog: CatalogStore;
  sync: CatalogSyncResult;
  similarToys: SimilarToys | null;
  recommendations: RecommendationService | null;
}

export interface CatalogStartOptions {
  db: Db;
  /** Folder with `catalog/` and `store/`, normally `<repo>/assets`. */
  assetsDir: string;
  logger: Logger;
}

/** Imports the catalog and fits both models. Bad files and a failed fit are logged, not thrown. */
export function startCatalogServices(options: CatalogStartOptions): CatalogServices {
  const { db, logger } = options;
  const sync = syncCatalog(db, defaultCatalogPaths(path.resolve(options.assetsDir)), logger);
  const catalog = new CatalogStore(db);
  // One tokenizer for both fits: each construction loads the jieba dictionary
  // (about 180 ms on 2 cores, bench/catalogBench.ts).
  const tokenizer = fitOrNull('tokenizer', logger, () => new ChineseEnglishTokenizer()) ?? undefined;
  const similarToys = fitOrNull('similar toys', logger, () => SimilarToys.fit(catalog, logger, tokenizer));
  const recommendations = fitOrNull('recommender', logger, () => RecommendationService.fit(catalog, logger, tokenizer));
  return { catalog, sync, similarToys, recommendations };
}

/** Registers the catalog and recommendation routes on `router`. */
export function registerKioskRoutes(router: Router, services: CatalogServices): void {
  registerCatalogRoutes(router, { catalog: services.catalog, similarToys: services.similarToys });
  registerRecRoutes(router, { catalog: services.catalog, recommendations: services.recommendations });
}

function fitOrNull<T>(name: string, logger: Logger, fit: () => T): T | null {
  try {
    return fit();
  } catch (error) {
    logger.error({ err: error, model: name }, 'model fit failed, its routes will return 503 until the next start');
    return null;
  }
}
