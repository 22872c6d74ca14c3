/**
 * Two-stage blend of component models.
 *
 * First stage: every component scores the catalog, its scores are divided
 * by their maximum over the rankable items (so each lies in [0, 1]), and
 * the blend is Σ weight × score.
 *
 * Second stage (optional): the blend's top `poolSize` items are reordered
 * by boosted trees over generic features of each candidate (rankFeatures.ts):
 * component scores and ranks, popularity, shared metadata. The trees see no
 * item ids, so what they learn is how to combine the components.
 *
 * Weights, component settings and the trees come from `searchHybrid`.
 */
import { BoostedTrees } from './boostedTrees.js';
import { decodeModel, type StoredArray } from './codec.js';
import type { EncodedContext, EncodedData } from './dataset.js';
import { buildItemFacts, featureWidth, writeRankFeatures, type ItemFacts } from './rankFeatures.js';
import { loadComponent } from './registry.js';
import { requireArray, ScoringRecommender } from './scoringModel.js';
import { topKIndices } from './topK.js';
import { RecError, type Explanation } from './types.js';

/** The second-stage ranker: trees over `featureWidth(components)` features of the blend's top `poolSize` items. */
export interface SecondStage {
  trees: BoostedTrees;
  poolSize: number;
}

/** Component rows of one context, kept for the explanations and the second stage. */
interface ScoredRows {
  context: EncodedContext;
  rows: Float32Array[];
  /** Each component's maximum before normalising. */
  rawMax: Float32Array;
}

export class Hybrid extends ScoringRecommender {
  readonly kind = 'hybrid' as const;
  /** Normalised component rows of the last scored context, reused by `explainItems` on the same context. */
  private lastRows: ScoredRows | undefined;
  /** Popularity and metadata labels for the second stage, rebuilt on every fit. */
  private facts: ItemFacts | undefined;

  /** `weights[c]` multiplies component c's max-normalised score. */
  constructor(
    readonly components: readonly ScoringRecommender[],
    readonly weights: readonly number[],
    readonly secondStage?: SecondStage,
  ) {
    super();
    if (components.length !== weights.length) {
      throw new RecError('invalid_argument', `hybrid got ${components.length} components but ${weights.length} weights`);
    }
    if (secondStage && secondStage.trees.width !== featureWidth(components.length)) {
      throw new RecError('invalid_argument', `second-stage trees expect ${secondStage.trees.width} features, not ${featureWidth(components.length)}`);
    }
  }

  /**
   * Wraps components that are already fitted on one catalog, without
   * refitting them. `data` is that catalog's training data, needed only
   * with a second stage (for popularity and metadata features).
   */
  static fromFitted(components: readonly ScoringRecommender[], weights: readonly number[], secondStage?: SecondStage, data?: EncodedData): Hybrid {
    const hybrid = new Hybrid(components, weights, secondStage);
    if (secondStage) {
      if (!data) throw new RecError('invalid_argument', 'a hybrid with a second stage needs the training data its components were fitted on');
      hybrid.facts = buildItemFacts(data);
    }
    const index = components[0]?.index;
    if (!index) throw new RecError('invalid_argument', 'hybrid needs at least one component');
    if (components.some((c) => c.index.size !== index.size)) {
      throw new RecError('invalid_argument', 'hybrid components were fitted on different catalogs');
    }
    hybrid.setIndex(index);
    return hybrid;
  }

  protected fitIndexed(data: EncodedData): void {
    this.lastRows = undefined;
    for (const component of this.components) component.fitEncoded(data);
    this.facts = this.secondStage ? buildItemFacts(data) : undefined;
  }

  /**
   * Writes each component's max-normalised scores into `rows[c]` and its
   * maximum before normalising into `rawMax[c]`. A component with weight 0
   * is skipped unless `all` is set (the second stage reads every component).
   */
  scoreComponents(context: EncodedContext, rows: Float32Array[], rawMax?: Float32Array, all = false): void {
    this.components.forEach((component, c) => {
      const row = rows[c]!;
      row.fill(0);
      if (this.weights[c] === 0 && !all) return;
      component.scoreInto(context, row);
      const max = normaliseByMax(row, context.excluded);
      if (rawMax) rawMax[c] = max;
    });
  }

  /** First-stage scores: Σ weight × normalised component score. */
  blendInto(rows: readonly Float32Array[], blend: Float32Array): void {
    rows.forEach((row, c) => {
      const weight = this.weights[c]!;
      if (weight === 0) return;
      for (let i = 0; i < row.length; i++) blend[i]! += weight * row[i]!;
    });
  }

  /**
   * Adds the first-stage blend to `scores`. With a second stage, the blend's
   * top `poolSize` items are then lifted above every other item in the
   * trees' order, and ties keep the blend order. The candidate at 0-based
   * `rank` scores (best blend score) + 1 + (pool length − rank), so scores
   * compare only within one list.
   */
  scoreInto(context: EncodedContext, scores: Float32Array): void {
    if (!this.secondStage) {
      this.blendInto(this.rowsFor(context, scores.length).rows, scores);
      return;
    }
    const { blend, candidates, features } = this.candidateFeatures(context, this.secondStage.poolSize);
    const trees = this.secondStage.trees;
    const treeScores = Array.from(candidates, (_, row) => trees.score(features, row * trees.width));
    const order = Array.from(candidates.keys()).sort((a, b) => treeScores[b]! - treeScores[a]! || a - b);
    const lift = candidates.length > 0 ? blend[candidates[0]!]! + 1 : 0;
    for (let i = 0; i < blend.length; i++) scores[i]! += blend[i]!;
    order.forEach((position, rank) => {
      const item = candidates[position]!;
      scores[item]! += lift + (order.length - rank) - blend[item]!;
    });
  }

  /**
   * Computes the first-stage blend of a context, selects its top `poolSize`
   * items (best first) and writes their second-stage features, row-major.
   * Used at request time and to build the second stage's training lists.
   */
  candidateFeatures(context: EncodedContext, poolSize: number): { blend: Float32Array; candidates: Int32Array; features: Float32Array } {
    if (!this.facts) throw new RecError('not_fitted', 'hybrid second stage used before fit() or setFacts()');
    const scored = this.rowsFor(context, this.index.size);
    const blend = new Float32Array(this.index.size);
    this.blendInto(scored.rows, blend);
    const candidates = topKIndices(blend, poolSize, context.excluded);
    const features = new Float32Array(candidates.length * featureWidth(this.components.length));
    writeRankFeatures(candidates, scored.rows, scored.rawMax, blend, context.recent, this.facts, features);
    return { blend, candidates, features };
  }

  /**
   * Sets popularity and metadata facts from `data` without refitting the
   * components, so second-stage features can be computed before any trees exist.
   */
  setFacts(data: EncodedData): void {
    this.lastRows = undefined;
    this.facts = buildItemFacts(data);
  }

  /**
   * Component rows for `context`, computed once per context object. The
   * buffers are reused by the next context, which is safe because JS runs
   * one call at a time and no caller keeps them. With item facts set (a
   * second stage, or one being trained), weight-0 components are scored
   * too, because the features read every component.
   */
  private rowsFor(context: EncodedContext, itemCount: number): ScoredRows {
    if (this.lastRows?.context === context) return this.lastRows;
    const reuse = this.lastRows?.rows[0]?.length === itemCount ? this.lastRows : undefined;
    const rows = reuse?.rows ?? this.components.map(() => new Float32Array(itemCount));
    const rawMax = reuse?.rawMax ?? new Float32Array(this.components.length);
    this.scoreComponents(context, rows, rawMax, this.facts !== undefined);
    this.lastRows = { context, rows, rawMax };
    return this.lastRows;
  }

  similarInto(item: number, scores: Float32Array): void {
    const row = new Float32Array(scores.length);
    const excluded = new Set([item]);
    this.components.forEach((component, c) => {
      if (this.weights[c] === 0 || component.kind === 'popularity') return;
      row.fill(0);
      component.similarInto(item, row);
      normaliseByMax(row, excluded);
      for (let i = 0; i < row.length; i++) scores[i]! += this.weights[c]! * row[i]!;
    });
  }

  /** Returns the reason of the component that contributes most to this item's blended score. */
  explainIndex(context: EncodedContext, item: number): Explanation {
    return this.explainItems(context, Int32Array.of(item))[0]!;
  }

  override explainItems(context: EncodedContext, items: Int32Array): Explanation[] {
    const { rows } = this.rowsFor(context, this.index.size);
    return Array.from(items, (item) => this.explainFromRows(context, rows, item));
  }

  private explainFromRows(context: EncodedContext, rows: Float32Array[], item: number): Explanation {
    let best = -1;
    let bestContribution = 0;
    rows.forEach((row, c) => {
      const contribution = this.weights[c]! * row[item]!;
      if (contribution > bestContribution) {
        best = c;
        bestContribution = contribution;
      }
    });
    return best < 0 ? { code: 'popular' } : this.components[best]!.explainIndex(context, item);
  }

  protected saveState() {
    const arrays: Record<string, StoredArray> = {};
    this.components.forEach((component, c) => {
      arrays[`component${c}`] = component.save();
    });
    const state: Record<string, unknown> = { weights: [...this.weights], componentCount: this.components.length };
    if (this.secondStage && this.facts) {
      const { trees, poolSize } = this.secondStage;
      state['secondStage'] = { poolSize, depth: trees.depth };
      Object.assign(arrays, {
        treeFeature: trees.nodeFeature,
        treeValue: trees.nodeValue,
        itemDegrees: this.facts.degrees,
        labelOffsets: this.facts.labels.offsets,
        labelColumns: this.facts.labels.columns,
      });
    }
    return { state, arrays };
  }

  static load(bytes: Uint8Array): Hybrid {
    const saved = decodeModel(bytes);
    if (saved.kind !== 'hybrid') throw new RecError('corrupt_model', `expected a hybrid model, got ${saved.kind}`);
    const state = saved.state as { weights?: unknown; componentCount?: unknown; itemIds?: unknown };
    if (!Array.isArray(state.weights) || !state.weights.every((w) => typeof w === 'number')) {
      throw new RecError('corrupt_model', 'saved hybrid model has no weight list');
    }
    const components = state.weights.map((_, c) => {
      const part = saved.arrays[`component${c}`];
      if (!(part instanceof Uint8Array)) throw new RecError('corrupt_model', `saved hybrid model is missing component ${c}`);
      return loadComponent(part);
    });
    const stage = (saved.state as { secondStage?: { poolSize?: unknown; depth?: unknown } }).secondStage;
    let secondStage: SecondStage | undefined;
    if (stage !== undefined) {
      if (!Number.isInteger(stage.poolSize) || !Number.isInteger(stage.depth)) throw new RecError('corrupt_model', 'saved hybrid second stage has no pool size or depth');
      const trees = new BoostedTrees(
        featureWidth(components.length),
        stage.depth as number,
        requireArray(saved.arrays, 'treeFeature', Int32Array),
        requireArray(saved.arrays, 'treeValue', Float32Array),
      );
      secondStage = { trees, poolSize: stage.poolSize as number };
    }
    const model = new Hybrid(components, state.weights as number[], secondStage);
    model.restoreIndex(saved.state);
    if (secondStage) {
      const offsets = requireArray(saved.arrays, 'labelOffsets', Int32Array);
      const degrees = requireArray(saved.arrays, 'itemDegrees', Float32Array);
      if (degrees.length !== model.index.size || offsets.length !== model.index.size + 1) {
        throw new RecError('corrupt_model', 'saved hybrid item facts do not match its catalog');
      }
      model.facts = { degrees, labels: { offsets, columns: requireArray(saved.arrays, 'labelColumns', Int32Array), values: new Float32Array(0) } };
    }
    return model;
  }
}

function maxOutside(row: Float32Array, excluded: ReadonlySet<number>): number {
  let max = 0;
  for (let i = 0; i < row.length; i++) if (row[i]! > max && !excluded.has(i)) max = row[i]!;
  return max;
}

/** Divides `row` by its maximum over items not in `excluded` and returns that maximum. An all-zero row stays as it is. */
export function normaliseByMax(row: Float32Array, excluded: ReadonlySet<number>): number {
  const max = maxOutside(row, excluded);
  if (max <= 0) return 0;
  for (let i = 0; i < row.length; i++) row[i] = row[i]! / max;
  return max;
}
