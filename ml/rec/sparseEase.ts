/**
 * Linear item-to-item model in the EASE / SLIM family, restricted to
 * neighbourhoods so it fits in seconds instead of inverting a dense
 * items × items Gram matrix. For each item j, its column of weights is the
 * ridge regression of j's user vector on the user vectors of its
 * `maxNeighbours` most co-occurring items C(j):
 *   b_j = (G[C,C] + λI)⁻¹ G[C,j],   G = XᵀX (co-occurrence counts)
 * j is never in C(j), which is EASE's zero-diagonal constraint. Weights may
 * be negative. A context scores Σ recency × B[i][j].
 */
import { decodeModel } from './codec.js';
import { buildItemUsers, type Csr, type EncodedData } from './dataset.js';

import { NeighbourTableModel } from './neighbourTableModel.js';
import { requireNumber } from './scoringModel.js';
import { RecError } from './types.js';

export interface SparseEaseOptions {
  /** Ridge penalty λ. Higher shrinks weights towards 0 and favours popular pairs less. */
  l2: number;
  /** Regressors per item. Cost grows with its cube. */
  maxNeighbours: number;
  /** Weight ratio between a context item and the next newer one, in (0, 1]. */
  recencyDecay: number;
  /** Context items used, newest first. */
  maxRecent: number;
}

export const DEFAULT_SPARSE_EASE_OPTIONS: SparseEaseOptions = { l2: 20, maxNeighbours: 30, recencyDecay: 0.8, maxRecent: 20 };

export class SparseEase extends NeighbourTableModel {
  readonly kind = 'sparse_ease' as const;
  readonly options: SparseEaseOptions;

  constructor(options: Partial<SparseEaseOptions> = {}) {
    super();
    this.options = { ...DEFAULT_SPARSE_EASE_OPTIONS, ...options };
  }

  protected fitIndexed(data: EncodedData): void {
    const itemCount = data.index.size;
    const gram = buildGram(data.sequences, itemCount);
    const targets: number[] = [];
    const sources: number[] = [];
    const values: number[] = [];

    for (let j = 0; j < itemCount; j++) {
      const regressors = strongestCoOccurring(gram, j, this.options.maxNeighbours);
      if (regressors.length === 0) continue;
      const solution = solveRidge(gram, regressors, j, this.options.l2);
      regressors.forEach((i, r) => {
        if (solution[r] !== 0) {
          sources.push(i);
          targets.push(j);
          values.push(solution[r]!);
        }
      });
    }
    this.neighbourTable = toRows(sources, targets, values, itemCount);
  }

  static load(bytes: Uint8Array): SparseEase {
    const saved = decodeModel(bytes);
    if (saved.kind !== 'sparse_ease') throw new RecError('corrupt_model', `expected a sparse_ease model, got ${saved.kind}`);
    const model = new SparseEase();
    const state = model.restoreIndex(saved.state);
    for (const key of Object.keys(DEFAULT_SPARSE_EASE_OPTIONS) as (keyof SparseEaseOptions)[]) model.options[key] = requireNumber(state, key);
    model.restoreTable(saved.arrays);
    return model;
  }
}

/** Full co-occurrence matrix G = XᵀX as CSR with ascending columns; the diagonal is the item degree. */
function buildGram(sequences: readonly Int32Array[], itemCount: number): Csr {
  const itemUsers = buildItemUsers(sequences, itemCount);
  const userItems = sequences.map((s) => Int32Array.from(new Set(s)));
  const scratch = new Float32Array(itemCount);
  const offsets = new Int32Array(itemCount + 1);
  const columnRows: Int32Array[] = [];
  const valueRows: Float32Array[] = [];
  for (let item = 0; item < itemCount; item++) {
    const touched: number[] = [];
    for (let p = itemUsers.offsets[item]!; p < itemUsers.offsets[item + 1]!; p++) {
      for (const other of userItems[itemUsers.columns[p]!]!) {
        if (scratch[other] === 0) touched.push(other);
        scratch[other]! += 1;
      }
    }
    touched.sort((a, b) => a - b);
    columnRows.push(Int32Array.from(touched));
    valueRows.push(Float32Array.from(touched, (c) => scratch[c]!));
    for (const c of touched) scratch[c] = 0;
    offsets[item + 1] = offsets[item]! + touched.length;
  }
  const columns = new Int32Array(offsets[itemCount]!);
  const values = new Float32Array(offsets[itemCount]!);
  columnRows.forEach((row, i) => columns.set(row, offsets[i]!));
  valueRows.forEach((row, i) => values.set(row, offsets[i]!));
  return { offsets, columns, values };
}

/** G[row][column] by binary search over the row's ascending columns. */
function gramAt(gram: Csr, row: number, column: number): number {
  let low = gram.offsets[row]!;
  let high = gram.offsets[row + 1]! - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const c = gram.columns[mid]!;
    if (c === column) return gram.values[mid]!;
    if (c < column) low = mid + 1;
    else high = mid - 1;
  }
  return 0;
}

function strongestCoOccurring(gram: Csr, item: number, max: number): number[] {
  const others: number[] = [];
  for (let p = gram.offsets[item]!; p < gram.offsets[item + 1]!; p++) if (gram.columns[p] !== item) others.push(p);
  others.sort((a, b) => gram.values[b]! - gram.values[a]! || gram.columns[a]! - gram.columns[b]!);
  return others.slice(0, max).map((p) => gram.columns[p]!);
}

/** Solves (G[C,C] + λI) b = G[C,j] by Cholesky factorisation (the matrix is symmetric positive definite for λ > 0). */
function solveRidge(gram: Csr, regressors: readonly number[], target: number, l2: number): Float64Array {
  const n = regressors.length;
  const a = new Float64Array(n * n);
  const b = new Float64Array(n);
  for (let r = 0; r < n; r++) {
    b[r] = gramAt(gram, regressors[r]!, target);
    for (let c = 0; c <= r; c++) {
      const value = gramAt(gram, regressors[r]!, regressors[c]!) + (r === c ? l2 : 0);
      a[r * n + c] = value;
      a[c * n + r] = value;
    }
  }
  choleskyInPlace(a, n);
  // Forward then backward substitution with L and Lᵀ.
  for (let r = 0; r < n; r++) {
    let sum = b[r]!;
    for (let c = 0; c < r; c++) sum -= a[r * n + c]! * b[c]!;
    b[r] = sum / a[r * n + r]!;
  }
  for (let r = n - 1; r >= 0; r--) {
    let sum = b[r]!;
    for (let c = r + 1; c < n; c++) sum -= a[c * n + r]! * b[c]!;
    b[r] = sum / a[r * n + r]!;
  }
  return b;
}

/** Overwrites the lower triangle of the symmetric matrix `a` (n × n, row-major) with its Cholesky factor L. */
function choleskyInPlace(a: Float64Array, n: number): void {
  for (let j = 0; j < n; j++) {
    let diagonal = a[j * n + j]!;
    for (let k = 0; k < j; k++) diagonal -= a[j * n + k]! ** 2;
    if (diagonal <= 0) throw new RecError('invalid_argument', 'ridge system is not positive definite: l2 must be > 0');
    const root = Math.sqrt(diagonal);
    a[j * n + j] = root;
    for (let i = j + 1; i < n; i++) {
      let sum = a[i * n + j]!;
      for (let k = 0; k < j; k++) sum -= a[i * n + k]! * a[j * n + k]!;
      a[i * n + j] = sum / root;
    }
  }
}

/** Groups (source, target, value) triples into rows by source. */
function toRows(sources: number[], targets: number[], values: number[], itemCount: number): Csr {
  const offsets = new Int32Array(itemCount + 1);
  for (const s of sources) offsets[s + 1]! += 1;
  for (let i = 0; i < itemCount; i++) offsets[i + 1]! += offsets[i]!;
  const cursor = offsets.slice(0, itemCount);
  const columns = new Int32Array(sources.length);
  const weights = new Float32Array(sources.length);
  sources.forEach((s, e) => {
    const at = cursor[s]!++;
    columns[at] = targets[e]!;
    weights[at] = values[e]!;
  });
  return { offsets, columns, values: weights };
}
