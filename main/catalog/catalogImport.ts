/**
 * Imports the validated catalog files into SQLite at start-up.
 *
 * The import is idempotent: the SHA-256 of the four files is stored, and an
 * unchanged hash skips the import, so stock and price changed in the
 * database since (by a head-office update) survive a restart. A changed file
 * replaces the stored catalog in one transaction. An invalid file is
 * rejected before the transaction starts and the stored catalog keeps serving.
 */
import type { Logger } from '../log/logger.js';
import type { Db } from '../storage/database.js';
import { CatalogError, loadCatalogFiles, type CatalogErrorCode, type CatalogPaths } from './catalogFiles.js';
import type { CatalogBundle } from './catalogSchema.js';

export type CatalogSyncResult =
  | { status: 'imported' | 'unchanged'; productCount: number; basketCount: number }
  /**
   * The files were rejected, or writing them failed (`catalog_import_failed`,
   * e.g. a full disk) and the transaction was rolled back. Either way
   * `storedProductCount` products from an earlier import keep serving.
   */
  | { status: 'rejected'; code: CatalogErrorCode | 'catalog_import_failed'; message: string; storedProductCount: number };

/**
 * Loads the files at `paths` and imports them unless their hash matches the
 * last import. A rejected file or a failed write is logged and returned, not thrown.
 */
export function syncCatalog(db: Db, paths: CatalogPaths, logger: Logger, nowMs: number = Date.now()): CatalogSyncResult {
  const startedMs = performance.now();
  let loaded;
  try {
    loaded = loadCatalogFiles(paths);
  } catch (error) {
    if (!(error instanceof CatalogError)) throw error;
    const storedProductCount = countActiveProducts(db);
    logger.error({ err: error, code: error.code, storedProductCount }, 'catalog files rejected, keeping the stored catalog');
    return { status: 'rejected', code: error.code, message: error.message, storedProductCount };
  }

  const { bundle, contentSha256 } = loaded;
  const previous = db.prepare('SELECT content_sha256 FROM catalog_imports WHERE id = 1').pluck().get() as string | undefined;
  const counts = { productCount: bundle.toys.length, basketCount: bundle.baskets.length };
  if (previous === contentSha256) {
    logger.info({ ...counts, sha256: contentSha256.slice(0, 12) }, 'catalog unchanged, import skipped');
    return { status: 'unchanged', ...counts };
  }

  try {
    importBundle(db, bundle, contentSha256, nowMs);
  } catch (error) {
    const storedProductCount = countActiveProducts(db);
    const message = `Writing the catalog to the database failed: ${(error as Error).message}. Check free disk space and restart.`;
    logger.error({ err: error, storedProductCount }, 'catalog import failed, keeping the stored catalog');
    return { status: 'rejected', code: 'catalog_import_failed', message, storedProductCount };
  }
  const durationMs = Math.round(performance.now() - startedMs);
  logger.info({ ...counts, durationMs, sha256: contentSha256.slice(0, 12) }, 'catalog imported');
  return { status: 'imported', ...counts };
}

/** Replaces the stored catalog with `bundle` in one transaction. */
export function importBundle(db: Db, bundle: CatalogBundle, contentSha256: string, nowMs: number): void {
  db.transaction(() => {
    writeCategories(db, bundle);
    writeProducts(db, bundle);
    db.prepare('INSERT OR REPLACE INTO catalog_store_map (id, map_json) VALUES (1, ?)').run(JSON.stringify(bundle.storeMap));
    writeBaskets(db, bundle);
    db.prepare(
      `INSERT OR REPLACE INTO catalog_imports (id, content_sha256, imported_at_ms, product_count, basket_count)
       VALUES (1, ?, ?, ?, ?)`,
    ).run(contentSha256, nowMs, bundle.toys.length, bundle.baskets.length);
  })();
}

function writeCategories(db: Db, bundle: CatalogBundle): void {
  db.prepare('UPDATE catalog_categories SET active = 0').run();
  const upsert = db.prepare(
    `INSERT INTO catalog_categories (id, label_zh, label_en, aisle, sort_order, active)
     VALUES (@id, @labelZh, @labelEn, @aisle, @sortOrder, 1)
     ON CONFLICT (id) DO UPDATE SET label_zh = excluded.label_zh, label_en = excluded.label_en,
       aisle = excluded.aisle, sort_order = excluded.sort_order, active = 1`,
  );
  bundle.categories.forEach((category, sortOrder) => {
    upsert.run({ id: category.id, labelZh: category.label['zh-CN'], labelEn: category.label.en, aisle: category.aisle, sortOrder });
  });
}

function writeProducts(db: Db, bundle: CatalogBundle): void {
  db.prepare('UPDATE catalog_products SET active = 0').run();
  const upsert = db.prepare(
    `INSERT INTO catalog_products (id, category_id, name_zh, name_en, description_zh, description_en, brand_zh, brand_en,
       tags_json, accessory, age_min_years, age_max_years, aisle, image_hue, price_yuan, stock, active)
     VALUES (@id, @category, @nameZh, @nameEn, @descriptionZh, @descriptionEn, @brandZh, @brandEn,
       @tagsJson, @accessory, @ageMinYears, @ageMaxYears, @aisle, @imageHue, @priceYuan, @stock, 1)
     ON CONFLICT (id) DO UPDATE SET category_id = excluded.category_id, name_zh = excluded.name_zh,
       name_en = excluded.name_en, description_zh = excluded.description_zh, description_en = excluded.description_en,
       brand_zh = excluded.brand_zh, brand_en = excluded.brand_en, tags_json = excluded.tags_json,
       accessory = excluded.accessory,
       age_min_years = excluded.age_min_years, age_max_years = excluded.age_max_years, aisle = excluded.aisle,
       image_hue = excluded.image_hue, price_yuan = excluded.price_yuan, stock = excluded.stock, active = 1`,
  );
  for (const toy of bundle.toys) {
    upsert.run({
      id: toy.id,
      category: toy.category,
      nameZh: toy.name['zh-CN'],
      nameEn: toy.name.en,
      descriptionZh: toy.description['zh-CN'],
      descriptionEn: toy.description.en,
      brandZh: toy.brand['zh-CN'],
      brandEn: toy.brand.en,
      tagsJson: JSON.stringify(toy.tags),
      accessory: toy.accessory === true ? 1 : 0,
      ageMinYears: toy.ageMinYears,
      ageMaxYears: toy.ageMaxYears,
      aisle: toy.aisle,
      imageHue: toy.imageHue,
      priceYuan: toy.priceYuan,
      stock: toy.stock,
    });
  }
}

/** Replaces all baskets (the file is the full history) and recounts purchases per product. */
function writeBaskets(db: Db, bundle: CatalogBundle): void {
  db.prepare('DELETE FROM catalog_baskets').run();
  const insertBasket = db.prepare('INSERT INTO catalog_baskets (id, purchased_at, member_code) VALUES (?, ?, ?)');
  const insertItem = db.prepare('INSERT INTO catalog_basket_items (basket_id, product_id, position) VALUES (?, ?, ?)');
  for (const basket of bundle.baskets) {
    insertBasket.run(basket.id, basket.at, basket.memberCode);
    basket.items.forEach((productId, position) => insertItem.run(basket.id, productId, position));
  }
  db.prepare(
    `UPDATE catalog_products SET purchase_count =
       (SELECT COUNT(*) FROM catalog_basket_items WHERE catalog_basket_items.product_id = catalog_products.id)`,
  ).run();
}

function countActiveProducts(db: Db): number {
  return db.prepare('SELECT COUNT(*) FROM catalog_products WHERE active = 1').pluck().get() as number;
}
