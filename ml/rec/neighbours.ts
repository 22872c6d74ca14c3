/**
 * Item→item neighbour tables: the shared storage of every item-to-item model
 * (cosine kNN, transitions, content similarity, sparse EASE). Each row keeps
 * only its strongest `maxNeighbours` entries, so memory is O(items × N)
 * instead of a dense items × items matrix.
 */
import type { Csr } from './dataset.js';
import { RecError } from './types.js';

/**
 * Fills `scratch` with row `item`'s raw weights and returns how many
 * distinct columns it wrote into `touched`. Only columns listed in `touched`
 * may be non-zero; the builder resets them afterwards.
 */
export type RowFiller = (item: number, scratch: Float32Array, touched: Int32Array, isTouched: Uint8Array) => number;

/** Builds a top-N neighbour table row by row. The item itself is never its own neighbour. */
export function buildNeighbourTable(itemCount: number, maxNeighbours: number, fillRow: RowFiller): Csr {
  const scratch = new Float32Array(itemCount);
  const touched = new Int32Array(itemCount);
  const isTouched = new Uint8Array(itemCount);
  const offsets = new Int32Array(itemCount + 1);
  const columnChunks: Int32Array[] = [];
  const valueChunks: Float32Array[] = [];

  for (let item = 0; item < itemCount; item++) {
    const count = fillRow(item, scratch, touched, isTouched);
    const candidates: number[] = [];
    for (let t = 0; t < count; t++) {
      const column = touched[t]!;
      if (column !== item && scratch[column]! > 0) candidates.push(column);
    }
    candidates.sort((a, b) => scratch[b]! - scratch[a]! || a - b);
    const kept = candidates.slice(0, maxNeighbours);
    columnChunks.push(Int32Array.from(kept));
    valueChunks.push(Float32Array.from(kept, (column) => scratch[column]!));
    offsets[item + 1] = offsets[item]! + kept.length;

    for (let t = 0; t < count; t++) {
      scratch[touched[t]!] = 0;
      isTouched[touched[t]!] = 0;
    }
  }
  return { offsets, columns: concatInt32(columnChunks, offsets[itemCount]!), values: concatFloat32(valueChunks, offsets[itemCount]!) };
}

/** Adds `weight` to `scratch[column]`, recording the column the first time it is hit. */
export function touch(
  column: number,
  weight: number,
  scratch: Float32Array,
  touched: Int32Array,
  isTouched: Uint8Array,
  count: number,
): number {
  scratch[column]! += weight;
  if (isTouched[column]) return count;
  isTouched[column] = 1;
  touched[count] = column;
  return count + 1;
}

/**
 * Weight of the context item `stepsBack` positions before the newest one
 * (0 = newest): `recencyDecay ** stepsBack`, and 0 beyond `maxRecent` items.
 */
export function recencyWeight(stepsBack: number, recencyDecay: number, maxRecent: number): number {
  return stepsBack < maxRecent ? recencyDecay ** stepsBack : 0;
}

/** Adds Σ over recent items of recency weight × neighbour weight into `scores`. */
export function scoreFromNeighbours(
  table: Csr,
  recent: Int32Array,
  recencyDecay: number,
  maxRecent: number,
  scores: Float32Array,
): void {
  for (let stepsBack = 0; stepsBack < recent.length; stepsBack++) {
    const weight = recencyWeight(stepsBack, recencyDecay, maxRecent);
    if (weight === 0) break;
    const source = recent[recent.length - 1 - stepsBack]!;
    for (let p = table.offsets[source]!; p < table.offsets[source + 1]!; p++) {
      scores[table.columns[p]!]! += weight * table.values[p]!;
    }
  }
}

/** Context item contributing most to `target`'s score, or -1 when none does. */
export function strongestSource(
  table: Csr,
  recent: Int32Array,
  target: number,
  recencyDecay: number,
  maxRecent: number,
): number {
  let best = -1;
  let bestContribution = 0;
  for (let stepsBack = 0; stepsBack < recent.length; stepsBack++) {
    const weight = recencyWeight(stepsBack, recencyDecay, maxRecent);
    if (weight === 0) break;
    const source = recent[recent.length - 1 - stepsBack]!;
    const contribution = weight * neighbourWeight(table, source, target);
    if (contribution > bestContribution) {
      best = source;
      bestContribution = contribution;
    }
  }
  return best;
}

/** Stored weight of `column` in `row`, 0 when it is not among the row's neighbours. */
export function neighbourWeight(table: Csr, row: number, column: number): number {
  for (let p = table.offsets[row]!; p < table.offsets[row + 1]!; p++) {
    if (table.columns[p] === column) return table.values[p]!;
  }
  return 0;
}

/** Copies row `item` into `scores` (used by `similarItems`). */
export function addRow(table: Csr, item: number, scores: Float32Array): void {
  for (let p = table.offsets[item]!; p < table.offsets[item + 1]!; p++) scores[table.columns[p]!]! += table.values[p]!;
}

function concatInt32(chunks: Int32Array[], total: number): Int32Array {
  const out = new Int32Array(total);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

function concatFloat32(chunks: Float32Array[], total: number): Float32Array {
  const out = new Float32Array(total);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

/** Checks a loaded table's shape so a corrupt file fails at load rather than scoring garbage. */
export function validateCsr(table: Csr, rowCount: number, columnCount: number, name: string): Csr {
  const { offsets, columns, values } = table;
  const shapeOk =
    offsets.length === rowCount + 1 &&
    offsets[0] === 0 &&
    offsets[rowCount] === columns.length &&
    (values.length === columns.length || values.length === 0);
  if (!shapeOk) throw new RecError('corrupt_model', `saved ${name} table does not match a catalog of ${rowCount} items`);
  for (let r = 0; r < rowCount; r++) {
    if (offsets[r + 1]! < offsets[r]!) throw new RecError('corrupt_model', `saved ${name} table has decreasing row offsets at row ${r}`);
  }
  for (const column of columns) {
    if (column < 0 || column >= columnCount) throw new RecError('corrupt_model', `saved ${name} table has column ${column} outside 0..${columnCount - 1}`);
  }
  return table;
}
