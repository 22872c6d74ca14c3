import fs from 'node:fs';
import type http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { Router } from '../../../main/api/router.js';
import { createApiServer } from '../../../main/api/server.js';
import type { ApiErrorBody, ProductList } from '../../../main/api/wire.js';
import { registerKioskRoutes, startCatalogServices } from '../../../main/catalog/catalogServices.js';
import { createSilentLogger } from '../../../main/log/logger.js';
import { makeTempDir, openTempDatabase, readDemoCatalog, writeCatalog } from './catalogFixture.js';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** Starts the kiosk routes over a temp database and the given asset folder. */
async function startKiosk(dir: string): Promise<{ baseUrl: string; services: ReturnType<typeof startCatalogServices> }> {
  const db = openTempDatabase(dir);
  cleanups.push(() => {
    db.close();
  });
  const services = startCatalogServices({ db, assetsDir: dir, logger: createSilentLogger() });
  const router = new Router();
  registerKioskRoutes(router, services);
  const server: http.Server = createApiServer({ router, staticDir: dir, logger: createSilentLogger() });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  cleanups.push(() => new Promise<void>((resolve) => server.close(() => resolve())));
  return { baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, services };
}

function tempDir(): string {
  const dir = makeTempDir('catalog-services');
  cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

describe('startCatalogServices', () => {
  it('first start with a broken catalog serves errors', async () => {
    const dir = tempDir();
    const broken = readDemoCatalog();
    broken.toys.toys[5]!.priceYuan = -1;
    writeCatalog(dir, broken);

    const { baseUrl, services } = await startKiosk(dir);

    expect(services.sync.status).toBe('rejected');
    expect(services.similarToys).toBeNull();
    expect(services.recommendations).toBeNull();
    const list = (await (await fetch(`${baseUrl}/api/catalog/products`)).json()) as ProductList;
    expect(list).toEqual({ items: [], total: 0 });
    const map = await fetch(`${baseUrl}/api/catalog/store-map`);
    expect(map.status).toBe(503);
    expect(((await map.json()) as ApiErrorBody).error.code).toBe('catalog_unavailable');
    const recommend = await fetch(`${baseUrl}/api/rec/recommend`, { method: 'POST', body: '{"visitItems":[]}' });
    expect(recommend.status).toBe(503);
    expect(((await recommend.json()) as ApiErrorBody).error.code).toBe('recommender_unavailable');
  });

  it('restart with a broken catalog keeps serving the stored one', async () => {
    const dir = tempDir();
    writeCatalog(dir);
    const db = openTempDatabase(dir);
    startCatalogServices({ db, assetsDir: dir, logger: createSilentLogger() });
    db.close();
    const broken = readDemoCatalog();
    broken.baskets.baskets[0]!.items = ['missing-toy'];
    writeCatalog(dir, broken);

    const { baseUrl, services } = await startKiosk(dir);

    expect(services.sync.status).toBe('rejected');
    expect(services.recommendations).not.toBeNull();
    const list = (await (await fetch(`${baseUrl}/api/catalog/products?limit=5`)).json()) as ProductList;
    // The all-categories list leaves accessories out.
    expect(list.total).toBe(broken.toys.toys.filter((toy) => toy.accessory !== true).length);
    const similar = await fetch(`${baseUrl}/api/catalog/products/veh-010/similar`);
    expect(similar.status).toBe(200);
  });
});
