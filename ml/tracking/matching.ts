/**
 * Box overlap and linear assignment for data association.
 *
 * `solveAssignment` is the Hungarian method with row and column potentials
 * (Kuhn–Munkres, O(n²·m) for n ≤ m). With a finite `maximumCost`, the cost
 * matrix is padded with dummy rows and columns that cost `maximumCost / 2`
 * each, so leaving a row and a column unmatched costs `maximumCost` in total
 * and no pair dearer than that is ever chosen. The result is deterministic:
 * ties go to the lowest column index.
 */
import type { Box } from '../geometry/types.js';
import { iou } from '../geometry/iou.js';

export interface Assignment {
  /** Matched pairs as [row, column], sorted by row. */
  matches: Array<[number, number]>;
  unmatchedRows: number[];
  unmatchedColumns: number[];
}

/** IoU of every box in `rows` with every box in `columns`: rows.length × columns.length. */
export function iouMatrix(rows: readonly Box[], columns: readonly Box[]): number[][] {
  return rows.map((row) => columns.map((column) => iou(row, column)));
}

/**
 * Returns the one-to-one assignment of rows to columns with the lowest total
 * cost. Pairs whose cost is above `maximumCost` are never matched. Pass
 * `columnCount` when the matrix may have no rows, so that every column is
 * still listed as unmatched. Throws a RangeError on a ragged matrix or a cost
 * that is not a finite number.
 */
export function solveAssignment(
  cost: readonly (readonly number[])[],
  maximumCost = Number.POSITIVE_INFINITY,
  columnCount = cost[0]?.length ?? 0,
): Assignment {
  const rowCount = cost.length;
  validateCostMatrix(cost, columnCount);
  if (rowCount === 0 || columnCount === 0) {
    return { matches: [], unmatchedRows: range(rowCount), unmatchedColumns: range(columnCount) };
  }

  const square = Number.isFinite(maximumCost) ? padWithDummies(cost, maximumCost) : cost.map((row) => [...row]);
  const columnOfRow = minimumCostAssignment(square);

  const matches: Array<[number, number]> = [];
  const matchedColumns = new Set<number>();
  for (let row = 0; row < rowCount; row++) {
    const column = columnOfRow[row] ?? -1;
    if (column < 0 || column >= columnCount) continue;
    if ((cost[row]?.[column] ?? Number.POSITIVE_INFINITY) > maximumCost) continue;
    matches.push([row, column]);
    matchedColumns.add(column);
  }
  const matchedRows = new Set(matches.map(([row]) => row));
  return {
    matches,
    unmatchedRows: range(rowCount).filter((row) => !matchedRows.has(row)),
    unmatchedColumns: range(columnCount).filter((column) => !matchedColumns.has(column)),
  };
}

function validateCostMatrix(cost: readonly (readonly number[])[], columnCount: number): void {
  cost.forEach((row, i) => {
    if (row.length !== columnCount) {
      throw new RangeError(`Cost matrix row ${i} has ${row.length} columns, expected ${columnCount}.`);
    }
    const bad = row.findIndex((value) => !Number.isFinite(value));
    if (bad >= 0) throw new RangeError(`Cost matrix entry [${i}][${bad}] is ${row[bad]}, expected a finite number.`);
  });
}

/** Builds the (n + m) square matrix in which row i or column j may pair with a dummy instead. */
function padWithDummies(cost: readonly (readonly number[])[], maximumCost: number): number[][] {
  const rowCount = cost.length;
  const columnCount = cost[0]?.length ?? 0;
  const size = rowCount + columnCount;
  const half = maximumCost / 2;
  const square: number[][] = [];
  for (let i = 0; i < size; i++) {
    const row = new Array<number>(size);
    for (let j = 0; j < size; j++) {
      if (i < rowCount && j < columnCount) row[j] = cost[i]?.[j] ?? 0;
      else if (i < rowCount || j < columnCount) row[j] = half;
      else row[j] = 0;
    }
    square.push(row);
  }
  return square;
}

/** Runs the Hungarian method on a full matrix and returns the column of each row, or -1 for none. */
function minimumCostAssignment(cost: readonly (readonly number[])[]): number[] {
  const rowCount = cost.length;
  const columnCount = cost[0]?.length ?? 0;
  if (rowCount > columnCount) {
    const transposed = range(columnCount).map((j) => cost.map((row) => row[j] ?? 0));
    const rowOfColumn = minimumCostAssignment(transposed);
    const columnOfRow = new Array<number>(rowCount).fill(-1);
    rowOfColumn.forEach((row, column) => {
      if (row >= 0) columnOfRow[row] = column;
    });
    return columnOfRow;
  }
  return hungarian(cost, rowCount, columnCount);
}

/**
 * Kuhn–Munkres with potentials for rowCount ≤ columnCount. Index 0 of the
 * potential and assignment arrays is a virtual column used to start each
 * augmenting path, so real rows and columns are 1-based inside.
 */
function hungarian(cost: readonly (readonly number[])[], rowCount: number, columnCount: number): number[] {
  const rowPotential = new Float64Array(rowCount + 1);
  const columnPotential = new Float64Array(columnCount + 1);
  const rowOfColumn = new Int32Array(columnCount + 1);
  const previousColumn = new Int32Array(columnCount + 1);

  for (let row = 1; row <= rowCount; row++) {
    rowOfColumn[0] = row;
    let column = 0;
    const slack = new Float64Array(columnCount + 1).fill(Number.POSITIVE_INFINITY);
    const visited = new Uint8Array(columnCount + 1);

    // Grow a tree of tight edges from the new row until it reaches a free column.
    do {
      visited[column] = 1;
      const treeRow = rowOfColumn[column] ?? 0;
      let delta = Number.POSITIVE_INFINITY;
      let nextColumn = 0;
      for (let j = 1; j <= columnCount; j++) {
        if (visited[j]) continue;
        const reduced = (cost[treeRow - 1]?.[j - 1] ?? 0) - (rowPotential[treeRow] ?? 0) - (columnPotential[j] ?? 0);
        if (reduced < (slack[j] ?? 0)) {
          slack[j] = reduced;
          previousColumn[j] = column;
        }
        if ((slack[j] ?? 0) < delta) {
          delta = slack[j] ?? 0;
          nextColumn = j;
        }
      }
      for (let j = 0; j <= columnCount; j++) {
        if (visited[j]) {
          const r = rowOfColumn[j] ?? 0;
          rowPotential[r] = (rowPotential[r] ?? 0) + delta;
          columnPotential[j] = (columnPotential[j] ?? 0) - delta;
        } else {
          slack[j] = (slack[j] ?? 0) - delta;
        }
      }
      column = nextColumn;
    } while ((rowOfColumn[column] ?? 0) !== 0);

    // Flip the augmenting path back to the virtual column.
    do {
      const before = previousColumn[column] ?? 0;
      rowOfColumn[column] = rowOfColumn[before] ?? 0;
      column = before;
    } while (column !== 0);
  }

  const columnOfRow = new Array<number>(rowCount).fill(-1);
  for (let j = 1; j <= columnCount; j++) {
    const row = rowOfColumn[j] ?? 0;
    if (row > 0) columnOfRow[row - 1] = j - 1;
  }
  return columnOfRow;
}

function range(length: number): number[] {
  return Array.from({ length }, (_, i) => i);
}
