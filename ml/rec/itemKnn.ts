/**
 * Item-based collaborative filtering: asymmetric cosine similarity between
 * the user sets of two items, with shrinkage and sharpening,
 *   sim(i, j) = (|U(i) ∩ U(j)| / (|U(i)|^a · |U(j)|^(1−a) + shrinkage))^q,
 * kept as each item's top neighbours. a = 0.5 and q = 1 give plain cosine.
 * A context scores Σ recency × sim.
 */
import { decodeModel } from './codec.js';
import { buildItemUsers, itemDegrees, type Csr, type EncodedContext, type EncodedData } from './dataset.js';
import { addRow, validateCsr, buildNeighbourTable, scoreFromNeighbours, strongestSource, touch } from './neighbours.js';
import { requireArray, requireNumber, ScoringRecommender } from './scoringModel.js';
import { RecError, type Explanation } from './types.js';

export interface ItemKnnOptions {
  /** Neighbours kept per item. More raises recall of rare pairs but grows the model linearly. */
  maxNeighbours: number;
  /** Added to the cosine denominator; damps pairs seen by few users. 0 = plain cosine. */
  shrinkage: number;
  /** Weight ratio between a context item and the next newer one, in (0, 1]; 1 = order ignored. */
  recencyDecay: number;
  /** Context items used, newest first. */
  maxRecent: number;
  /** Exponent a on the source item's user count: 1 gives P(j | i), which favours popular targets, and 0 gives P(i | j), which favours rare ones. */
  asymmetry: number;
  /** Power q applied to each similarity. Above 1 a strong link outweighs several weak ones, and below 1 weak links add up. */
  sharpening: number;
}

export const DEFAULT_ITEM_KNN_OPTIONS: ItemKnnOptions = { maxNeighbours: 100, shrinkage: 10, recencyDecay: 0.8, maxRecent: 20, asymmetry: 0.5, sharpening: 1 };

export class ItemKnn extends ScoringRecommender {
  readonly kind = 'item_knn' as const;
  readonly options: ItemKnnOptions;
  private neighbours: Csr | undefined;

  constructor(options: Partial<ItemKnnOptions> = {}) {
    super();
    this.options = { ...DEFAULT_ITEM_KNN_OPTIONS, ...options };
  }

  protected fitIndexed(data: EncodedData): void {
    const itemCount = data.index.size;
    const itemUsers = buildItemUsers(data.sequences, itemCount);
    const degrees = itemDegrees(itemUsers);
    const userItems = data.sequences.map((s) => Int32Array.from(new Set(s)));
    const { shrinkage, asymmetry, sharpening } = this.options;

    this.neighbours = buildNeighbourTable(itemCount, this.options.maxNeighbours, (item, scratch, touched, isTouched) => {
      let count = 0;
      for (let p = itemUsers.offsets[item]!; p < itemUsers.offsets[item + 1]!; p++) {
        for (const other of userItems[itemUsers.columns[p]!]!) count = touch(other, 1, scratch, touched, isTouched, count);
      }
      for (let t = 0; t < count; t++) {
        const other = touched[t]!;
        const norm = degrees[item]! ** asymmetry * degrees[other]! ** (1 - asymmetry) + shrinkage;
        scratch[other] = (scratch[other]! / norm) ** sharpening;
      }
      return count;
    });
  }

  private get table(): Csr {
    if (!this.neighbours) throw new RecError('not_fitted', 'item_knn model used before fit() or load');
    return this.neighbours;
  }

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

  static load(bytes: Uint8Array): ItemKnn {
    const saved = decodeModel(bytes);
    if (saved.kind !== 'item_knn') throw new RecError('corrupt_model', `expected an item_knn model, got ${saved.kind}`);
    const model = new ItemKnn();
    const state = model.restoreIndex(saved.state);
    Object.assign(model.options, {
      maxNeighbours: requireNumber(state, 'maxNeighbours'),
      shrinkage: requireNumber(state, 'shrinkage'),
      recencyDecay: requireNumber(state, 'recencyDecay'),
      maxRecent: requireNumber(state, 'maxRecent'),
    });
    // Models saved before these settings existed were fitted with plain cosine, which is the default.
    if ('asymmetry' in state) model.options.asymmetry = requireNumber(state, 'asymmetry');
    if ('sharpening' in state) model.options.sharpening = requireNumber(state, 'sharpening');
    const table = {
      offsets: requireArray(saved.arrays, 'offsets', Int32Array),
      columns: requireArray(saved.arrays, 'columns', Int32Array),
      values: requireArray(saved.arrays, 'values', Float32Array),
    };
    model.neighbours = validateCsr(table, model.index.size, model.index.size, 'item_knn');
    return model;
  }
}
