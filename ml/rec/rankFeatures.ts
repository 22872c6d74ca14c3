/**
 * Features of one candidate item for the hybrid's second-stage ranker.
 * The first stage (the weighted blend) picks a short candidate list. Each
 * candidate is then described by every component's score, its rank among
 * the other candidates, its popularity and how much catalog metadata it
 * shares with the shopper's recent items.
 */
import { buildItemUsers, itemDegrees, type Csr, type EncodedData } from './dataset.js';

/** Per-item facts the features need, fitted with the components and saved with the hybrid. */
export interface ItemFacts {
  /** Users who have each item in the training data. */
  degrees: Float32Array;
  /** Item → metadata label ids (attributes, categories, brand), sorted per item. */
  labels: Csr;
}

export function buildItemFacts(data: EncodedData): ItemFacts {
  const degrees = itemDegrees(buildItemUsers(data.sequences, data.index.size));

  const labelIds = new Map<string, number>();
  const perItem = data.meta.map((meta) => {
    const names = [...(meta.attributes ?? []), ...(meta.categories ?? []).map((c) => `category:${c}`)];
    if (meta.brand) names.push(`brand:${meta.brand}`);
    const ids = names.map((name) => {
      if (!labelIds.has(name)) labelIds.set(name, labelIds.size);
      return labelIds.get(name)!;
    });
    return Int32Array.from(new Set(ids)).sort();
  });
  const offsets = new Int32Array(perItem.length + 1);
  perItem.forEach((ids, i) => (offsets[i + 1] = offsets[i]! + ids.length));
  const columns = new Int32Array(offsets[perItem.length]!);
  perItem.forEach((ids, i) => columns.set(ids, offsets[i]!));
  return { degrees, labels: { offsets, columns, values: new Float32Array(0) } };
}

/** Number of features for a hybrid of `components` parts. */
export function featureWidth(components: number): number {
  return 3 * components + 8;
}

/**
 * Writes the features of each candidate into `out` (row-major, `featureWidth`
 * wide). `rows[c]` are the components' max-normalised scores, `rawMax[c]`
 * the maximum each had before normalising, `blend` the first-stage score.
 */
export function writeRankFeatures(
  candidates: Int32Array,
  rows: readonly Float32Array[],
  rawMax: Float32Array,
  blend: Float32Array,
  recent: Int32Array,
  facts: ItemFacts,
  out: Float32Array,
): void {
  const width = featureWidth(rows.length);
  const componentRanks = rows.map((row) => ranksWithin(candidates, row));
  const last = recent.length > 0 ? recent[recent.length - 1]! : -1;
  const lastLabels = last >= 0 ? labelsOf(facts, last) : new Int32Array(0);
  const inputLabels = new Set<number>();
  for (const item of recent) for (const label of labelsOf(facts, item)) inputLabels.add(label);

  candidates.forEach((item, position) => {
    const at = position * width;
    let f = 0;
    for (let c = 0; c < rows.length; c++) out[at + f++] = rows[c]![item]!;
    for (let c = 0; c < rows.length; c++) out[at + f++] = Math.log2(1 + componentRanks[c]![position]!);
    for (let c = 0; c < rows.length; c++) out[at + f++] = Math.log1p(rawMax[c]!);
    out[at + f++] = blend[item]!;
    out[at + f++] = Math.log2(2 + position);
    out[at + f++] = Math.log1p(facts.degrees[item]!);
    out[at + f++] = Math.log1p(recent.length);
    out[at + f++] = last >= 0 ? Math.log1p(facts.degrees[last]!) : -1;
    const labels = labelsOf(facts, item);
    const sharedWithLast = countShared(labels, lastLabels);
    out[at + f++] = sharedWithLast;
    out[at + f++] = sharedWithLast / Math.max(1, labels.length + lastLabels.length - sharedWithLast);
    let inInput = 0;
    for (const label of labels) if (inputLabels.has(label)) inInput++;
    out[at + f++] = labels.length > 0 ? inInput / labels.length : -1;
  });
}

function labelsOf(facts: ItemFacts, item: number): Int32Array {
  return facts.labels.columns.subarray(facts.labels.offsets[item]!, facts.labels.offsets[item + 1]!);
}

/** Size of the intersection of two ascending id lists. */
function countShared(a: Int32Array, b: Int32Array): number {
  let i = 0;
  let j = 0;
  let shared = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      shared++;
      i++;
      j++;
    } else if (a[i]! < b[j]!) i++;
    else j++;
  }
  return shared;
}

/** 0-based rank of each candidate among the candidates by `row`, ties by list position. */
function ranksWithin(candidates: Int32Array, row: Float32Array): Int32Array {
  const order = Array.from(candidates.keys()).sort((a, b) => row[candidates[b]!]! - row[candidates[a]!]! || a - b);
  const ranks = new Int32Array(candidates.length);
  order.forEach((position, rank) => (ranks[position] = rank));
  return ranks;
}
