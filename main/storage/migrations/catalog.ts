import type { Migration } from './index.js';

/**
 * Catalog tables (versions 10-19): categories, products, the store floor
 * plan and the purchase baskets the recommender learns from.
 *
 * Price and stock have their own columns, apart from the descriptive text,
 * so a head-office update can change them without touching the rest.
 * Products and categories that leave the catalog are kept with
 * `active = 0`, because old baskets still refer to them. Baskets store a
 * loyalty member code and nothing else about the shopper.
 */
export const CATALOG_MIGRATIONS: readonly Migration[] = [
  {
    version: 10,
    name: 'catalog products, categories, store map and baskets',
    up(db) {
      db.exec(`
        CREATE TABLE catalog_categories (
          id TEXT PRIMARY KEY,
          label_zh TEXT NOT NULL,
          label_en TEXT NOT NULL,
          aisle TEXT NOT NULL,
          sort_order INTEGER NOT NULL,
          active INTEGER NOT NULL DEFAULT 1
        ) WITHOUT ROWID;

        CREATE TABLE catalog_products (
          id TEXT PRIMARY KEY,
          category_id TEXT NOT NULL REFERENCES catalog_categories (id),
          name_zh TEXT NOT NULL,
          name_en TEXT NOT NULL,
          description_zh TEXT NOT NULL,
          description_en TEXT NOT NULL,
          brand_zh TEXT NOT NULL,
          brand_en TEXT NOT NULL,
          tags_json TEXT NOT NULL,
          age_min_years INTEGER NOT NULL,
          age_max_years INTEGER NOT NULL,
          aisle TEXT NOT NULL,
          image_hue INTEGER NOT NULL,
          price_yuan REAL NOT NULL CHECK (price_yuan >= 0),
          stock INTEGER NOT NULL CHECK (stock >= 0),
          active INTEGER NOT NULL DEFAULT 1,
          purchase_count INTEGER NOT NULL DEFAULT 0
        ) WITHOUT ROWID;
        CREATE INDEX catalog_products_category ON catalog_products (category_id);

        CREATE TABLE catalog_store_map (
          id INTEGER PRIMARY KEY CHECK (id = 1),
          map_json TEXT NOT NULL
        );

        CREATE TABLE catalog_baskets (
          id TEXT PRIMARY KEY,
          purchased_at TEXT NOT NULL,
          member_code TEXT
        ) WITHOUT ROWID;
        CREATE INDEX catalog_baskets_member ON catalog_baskets (member_code) WHERE member_code IS NOT NULL;

        CREATE TABLE catalog_basket_items (
          basket_id TEXT NOT NULL REFERENCES catalog_baskets (id) ON DELETE CASCADE,
          product_id TEXT NOT NULL REFERENCES catalog_products (id),
          position INTEGER NOT NULL,
          PRIMARY KEY (basket_id, product_id)
        ) WITHOUT ROWID;

        CREATE TABLE catalog_imports (
          id INTEGER PRIMARY KEY CHECK (id = 1),
          content_sha256 TEXT NOT NULL,
          imported_at_ms INTEGER NOT NULL,
          product_count INTEGER NOT NULL,
          basket_count INTEGER NOT NULL
        );
      `);
    },
  },
  {
    version: 11,
    name: 'catalog product accessory flag',
    up(db) {
      // 1 for an add-on such as batteries, which the kiosk never suggests by age or popularity.
      db.exec('ALTER TABLE catalog_products ADD COLUMN accessory INTEGER NOT NULL DEFAULT 0 CHECK (accessory IN (0, 1))');
    },
  },
];
