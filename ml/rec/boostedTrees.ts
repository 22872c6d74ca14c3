/**
 * Gradient-boosted regression trees for ranking. Each training query is a
 * candidate list with one relevant row, the item the shopper took next. The
 * loss is the listwise softmax cross-entropy of that row, so the trees learn
 * to lift the relevant candidate above the others of its own list.
 *
 * Trees are grown level by level on features binned into quantile buckets
 * (histogram splits), to a fixed depth, with L2-regularised Newton leaves.
 * A tree is stored as a complete binary tree in flat arrays: node n has
 * children 2n+1 and 2n+2, and `feature = -1` marks a leaf.
 */
import { RecError } from './types.js';

/** One candidate list: row-major features [row][feature] and the relevant row (-1 when none is). */
export interface RankingQuery {
  features: Float32Array;
  rows: number;
  relevant: number;
}

export interface BoostOptions {
  /** Upper bound on trees. Training stops earlier when the held-out queries stop improving. */
  maxTrees: number;
  /** Shrinkage of each tree's leaf values: lower generalises better but needs more trees. */
  learningRate: number;
  /** Depth of every tree, which has 2^depth leaves. Deeper trees model more feature interactions and overfit sooner. */
  depth: number;
  /** Smallest summed hessian a leaf may hold, so a split cannot isolate a handful of rows. */
  minLeafHessian: number;
  /** L2 penalty on leaf values. */
  l2: number;
  /** Quantile buckets per feature (at most 255). */
  bins: number;
  /** Trees without a held-out improvement before training stops. */
  patience: number;
}

export const DEFAULT_BOOST_OPTIONS: BoostOptions = {
  maxTrees: 400,
  learningRate: 0.05,
  depth: 5,
  minLeafHessian: 1,
  l2: 1,
  bins: 64,
  patience: 40,
};

/** A fitted ensemble; `score` evaluates one feature row. */
export class BoostedTrees {
  constructor(
    readonly width: number,
    readonly depth: number,
    /** Per tree, per node: split feature or -1 for a leaf. */
    readonly nodeFeature: Int32Array,
    /** Per node: the threshold (go left when the feature value ≤ threshold), or the leaf value at a leaf. */
    readonly nodeValue: Float32Array,
  ) {
    const perTree = nodesPerTree(depth);
    if (nodeFeature.length !== nodeValue.length || nodeFeature.length % perTree !== 0) {
      throw new RecError('corrupt_model', 'boosted tree arrays do not describe whole trees');
    }
    for (const feature of nodeFeature) {
      if (feature >= width) throw new RecError('corrupt_model', `tree splits on feature ${feature} of ${width}`);
    }
  }

  get treeCount(): number {
    return this.nodeFeature.length / nodesPerTree(this.depth);
  }

  /** Score of the row starting at `offset` in `features`. */
  score(features: Float32Array, offset: number): number {
    const perTree = nodesPerTree(this.depth);
    let total = 0;
    for (let base = 0; base < this.nodeFeature.length; base += perTree) {
      let node = 0;
      let feature = this.nodeFeature[base]!;
      while (feature >= 0) {
        node = features[offset + feature]! <= this.nodeValue[base + node]! ? 2 * node + 1 : 2 * node + 2;
        feature = this.nodeFeature[base + node]!;
      }
      total += this.nodeValue[base + node]!;
    }
    return total;
  }
}

/** Histogram slots per feature: every bucket index a Uint8Array can hold, since `bins` ≤ 255. */
const BUCKET_SLOTS = 256;

function nodesPerTree(depth: number): number {
  return 2 ** (depth + 1) - 1;
}

export interface BoostReport {
  trees: number;
  /** Mean NDCG@10 on the held-out queries with the kept trees. */
  heldOutNdcg10: number;
  trainSeconds: number;
}

/**
 * Trains on `train` and picks the tree count by NDCG@10 on `heldOut`.
 * Queries without a relevant row carry no signal and are skipped.
 */
export function trainBoostedTrees(
  train: readonly RankingQuery[],
  heldOut: readonly RankingQuery[],
  width: number,
  options: Partial<BoostOptions> = {},
): { model: BoostedTrees; report: BoostReport } {
  const settings = { ...DEFAULT_BOOST_OPTIONS, ...options };
  if (settings.bins > 255 || settings.bins < 2) throw new RecError('invalid_argument', `bins must be 2..255, got ${settings.bins}`);
  const started = Date.now();
  const queries = train.filter((q) => q.relevant >= 0 && q.rows > 1);
  const rowCount = queries.reduce((sum, q) => sum + q.rows, 0);
  const thresholds = quantileThresholds(queries, width, settings.bins);
  const binned = binRows(queries, width, thresholds, rowCount);

  const margins = new Float64Array(rowCount);
  const gradients = new Float64Array(rowCount);
  const hessians = new Float64Array(rowCount);
  const heldOutMargins = heldOut.map((q) => new Float64Array(q.rows));
  const perTree = nodesPerTree(settings.depth);
  const features: number[] = [];
  const values: number[] = [];
  let best = { ndcg: ndcgOf(heldOut, heldOutMargins), trees: 0 };

  for (let tree = 0; tree < settings.maxTrees; tree++) {
    softmaxGradients(queries, margins, gradients, hessians);
    const grown = growTree(binned, width, thresholds, gradients, hessians, rowCount, settings);
    features.push(...grown.feature);
    values.push(...grown.value);
    applyTree(grown, binned.leafOf, margins);
    const model = new BoostedTrees(width, settings.depth, Int32Array.from(grown.feature), Float32Array.from(grown.value));
    heldOut.forEach((q, i) => {
      for (let r = 0; r < q.rows; r++) heldOutMargins[i]![r]! += model.score(q.features, r * width);
    });
    const ndcg = ndcgOf(heldOut, heldOutMargins);
    if (ndcg > best.ndcg) best = { ndcg, trees: tree + 1 };
    else if (tree + 1 - best.trees >= settings.patience) break;
  }

  const keptNodes = best.trees * perTree;
  const model = new BoostedTrees(width, settings.depth, Int32Array.from(features.slice(0, keptNodes)), Float32Array.from(values.slice(0, keptNodes)));
  return { model, report: { trees: best.trees, heldOutNdcg10: best.ndcg, trainSeconds: (Date.now() - started) / 1000 } };
}

/** Computes the mean NDCG@10 of the relevant row under `margins`. Ties rank the earlier row first. */
export function ndcgOf(queries: readonly RankingQuery[], margins: readonly Float64Array[]): number {
  let total = 0;
  queries.forEach((q, i) => {
    if (q.relevant < 0) return;
    const m = margins[i]!;
    const target = m[q.relevant]!;
    let rank = 1;
    for (let r = 0; r < q.rows && rank <= 10; r++) if (m[r]! > target || (m[r] === target && r < q.relevant)) rank++;
    if (rank <= 10) total += 1 / Math.log2(rank + 1);
  });
  return total / Math.max(1, queries.length);
}

/** Listwise softmax cross-entropy: gradient p − y and hessian p(1 − p) for each row of each query. */
function softmaxGradients(queries: readonly RankingQuery[], margins: Float64Array, gradients: Float64Array, hessians: Float64Array): void {
  let start = 0;
  for (const q of queries) {
    let max = -Infinity;
    for (let r = 0; r < q.rows; r++) max = Math.max(max, margins[start + r]!);
    let sum = 0;
    for (let r = 0; r < q.rows; r++) sum += Math.exp(margins[start + r]! - max);
    for (let r = 0; r < q.rows; r++) {
      const p = Math.exp(margins[start + r]! - max) / sum;
      gradients[start + r] = p - (r === q.relevant ? 1 : 0);
      hessians[start + r] = Math.max(p * (1 - p), 1e-6);
    }
    start += q.rows;
  }
}

/** Per feature, up to `bins - 1` ascending cut points taken at quantiles of a row sample. */
function quantileThresholds(queries: readonly RankingQuery[], width: number, bins: number): Float32Array[] {
  const sample: number[][] = Array.from({ length: width }, () => []);
  const total = queries.reduce((sum, q) => sum + q.rows, 0);
  const stride = Math.max(1, Math.floor(total / 200_000));
  let row = 0;
  for (const q of queries) {
    for (let r = 0; r < q.rows; r++, row++) {
      if (row % stride !== 0) continue;
      for (let f = 0; f < width; f++) sample[f]!.push(q.features[r * width + f]!);
    }
  }
  return sample.map((values) => {
    values.sort((a, b) => a - b);
    const cuts = new Set<number>();
    for (let b = 1; b < bins; b++) {
      const value = values[Math.floor((b * values.length) / bins)];
      if (value !== undefined && value < values[values.length - 1]!) cuts.add(Math.fround(value));
    }
    return Float32Array.from([...cuts].sort((a, b) => a - b));
  });
}

interface BinnedRows {
  /** Row-major bucket of each feature, [row][feature]. */
  bins: Uint8Array;
  /** Scratch: the node each row sits in while a tree grows. */
  leafOf: Int32Array;
}

function binRows(queries: readonly RankingQuery[], width: number, thresholds: readonly Float32Array[], rowCount: number): BinnedRows {
  const bins = new Uint8Array(rowCount * width);
  let row = 0;
  for (const q of queries) {
    for (let r = 0; r < q.rows; r++, row++) {
      for (let f = 0; f < width; f++) bins[row * width + f] = bucketOf(thresholds[f]!, q.features[r * width + f]!);
    }
  }
  return { bins, leafOf: new Int32Array(rowCount) };
}

/** Number of cut points below `value`, i.e. the bucket where value ≤ cuts[bucket]. */
function bucketOf(cuts: Float32Array, value: number): number {
  let low = 0;
  let high = cuts.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (cuts[mid]! < value) low = mid + 1;
    else high = mid;
  }
  return low;
}

interface GrownTree {
  feature: number[];
  value: number[];
}

/** Grows one depth-limited tree level by level and leaves each row's leaf in `binned.leafOf`. */
function growTree(
  binned: BinnedRows,
  width: number,
  thresholds: readonly Float32Array[],
  gradients: Float64Array,
  hessians: Float64Array,
  rowCount: number,
  settings: BoostOptions,
): GrownTree {
  const perTree = nodesPerTree(settings.depth);
  const feature = new Array<number>(perTree).fill(-1);
  const value = new Array<number>(perTree).fill(0);
  const splitBucket = new Int32Array(perTree);
  const leafOf = binned.leafOf.fill(0);

  for (let level = 0; level <= settings.depth; level++) {
    const first = 2 ** level - 1;
    const nodes = 2 ** level;
    // Histograms [node][feature][bucket] of gradient and hessian sums, for this level's nodes.
    const gradHist = new Float64Array(nodes * width * BUCKET_SLOTS);
    const hessHist = new Float64Array(nodes * width * BUCKET_SLOTS);
    const gradSum = new Float64Array(nodes);
    const hessSum = new Float64Array(nodes);
    for (let row = 0; row < rowCount; row++) {
      const node = leafOf[row]! - first;
      if (node < 0) continue; // the row stopped at a leaf of an earlier level
      const g = gradients[row]!;
      const h = hessians[row]!;
      gradSum[node]! += g;
      hessSum[node]! += h;
      if (level === settings.depth) continue;
      const base = node * width * BUCKET_SLOTS;
      for (let f = 0; f < width; f++) {
        const at = base + f * BUCKET_SLOTS + binned.bins[row * width + f]!;
        gradHist[at]! += g;
        hessHist[at]! += h;
      }
    }

    for (let n = 0; n < nodes; n++) {
      const node = first + n;
      const split = level < settings.depth ? bestSplit(gradHist, hessHist, n, width, thresholds, gradSum[n]!, hessSum[n]!, settings) : undefined;
      if (split) {
        feature[node] = split.feature;
        splitBucket[node] = split.bucket;
        value[node] = thresholds[split.feature]![split.bucket]!;
      } else {
        value[node] = hessSum[n]! > 0 ? (-settings.learningRate * gradSum[n]!) / (hessSum[n]! + settings.l2) : 0;
      }
    }

    for (let row = 0; row < rowCount; row++) {
      const node = leafOf[row]!;
      if (node < first || feature[node]! < 0) {
        if (node >= first) leafOf[row] = -1 - node; // The row parks at this leaf, stored as a negative number.
        continue;
      }
      const bucket = binned.bins[row * width + feature[node]!]!;
      leafOf[row] = bucket <= splitBucket[node]! ? 2 * node + 1 : 2 * node + 2;
    }
  }
  return { feature, value };
}

function bestSplit(
  gradHist: Float64Array,
  hessHist: Float64Array,
  node: number,
  width: number,
  thresholds: readonly Float32Array[],
  gradTotal: number,
  hessTotal: number,
  settings: BoostOptions,
): { feature: number; bucket: number } | undefined {
  const parentGain = (gradTotal * gradTotal) / (hessTotal + settings.l2);
  let best: { feature: number; bucket: number; gain: number } | undefined;
  for (let f = 0; f < width; f++) {
    const base = (node * width + f) * BUCKET_SLOTS;
    let gradLeft = 0;
    let hessLeft = 0;
    // Bucket b contains values ≤ cuts[b], so splitting after bucket b sends buckets 0..b left.
    for (let b = 0; b < thresholds[f]!.length; b++) {
      gradLeft += gradHist[base + b]!;
      hessLeft += hessHist[base + b]!;
      const hessRight = hessTotal - hessLeft;
      if (hessLeft < settings.minLeafHessian || hessRight < settings.minLeafHessian) continue;
      const gradRight = gradTotal - gradLeft;
      const gain = (gradLeft * gradLeft) / (hessLeft + settings.l2) + (gradRight * gradRight) / (hessRight + settings.l2) - parentGain;
      if (gain > (best?.gain ?? 1e-9)) best = { feature: f, bucket: b, gain };
    }
  }
  return best;
}

/** Adds each row's leaf value to its margin. After growTree, `leafOf` contains −1 − leaf for every row. */
function applyTree(tree: GrownTree, leafOf: Int32Array, margins: Float64Array): void {
  for (let row = 0; row < margins.length; row++) margins[row]! += tree.value[-1 - leafOf[row]!]!;
}
