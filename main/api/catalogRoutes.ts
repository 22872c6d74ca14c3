/**
 * Kiosk catalog API: categories, products, similar toys and the store map.
 * Every query parameter is checked, and a bad one gets a 400 with code
 * `invalid_parameter` and a message that names it.
 */
import { catalogIdSchema } from '../catalog/catalogSchema.js';
import type { CatalogStore, ProductSort } from '../catalog/catalogStore.js';
import type { SimilarToys } from '../rec/similarToys.js';
import { ApiError, type Router } from './router.js';
import type { Lang, ProductView } from './wire.js';

/** Default page size of the product list; matches the kiosk's page of 24 tiles. */
export const DEFAULT_PRODUCTS_LIMIT = 24;
/**
 * Max products in one list response. The kiosk grows `limit` by a page at a
 * time, so this allows ten pages; more would send the whole catalog at once.
 */
export const MAX_PRODUCTS_LIMIT = 240;
export const DEFAULT_SIMILAR_LIMIT = 8;
export const MAX_SIMILAR_LIMIT = 50;
/** Accepted child ages in years for the age filters. */
const AGE_RANGE = { min: 0, max: 99 };
/** Max `offset`: far beyond any catalog page, so a larger value is a client bug. */
const MAX_OFFSET = 100_000;
const LANGS: readonly Lang[] = ['zh-CN', 'en'];
const SORTS: readonly ProductSort[] = ['popular', 'price_asc', 'price_desc'];

export interface CatalogRouteDeps {
  catalog: CatalogStore;
  /** Null when fitting failed at start; `/similar` then returns 503 `similar_unavailable`. */
  similarToys: SimilarToys | null;
}

/** Registers `/api/catalog/*`. */
export function registerCatalogRoutes(router: Router, deps: CatalogRouteDeps): void {
  const { catalog } = deps;

  router.get('/api/catalog/categories', ({ url }) => catalog.listCategories(parseLang(url)));

  router.get('/api/catalog/products', ({ url }) => {
    const category = url.searchParams.get('category') ?? undefined;
    if (category !== undefined && !catalogIdSchema.safeParse(category).success) {
      throw invalidParameter('category', category, 'a category id from /api/catalog/categories');
    }
    const age = parseAgeParams(url);
    return catalog.listProducts({
      lang: parseLang(url),
      category,
      ...age,
      inStock: parseBooleanParam(url, 'inStock'),
      // Batteries or puzzle glue are listed only where a parent browses one category for any age.
      includeAccessories: category !== undefined && Object.keys(age).length === 0,
      sort: parseSort(url),
      limit: parseIntParam(url, 'limit', { min: 1, max: MAX_PRODUCTS_LIMIT }) ?? DEFAULT_PRODUCTS_LIMIT,
      offset: parseIntParam(url, 'offset', { min: 0, max: MAX_OFFSET }) ?? 0,
    });
  });

  router.get('/api/catalog/products/:id', ({ url, params }) => requireProduct(catalog, params.id!, parseLang(url)));

  router.get('/api/catalog/products/:id/similar', ({ url, params }) => {
    const lang = parseLang(url);
    const limit = parseIntParam(url, 'limit', { min: 1, max: MAX_SIMILAR_LIMIT }) ?? DEFAULT_SIMILAR_LIMIT;
    requireProduct(catalog, params.id!, lang);
    if (!deps.similarToys) {
      throw new ApiError(503, 'similar_unavailable', 'Similar toys are not available because fitting failed at start; see the log.');
    }
    return deps.similarToys.similar(params.id!, lang, limit) ?? [];
  });

  router.get('/api/catalog/store-map', ({ url }) => {
    const map = catalog.getStoreMap(parseLang(url));
    if (!map) throw new ApiError(503, 'catalog_unavailable', 'No store map has been imported yet; see the log for the catalog import error.');
    return map;
  });
}

/**
 * Parses the age filter of the product list: `ageYears` keeps toys for this
 * age, and the band `ageMin`/`ageMax` keeps toys whose range overlaps it.
 * Either end of the band may be left out. Combining the two forms is
 * rejected, because their meaning together is unclear.
 */
function parseAgeParams(url: URL): { ageYears?: number; ageMinYears?: number; ageMaxYears?: number } {
  const ageYears = parseIntParam(url, 'ageYears', AGE_RANGE);
  const ageMinYears = parseIntParam(url, 'ageMin', AGE_RANGE);
  const ageMaxYears = parseIntParam(url, 'ageMax', AGE_RANGE);
  const band = ageMinYears !== undefined || ageMaxYears !== undefined;
  if (ageYears !== undefined && band) {
    throw invalidParameter('ageYears', String(ageYears), 'either ageYears or ageMin/ageMax, not both');
  }
  if (ageMinYears !== undefined && ageMaxYears !== undefined && ageMinYears > ageMaxYears) {
    throw invalidParameter('ageMax', String(ageMaxYears), `an age of at least ageMin (${ageMinYears})`);
  }
  if (ageYears !== undefined) return { ageYears };
  return { ...(ageMinYears !== undefined && { ageMinYears }), ...(ageMaxYears !== undefined && { ageMaxYears }) };
}

/** Returns the product or throws 404 `product_not_found`. */
export function requireProduct(catalog: CatalogStore, id: string, lang: Lang): ProductView {
  const product = catalog.getProduct(id, lang);
  if (!product) throw new ApiError(404, 'product_not_found', `No product with id ${JSON.stringify(id.slice(0, 80))} in the catalog.`);
  return product;
}

/** `lang` query parameter: `zh-CN` (default) or `en`. */
export function parseLang(url: URL): Lang {
  const value = url.searchParams.get('lang');
  if (value === null || value === '') return 'zh-CN';
  if ((LANGS as readonly string[]).includes(value)) return value as Lang;
  throw invalidParameter('lang', value, '"zh-CN" or "en"');
}

/** Parses an optional integer query parameter in [min, max]. Returns undefined when it is absent or empty. */
export function parseIntParam(url: URL, name: string, range: { min: number; max: number }): number | undefined {
  const value = url.searchParams.get(name);
  if (value === null || value === '') return undefined;
  const number = /^-?\d{1,9}$/.test(value) ? Number(value) : Number.NaN;
  if (!Number.isInteger(number) || number < range.min || number > range.max) {
    throw invalidParameter(name, value, `an integer from ${range.min} to ${range.max}`);
  }
  return number;
}

function parseBooleanParam(url: URL, name: string): boolean | undefined {
  const value = url.searchParams.get(name);
  if (value === null || value === '') return undefined;
  if (value === '1' || value === 'true') return true;
  if (value === '0' || value === 'false') return false;
  throw invalidParameter(name, value, '1 or 0');
}

function parseSort(url: URL): ProductSort {
  const value = url.searchParams.get('sort');
  if (value === null || value === '') return 'popular';
  if ((SORTS as readonly string[]).includes(value)) return value as ProductSort;
  throw invalidParameter('sort', value, SORTS.join(', '));
}

/** 400 `invalid_parameter` naming the parameter, its value (shortened) and what is expected. */
export function invalidParameter(name: string, value: string, expected: string): ApiError {
  return new ApiError(400, 'invalid_parameter', `Invalid ${name} ${JSON.stringify(value.slice(0, 40))}: expected ${expected}.`);
}
