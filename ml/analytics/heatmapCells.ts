import { HeatmapGrid } from '../heatmap/heatmapGrid.js';
import type { HeatmapCells } from './types.js';

/** Frame size of the cells, from the stored size or else the whole cells. */
export function imageSizeOf(cells: HeatmapCells): { imageWidth: number; imageHeight: number } {
  return {
    imageWidth: cells.imageWidth ?? cells.cols * cells.cellSizePx,
    imageHeight: cells.imageHeight ?? cells.rows * cells.cellSizePx,
  };
}

/** Wraps cells in a HeatmapGrid that shares their counts; throws a HeatmapError when the counts do not fit the shape. */
export function toHeatmapGrid(cells: HeatmapCells): HeatmapGrid {
  return new HeatmapGrid({ ...imageSizeOf(cells), cellSizePx: cells.cellSizePx }, cells.counts);
}

export function toHeatmapCells(grid: HeatmapGrid): HeatmapCells {
  return {
    cols: grid.columns,
    rows: grid.rows,
    cellSizePx: grid.cellSizePx,
    counts: grid.counts,
    imageWidth: grid.imageWidth,
    imageHeight: grid.imageHeight,
  };
}

export function sameGrid(a: HeatmapCells, b: HeatmapCells): boolean {
  const sizeA = imageSizeOf(a);
  const sizeB = imageSizeOf(b);
  return a.cols === b.cols && a.rows === b.rows && a.cellSizePx === b.cellSizePx
    && sizeA.imageWidth === sizeB.imageWidth && sizeA.imageHeight === sizeB.imageHeight;
}

/** Cell-wise sum (saturating, as HeatmapGrid.merge); `later` wins when the shapes differ, null only when both are null. */
export function addHeatmaps(earlier: HeatmapCells | null, later: HeatmapCells | null): HeatmapCells | null {
  if (!earlier) return later ? { ...later, counts: later.counts.slice() } : null;
  if (!later) return { ...earlier, counts: earlier.counts.slice() };
  if (!sameGrid(earlier, later)) return { ...later, counts: later.counts.slice() };
  const sum = toHeatmapGrid({ ...earlier, counts: earlier.counts.slice() });
  sum.merge(toHeatmapGrid(later));
  return toHeatmapCells(sum);
}
