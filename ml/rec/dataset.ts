/**
 * Encodes string item ids as dense indices and training data as typed
 * arrays, so models can score into a Float32Array of catalog length.
 */
import { RecError, type ItemId, type ItemMeta, type RecContext, type TrainingData } from './types.js';

/** Mapping between opaque item ids and dense indices 0..n-1. */
export class ItemIndex {
  private readonly indexById = new Map<ItemId, number>();

  constructor(readonly itemIds: readonly ItemId[]) {
    itemIds.forEach((id, index) => this.indexById.set(id, index));
  }

  get size(): number {
    return this.itemIds.length;
  }

  /** Index of `itemId`, or -1 when the item is not in the catalog. */
  indexOf(itemId: ItemId): number {
    return this.indexById.get(itemId) ?? -1;
  }

  idAt(index: number): ItemId {
    const id = this.itemIds[index];
    if (id === undefined) throw new RecError('invalid_argument', `item index ${index} is outside 0..${this.size - 1}`);
    return id;
  }
}

/** Training data with every item id replaced by its index. */
export interface EncodedData {
  index: ItemIndex;
  /** Item metadata by index; an empty object for items seen only in sequences. */
  meta: ItemMeta[];
  /** Users' item indices, one Int32Array each, in time order. */
  sequences: Int32Array[];
  /** Per-sequence timestamps (ms) when the input had them. */
  timestampsMs: (Float64Array | undefined)[];
  storeIds: (string | undefined)[];
}

/** Builds the catalog (metadata order first, then items seen only in sequences) and encodes sequences. */
export function encodeTrainingData(data: TrainingData): EncodedData {
  const ids: ItemId[] = [];
  const seen = new Set<ItemId>();
  const addId = (id: ItemId): void => {
    if (!seen.has(id)) {
      seen.add(id);
      ids.push(id);
    }
  };
  for (const item of data.items) addId(item.itemId);
  for (const sequence of data.sequences) sequence.items.forEach(addId);
  if (ids.length === 0) throw new RecError('empty_training_data', 'training data has no items: pass a catalog or at least one sequence');

  const index = new ItemIndex(ids);
  const meta: ItemMeta[] = ids.map((itemId) => ({ itemId }));
  for (const item of data.items) meta[index.indexOf(item.itemId)] = item;

  const sequences = data.sequences.map((s) => Int32Array.from(s.items, (id) => index.indexOf(id)));
  const timestampsMs = data.sequences.map((s) =>
    s.timestampsMs && s.timestampsMs.length === s.items.length ? Float64Array.from(s.timestampsMs) : undefined,
  );
  return { index, meta, sequences, timestampsMs, storeIds: data.sequences.map((s) => s.storeId) };
}

/** A context resolved against one catalog. Unknown ids are dropped. */
export interface EncodedContext {
  /** Member history then session items, oldest first; the newest is last. */
  recent: Int32Array;
  /** Items to leave out of the ranking (the context's own items). */
  excluded: Set<number>;
  context: RecContext;
}

export function encodeContext(context: RecContext, index: ItemIndex): EncodedContext {
  const ids = [...(context.memberHistory ?? []), ...(context.sessionItems ?? [])];
  const known = ids.map((id) => index.indexOf(id)).filter((i) => i >= 0);
  return { recent: Int32Array.from(known), excluded: new Set(known), context };
}

/**
 * Compressed sparse rows: row r's columns are `columns[offsets[r]..offsets[r+1])`
 * with the matching `values`. Used for item→neighbour and item→user lists.
 */
export interface Csr {
  offsets: Int32Array;
  columns: Int32Array;
  values: Float32Array;
}

/** Item→users lists (CSR, value 1) from encoded sequences; a repeated item counts once per user. */
export function buildItemUsers(sequences: readonly Int32Array[], itemCount: number): Csr {
  const counts = new Int32Array(itemCount + 1);
  const uniquePerUser = sequences.map((s) => Int32Array.from(new Set(s)));
  for (const items of uniquePerUser) for (const item of items) counts[item + 1]! += 1;
  for (let i = 0; i < itemCount; i++) counts[i + 1]! += counts[i]!;

  const offsets = counts.slice();
  const columns = new Int32Array(offsets[itemCount]!);
  const cursor = offsets.slice(0, itemCount);
  uniquePerUser.forEach((items, user) => {
    for (const item of items) columns[cursor[item]!++] = user;
  });
  return { offsets, columns, values: new Float32Array(columns.length).fill(1) };
}

/** Number of users who have each item (item degree). */
export function itemDegrees(itemUsers: Csr): Float32Array {
  const itemCount = itemUsers.offsets.length - 1;
  const degrees = new Float32Array(itemCount);
  for (let i = 0; i < itemCount; i++) degrees[i] = itemUsers.offsets[i + 1]! - itemUsers.offsets[i]!;
  return degrees;
}
