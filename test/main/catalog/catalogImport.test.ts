import fs from 'node:fs';
import { Writable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { syncCatalog } from '../../../main/catalog/catalogImport.js';
import { CatalogStore } from '../../../main/catalog/catalogStore.js';
import { createRootLogger, createSilentLogger, type Logger } from '../../../main/log/logger.js';
import type { Db } from '../../../main/storage/database.js';
import { makeTempDir, openTempDatabase, readDemoCatalog, writeCatalog } from './catalogFixture.js';

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

function setUp(): { dir: string; db: Db } {
  const dir = makeTempDir('catalog-import');
  const db = openTempDatabase(dir);
  cleanups.push(() => {
    db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
  return { dir, db };
}

/** Creates a logger that keeps its JSON lines in `lines`. */
function capturingLogger(): { logger: Logger; lines: Record<string, unknown>[] } {
  const lines: Record<string, unknown>[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(JSON.parse(chunk.toString('utf8')) as Record<string, unknown>);
      done();
    },
  });
  return { logger: createRootLogger({ level: 'info', destination }), lines };
}

describe('syncCatalog', () => {
  it('imports the demo catalog', () => {
    const { dir, db } = setUp();
    const demo = readDemoCatalog();
    const result = syncCatalog(db, writeCatalog(dir, demo), createSilentLogger());

    expect(result).toEqual({ status: 'imported', productCount: demo.toys.toys.length, basketCount: demo.baskets.baskets.length });
    const store = new CatalogStore(db);
    expect(store.listProductRecords()).toHaveLength(demo.toys.toys.length);
    expect(store.listBaskets()).toHaveLength(demo.baskets.baskets.length);
    const accessories = store.listProductRecords().filter((record) => record.accessory).map((record) => record.id);
    expect(accessories).toEqual(demo.toys.toys.filter((toy) => toy.accessory === true).map((toy) => toy.id as string).sort());
    expect(accessories).toContain('veh-004');
  });

  it('skips an unchanged catalog and keeps stock edits', () => {
    const { dir, db } = setUp();
    const paths = writeCatalog(dir);
    syncCatalog(db, paths, createSilentLogger());
    // A head-office update changes stock and price in the database only.
    db.prepare("UPDATE catalog_products SET stock = 77, price_yuan = 55 WHERE id = 'blk-001'").run();

    const second = syncCatalog(db, paths, createSilentLogger());

    expect(second.status).toBe('unchanged');
    const product = new CatalogStore(db).getProduct('blk-001', 'en');
    expect(product?.stock).toBe(77);
    expect(product?.priceYuan).toBe(55);
  });

  it('keeps the stored catalog when files are rejected', () => {
    const { dir, db } = setUp();
    syncCatalog(db, writeCatalog(dir), createSilentLogger());
    const broken = readDemoCatalog();
    broken.toys.toys[0]!.stock = -5;
    const { logger, lines } = capturingLogger();

    const result = syncCatalog(db, writeCatalog(dir, broken), logger);

    if (result.status !== 'rejected') throw new Error(`expected a rejection, got ${result.status}`);
    expect(result.code).toBe('catalog_invalid');
    expect(result.storedProductCount).toBe(broken.toys.toys.length);
    expect(result.message).toMatch(/toys\[0\] \(id "blk-001"\)\.stock/);
    const error = lines.find((line) => line.level === 50);
    expect(error?.msg).toBe('catalog files rejected, keeping the stored catalog');
    expect(new CatalogStore(db).getProduct('blk-001', 'zh-CN')?.stock).toBe(readDemoCatalog().toys.toys[0]!.stock);
  });

  it('rejects files on an empty database without throwing', () => {
    const { dir, db } = setUp();
    const broken = readDemoCatalog();
    broken.storeMap.width = 'wide';

    const result = syncCatalog(db, writeCatalog(dir, broken), createSilentLogger());

    expect(result).toMatchObject({ status: 'rejected', code: 'catalog_invalid', storedProductCount: 0 });
    expect(new CatalogStore(db).getStoreMap('en')).toBeNull();
  });

  it('keeps the stored catalog when writing fails', () => {
    const { dir, db } = setUp();
    syncCatalog(db, writeCatalog(dir), createSilentLogger());
    const changed = readDemoCatalog();
    changed.toys.toys[0]!.stock = 99;
    // A disk cannot be filled safely here, so a trigger makes SQLite fail the write the same way.
    db.exec("CREATE TRIGGER fail_basket_insert BEFORE INSERT ON catalog_baskets BEGIN SELECT RAISE(FAIL, 'database or disk is full'); END;");

    const result = syncCatalog(db, writeCatalog(dir, changed), createSilentLogger());

    expect(result).toMatchObject({ status: 'rejected', code: 'catalog_import_failed', storedProductCount: changed.toys.toys.length });
    expect(result.status === 'rejected' ? result.message : '').toMatch(/disk is full.*Check free disk space/);
    const store = new CatalogStore(db);
    expect(store.getProduct('blk-001', 'en')?.stock).toBe(readDemoCatalog().toys.toys[0]!.stock);
    expect(store.listBaskets()).toHaveLength(changed.baskets.baskets.length);
  });

  it('deactivates toys that leave the catalog', () => {
    const { dir, db } = setUp();
    syncCatalog(db, writeCatalog(dir), createSilentLogger());
    const smaller = readDemoCatalog();
    const removedId = smaller.toys.toys.pop()!.id as string;
    smaller.baskets.baskets = smaller.baskets.baskets.filter((basket) => !basket.items.includes(removedId));
    smaller.toys.toys[0]!.priceYuan = 123;

    const result = syncCatalog(db, writeCatalog(dir, smaller), createSilentLogger());

    expect(result.status).toBe('imported');
    const store = new CatalogStore(db);
    expect(store.getProduct(removedId, 'en')).toBeNull();
    expect(store.getProduct('blk-001', 'en')?.priceYuan).toBe(123);
    const stored = db.prepare('SELECT active FROM catalog_products WHERE id = ?').pluck().get(removedId);
    expect(stored).toBe(0);
  });

  it('counts purchases from the baskets', () => {
    const { dir, db } = setUp();
    const demo = readDemoCatalog();
    syncCatalog(db, writeCatalog(dir, demo), createSilentLogger());

    const expected = new Map<string, number>();
    for (const basket of demo.baskets.baskets) for (const item of basket.items) expected.set(item, (expected.get(item) ?? 0) + 1);
    for (const record of new CatalogStore(db).listProductRecords()) {
      expect(record.purchaseCount, record.id).toBe(expected.get(record.id) ?? 0);
    }
  });
});
