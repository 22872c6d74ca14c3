/**
 * Item-based collaborative filtering: asymmetric cosine similarity between
 * the user sets of two items, with shrinkage and sharpening,
 *   sim(i, j) = (|U(i) ∩ U(j)| / (|U(i)|^a · |U(j)|^(1−a) + shrinkage))^q,
 * kept as each item's top neighbours. a = 0.5 and q = 1 give plain cosine.
 * A context scores Σ recency × sim.
 */
import { decodeModel } from './codec.js';
import { buildItemUsers, itemDegrees, type EncodedData } from './dataset.js';
import { buildNeighbourTable, touch } from './neighbours.js';
import { NeighbourTableModel } from './neighbourTableModel.js';
import { requireNumber } from './scoringModel.js';
import { RecError } from './types.js';

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

export class ItemKnn extends NeighbourTableModel {
  readonly kind = 'item_knn' as const;
  readonly options: ItemKnnOptions;

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

    this.neighbourTable = buildNeighbourTable(itemCount, this.options.maxNeighbours, (item, scratch, touched, isTouched) => {
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
    model.restoreTable(saved.arrays);
    return model;
  }
}
