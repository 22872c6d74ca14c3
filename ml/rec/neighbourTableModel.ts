/**
 * Base of the models that reduce to one item-to-item weight table (item kNN,
 * RP3beta, sparse EASE). They differ only in how `fitIndexed` builds the
 * table; scoring, similar items, explanations and saving are the same.
 */
import type { StoredArray } from './codec.js';
import type { Csr, EncodedContext } from './dataset.js';
import { addRow, scoreFromNeighbours, strongestSource, validateCsr } from './neighbours.js';
import { requireArray, ScoringRecommender } from './scoringModel.js';
import { RecError, type Explanation } from './types.js';

/** Context settings every table model has: how the recent items of a context are weighted. */
export interface RecencyOptions {
  /** Weight ratio between a context item and the next newer one, in (0, 1]; 1 = order ignored. */
  recencyDecay: number;
  /** Context items used, newest first. */
  maxRecent: number;
}

export abstract class NeighbourTableModel extends ScoringRecommender {
  abstract readonly options: RecencyOptions;
  /** Row i contains the weights from item i to its kept neighbours. */
  protected neighbourTable: Csr | undefined;

  protected get table(): Csr {
    if (!this.neighbourTable) throw new RecError('not_fitted', `${this.kind} model used before fit() or load`);
    return this.neighbourTable;
  }

  /** Adds Σ recency × weight over the context's recent items to `scores`. */
  scoreInto(context: EncodedContext, scores: Float32Array): void {
    scoreFromNeighbours(this.table, context.recent, this.options.recencyDecay, this.options.maxRecent, scores);
  }

  similarInto(item: number, scores: Float32Array): void {
    addRow(this.table, item, scores);
  }

  explainIndex(context: EncodedContext, item: number): Explanation {
    const source = strongestSource(this.table, context.recent, item, this.options.recencyDecay, this.options.maxRecent);
    return source < 0 ? { code: 'popular' } : { code: 'because_viewed', sourceItemId: this.index.idAt(source) };
  }

  protected saveState() {
    const { offsets, columns, values } = this.table;
    return { state: { ...this.options }, arrays: { offsets, columns, values } };
  }

  /** Restores the saved table; call after `restoreIndex`, whose item count the table must match. */
  protected restoreTable(arrays: Record<string, StoredArray>): void {
    const table = {
      offsets: requireArray(arrays, 'offsets', Int32Array),
      columns: requireArray(arrays, 'columns', Int32Array),
      values: requireArray(arrays, 'values', Float32Array),
    };
    this.neighbourTable = validateCsr(table, this.index.size, this.index.size, this.kind);
  }
}
