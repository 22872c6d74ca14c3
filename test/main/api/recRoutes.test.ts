import fs from 'node:fs';
import type http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { registerCatalogRoutes } from '../../../main/api/catalogRoutes.js';
import { registerRecRoutes } from '../../../main/api/recRoutes.js';
import { Router } from '../../../main/api/router.js';
import { createApiServer, pathForLog } from '../../../main/api/server.js';
import type { ApiErrorBody, MemberSummary, Suggestion } from '../../../main/api/wire.js';
import { startCatalogServices } from '../../../main/catalog/catalogServices.js';
import { createRootLogger } from '../../../main/log/logger.js';
import { KIOSK_REASON_TEXT } from '../../../main/rec/kioskReasons.js';
import { MEMBER_LOOKUPS_PER_MINUTE, MEMBER_LOOKUPS_PER_SECOND, MemberLookupLimiter } from '../../../main/rec/memberLookupLimiter.js';
import type { Db } from '../../../main/storage/database.js';
import { makeTempDir, openTempDatabase, readDemoCatalog, writeCatalog } from '../catalog/catalogFixture.js';

let dir: string;
let db: Db;
let server: http.Server;
let baseUrl: string;
const demo = readDemoCatalog();
/** Clock of the member look-up limit. Tests move it forward. */
let nowMs = Date.parse('2026-12-01T10:00:00Z');
/** Every log line of the services and the server, as written. */
const logLines: string[] = [];

beforeAll(async () => {
  dir = makeTempDir('rec-routes');
  db = openTempDatabase(dir);
  writeCatalog(dir, demo);
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      logLines.push(chunk.toString('utf8'));
      done();
    },
  });
  const logger = createRootLogger({ level: 'debug', destination });
  const services = startCatalogServices({ db, assetsDir: dir, logger });
  const router = new Router();
  registerCatalogRoutes(router, { catalog: services.catalog, similarToys: services.similarToys });
  registerRecRoutes(router, {
    catalog: services.catalog,
    recommendations: services.recommendations,
    memberLookupLimiter: new MemberLookupLimiter(() => nowMs),
  });
  // A route that fails with a code in its path, to see what the server logs about the path.
  router.get('/api/failing/:code', () => {
    throw new Error('handler failed');
  });
  server = createApiServer({ router, staticDir: dir, logger });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

// A fresh minute for every test, so look-ups of one test never hit the limit in another.
beforeEach(() => {
  nowMs += 61_000;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function post<T>(body: unknown, expectedStatus = 200, path = '/api/rec/recommend'): Promise<T> {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  const response = await fetch(`${baseUrl}${path}`, { method: 'POST', body: text, headers: { 'content-type': 'application/json' } });
  expect(response.status, text.slice(0, 80)).toBe(expectedStatus);
  return (await response.json()) as T;
}

async function lookup(code: unknown): Promise<Response> {
  return fetch(`${baseUrl}/api/members/lookup`, { method: 'POST', body: JSON.stringify({ code }), headers: { 'content-type': 'application/json' } });
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

/** Members with the most baskets in the demo data, most first. */
function busiestMembers(count: number): string[] {
  const visits = new Map<string, number>();
  for (const { memberCode } of demo.baskets.baskets) if (memberCode) visits.set(memberCode, (visits.get(memberCode) ?? 0) + 1);
  return [...visits].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, count).map(([code]) => code);
}

/** Names of demo toys in both languages, by id. */
const toyNames = new Map(demo.toys.toys.map((toy) => {
  const name = toy.name as Record<'zh-CN' | 'en', string>;
  return [toy.id as string, [name['zh-CN'], name.en]] as const;
}));

const PLAIN_REASONS = new Set(Object.values(KIOSK_REASON_TEXT).flatMap((templates) => Object.values(templates.plain)));

describe('POST /api/rec/recommend', () => {
  it('suggests the add-on of a visited train set', async () => {
    // veh-010 is the Thomas railway set; veh-011 is its expansion track.
    const suggestions = await post<Suggestion[]>({ lang: 'en', visitItems: ['veh-010'], k: 5 });
    expect(suggestions).toHaveLength(5);
    expect(suggestions[0]!.product.id).toBe('veh-011');
    expect(suggestions[0]!.reason).toBe('Because you looked at Thomas & Friends Motorised Railway Set');
  });

  it('names the visited toy in Chinese', async () => {
    const suggestions = await post<Suggestion[]>({ lang: 'zh-CN', visitItems: ['veh-010'], k: 1 });
    expect(suggestions[0]!.reason).toBe(`因为你看了「${toyNames.get('veh-010')![0]}」`);
  });

  it('explains an empty visit as store trends', async () => {
    const suggestions = await post<Suggestion[]>({ lang: 'en', visitItems: [], k: 12 });
    expect(new Set(suggestions.map((suggestion) => suggestion.reason))).toEqual(new Set(['Trending in this store']));
  });

  it('explains a quiz age as popular for it', async () => {
    const suggestions = await post<Suggestion[]>({ lang: 'zh-CN', visitItems: [], quiz: { ageYears: 4 }, k: 12 });
    expect(suggestions.length).toBeGreaterThan(0);
    expect(new Set(suggestions.map((suggestion) => suggestion.reason))).toEqual(new Set(['同年龄段热卖']));
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

  it('quiz for a baby suggests no accessory', async () => {
    // Under 1, board games, under ¥50: once answered with batteries, puzzle glue and frames first.
    const accessories = new Set(demo.toys.toys.filter((toy) => toy.accessory === true).map((toy) => toy.id as string));
    expect(accessories.has('puz-007')).toBe(true);
    for (const lang of ['zh-CN', 'en'] as const) {
      const interest = lang === 'en' ? 'Board Games' : '桌游棋牌';
      const quiz = { ageYears: 0, interests: [interest], budgetYuan: 50 };
      const suggestions = await post<Suggestion[]>({ lang, visitItems: [], quiz, k: 12 });
      expect(suggestions.length, lang).toBeGreaterThan(0);
      for (const { product } of suggestions) {
        expect(accessories.has(product.id), product.id).toBe(false);
        expect(product.ageMinYears, product.id).toBe(0);
        expect(product.priceYuan, product.id).toBeLessThanOrEqual(50);
      }
    }
  });

  it('trending list has no accessory', async () => {
    const accessories = new Set(demo.toys.toys.filter((toy) => toy.accessory === true).map((toy) => toy.id as string));
    const suggestions = await post<Suggestion[]>({ lang: 'en', visitItems: [], k: 50 });
    for (const { product } of suggestions) expect(accessories.has(product.id), product.id).toBe(false);
  });

  it('ranks quiz interests first', async () => {
    const suggestions = await post<Suggestion[]>({ lang: 'en', visitItems: [], quiz: { ageYears: 7, interests: ['dinosaur'] }, k: 3 });
    // The recommender matches interests against tags too, e.g. the T-Rex plush tagged `dinosaur`.
    const tagsOf = (id: string) => (demo.toys.toys.find((toy) => toy.id === id)?.tags as string[] | undefined) ?? [];
    for (const { product, reason } of suggestions) {
      expect(`${product.name} ${product.description} ${tagsOf(product.id).join(' ')}`.toLowerCase(), product.id).toContain('dinosaur');
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

  it('never names a member purchase', async () => {
    for (const code of busiestMembers(5)) {
      const purchasedNames = [...memberPurchases(code)].flatMap((id) => toyNames.get(id) ?? []);
      for (const lang of ['zh-CN', 'en'] as const) {
        const suggestions = await post<Suggestion[]>({ lang, visitItems: [], memberCode: code, k: 30 });
        expect(suggestions.length, `${code} ${lang}`).toBeGreaterThan(0);
        for (const { product, reason } of suggestions) {
          expect(PLAIN_REASONS.has(reason), `${code} ${lang} ${product.id}: ${reason}`).toBe(true);
          expect(purchasedNames.filter((name) => reason.includes(name)), `${code} ${lang} ${product.id}`).toEqual([]);
        }
      }
    }
  });

  it('gives member-driven toys the member reason', async () => {
    const [code] = busiestMembers(1);
    const suggestions = await post<Suggestion[]>({ lang: 'en', visitItems: [], memberCode: code, k: 30 });
    expect(suggestions.filter((suggestion) => suggestion.reason === 'Based on member purchases').length).toBeGreaterThan(0);
  });

  it('names only visit toys for a member', async () => {
    const [code] = busiestMembers(1);
    const visitItems = ['veh-010'];
    const suggestions = await post<Suggestion[]>({ lang: 'en', visitItems, memberCode: code, k: 30 });
    const named = suggestions.filter((suggestion) => suggestion.reason.startsWith('Because you looked at '));
    expect(named.length, 'the visited toy drives some suggestions').toBeGreaterThan(0);
    for (const { reason } of named) expect(reason).toBe(`Because you looked at ${toyNames.get('veh-010')![1]}`);
    for (const { reason } of suggestions.filter((suggestion) => !named.includes(suggestion))) {
      expect(PLAIN_REASONS.has(reason), reason).toBe(true);
    }
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

describe('POST /api/members/lookup', () => {
  it('known member gets only visits', async () => {
    const baskets = demo.baskets.baskets.filter((basket) => basket.memberCode === 'M100005');
    const response = await lookup('M100005');
    expect(response.status).toBe(200);
    expect(await response.json() as MemberSummary).toEqual({ found: true, visits: baskets.length });
  });

  it('unknown member is 404', async () => {
    const response = await lookup('M999999');
    expect(response.status).toBe(404);
    const error = (await response.json()) as ApiErrorBody;
    expect(error.error.code).toBe('member_not_found');
    expect(error.error.message, 'the code is not echoed').not.toContain('M999999');
  });

  // Each row is one malformed body; all get 400 with the field named and the value left out.
  const badBodies: { name: string; body: unknown; field: string }[] = [
    { name: 'phone number', body: { code: '13800138000' }, field: 'code' },
    { name: 'too few digits', body: { code: 'M12345' }, field: 'code' },
    { name: 'code as number', body: { code: 100258 }, field: 'code' },
    { name: 'missing code', body: {}, field: 'code' },
    { name: 'extra field', body: { code: 'M100005', name: 'x' }, field: '(body)' },
    { name: 'body is a list', body: ['M100005'], field: '(body)' },
  ];
  for (const { name, body, field } of badBodies) {
    it(`rejects ${name}`, async () => {
      const error = await post<ApiErrorBody>(body, 400, '/api/members/lookup');
      expect(error.error.code).toBe('invalid_parameter');
      expect(error.error.message).toContain(`Invalid member look-up: ${field}:`);
      expect(error.error.message).not.toContain('13800138000');
    });
  }

  it('code in the URL is not served', async () => {
    expect((await fetch(`${baseUrl}/api/members/M100005`)).status, 'the old GET route').toBe(404);
    expect((await fetch(`${baseUrl}/api/members/lookup`)).status, 'GET of the new route').toBe(405);
  });
});

describe('member look-up limit', () => {
  it('rejects the look-up past the per-second cap', async () => {
    for (let i = 0; i < MEMBER_LOOKUPS_PER_SECOND; i++) expect((await lookup('M999999')).status, `look-up ${i}`).toBe(404);
    const limited = await lookup('M100005');
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('1');
    const error = (await limited.json()) as ApiErrorBody;
    expect(error.error.code).toBe('too_many_requests');

    nowMs += 1_000;
    expect((await lookup('M100005')).status, 'a second later').toBe(200);
  });

  it('rejects the look-up past the per-minute cap', async () => {
    for (let i = 0; i < MEMBER_LOOKUPS_PER_MINUTE; i++) {
      expect((await lookup('M999999')).status, `look-up ${i}`).toBe(404);
      nowMs += 1_000;
    }
    const limited = await lookup('M100005');
    expect(limited.status).toBe(429);
    // The first look-up leaves the minute window 60 s after it was made.
    expect(limited.headers.get('retry-after')).toBe(String(60 - MEMBER_LOOKUPS_PER_MINUTE));

    nowMs += (60 - MEMBER_LOOKUPS_PER_MINUTE) * 1_000;
    expect((await lookup('M100005')).status, 'after the oldest left the window').toBe(200);
  });

  it('counts malformed codes too', async () => {
    for (let i = 0; i < MEMBER_LOOKUPS_PER_SECOND; i++) expect((await lookup('bad')).status, `look-up ${i}`).toBe(400);
    expect((await lookup('M100005')).status).toBe(429);
  });
});

describe('member code in logs', () => {
  it('no log line has a member code', async () => {
    const codes = ['M100005', 'M999999', ...busiestMembers(3)];
    for (const code of codes) {
      await lookup(code);
      await post<Suggestion[]>({ visitItems: ['veh-010'], memberCode: code, k: 4 });
    }
    const failed = await fetch(`${baseUrl}/api/failing/M100005?code=M100005`);
    expect(failed.status).toBe(500);

    const logged = logLines.join('');
    expect(logged).toContain('request failed');
    for (const code of codes) expect(logged, code).not.toContain(code);
  });

  // Each row is a request URL and the path the server logs for it.
  const cases: { url: string | undefined; expected: string }[] = [
    { url: '/api/members/M100258', expected: '/api/members/(member code)' }, // code as a path segment
    { url: '/api/members/%4D100258', expected: '/api/members/(member code)' }, // percent-encoded M
    { url: '/api/rec/recommend?memberCode=M100258', expected: '/api/rec/recommend' }, // query dropped
    { url: '/api/catalog/products/veh-010', expected: '/api/catalog/products/veh-010' }, // product ids stay
    { url: '/api/members/%E0%A4%A', expected: '/api/members/%E0%A4%A' }, // malformed escape kept as sent
    { url: undefined, expected: '/' }, // no URL at all
  ];
  for (const { url, expected } of cases) {
    it(`logs ${url ?? 'no URL'} as ${expected}`, () => {
      expect(pathForLog(url)).toBe(expected);
    });
  }
});
