/**
 * Sequence-aware item-to-item signal for the current visit. From training
 * sequences it counts how often item j appears within `window` positions
 * after item i, with weight `distanceDecay ** (d - 1)` at distance d. Pairs
 * where j comes before i count too, scaled by `backwardWeight`, because the
 * order of entries logged close together (a basket, reviews written on one
 * day) is noisy. Row i is then normalised to P(j | i) and divided by
 * popularity(j) ** `targetPopularityExponent`. A context scores
 * Σ recency × row weight over its newest items.
 */
import { decodeModel } from './codec.js';
import type { Csr, EncodedContext, EncodedData } from './dataset.js';
import { addRow, validateCsr, buildNeighbourTable, scoreFromNeighbours, strongestSource, touch } from './neighbours.js';
import { requireArray, requireNumber, ScoringRecommender } from './scoringModel.js';
import { RecError, type Explanation } from './types.js';

export interface TransitionOptions {
  /** Positions looked ahead and behind. Wider finds more pairs but blurs the order signal. */
  window: number;
  /** Weight ratio per extra position of distance, in (0, 1]. */
  distanceDecay: number;
  /** Weight of "j came before i" relative to "j came after i"; 0 = strictly forward. */
  backwardWeight: number;
  /** 0 keeps P(j | i); higher values favour less popular targets. */
  targetPopularityExponent: number;
  /** Weight ratio between a context item and the next newer one, in (0, 1]. */
  recencyDecay: number;
  /** Context items used, newest first. */
  maxRecent: number;
  /** Neighbours kept per item; the model grows linearly with it. */
  maxNeighbours: number;
  /** Power applied to each row weight. Above 1 a strong link outweighs several weak ones, and below 1 weak links add up. */
  sharpening: number;
  /**
   * Weight ratio per position between a pair and the end of its training
   * sequence, in (0, 1]. Below 1 favours a user's latest pairs, which are
   * closest in time to what is recommended; 1 counts all pairs alike.
   */
  sequenceRecencyDecay: number;
}

export const DEFAULT_TRANSITION_OPTIONS: TransitionOptions = {
  window: 3,
  distanceDecay: 0.5,
  backwardWeight: 0.5,
  targetPopularityExponent: 0,
  recencyDecay: 0.5,
  maxRecent: 5,
  maxNeighbours: 100,
  sharpening: 1,
  sequenceRecencyDecay: 1,
};

export class Transitions extends ScoringRecommender {
  readonly kind = 'transitions' as const;
  readonly options: TransitionOptions;
  private neighbours: Csr | undefined;

  constructor(options: Partial<TransitionOptions> = {}) {
    super();
    this.options = { ...DEFAULT_TRANSITION_OPTIONS, ...options };
  }

  protected fitIndexed(data: EncodedData): void {
    const itemCount = data.index.size;
    const occurrences = buildOccurrences(data.sequences, itemCount);
    const frequency = new Float32Array(itemCount);
    for (let i = 0; i < itemCount; i++) frequency[i] = occurrences.offsets[i + 1]! - occurrences.offsets[i]!;
    const { window, distanceDecay, backwardWeight, targetPopularityExponent, sharpening, sequenceRecencyDecay } = this.options;

    this.neighbours = buildNeighbourTable(itemCount, this.options.maxNeighbours, (item, scratch, touched, isTouched) => {
      let count = 0;
      for (let p = occurrences.offsets[item]!; p < occurrences.offsets[item + 1]!; p++) {
        const sequence = data.sequences[occurrences.sequence[p]!]!;
        const position = occurrences.position[p]!;
        const last = Math.min(sequence.length - 1, position + window);
        for (let q = Math.max(0, position - window); q <= last; q++) {
          if (q === position) continue;
          const distance = Math.abs(q - position);
          const stepsFromEnd = sequence.length - 1 - Math.max(q, position);
          const weight = (q > position ? 1 : backwardWeight) * distanceDecay ** (distance - 1) * sequenceRecencyDecay ** stepsFromEnd;
          if (weight > 0) count = touch(sequence[q]!, weight, scratch, touched, isTouched, count);
        }
      }
      let total = 0;
      for (let t = 0; t < count; t++) total += scratch[touched[t]!]!;
      for (let t = 0; t < count; t++) {
        const other = touched[t]!;
        scratch[other] = (scratch[other]! / total / frequency[other]! ** targetPopularityExponent) ** sharpening;
      }
      return count;
    });
  }

  private get table(): Csr {
    if (!this.neighbours) throw new RecError('not_fitted', 'transitions model used before fit() or load');
    return this.neighbours;
  }

  scoreInto(context: EncodedContext, scores: Float32Array): void {
    scoreFromNeighbours(this.table, context.recent, this.options.recencyDecay, this.options.maxRecent, scores);
  }

  similarInto(item: number, scores: Float32Array): void {
    addRow(this.table, item, scores);
  }

  protected override similarExplanation(sourceItemId: string): Explanation {
    return { code: 'bought_together', sourceItemId };
  }

  explainIndex(context: EncodedContext, item: number): Explanation {
    const source = strongestSource(this.table, context.recent, item, this.options.recencyDecay, this.options.maxRecent);
    return source < 0 ? { code: 'popular' } : { code: 'bought_together', sourceItemId: this.index.idAt(source) };
  }

  protected saveState() {
    const { offsets, columns, values } = this.table;
    return { state: { ...this.options }, arrays: { offsets, columns, values } };
  }

  static load(bytes: Uint8Array): Transitions {
    const saved = decodeModel(bytes);
    if (saved.kind !== 'transitions') throw new RecError('corrupt_model', `expected a transitions model, got ${saved.kind}`);
    const model = new Transitions();
    const state = model.restoreIndex(saved.state);
    for (const key of Object.keys(DEFAULT_TRANSITION_OPTIONS) as (keyof TransitionOptions)[]) {
      // Models saved before these settings existed were fitted without them, which is the default 1.
      if ((key === 'sharpening' || key === 'sequenceRecencyDecay') && !(key in state)) continue;
      model.options[key] = requireNumber(state, key);
    }
    const table = {
      offsets: requireArray(saved.arrays, 'offsets', Int32Array),
      columns: requireArray(saved.arrays, 'columns', Int32Array),
      values: requireArray(saved.arrays, 'values', Float32Array),
    };
    model.neighbours = validateCsr(table, model.index.size, model.index.size, 'transitions');
    return model;
  }
}

/** For each item, the (sequence, position) pairs where it occurs, grouped by item. */
function buildOccurrences(sequences: readonly Int32Array[], itemCount: number) {
  const offsets = new Int32Array(itemCount + 1);
  for (const sequence of sequences) for (const item of sequence) offsets[item + 1]! += 1;
  for (let i = 0; i < itemCount; i++) offsets[i + 1]! += offsets[i]!;
  const sequence = new Int32Array(offsets[itemCount]!);
  const position = new Int32Array(offsets[itemCount]!);
  const cursor = offsets.slice(0, itemCount);
  sequences.forEach((items, s) => {
    items.forEach((item, p) => {
      const at = cursor[item]!++;
      sequence[at] = s;
      position[at] = p;
    });
  });
  return { offsets, sequence, position };
}
