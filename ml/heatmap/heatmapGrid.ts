/**
 * Foot-position counts on a regular grid over one camera's image.
 *
 * Each call to `addTracks` adds one to the cell under the bottom centre of
 * every tracked box, so a person standing still for a minute adds a count per
 * analysed frame and the grid measures presence over time, not visits. Cells
 * are `cellSizePx` square from the top-left corner. The last row and column
 * may be cut off by the image edge.
 *
 * Counts are a `Uint32Array`, row-major, and saturate at 2³² − 1 instead of
 * wrapping. `serialize` and `HeatmapGrid.deserialize` turn a grid into bytes
 * and back (for example one grid per camera per minute in SQLite), and `merge`
 * adds grids of the same shape, so longer periods are sums of stored minutes.
 */
import { bottomCenter, type Point } from '../geometry/types.js';
import type { TrackedObject } from '../tracking/types.js';

/**
 * Default cell size in pixels (16). Smaller cells show finer paths but need
 * more frames before the map stops looking speckled, and more bytes per grid.
 */
export const DEFAULT_CELL_SIZE_PX = 16;

/** Largest image side accepted, in pixels. Bigger values are treated as corrupt input. */
const MAX_IMAGE_SIDE_PX = 16384;
const MAX_COUNT = 0xffffffff;

/** Bytes "PAHM" at the start of a serialised grid. */
const MAGIC = 0x5041484d;
const FORMAT_VERSION = 1;
/** Magic, version, image width, image height and cell size, each a little-endian uint32. */
const HEADER_BYTES = 20;

export interface HeatmapGridShape {
  imageWidth: number;
  imageHeight: number;
  /** Cell side in pixels (default 16). */
  cellSizePx?: number;
}

export class HeatmapError extends Error {
  constructor(
    readonly code: 'HEATMAP_INVALID_SHAPE' | 'HEATMAP_SHAPE_MISMATCH' | 'HEATMAP_INVALID_DATA' | 'HEATMAP_INVALID_OPTION',
    message: string,
  ) {
    super(message);
    this.name = 'HeatmapError';
  }
}

export class HeatmapGrid {
  readonly imageWidth: number;
  readonly imageHeight: number;
  readonly cellSizePx: number;
  readonly columns: number;
  readonly rows: number;
  readonly counts: Uint32Array;

  constructor(shape: HeatmapGridShape, counts?: Uint32Array) {
    const cellSizePx = shape.cellSizePx ?? DEFAULT_CELL_SIZE_PX;
    validateShape(shape.imageWidth, shape.imageHeight, cellSizePx);
    this.imageWidth = shape.imageWidth;
    this.imageHeight = shape.imageHeight;
    this.cellSizePx = cellSizePx;
    this.columns = Math.ceil(shape.imageWidth / cellSizePx);
    this.rows = Math.ceil(shape.imageHeight / cellSizePx);
    if (counts && counts.length !== this.columns * this.rows) {
      throw new HeatmapError('HEATMAP_INVALID_DATA', `Heatmap counts have ${counts.length} cells, expected ${this.columns} × ${this.rows} = ${this.columns * this.rows}.`);
    }
    this.counts = counts ?? new Uint32Array(this.columns * this.rows);
  }

  /**
   * Adds one count for a point in image pixels. A point on the right or bottom
   * edge goes to the last cell. Returns false, and adds nothing, for a point
   * outside the image or not finite.
   */
  addPoint(point: Point): boolean {
    const { x, y } = point;
    if (!(x >= 0 && x <= this.imageWidth && y >= 0 && y <= this.imageHeight)) return false;
    const column = Math.min(Math.floor(x / this.cellSizePx), this.columns - 1);
    const row = Math.min(Math.floor(y / this.cellSizePx), this.rows - 1);
    const index = row * this.columns + column;
    const current = this.counts[index] ?? 0;
    if (current < MAX_COUNT) this.counts[index] = current + 1;
    return true;
  }

  /** Adds the feet of every track and returns how many fell outside the image and were skipped. */
  addTracks(tracks: readonly TrackedObject[]): number {
    let skipped = 0;
    for (const track of tracks) if (!this.addPoint(bottomCenter(track.box))) skipped += 1;
    return skipped;
  }

  /** Returns the count in one cell, or 0 outside the grid. */
  countAt(column: number, row: number): number {
    if (column < 0 || column >= this.columns || row < 0 || row >= this.rows) return 0;
    return this.counts[row * this.columns + column] ?? 0;
  }

  /** Returns the highest cell count. */
  maxCount(): number {
    let max = 0;
    for (const count of this.counts) if (count > max) max = count;
    return max;
  }

  /** Returns the sum of all cells. */
  totalCount(): number {
    let total = 0;
    for (const count of this.counts) total += count;
    return total;
  }

  /** Adds another grid of the same shape into this one, saturating at 2³² − 1. */
  merge(other: HeatmapGrid): void {
    if (other.imageWidth !== this.imageWidth || other.imageHeight !== this.imageHeight || other.cellSizePx !== this.cellSizePx) {
      throw new HeatmapError(
        'HEATMAP_SHAPE_MISMATCH',
        `Cannot merge a ${other.imageWidth}×${other.imageHeight} heatmap with ${other.cellSizePx} px cells into a ` +
          `${this.imageWidth}×${this.imageHeight} one with ${this.cellSizePx} px cells. Merge only grids of the same camera set-up.`,
      );
    }
    for (let i = 0; i < this.counts.length; i++) {
      this.counts[i] = Math.min(MAX_COUNT, (this.counts[i] ?? 0) + (other.counts[i] ?? 0));
    }
  }

  /** Encodes the grid as a 20-byte header followed by the counts, all little-endian uint32. */
  serialize(): Uint8Array {
    const bytes = new Uint8Array(HEADER_BYTES + 4 * this.counts.length);
    const view = new DataView(bytes.buffer);
    [MAGIC, FORMAT_VERSION, this.imageWidth, this.imageHeight, this.cellSizePx].forEach((value, i) => view.setUint32(4 * i, value, true));
    this.counts.forEach((count, i) => view.setUint32(HEADER_BYTES + 4 * i, count, true));
    return bytes;
  }

  /** Decodes bytes from `serialize`. Throws a HeatmapError on a wrong header or length. */
  static deserialize(bytes: Uint8Array): HeatmapGrid {
    if (bytes.length < HEADER_BYTES) {
      throw new HeatmapError('HEATMAP_INVALID_DATA', `Heatmap data is ${bytes.length} bytes, shorter than its ${HEADER_BYTES}-byte header.`);
    }
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const [magic, version, imageWidth = 0, imageHeight = 0, cellSizePx = 0] = [0, 1, 2, 3, 4].map((i) => view.getUint32(4 * i, true));
    if (magic !== MAGIC || version !== FORMAT_VERSION) {
      throw new HeatmapError('HEATMAP_INVALID_DATA', `Heatmap data has header ${magic?.toString(16)} version ${version}, expected 5041484d version ${FORMAT_VERSION}.`);
    }

    const grid = new HeatmapGrid({ imageWidth, imageHeight, cellSizePx });
    const expectedBytes = HEADER_BYTES + 4 * grid.counts.length;
    if (bytes.length !== expectedBytes) {
      throw new HeatmapError('HEATMAP_INVALID_DATA', `Heatmap data is ${bytes.length} bytes, expected ${expectedBytes} for a ${grid.columns} × ${grid.rows} grid.`);
    }
    for (let i = 0; i < grid.counts.length; i++) grid.counts[i] = view.getUint32(HEADER_BYTES + 4 * i, true);
    return grid;
  }
}

function validateShape(imageWidth: number, imageHeight: number, cellSizePx: number): void {
  const sides = [imageWidth, imageHeight];
  if (!sides.every((side) => Number.isInteger(side) && side >= 1 && side <= MAX_IMAGE_SIDE_PX)) {
    throw new HeatmapError('HEATMAP_INVALID_SHAPE', `Heatmap image size ${imageWidth}×${imageHeight} is invalid. Give whole pixels from 1 to ${MAX_IMAGE_SIDE_PX}.`);
  }
  if (!Number.isInteger(cellSizePx) || cellSizePx < 1) {
    throw new HeatmapError('HEATMAP_INVALID_SHAPE', `Heatmap cell size ${cellSizePx} px is invalid. Give a whole number of pixels, 1 or more.`);
  }
}
