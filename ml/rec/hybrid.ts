/**
 * Weighted blend of component models. For each context every component
 * scores the catalog, its scores are divided by their maximum over the
 * rankable items (so each lies in [0, 1]), and the blend is Σ weight × score.
 * Weights and component settings come from `searchHybrid` (search.ts).
 */
import { decodeModel, type StoredArray } from './codec.js';
import type { EncodedContext, EncodedData } from './dataset.js';
import { loadComponent } from './registry.js';
import { ScoringRecommender } from './scoringModel.js';
import { RecError, type Explanation } from './types.js';

export class Hybrid extends ScoringRecommender {
  readonly kind = 'hybrid' as const;
  /** Normalised component rows of the last scored context, reused by `explainItems` on the same context. */
  private lastRows: { context: EncodedContext; rows: Float32Array[] } | undefined;

  /** `weights[c]` multiplies component c's max-normalised score. */
  constructor(
    readonly components: readonly ScoringRecommender[],
    readonly weights: readonly number[],
  ) {
    super();
    if (components.length !== weights.length) {
      throw new RecError('invalid_argument', `hybrid got ${components.length} components but ${weights.length} weights`);
    }
  }

  /** Wraps components that are already fitted on one catalog, without refitting them. */
  static fromFitted(components: readonly ScoringRecommender[], weights: readonly number[]): Hybrid {
    const hybrid = new Hybrid(components, weights);
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
  }

  /** Writes each component's max-normalised scores into `rows[c]`. */
  scoreComponents(context: EncodedContext, rows: Float32Array[]): void {
    this.components.forEach((component, c) => {
      const row = rows[c]!;
      row.fill(0);
      if (this.weights[c] === 0) return;
      component.scoreInto(context, row);
      normaliseByMax(row, context.excluded);
    });
  }

  scoreInto(context: EncodedContext, scores: Float32Array): void {
    const rows = this.rowsFor(context, scores.length);
    rows.forEach((row, c) => {
      const weight = this.weights[c]!;
      if (weight === 0) return;
      for (let i = 0; i < row.length; i++) scores[i]! += weight * row[i]!;
    });
  }

  /**
   * Component rows for `context`, computed once per context object. The
   * buffers are reused by the next context, which is safe because JS runs
   * one call at a time and no caller keeps them.
   */
  private rowsFor(context: EncodedContext, itemCount: number): Float32Array[] {
    if (this.lastRows?.context === context) return this.lastRows.rows;
    const rows = this.lastRows?.rows[0]?.length === itemCount ? this.lastRows.rows : this.components.map(() => new Float32Array(itemCount));
    this.scoreComponents(context, rows);
    this.lastRows = { context, rows };
    return rows;
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
    const rows = this.rowsFor(context, this.index.size);
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
    return { state: { weights: [...this.weights], componentCount: this.components.length }, arrays };
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
    const model = new Hybrid(components, state.weights as number[]);
    model.restoreIndex(saved.state);
    return model;
  }
}

function maxOutside(row: Float32Array, excluded: ReadonlySet<number>): number {
  let max = 0;
  for (let i = 0; i < row.length; i++) if (row[i]! > max && !excluded.has(i)) max = row[i]!;
  return max;
}

/** Divides `row` by its maximum over items not in `excluded`; leaves an all-zero row as is. */
export function normaliseByMax(row: Float32Array, excluded: ReadonlySet<number>): void {
  const max = maxOutside(row, excluded);
  if (max <= 0) return;
  for (let i = 0; i < row.length; i++) row[i] = row[i]! / max;
}
