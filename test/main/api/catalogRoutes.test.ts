import fs from 'node:fs';
import type http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_PRODUCTS_LIMIT, registerCatalogRoutes } from '../../../main/api/catalogRoutes.js';
import { Router } from '../../../main/api/router.js';
import { createApiServer } from '../../../main/api/server.js';
import type { ApiErrorBody, CategoryView, ProductList, ProductView, StoreMapView, Suggestion } from '../../../main/api/wire.js';
import { syncCatalog } from '../../../main/catalog/catalogImport.js';
import { CatalogStore } from '../../../main/catalog/catalogStore.js';
import { createSilentLogger } from '../../../main/log/logger.js';
import { SimilarToys } from '../../../main/rec/similarToys.js';
import type { Db } from '../../../main/storage/database.js';
import { makeTempDir, openTempDatabase, readDemoCatalog, writeCatalog } from '../catalog/catalogFixture.js';

let dir: string;
let db: Db;
let server: http.Server;
let baseUrl: string;
const demo = readDemoCatalog();

beforeAll(async () => {
  dir = makeTempDir('catalog-routes');
  db = openTempDatabase(dir);
  syncCatalog(db, writeCatalog(dir, demo), createSilentLogger());
  const catalog = new CatalogStore(db);
  const router = new Router();
  registerCatalogRoutes(router, { catalog, similarToys: SimilarToys.fit(catalog, createSilentLogger()) });
  server = createApiServer({ router, staticDir: dir, logger: createSilentLogger() });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function getJson<T>(path: string, expectedStatus = 200): Promise<T> {
  const response = await fetch(`${baseUrl}${path}`);
  expect(response.status, path).toBe(expectedStatus);
  return (await response.json()) as T;
}

/** Toys of the demo catalog that are no accessory; lists by age or across categories show only these. */
const demoToys = demo.toys.toys.filter((toy) => toy.accessory !== true);

describe('catalog routes', () => {
  it('categories in both languages', async () => {
    const zh = await getJson<CategoryView[]>('/api/catalog/categories');
    const en = await getJson<CategoryView[]>('/api/catalog/categories?lang=en');
    expect(zh.map((category) => category.id)).toEqual(demo.categories.categories.map((category) => category.id));
    expect(zh.find((category) => category.id === 'plush')?.label).toBe('毛绒玩具');
    expect(en.find((category) => category.id === 'plush')?.label).toBe('Plush Toys');
    expect(zh.reduce((sum, category) => sum + category.count, 0)).toBe(demo.toys.toys.length);
  });

  it('products default page is popular first', async () => {
    const list = await getJson<ProductList>('/api/catalog/products');
    expect(list.total).toBe(demoToys.length);
    expect(list.items).toHaveLength(24);
    const counts = new Map<string, number>();
    for (const basket of demo.baskets.baskets) for (const item of basket.items) counts.set(item, (counts.get(item) ?? 0) + 1);
    const purchaseCounts = list.items.map((item) => counts.get(item.id) ?? 0);
    expect(purchaseCounts).toEqual([...purchaseCounts].sort((a, b) => b - a));
  });

  it('products filtered by category, age and stock', async () => {
    const list = await getJson<ProductList>('/api/catalog/products?category=vehicles&ageYears=4&inStock=1&limit=100&lang=en');
    const expected = demoToys.filter(
      (toy) => toy.category === 'vehicles' && (toy.ageMinYears as number) <= 4 && 4 <= (toy.ageMaxYears as number) && (toy.stock as number) > 0,
    );
    expect(list.total).toBe(expected.length);
    expect(list.items.map((item) => item.id).sort()).toEqual(expected.map((toy) => toy.id as string).sort());
    expect(list.items.every((item) => item.categoryLabel === 'Vehicles & Remote Control')).toBe(true);
  });

  // Each row is an age band and the toys it must list: every toy whose age range overlaps the band.
  const bands: { query: string; min: number; max: number; note: string }[] = [
    { query: 'ageMin=0&ageMax=2', min: 0, max: 2, note: 'youngest band' },
    { query: 'ageMin=3&ageMax=5', min: 3, max: 5, note: 'closed band' },
    { query: 'ageMin=13', min: 13, max: Number.POSITIVE_INFINITY, note: 'open band 13+' },
    { query: 'ageMax=2', min: 0, max: 2, note: 'only an upper end' },
    { query: 'ageMin=4&ageMax=4', min: 4, max: 4, note: 'one-year band' },
  ];
  for (const { query, min, max, note } of bands) {
    it(`products in age band: ${note}`, async () => {
      const list = await getJson<ProductList>(`/api/catalog/products?${query}&limit=${MAX_PRODUCTS_LIMIT}`);
      const expected = demoToys.filter((toy) => (toy.ageMinYears as number) <= max && min <= (toy.ageMaxYears as number));
      expect(list.total).toBe(expected.length);
      expect(list.items.map((item) => item.id).sort()).toEqual(expected.map((toy) => toy.id as string).sort());
    });
  }

  it('category without age lists accessories', async () => {
    // veh-004 and veh-005 are battery packs; a parent browsing Vehicles may look for them.
    const list = await getJson<ProductList>(`/api/catalog/products?category=vehicles&limit=${MAX_PRODUCTS_LIMIT}`);
    const expected = demo.toys.toys.filter((toy) => toy.category === 'vehicles');
    expect(list.total).toBe(expected.length);
    expect(list.items.map((item) => item.id)).toContain('veh-004');
  });

  it('age band never lists accessories', async () => {
    // The 0-2 band once listed batteries and puzzle glue, whose age range was 0-99.
    const list = await getJson<ProductList>(`/api/catalog/products?category=puzzles&ageMin=0&ageMax=2&limit=${MAX_PRODUCTS_LIMIT}`);
    const accessories = new Set(demo.toys.toys.filter((toy) => toy.accessory === true).map((toy) => toy.id));
    for (const item of list.items) expect(accessories.has(item.id), item.id).toBe(false);
  });

  it('age band lists more than one age', async () => {
    // A toy for ages 2-4 suits a 2-year-old, so the 0-2 band lists it, but the single age 1 misses it.
    const band = await getJson<ProductList>(`/api/catalog/products?ageMin=0&ageMax=2&limit=${MAX_PRODUCTS_LIMIT}`);
    const oneAge = await getJson<ProductList>(`/api/catalog/products?ageYears=1&limit=${MAX_PRODUCTS_LIMIT}`);
    const edgeOnly = band.items.filter((item) => !oneAge.items.some((other) => other.id === item.id));
    expect(edgeOnly.length, 'the demo catalog has toys at the band edge').toBeGreaterThan(0);
    for (const item of edgeOnly) expect(item.ageMinYears > 1 || item.ageMaxYears < 1, `${item.id} leaves out age 1`).toBe(true);
  });

  it('products pages do not overlap', async () => {
    const first = await getJson<ProductList>('/api/catalog/products?limit=10&offset=0');
    const second = await getJson<ProductList>('/api/catalog/products?limit=10&offset=10');
    const firstIds = new Set(first.items.map((item) => item.id));
    expect(second.items.some((item) => firstIds.has(item.id))).toBe(false);
  });

  it('products sorted by price', async () => {
    const list = await getJson<ProductList>('/api/catalog/products?sort=price_asc&limit=50');
    const prices = list.items.map((item) => item.priceYuan);
    expect(prices).toEqual([...prices].sort((a, b) => a - b));
  });

  it('unknown category gives an empty list', async () => {
    const list = await getJson<ProductList>('/api/catalog/products?category=spaceships');
    expect(list).toEqual({ items: [], total: 0 });
  });

  it('product by id in English', async () => {
    const product = await getJson<ProductView>('/api/catalog/products/veh-010?lang=en');
    expect(product.name).toBe('Thomas & Friends Motorised Railway Set');
    expect(product.brand).toBe('Thomas & Friends');
    expect(product.aisle).toBe('A04');
  });

  it('unknown product is 404', async () => {
    const body = await getJson<ApiErrorBody>('/api/catalog/products/nope-404', 404);
    expect(body.error.code).toBe('product_not_found');
    expect(body.error.message).toMatch(/nope-404/);
  });

  // Each row is one bad query parameter; all get 400 invalid_parameter naming it.
  const badQueries: { query: string; parameter: string }[] = [
    { query: '/api/catalog/products?ageYears=-1', parameter: 'ageYears' }, // negative age
    { query: '/api/catalog/products?ageYears=abc', parameter: 'ageYears' }, // not a number
    { query: '/api/catalog/products?ageYears=3.5', parameter: 'ageYears' }, // not an integer
    { query: '/api/catalog/products?ageYears=1e3', parameter: 'ageYears' }, // exponent form
    { query: '/api/catalog/products?ageYears=100', parameter: 'ageYears' }, // over the max age
    { query: '/api/catalog/products?ageMin=-1', parameter: 'ageMin' }, // negative band start
    { query: '/api/catalog/products?ageMax=two', parameter: 'ageMax' }, // band end not a number
    { query: '/api/catalog/products?ageMin=6&ageMax=3', parameter: 'ageMax' }, // band ends before it starts
    { query: '/api/catalog/products?ageYears=4&ageMin=3', parameter: 'ageYears' }, // both age forms at once
    { query: `/api/catalog/products?limit=${MAX_PRODUCTS_LIMIT + 1}`, parameter: 'limit' }, // over the cap
    { query: '/api/catalog/products?limit=0', parameter: 'limit' }, // empty page
    { query: '/api/catalog/products?limit=99999999999999999999', parameter: 'limit' }, // overflow
    { query: '/api/catalog/products?offset=-5', parameter: 'offset' }, // negative offset
    { query: '/api/catalog/products?lang=fr', parameter: 'lang' }, // unsupported language
    { query: '/api/catalog/categories?lang=zh', parameter: 'lang' }, // language without region
    { query: '/api/catalog/products?sort=random', parameter: 'sort' }, // unknown sort
    { query: '/api/catalog/products?inStock=yes', parameter: 'inStock' }, // not 1 or 0
    { query: '/api/catalog/products?category=..%2Fetc', parameter: 'category' }, // path in category
    { query: '/api/catalog/products/veh-011/similar?limit=51', parameter: 'limit' }, // similar over the cap
    { query: '/api/catalog/store-map?lang=EN', parameter: 'lang' }, // wrong case
  ];
  for (const { query, parameter } of badQueries) {
    it(`rejects ${query.split('?')[1]}`, async () => {
      const body = await getJson<ApiErrorBody>(query, 400);
      expect(body.error.code).toBe('invalid_parameter');
      expect(body.error.message).toContain(`Invalid ${parameter} `);
    });
  }

  it('similar toys include add-ons bought together', async () => {
    // veh-010 is the Thomas railway set and veh-011 its expansion track;
    // veh-013 is the wooden railway and veh-014 its track pack.
    for (const [setId, trackId] of [['veh-010', 'veh-011'], ['veh-013', 'veh-014']] as const) {
      const similar = await getJson<Suggestion[]>(`/api/catalog/products/${setId}/similar?lang=en&limit=8`);
      const track = similar.find((suggestion) => suggestion.product.id === trackId);
      expect(track?.reason, setId).toBe('Often bought together');
      expect(similar.length, setId).toBeLessThanOrEqual(8);
    }
  });

  it('similar toys are in stock and exclude the product', async () => {
    for (const id of ['dol-003', 'fig-014', 'plu-001', 'puz-004']) {
      const similar = await getJson<Suggestion[]>(`/api/catalog/products/${id}/similar?limit=20`);
      expect(similar.length, id).toBeGreaterThan(0);
      expect(similar.every((suggestion) => suggestion.product.stock > 0), id).toBe(true);
      expect(similar.some((suggestion) => suggestion.product.id === id), id).toBe(false);
      const scores = similar.map((suggestion) => suggestion.score);
      expect(scores, id).toEqual([...scores].sort((a, b) => b - a));
    }
  });

  it('similar accessories are bought together', async () => {
    // Puzzle glue reads like a puzzle, but it is shown only as an add-on, never as "a similar toy".
    const accessories = new Set(demo.toys.toys.filter((toy) => toy.accessory === true).map((toy) => toy.id as string));
    for (const id of ['puz-015', 'puz-004', 'veh-001', 'fig-014']) {
      const similar = await getJson<Suggestion[]>(`/api/catalog/products/${id}/similar?lang=en&limit=50`);
      for (const { product, reason } of similar.filter((suggestion) => accessories.has(suggestion.product.id))) {
        expect(reason, `${product.id} next to ${id}`).toBe('Often bought together');
      }
    }
  });

  it('similar toys of an unknown product is 404', async () => {
    const body = await getJson<ApiErrorBody>('/api/catalog/products/nope/similar', 404);
    expect(body.error.code).toBe('product_not_found');
  });

  it('store map with labels and every toy aisle', async () => {
    const map = await getJson<StoreMapView>('/api/catalog/store-map?lang=zh-CN');
    expect(map.width).toBeGreaterThan(0);
    expect(map.entrance).toEqual(expect.objectContaining({ x: expect.any(Number), w: expect.any(Number) }));
    const aisles = new Set(map.aisles.map((aisle) => aisle.id));
    for (const toy of demo.toys.toys) expect(aisles.has(toy.aisle as string), toy.id as string).toBe(true);
    expect(map.aisles.find((aisle) => aisle.id === 'A03')?.label).toBe('毛绒玩具');
    // The map draws the short label and the sentence under it names the full one.
    expect(map.aisles.find((aisle) => aisle.id === 'A05')?.shortLabel).toBe('动漫人偶');
    expect(map.aisles.find((aisle) => aisle.id === 'A05')?.label).toBe('动漫人偶与发射器');
  });
});
