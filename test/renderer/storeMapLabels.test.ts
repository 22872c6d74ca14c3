// The demo store map's aisle labels must be readable on the kiosk: drawn
// whole, at (nearly) the full label size, in both languages. Long category
// names were once cut ("Building Bloc…") or shrunk to about 7 px.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { storeMapFileSchema } from '../../main/catalog/catalogSchema.js';
import { layoutLabel } from '../../renderer/src/kiosk/storeMap.js';

const MAP_FILE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../assets/store/storeMap.json');
const map = storeMapFileSchema.parse(JSON.parse(fs.readFileSync(MAP_FILE, 'utf8')));
/** Same base size as StoreMapView: the longer side of the plan over 36. */
const BASE_FONT_SIZE = Math.max(map.width, map.height) / 36;
/** Share of the base size a label may shrink to and still read well from a step away. */
const MIN_READABLE_SCALE = 0.9;

describe('demo store map labels', () => {
  for (const lang of ['zh-CN', 'en'] as const) {
    for (const aisle of map.aisles) {
      it(`${aisle.id} fits in ${lang}`, () => {
        expect(aisle.shortLabel, 'every demo aisle has a map label').toBeDefined();
        const text = aisle.shortLabel![lang];
        const layout = layoutLabel(aisle, text, BASE_FONT_SIZE);
        expect(layout.text).toBe(text);
        expect(layout.fontSize / BASE_FONT_SIZE).toBeGreaterThanOrEqual(MIN_READABLE_SCALE);
      });
    }
  }
});
