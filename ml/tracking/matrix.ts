/**
 * Small dense matrix helpers for the Kalman filter. Matrices are row-major
 * arrays of rows (`number[][]`). Sizes here are at most 8 × 8, which is too
 * small for a linear-algebra library to pay off.
 */

export type Matrix = number[][];

/** Returns a rows × columns matrix of zeros. */
export function zeros(rows: number, columns: number): Matrix {
  return Array.from({ length: rows }, () => new Array<number>(columns).fill(0));
}

/** Returns the n × n identity matrix. */
export function identity(n: number): Matrix {
  const result = zeros(n, n);
  for (let i = 0; i < n; i++) setAt(result, i, i, 1);
  return result;
}

/** Returns a diagonal matrix with `values` on the diagonal. */
export function diagonal(values: readonly number[]): Matrix {
  const result = zeros(values.length, values.length);
  values.forEach((value, i) => setAt(result, i, i, value));
  return result;
}

export function at(matrix: Matrix, row: number, column: number): number {
  return matrix[row]?.[column] ?? 0;
}

function setAt(matrix: Matrix, row: number, column: number, value: number): void {
  const target = matrix[row];
  if (target !== undefined) target[column] = value;
}

export function transpose(matrix: Matrix): Matrix {
  const rows = matrix.length;
  const columns = matrix[0]?.length ?? 0;
  const result = zeros(columns, rows);
  for (let i = 0; i < rows; i++) for (let j = 0; j < columns; j++) setAt(result, j, i, at(matrix, i, j));
  return result;
}

export function multiply(left: Matrix, right: Matrix): Matrix {
  const rows = left.length;
  const inner = right.length;
  const columns = right[0]?.length ?? 0;
  const result = zeros(rows, columns);
  for (let i = 0; i < rows; i++) {
    for (let k = 0; k < inner; k++) {
      const factor = at(left, i, k);
      if (factor === 0) continue;
      for (let j = 0; j < columns; j++) setAt(result, i, j, at(result, i, j) + factor * at(right, k, j));
    }
  }
  return result;
}

export function add(left: Matrix, right: Matrix): Matrix {
  return left.map((row, i) => row.map((value, j) => value + at(right, i, j)));
}

export function subtract(left: Matrix, right: Matrix): Matrix {
  return left.map((row, i) => row.map((value, j) => value - at(right, i, j)));
}

/** Multiplies a matrix by a column vector. */
export function multiplyVector(matrix: Matrix, vector: readonly number[]): number[] {
  return matrix.map((row) => row.reduce((sum, value, j) => sum + value * (vector[j] ?? 0), 0));
}

/**
 * Inverts a square matrix by Gauss–Jordan elimination with partial pivoting.
 * Throws a RangeError when the matrix is singular, which for a Kalman
 * innovation covariance means the noise settings are zero.
 */
export function invert(matrix: Matrix): Matrix {
  const n = matrix.length;
  const work = matrix.map((row, i) => [...row, ...(identity(n)[i] ?? [])]);

  for (let column = 0; column < n; column++) {
    const pivotRow = findPivotRow(work, column);
    const pivot = at(work, pivotRow, column);
    if (Math.abs(pivot) < Number.EPSILON) throw new RangeError('Cannot invert a singular matrix.');
    [work[column], work[pivotRow]] = [work[pivotRow] ?? [], work[column] ?? []];

    const pivotValues = (work[column] ?? []).map((value) => value / pivot);
    work[column] = pivotValues;
    for (let row = 0; row < n; row++) {
      if (row === column) continue;
      const factor = at(work, row, column);
      if (factor === 0) continue;
      work[row] = (work[row] ?? []).map((value, j) => value - factor * (pivotValues[j] ?? 0));
    }
  }
  return work.map((row) => row.slice(n));
}

function findPivotRow(work: Matrix, column: number): number {
  let best = column;
  for (let row = column + 1; row < work.length; row++) {
    if (Math.abs(at(work, row, column)) > Math.abs(at(work, best, column))) best = row;
  }
  return best;
}
