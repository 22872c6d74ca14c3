/**
 * Read queries over the imported catalog. Only active products (those in the
 * current catalog file) are ever returned, and all text comes back in the
 * requested language.
 */
import type { CategoryView, Lang, MemberSummary, ProductList, ProductView, StoreMapView } from '../api/wire.js';
import type { Db } from '../storage/database.js';
import type { StoreMapFile } from './catalogSchema.js';

export type ProductSort = 'popular' | 'price_asc' | 'price_desc';

export interface ProductQuery {
  lang: Lang;
  category?: string | undefined;
  /** Keep toys whose age range contains this age. */
  ageYears?: number | undefined;
  /**
   * Keep toys whose age range overlaps the band `ageMinYears..ageMaxYears`
   * (inclusive). Either end may be absent for an open band, e.g. "13+".
   */
  ageMinYears?: number | undefined;
  ageMaxYears?: number | undefined;
  inStock?: boolean | undefined;
  /**
   * Whether accessories (batteries, puzzle glue) are listed too. Callers set
   * it only for a category list without an age filter, where a parent may
   * look for one.
   */
  includeAccessories?: boolean | undefined;
  sort: ProductSort;
  limit: number;
  offset: number;
}

/** One active product in both languages, for fitting text and co-purchase models. */
export interface ProductRecord {
  id: string;
  categoryId: string;
  categoryLabelZh: string;
  categoryLabelEn: string;
  nameZh: string;
  nameEn: string;
  descriptionZh: string;
  descriptionEn: string;
  brandZh: string;
  brandEn: string;
  tags: string[];
  /** An add-on that is no toy by itself; see `accessory` in catalogSchema.ts. */
  accessory: boolean;
  ageMinYears: number;
  ageMaxYears: number;
  priceYuan: number;
  stock: number;
  purchaseCount: number;
}

/** One stored basket with its items in checkout order. */
export interface StoredBasket {
  id: string;
  purchasedAt: string;
  memberCode: string | null;
  items: string[];
}

const ORDER_BY: Record<ProductSort, string> = {
  popular: 'p.purchase_count DESC, p.id',
  price_asc: 'p.price_yuan ASC, p.id',
  price_desc: 'p.price_yuan DESC, p.id',
};

/** Suffix of the language columns: `name_zh`, `name_en`. */
function column(lang: Lang): 'zh' | 'en' {
  return lang === 'en' ? 'en' : 'zh';
}

export class CatalogStore {
  constructor(private readonly db: Db) {}

  listCategories(lang: Lang): CategoryView[] {
    const suffix = column(lang);
    return this.db
      .prepare(
        `SELECT c.id, c.label_${suffix} AS label, COUNT(p.id) AS count
         FROM catalog_categories c LEFT JOIN catalog_products p ON p.category_id = c.id AND p.active = 1
         WHERE c.active = 1 GROUP BY c.id ORDER BY c.sort_order`,
      )
      .all() as CategoryView[];
  }

  listProducts(query: ProductQuery): ProductList {
    const conditions = ['p.active = 1'];
    const params: Record<string, unknown> = {};
    if (query.category !== undefined) {
      conditions.push('p.category_id = @category');
      params.category = query.category;
    }
    if (query.ageYears !== undefined) {
      conditions.push('p.age_min_years <= @age AND @age <= p.age_max_years');
      params.age = query.ageYears;
    }
    // Two ranges overlap when each starts before the other ends.
    if (query.ageMinYears !== undefined) {
      conditions.push('p.age_max_years >= @bandMin');
      params.bandMin = query.ageMinYears;
    }
    if (query.ageMaxYears !== undefined) {
      conditions.push('p.age_min_years <= @bandMax');
      params.bandMax = query.ageMaxYears;
    }
    if (query.inStock) conditions.push('p.stock > 0');
    if (!query.includeAccessories) conditions.push('p.accessory = 0');
    const where = conditions.join(' AND ');

    const total = this.db.prepare(`SELECT COUNT(*) FROM catalog_products p WHERE ${where}`).pluck().get(params) as number;
    const rows = this.db
      .prepare(`${this.selectView(query.lang)} WHERE ${where} ORDER BY ${ORDER_BY[query.sort]} LIMIT @limit OFFSET @offset`)
      .all({ ...params, limit: query.limit, offset: query.offset }) as ProductView[];
    return { items: rows, total };
  }

  getProduct(id: string, lang: Lang): ProductView | null {
    const row = this.db.prepare(`${this.selectView(lang)} WHERE p.id = ? AND p.active = 1`).get(id) as ProductView | undefined;
    return row ?? null;
  }

  /** Active products among `ids`, keyed by id; unknown and inactive ids are left out. */
  getProducts(ids: readonly string[], lang: Lang): Map<string, ProductView> {
    const found = new Map<string, ProductView>();
    const statement = this.db.prepare(`${this.selectView(lang)} WHERE p.id = ? AND p.active = 1`);
    for (const id of new Set(ids)) {
      const row = statement.get(id) as ProductView | undefined;
      if (row) found.set(id, row);
    }
    return found;
  }

  getStoreMap(lang: Lang): StoreMapView | null {
    const json = this.db.prepare('SELECT map_json FROM catalog_store_map WHERE id = 1').pluck().get() as string | undefined;
    if (json === undefined) return null;
    const map = JSON.parse(json) as StoreMapFile;
    const rect = ({ x, y, w, h }: { x: number; y: number; w: number; h: number }) => ({ x, y, w, h });
    return {
      width: map.width,
      height: map.height,
      aisles: map.aisles.map((aisle) => ({
        id: aisle.id,
        label: aisle.label[lang],
        shortLabel: (aisle.shortLabel ?? aisle.label)[lang],
        ...rect(aisle),
      })),
      entrance: rect(map.entrance),
      checkout: rect(map.checkout),
    };
  }

  /** Returns every active product in both languages, in id order. */
  listProductRecords(): ProductRecord[] {
    const rows = this.db
      .prepare(
        `SELECT p.id, p.category_id AS categoryId, c.label_zh AS categoryLabelZh, c.label_en AS categoryLabelEn,
           p.name_zh AS nameZh, p.name_en AS nameEn, p.description_zh AS descriptionZh, p.description_en AS descriptionEn,
           p.brand_zh AS brandZh, p.brand_en AS brandEn, p.tags_json AS tagsJson, p.accessory, p.age_min_years AS ageMinYears,
           p.age_max_years AS ageMaxYears, p.price_yuan AS priceYuan, p.stock, p.purchase_count AS purchaseCount
         FROM catalog_products p JOIN catalog_categories c ON c.id = p.category_id
         WHERE p.active = 1 ORDER BY p.id`,
      )
      .all() as (Omit<ProductRecord, 'tags' | 'accessory'> & { tagsJson: string; accessory: number })[];
    return rows.map(({ tagsJson, accessory, ...row }) => ({ ...row, accessory: accessory === 1, tags: JSON.parse(tagsJson) as string[] }));
  }

  /** Returns the ids of active products with stock. */
  listInStockIds(): string[] {
    return this.db.prepare('SELECT id FROM catalog_products WHERE active = 1 AND stock > 0 ORDER BY id').pluck().all() as string[];
  }

  /** Returns the ids of active toys with stock, leaving out accessories. */
  listInStockToyIds(): string[] {
    return this.db
      .prepare('SELECT id FROM catalog_products WHERE active = 1 AND stock > 0 AND accessory = 0 ORDER BY id')
      .pluck()
      .all() as string[];
  }

  /** Returns every stored basket in purchase order, with items in checkout order. */
  listBaskets(): StoredBasket[] {
    const rows = this.db
      .prepare(
        `SELECT b.id, b.purchased_at AS purchasedAt, b.member_code AS memberCode, i.product_id AS productId
         FROM catalog_baskets b JOIN catalog_basket_items i ON i.basket_id = b.id
         ORDER BY b.purchased_at, b.id, i.position`,
      )
      .all() as { id: string; purchasedAt: string; memberCode: string | null; productId: string }[];
    const baskets: StoredBasket[] = [];
    for (const row of rows) {
      const last = baskets[baskets.length - 1];
      if (last && last.id === row.id) last.items.push(row.productId);
      else baskets.push({ id: row.id, purchasedAt: row.purchasedAt, memberCode: row.memberCode, items: [row.productId] });
    }
    return baskets;
  }

  /** Returns a member's visit count, or null for a code with no baskets. */
  getMemberSummary(memberCode: string): MemberSummary | null {
    const visits = this.db
      .prepare('SELECT COUNT(*) FROM catalog_baskets WHERE member_code = ?')
      .pluck()
      .get(memberCode) as number;
    return visits === 0 ? null : { found: true, visits };
  }

  /** Returns a member's purchased product ids, oldest first, with repeats. */
  getMemberHistory(memberCode: string): string[] {
    return this.db
      .prepare(
        `SELECT i.product_id FROM catalog_baskets b JOIN catalog_basket_items i ON i.basket_id = b.id
         WHERE b.member_code = ? ORDER BY b.purchased_at, b.id, i.position`,
      )
      .pluck()
      .all(memberCode) as string[];
  }

  private selectView(lang: Lang): string {
    const suffix = column(lang);
    return `SELECT p.id, p.name_${suffix} AS name, p.description_${suffix} AS description, p.category_id AS category,
        c.label_${suffix} AS categoryLabel, p.brand_${suffix} AS brand, p.age_min_years AS ageMinYears,
        p.age_max_years AS ageMaxYears, p.price_yuan AS priceYuan, p.aisle, p.stock, p.image_hue AS imageHue
      FROM catalog_products p JOIN catalog_categories c ON c.id = p.category_id`;
  }
}
