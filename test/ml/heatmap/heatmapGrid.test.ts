import { describe, expect, it } from 'vitest';
import { HeatmapError, HeatmapGrid } from '../../../ml/heatmap/heatmapGrid.js';
import type { TrackedObject } from '../../../ml/tracking/types.js';

function feetAt(trackerId: number, x: number, y: number): TrackedObject {
  return { trackerId, box: { x1: x - 10, y1: y - 50, x2: x + 10, y2: y }, score: 0.9 };
}

describe('HeatmapGrid', () => {
  it('sizes the grid by cell size, rounding up', () => {
    // 100 / 16 = 6.25 and 50 / 16 = 3.1, so the last column and row are partial.
    const grid = new HeatmapGrid({ imageWidth: 100, imageHeight: 50, cellSizePx: 16 });
    expect(grid.columns).toBe(7);
    expect(grid.rows).toBe(4);
    expect(grid.counts).toHaveLength(28);
  });

  const points = [
    // Top-left pixel goes to the first cell.
    { x: 0, y: 0, column: 0, row: 0 },
    // Just inside the second cell.
    { x: 16, y: 15.9, column: 1, row: 0 },
    // Feet on the bottom edge (a box touching the frame's bottom) go to the last row.
    { x: 50, y: 50, column: 3, row: 3 },
    // The right edge goes to the last, partial column.
    { x: 100, y: 20, column: 6, row: 1 },
  ];
  it.each(points)('puts ($x, $y) in cell ($column, $row)', ({ x, y, column, row }) => {
    const grid = new HeatmapGrid({ imageWidth: 100, imageHeight: 50, cellSizePx: 16 });
    expect(grid.addPoint({ x, y })).toBe(true);
    expect(grid.countAt(column, row)).toBe(1);
    expect(grid.totalCount()).toBe(1);
  });

  const outside = [
    // Left of the image.
    { x: -1, y: 10 },
    // Below the image, e.g. a box the detector extended past the frame.
    { x: 10, y: 51 },
    // A NaN coordinate.
    { x: Number.NaN, y: 10 },
  ];
  it.each(outside)('skips ($x, $y) outside the image', (point) => {
    const grid = new HeatmapGrid({ imageWidth: 100, imageHeight: 50 });
    expect(grid.addPoint(point)).toBe(false);
    expect(grid.totalCount()).toBe(0);
  });

  it('adds the feet of tracks', () => {
    const grid = new HeatmapGrid({ imageWidth: 100, imageHeight: 100, cellSizePx: 10 });
    const skipped = grid.addTracks([feetAt(1, 15, 55), feetAt(2, 15, 55), feetAt(3, 95, 99), feetAt(4, 50, 150)]);
    expect(skipped).toBe(1);
    expect(grid.countAt(1, 5)).toBe(2);
    expect(grid.countAt(9, 9)).toBe(1);
    expect(grid.maxCount()).toBe(2);
  });

  it('merges grids of the same shape', () => {
    const minute1 = new HeatmapGrid({ imageWidth: 64, imageHeight: 32 });
    const minute2 = new HeatmapGrid({ imageWidth: 64, imageHeight: 32 });
    minute1.addPoint({ x: 5, y: 5 });
    minute2.addPoint({ x: 5, y: 5 });
    minute2.addPoint({ x: 40, y: 20 });
    minute1.merge(minute2);

    expect(minute1.countAt(0, 0)).toBe(2);
    expect(minute1.countAt(2, 1)).toBe(1);
    expect(minute1.totalCount()).toBe(3);
  });

  it('rejects merging different shapes', () => {
    const grid = new HeatmapGrid({ imageWidth: 64, imageHeight: 32 });
    expect(() => grid.merge(new HeatmapGrid({ imageWidth: 64, imageHeight: 32, cellSizePx: 8 }))).toThrow(HeatmapError);
  });

  it('saturates instead of wrapping', () => {
    const grid = new HeatmapGrid({ imageWidth: 16, imageHeight: 16 }, Uint32Array.of(0xffffffff));
    grid.addPoint({ x: 1, y: 1 });
    grid.merge(new HeatmapGrid({ imageWidth: 16, imageHeight: 16 }, Uint32Array.of(5)));
    expect(grid.countAt(0, 0)).toBe(0xffffffff);
  });

  it('round-trips through serialize', () => {
    const grid = new HeatmapGrid({ imageWidth: 640, imageHeight: 480, cellSizePx: 20 });
    for (let i = 0; i < 50; i++) grid.addPoint({ x: 13 * i, y: 9 * i });
    const copy = HeatmapGrid.deserialize(grid.serialize());

    expect(copy.imageWidth).toBe(640);
    expect(copy.imageHeight).toBe(480);
    expect(copy.cellSizePx).toBe(20);
    expect(Array.from(copy.counts)).toEqual(Array.from(grid.counts));
  });

  it('reads serialized bytes at an offset', () => {
    // SQLite BLOBs arrive as Buffers that may share a larger memory pool.
    const grid = new HeatmapGrid({ imageWidth: 32, imageHeight: 32 });
    grid.addPoint({ x: 20, y: 20 });
    const pool = new Uint8Array(200);
    pool.set(grid.serialize(), 3);
    const view = pool.subarray(3, 3 + grid.serialize().length);
    expect(HeatmapGrid.deserialize(view).countAt(1, 1)).toBe(1);
  });

  const serialized = new HeatmapGrid({ imageWidth: 32, imageHeight: 32 }).serialize();
  const badBytes = [
    // Shorter than the header.
    { name: 'too short', bytes: serialized.subarray(0, 10) },
    // Missing the last cell.
    { name: 'truncated counts', bytes: serialized.subarray(0, serialized.length - 4) },
    // Some other blob stored in the column by mistake.
    { name: 'wrong magic', bytes: Uint8Array.from(serialized, (value, i) => (i === 0 ? 0 : value)) },
    // A header claiming a 0 × 0 image.
    { name: 'zero size', bytes: Uint8Array.from(serialized, (value, i) => (i >= 8 && i < 16 ? 0 : value)) },
  ];
  it.each(badBytes)('rejects $name data', ({ bytes }) => {
    expect(() => HeatmapGrid.deserialize(bytes)).toThrow(HeatmapError);
  });

  const badShapes = [
    // No pixels.
    { imageWidth: 0, imageHeight: 10 },
    // Fractional pixels.
    { imageWidth: 10.5, imageHeight: 10 },
    // Cells must have a size.
    { imageWidth: 10, imageHeight: 10, cellSizePx: 0 },
    // Larger than any camera, likely corrupt configuration.
    { imageWidth: 100000, imageHeight: 10 },
  ];
  it.each(badShapes)('rejects shape %o', (shape) => {
    expect(() => new HeatmapGrid(shape)).toThrow(HeatmapError);
  });

  it('rejects counts of the wrong length', () => {
    expect(() => new HeatmapGrid({ imageWidth: 32, imageHeight: 32 }, new Uint32Array(3))).toThrow(HeatmapError);
  });
});
