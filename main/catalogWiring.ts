/**
 * Wiring of the catalog and recommendation side into `startPlayAisle`:
 * imports the catalog from `<repo>/assets`, fits the models and registers
 * `/api/catalog/*`, `/api/rec/*` and `/api/members/*`.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Router } from './api/router.js';
import { registerKioskRoutes, startCatalogServices, type CatalogServices } from './catalog/catalogServices.js';
import type { Logger } from './log/logger.js';
import type { Db } from './storage/database.js';

const ASSETS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'assets');

export interface RegisteredCatalog {
  services: CatalogServices;
  /** Nothing to release today: the models live in memory and the caller owns the database. */
  close(): void;
}

/** Starts the catalog services on `db` and registers their routes; bad files or a failed fit are logged, not thrown. */
export function registerCatalog(router: Router, db: Db, logger: Logger, assetsDir: string = ASSETS_DIR): RegisteredCatalog {
  const services = startCatalogServices({ db, assetsDir, logger: logger.child({ module: 'catalog' }) });
  registerKioskRoutes(router, services);
  return { services, close: () => undefined };
}
