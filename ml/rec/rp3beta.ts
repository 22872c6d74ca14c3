/**
 * RP3beta: item-item weights from a two-step random walk
 * item → user → item,
 *   w(i, j) = Σ_{u ∈ U(i) ∩ U(j)} (1 / |U(i)|)^α · (1 / |I(u)|)^α / |U(j)|^β,
 * where each step's transition probability is raised to `alpha` and the
 * arrival item's popularity is damped by `beta`. Each row keeps its top
 * `maxNeighbours`. A context scores Σ recency × w over its newest items.
 */
import { decodeModel } from './codec.js';
import { buildItemUsers, itemDegrees, type EncodedData } from './dataset.js';
import { buildNeighbourTable, touch } from './neighbours.js';
import { NeighbourTableModel } from './neighbourTableModel.js';
import { requireNumber } from './scoringModel.js';
import { RecError } from './types.js';

export interface Rp3betaOptions {
  /** Exponent on both walk probabilities. Above 1 favours pairs linked through users with short histories. */
  alpha: number;
  /** Popularity damping of the arrival item. 0 gives plain P3, and higher values surface rarer items but add noise. */
  beta: number;
  /** Neighbours kept per item. More raises recall of rare pairs but grows the model linearly. */
  maxNeighbours: number;
  /** Weight ratio between a context item and the next newer one, in (0, 1]. 1 ignores the order. */
  recencyDecay: number;
  /** Context items used, newest first. */
  maxRecent: number;
}

export const DEFAULT_RP3BETA_OPTIONS: Rp3betaOptions = { alpha: 1, beta: 0.5, maxNeighbours: 100, recencyDecay: 0.8, maxRecent: 20 };

export class Rp3beta extends NeighbourTableModel {
  readonly kind = 'rp3beta' as const;
  readonly options: Rp3betaOptions;

  constructor(options: Partial<Rp3betaOptions> = {}) {
    super();
    this.options = { ...DEFAULT_RP3BETA_OPTIONS, ...options };
  }

  protected fitIndexed(data: EncodedData): void {
    const itemCount = data.index.size;
    const itemUsers = buildItemUsers(data.sequences, itemCount);
    const degrees = itemDegrees(itemUsers);
    const userItems = data.sequences.map((s) => Int32Array.from(new Set(s)));
    const { alpha, beta } = this.options;
    // (1 / |I(u)|)^α per user and |U(j)|^-β per item, computed once rather than per pair.
    const userStep = Float32Array.from(userItems, (items) => (items.length > 0 ? items.length ** -alpha : 0));
    const popularityDamping = Float32Array.from(degrees, (degree) => (degree > 0 ? degree ** -beta : 0));

    this.neighbourTable = buildNeighbourTable(itemCount, this.options.maxNeighbours, (item, scratch, touched, isTouched) => {
      let count = 0;
      for (let p = itemUsers.offsets[item]!; p < itemUsers.offsets[item + 1]!; p++) {
        const user = itemUsers.columns[p]!;
        const weight = userStep[user]!;
        for (const other of userItems[user]!) count = touch(other, weight, scratch, touched, isTouched, count);
      }
      const itemStep = degrees[item]! > 0 ? degrees[item]! ** -alpha : 0;
      for (let t = 0; t < count; t++) {
        const other = touched[t]!;
        scratch[other] = itemStep * scratch[other]! * popularityDamping[other]!;
      }
      return count;
    });
  }

  static load(bytes: Uint8Array): Rp3beta {
    const saved = decodeModel(bytes);
    if (saved.kind !== 'rp3beta') throw new RecError('corrupt_model', `expected an rp3beta model, got ${saved.kind}`);
    const model = new Rp3beta();
    const state = model.restoreIndex(saved.state);
    for (const key of Object.keys(DEFAULT_RP3BETA_OPTIONS) as (keyof Rp3betaOptions)[]) {
      model.options[key] = requireNumber(state, key);
    }
    model.restoreTable(saved.arrays);
    return model;
  }
}
