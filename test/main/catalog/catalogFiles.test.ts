import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { CatalogError, defaultCatalogPaths, loadCatalogFiles, MAX_CATALOG_FILE_BYTES } from '../../../main/catalog/catalogFiles.js';
import { ASSETS_DIR, makeTempDir, readDemoCatalog, writeCatalog, type CatalogJson } from './catalogFixture.js';

const tempDirs: string[] = [];
afterEach(() => {
  for (const dir of tempDirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

function loadEdited(edit: (catalog: CatalogJson) => void) {
  const dir = makeTempDir('catalog-files');
  tempDirs.push(dir);
  const catalog = readDemoCatalog();
  edit(catalog);
  return loadCatalogFiles(writeCatalog(dir, catalog));
}

function rejection(edit: (catalog: CatalogJson) => void): CatalogError {
  try {
    loadEdited(edit);
  } catch (error) {
    if (error instanceof CatalogError) return error;
    throw error;
  }
  throw new Error('expected the catalog to be rejected');
}

describe('loadCatalogFiles', () => {
  it('accepts the demo catalog', () => {
    const { bundle, contentSha256 } = loadCatalogFiles(defaultCatalogPaths(ASSETS_DIR));
    expect(bundle.toys.length).toBeGreaterThanOrEqual(200);
    expect(bundle.categories.length).toBe(13);
    expect(bundle.baskets.length).toBeGreaterThan(1000);
    expect(contentSha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('demo toys are on the store map and in a category', () => {
    const { bundle } = loadCatalogFiles(defaultCatalogPaths(ASSETS_DIR));
    const aisles = new Set(bundle.storeMap.aisles.map((aisle) => aisle.id));
    const categories = new Set(bundle.categories.map((category) => category.id));
    for (const toy of bundle.toys) {
      expect(aisles.has(toy.aisle), `${toy.id} aisle ${toy.aisle}`).toBe(true);
      expect(categories.has(toy.category), `${toy.id} category ${toy.category}`).toBe(true);
    }
  });

  it('demo catalog has stock-outs and low stock', () => {
    const { bundle } = loadCatalogFiles(defaultCatalogPaths(ASSETS_DIR));
    expect(bundle.toys.filter((toy) => toy.stock === 0).length).toBeGreaterThan(0);
    expect(bundle.toys.filter((toy) => toy.stock > 0 && toy.stock <= 3).length).toBeGreaterThan(0);
  });

  // Each row edits one field of the demo files; the error must name the file,
  // the item (by index and id) and the field.
  const toy = (catalog: CatalogJson, i = 3) => catalog.toys.toys[i]!;
  const cases: { name: string; edit: (catalog: CatalogJson) => void; expected: RegExp[] }[] = [
    // A price sent as a string, as a spreadsheet export might.
    { name: 'price as string', edit: (c) => { toy(c).priceYuan = '199'; }, expected: [/toys\.json/, /toys\[3\] \(id "blk-004"\)\.priceYuan/] },
    // Negative stock from a bad head-office feed.
    { name: 'negative stock', edit: (c) => { toy(c).stock = -2; }, expected: [/toys\[3\] \(id "blk-004"\)\.stock: must not be negative/] },
    // Fractional stock is not a count.
    { name: 'fractional stock', edit: (c) => { toy(c).stock = 1.5; }, expected: [/\.stock/] },
    // A 100 000-character name would break every screen and bloat the database.
    { name: 'huge name', edit: (c) => { (toy(c).name as Record<string, string>).en = 'x'.repeat(100_000); }, expected: [/\.name\.en: must be at most 120 characters/] },
    // A line break or NUL in text can forge log lines.
    { name: 'control character', edit: (c) => { (toy(c).description as Record<string, string>)['zh-CN'] = '好玩\n{"level":50}'; }, expected: [/description\.zh-CN: must not contain control characters/] },
    // Empty text after trimming.
    { name: 'blank name', edit: (c) => { (toy(c).name as Record<string, string>)['zh-CN'] = '   '; }, expected: [/name\.zh-CN: must not be empty/] },
    // Missing English description.
    { name: 'missing language', edit: (c) => { delete (toy(c).description as Record<string, string>).en; }, expected: [/description\.en/] },
    // Two toys with one id would silently overwrite each other.
    { name: 'duplicate toy id', edit: (c) => { toy(c, 7).id = toy(c, 2).id; }, expected: [/toys\[7\] \(id "blk-003"\)\.id: duplicate id, already used by toys\[2\]/] },
    // An id with a path or script in it.
    { name: 'id with slash', edit: (c) => { toy(c).id = '../etc/passwd'; }, expected: [/toys\[3\] \(id "\.\.\/etc\/passwd"\)\.id: must be 1-40 lower-case/] },
    // An extra field such as `__proto__` is rejected, not copied.
    { name: 'unknown field', edit: (c) => { Object.defineProperty(toy(c), '__proto__', { value: { admin: true }, enumerable: true }); }, expected: [/toys\[3\] \(id "blk-004"\)/, /__proto__/] },
    // Age range upside down.
    { name: 'age range reversed', edit: (c) => { toy(c).ageMinYears = 10; toy(c).ageMaxYears = 3; }, expected: [/ageMinYears: ageMinYears must not be greater than ageMaxYears/] },
    // Age beyond the "no upper limit" value.
    { name: 'age over 99', edit: (c) => { toy(c).ageMaxYears = 150; }, expected: [/\.ageMaxYears/] },
    // The accessory flag is a boolean, not a word.
    { name: 'accessory flag as text', edit: (c) => { toy(c).accessory = 'yes'; }, expected: [/\.accessory/] },
    // Hue outside the colour wheel.
    { name: 'hue out of range', edit: (c) => { toy(c).imageHue = 360; }, expected: [/\.imageHue/] },
    // Category that categories.json does not define.
    { name: 'unknown category', edit: (c) => { toy(c).category = 'weapons'; }, expected: [/toys\[3\] \(id "blk-004"\)\.category: unknown category "weapons"/] },
    // Aisle that the store map does not have.
    { name: 'unknown aisle', edit: (c) => { toy(c).aisle = 'Z99'; }, expected: [/\.aisle: aisle "Z99" is not on the store map/] },
    // Catalog without any toy.
    { name: 'empty catalog', edit: (c) => { c.toys.toys = []; }, expected: [/toys: must contain at least one toy/] },
    // Unsupported file version.
    { name: 'wrong version', edit: (c) => { c.toys.version = 2; }, expected: [/version/] },
    // Duplicate category id.
    { name: 'duplicate category', edit: (c) => { c.categories.categories[1]!.id = c.categories.categories[0]!.id; }, expected: [/categories\.json/, /duplicate id/] },
    // Store map aisle with a negative width.
    { name: 'negative aisle width', edit: (c) => { c.storeMap.aisles[0]!.w = -1; }, expected: [/storeMap\.json/, /aisles\[0\] \(id "A01"\)\.w/] },
    // A basket naming a toy the catalog does not have.
    { name: 'basket unknown toy', edit: (c) => { c.baskets.baskets[0]!.items.push('nope-001'); }, expected: [/baskets\.json/, /baskets\[0\] \(id "B00001"\)\.items: unknown toy ids "nope-001"/] },
    // A basket with the same toy twice.
    { name: 'basket repeated toy', edit: (c) => { const items = c.baskets.baskets[0]!.items; items.push(items[0]!); }, expected: [/a toy id is listed twice/] },
    // A member code carrying personal data instead of a code.
    { name: 'member code with phone', edit: (c) => { c.baskets.baskets[0]!.memberCode = '13800138000'; }, expected: [/memberCode: must be M followed by 6-12 digits/] },
  ];

  for (const { name, edit, expected } of cases) {
    it(`rejects ${name}`, () => {
      const error = rejection(edit);
      expect(error.code).toBe('catalog_invalid');
      for (const pattern of expected) expect(error.message).toMatch(pattern);
    });
  }

  it('lists at most ten problems', () => {
    const error = rejection((c) => {
      for (const entry of c.toys.toys.slice(0, 15)) entry.stock = -1;
    });
    expect(error.message).toMatch(/and 5 more/);
  });

  it('rejects invalid JSON', () => {
    const dir = makeTempDir('catalog-files');
    tempDirs.push(dir);
    const paths = writeCatalog(dir);
    fs.writeFileSync(paths.toys, '{"version": 1, "toys": [');
    expect(() => loadCatalogFiles(paths)).toThrow(expect.objectContaining({ code: 'catalog_invalid_json' }));
  });

  it('rejects a missing file', () => {
    const dir = makeTempDir('catalog-files');
    tempDirs.push(dir);
    const paths = writeCatalog(dir);
    fs.rmSync(paths.baskets);
    expect(() => loadCatalogFiles(paths)).toThrow(expect.objectContaining({ code: 'catalog_file_missing' }));
  });

  it('rejects an oversized file', () => {
    const dir = makeTempDir('catalog-files');
    tempDirs.push(dir);
    const paths = writeCatalog(dir);
    fs.writeFileSync(paths.categories, Buffer.alloc(MAX_CATALOG_FILE_BYTES + 1, 0x20));
    expect(() => loadCatalogFiles(paths)).toThrow(expect.objectContaining({ code: 'catalog_file_too_large' }));
  });
});
