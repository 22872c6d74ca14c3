/**
 * Renders a heatmap grid to an RGBA picture for the dashboard.
 *
 * The heat is drawn over a neutral grey grid pattern, or over an
 * installer-supplied picture of the empty store of the same size. There is no
 * way to pass a live camera frame: no shopper's image ever reaches this code.
 *
 * Cell values are interpolated bilinearly between cell centres, so the map is
 * smooth at any cell size. Each value is scaled to [0, 1] against
 * `maximumCount` (logarithmic by default, because a few spots such as a till
 * collect far more counts than the rest of the floor). The colour comes from
 * `heatColor`, and the opacity rises with the value, so empty floor stays clear.
 */
import { heatColor } from './colorMap.js';
import { HeatmapError, type HeatmapGrid } from './heatmapGrid.js';
import { describeRgbaImageProblem, type RgbaImage } from './rgbaImage.js';

export interface RenderHeatmapOptions {
  /** Picture of the empty store, the same size as the grid's image. Without it, a grey grid pattern is drawn. */
  background?: RgbaImage;
  /**
   * Count drawn at full colour (default: the grid's highest count). Pass the
   * same value for several maps to make them comparable. Higher counts are clamped.
   */
  maximumCount?: number;
  /** Value scale. `log` (default) shows quiet areas next to busy ones, and `linear` shows mainly the busiest spots. */
  scale?: 'log' | 'linear';
  /**
   * Opacity of the heat at the maximum, from 0 to 1 (default 0.75). Higher makes
   * the heat easier to read, but hides more of the background.
   */
  maximumOpacity?: number;
  /** Spacing in pixels of the lines of the neutral background pattern (default 40). */
  gridSpacingPx?: number;
}

export const DEFAULT_RENDER_OPTIONS = {
  scale: 'log',
  maximumOpacity: 0.75,
  gridSpacingPx: 40,
} as const;

/** Greys of the neutral background pattern: floor and grid lines. */
const BACKGROUND_GREY = 236;
const GRID_LINE_GREY = 208;

/** Renders the grid at its image size. Throws a HeatmapError for a background of the wrong size or an invalid option. */
export function renderHeatmap(grid: HeatmapGrid, options: RenderHeatmapOptions = {}): RgbaImage {
  const maximumOpacity = options.maximumOpacity ?? DEFAULT_RENDER_OPTIONS.maximumOpacity;
  const scale = options.scale ?? DEFAULT_RENDER_OPTIONS.scale;
  const gridSpacingPx = options.gridSpacingPx ?? DEFAULT_RENDER_OPTIONS.gridSpacingPx;
  validateOptions(grid, options, maximumOpacity, gridSpacingPx);

  const width = grid.imageWidth;
  const height = grid.imageHeight;
  const data = options.background ? Uint8Array.from(options.background.data) : neutralPattern(width, height, gridSpacingPx);
  const maximumCount = options.maximumCount ?? grid.maxCount();
  if (maximumCount <= 0) return { width, height, data };

  const normalise = scale === 'log' ? (count: number) => Math.log1p(count) / Math.log1p(maximumCount) : (count: number) => count / maximumCount;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const value = Math.min(1, normalise(sampleBilinear(grid, x + 0.5, y + 0.5)));
      if (value <= 0) continue;
      blendPixel(data, 4 * (y * width + x), heatColor(value), value * maximumOpacity);
    }
  }
  return { width, height, data };
}

/** Returns the grid value at a pixel position, interpolated between the four nearest cell centres. */
function sampleBilinear(grid: HeatmapGrid, x: number, y: number): number {
  const gx = x / grid.cellSizePx - 0.5;
  const gy = y / grid.cellSizePx - 0.5;
  const column = Math.floor(gx);
  const row = Math.floor(gy);
  const fx = gx - column;
  const fy = gy - row;

  // Outside the outermost cell centres, the edge cell's value is used rather than fading to zero.
  const clampedAt = (c: number, r: number) => grid.countAt(Math.min(Math.max(c, 0), grid.columns - 1), Math.min(Math.max(r, 0), grid.rows - 1));
  const top = clampedAt(column, row) * (1 - fx) + clampedAt(column + 1, row) * fx;
  const bottom = clampedAt(column, row + 1) * (1 - fx) + clampedAt(column + 1, row + 1) * fx;
  return top * (1 - fy) + bottom * fy;
}

/** Composites a heat colour over the pixel at `offset` with the straight-alpha "over" operator. */
function blendPixel(data: Uint8Array, offset: number, color: readonly [number, number, number], opacity: number): void {
  const underAlpha = (data[offset + 3] ?? 0) / 255;
  const outAlpha = opacity + underAlpha * (1 - opacity);
  for (let channel = 0; channel < 3; channel++) {
    const under = data[offset + channel] ?? 0;
    data[offset + channel] = Math.round(((color[channel] ?? 0) * opacity + under * underAlpha * (1 - opacity)) / outAlpha);
  }
  data[offset + 3] = Math.round(outAlpha * 255);
}

function neutralPattern(width: number, height: number, spacingPx: number): Uint8Array {
  const data = new Uint8Array(width * height * 4);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const grey = x % spacingPx === 0 || y % spacingPx === 0 ? GRID_LINE_GREY : BACKGROUND_GREY;
      data.set([grey, grey, grey, 255], 4 * (y * width + x));
    }
  }
  return data;
}

function validateOptions(grid: HeatmapGrid, options: RenderHeatmapOptions, maximumOpacity: number, gridSpacingPx: number): void {
  const { background } = options;
  if (background) {
    const problem = describeRgbaImageProblem(background);
    if (problem) throw new HeatmapError('HEATMAP_INVALID_DATA', `Heatmap background: ${problem}`);
    if (background.width !== grid.imageWidth || background.height !== grid.imageHeight) {
      throw new HeatmapError(
        'HEATMAP_SHAPE_MISMATCH',
        `Heatmap background is ${background.width}×${background.height}, but the camera image is ${grid.imageWidth}×${grid.imageHeight}. Supply a picture at the camera's resolution.`,
      );
    }
  }
  if (!(maximumOpacity >= 0 && maximumOpacity <= 1)) {
    throw new HeatmapError('HEATMAP_INVALID_OPTION', `Heatmap maximumOpacity is ${maximumOpacity}, expected a number from 0 to 1.`);
  }
  if (!Number.isInteger(gridSpacingPx) || gridSpacingPx < 1) {
    throw new HeatmapError('HEATMAP_INVALID_OPTION', `Heatmap gridSpacingPx is ${gridSpacingPx}, expected a whole number of pixels, 1 or more.`);
  }
  if (options.maximumCount !== undefined && !(options.maximumCount >= 0 && Number.isFinite(options.maximumCount))) {
    throw new HeatmapError('HEATMAP_INVALID_OPTION', `Heatmap maximumCount is ${options.maximumCount}, expected a count, 0 or more.`);
  }
}
