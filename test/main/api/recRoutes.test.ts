import fs from 'node:fs';
import type http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Router } from '../../../main/api/router.js';
import { createApiServer } from '../../../main/api/server.js';
import type { ApiErrorBody, MemberSummary, Suggestion } from '../../../main/api/wire.js';
import { registerKioskRoutes, startCatalogServices } from '../../../main/catalog/catalogServices.js';
import { createSilentLogger } from '../../../main/log/logger.js';
import type { Db } from '../../../main/storage/database.js';
import { makeTempDir, openTempDatabase, readDemoCatalog, writeCatalog } from '../catalog/catalogFixture.js';

let dir: string;
let db: Db;
let server: http.Server;
let baseUrl: string;
const demo = readDemoCatalog();

beforeAll(async () => {
  dir = makeTempDir('rec-routes');
  db = openTempDatabase(dir);
  writeCatalog(dir, demo);
  const services = startCatalogServices({ db, assetsDir: dir, logger: createSilentLogger() });
  const router = new Router();
  registerKioskRoutes(router, services);
  server = createApiServer({ router, staticDir: dir, logger: createSilentLogger() });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function post<T>(body: unknown, expectedStatus = 200): Promise<T> {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  const response = await fetch(`${baseUrl}/api/rec/recommend`, { method: 'POST', body: text, headers: { 'content-type': 'application/json' } });
  expect(response.status, text.slice(0, 80)).toBe(expectedStatus);
  return (await response.json()) as T;
}

async function get<T>(path: string, expectedStatus = 200): Promise<T> {
  const response = await fetch(`${baseUrl}${path}`);
  expect(response.status, path).toBe(expectedStatus);
  return (await response.json()) as T;
}

/** Product ids a member bought, from the demo baskets. */
function memberPurchases(memberCode: string): Set<string> {
  return new Set(demo.baskets.baskets.filter((basket) => basket.memberCode === memberCode).flatMap((basket) => basket.items));
}

describe('POST /api/rec/recommend', () => {
  it('suggests the add-on of a visited train set', async () => {
    // veh-010 is the Thomas railway set; veh-011 is its expansion track.
    const suggestions = await post<Suggestion[]>({ lang: 'en', visitItems: ['veh-010'], k: 5 });
    expect(suggestions).toHaveLength(5);
    expect(suggestions[0]!.product.id).toBe('veh-011');
    expect(suggestions[0]!.reason).toBe('Often bought with Thomas & Friends Motorised Railway Set');
  });

  it('excludes visited and out-of-stock toys', async () => {
    const visitItems = ['veh-010', 'dol-003', 'fig-014'];
    const suggestions = await post<Suggestion[]>({ visitItems, k: 50 });
    expect(suggestions).toHaveLength(50);
    for (const suggestion of suggestions) {
      expect(visitItems).not.toContain(suggestion.product.id);
      expect(suggestion.product.stock).toBeGreaterThan(0);
    }
  });

  it('defaults to twelve Chinese suggestions', async () => {
    const suggestions = await post<Suggestion[]>({ visitItems: [] });
    expect(suggestions).toHaveLength(12);
    expect(suggestions[0]!.reason).toMatch(/[\u4e00-\u9fff]/);
  });

  it('keeps quiz age and budget', async () => {
    const suggestions = await post<Suggestion[]>({ lang: 'en', visitItems: [], quiz: { ageYears: 2, budgetYuan: 60 }, k: 20 });
    expect(suggestions.length).toBeGreaterThan(0);
    for (const { product } of suggestions) {
      expect(product.ageMinYears, product.id).toBeLessThanOrEqual(2);
      expect(product.ageMaxYears, product.id).toBeGreaterThanOrEqual(2);
      expect(product.priceYuan, product.id).toBeLessThanOrEqual(60);
    }
  });

  it('ranks quiz interests first', async () => {
    const suggestions = await post<Suggestion[]>({ lang: 'en', visitItems: [], quiz: { ageYears: 7, interests: ['dinosaur'] }, k: 3 });
    for (const { product, reason } of suggestions) {
      expect(`${product.name} ${product.description}`.toLowerCase(), product.id).toContain('dinosaur');
      expect(reason).toBe("Matches your child's interests");
    }
  });

  it('leaves out what a member bought', async () => {
    const purchases = memberPurchases('M100005');
    expect(purchases.size).toBeGreaterThan(0);
    const suggestions = await post<Suggestion[]>({ visitItems: [], memberCode: 'M100005', k: 30 });
    expect(suggestions).toHaveLength(30);
    for (const { product } of suggestions) expect(purchases.has(product.id), product.id).toBe(false);
  });

  it('accepts an unknown member code', async () => {
    const suggestions = await post<Suggestion[]>({ visitItems: ['veh-010'], memberCode: 'M999999', k: 4 });
    expect(suggestions).toHaveLength(4);
  });

  it('ignores unknown visit items', async () => {
    const suggestions = await post<Suggestion[]>({ visitItems: ['gone-001'], k: 4 });
    expect(suggestions).toHaveLength(4);
  });

  // Each row is one malformed request body; all get 400 with the field named.
  const badBodies: { name: string; body: unknown; field: string }[] = [
    { name: 'missing visitItems', body: { lang: 'en' }, field: 'visitItems' },
    { name: 'visitItems not a list', body: { visitItems: 'veh-010' }, field: 'visitItems' },
    { name: 'visit item with path', body: { visitItems: ['../secret'] }, field: 'visitItems.0' },
    { name: 'too many visit items', body: { visitItems: Array.from({ length: 101 }, (_, i) => `x-${i}`) }, field: 'visitItems' },
    { name: 'k zero', body: { visitItems: [], k: 0 }, field: 'k' },
    { name: 'k over the cap', body: { visitItems: [], k: 51 }, field: 'k' },
    { name: 'negative age', body: { visitItems: [], quiz: { ageYears: -1 } }, field: 'quiz.ageYears' },
    { name: 'age as text', body: { visitItems: [], quiz: { ageYears: 'five' } }, field: 'quiz.ageYears' },
    { name: 'negative budget', body: { visitItems: [], quiz: { budgetYuan: -5 } }, field: 'quiz.budgetYuan' },
    { name: 'too many interests', body: { visitItems: [], quiz: { interests: Array(11).fill('lego') } }, field: 'quiz.interests' },
    { name: 'unsupported language', body: { visitItems: [], lang: 'fr' }, field: 'lang' },
    { name: 'phone as member code', body: { visitItems: [], memberCode: '13800138000' }, field: 'memberCode' },
    { name: 'gender field', body: { visitItems: [], quiz: { gender: 'girl' } }, field: 'quiz' },
    { name: 'body is a list', body: [], field: '(body)' },
  ];
  for (const { name, body, field } of badBodies) {
    it(`rejects ${name}`, async () => {
      const error = await post<ApiErrorBody>(body, 400);
      expect(error.error.code).toBe('invalid_parameter');
      expect(error.error.message).toContain(`Invalid recommendation request: ${field}:`);
    });
  }

  it('rejects invalid JSON', async () => {
    const error = await post<ApiErrorBody>('{"visitItems": [', 400);
    expect(error.error.code).toBe('invalid_json');
  });

  it('rejects a body over 1 MiB', async () => {
    const error = await post<ApiErrorBody>({ visitItems: [], padding: 'x'.repeat(1024 * 1024) }, 413);
    expect(error.error.code).toBe('body_too_large');
  });
});

describe('GET /api/catalog/products/:id/together', () => {
  it('lists add-ons bought together', async () => {
    const together = await get<Suggestion[]>('/api/catalog/products/veh-013/together?lang=en');
    // veh-013 is the wooden railway set and veh-014 its track pack.
    expect(together[0]!.product.id).toBe('veh-014');
    expect(together.every((suggestion) => suggestion.reason === 'Often bought together')).toBe(true);
    expect(together.every((suggestion) => suggestion.product.stock > 0)).toBe(true);
    expect(together.length).toBeLessThanOrEqual(6);
  });

  it('unknown product is 404', async () => {
    const error = await get<ApiErrorBody>('/api/catalog/products/nope-1/together', 404);
    expect(error.error.code).toBe('product_not_found');
  });

  it('rejects limit over the cap', async () => {
    const error = await get<ApiErrorBody>('/api/catalog/products/veh-013/together?limit=500', 400);
    expect(error.error.code).toBe('invalid_parameter');
  });
});

describe('GET /api/members/:code', () => {
  it('known member visits and last visit', async () => {
    const baskets = demo.baskets.baskets.filter((basket) => basket.memberCode === 'M100005');
    const member = await get<MemberSummary>('/api/members/M100005');
    expect(member).toEqual({ found: true, visits: baskets.length, lastVisit: baskets.map((basket) => basket.at).sort().at(-1) });
  });

  it('unknown member is 404', async () => {
    const error = await get<ApiErrorBody>('/api/members/M999999', 404);
    expect(error.error.code).toBe('member_not_found');
  });

  it('malformed member code is 400', async () => {
    const error = await get<ApiErrorBody>('/api/members/13800138000', 400);
    expect(error.error.code).toBe('invalid_parameter');
  });
});
