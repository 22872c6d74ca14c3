/**
 * Seeded relabelling of item ids. Preprocessed research data often numbers
 * items in order of first appearance, so a user's next item tends to have a
 * nearby id. Relabelling every item through a random permutation before any
 * model is fitted rules out exploiting that, even by accident.
 */
import { seededRandom } from '../../ml/util/seededRandom.js';

export interface ItemRelabelling {
  toOpaque: Map<string, string>;
  toOriginal: Map<string, string>;
}

/** Maps each id to `item<k>` where k is its position in a seeded shuffle. */
export function relabelItems(originalIds: Iterable<string>, seed: number): ItemRelabelling {
  const ids = [...new Set(originalIds)];
  const random = seededRandom(seed);
  const order = ids.map((_, i) => i);
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  const toOpaque = new Map<string, string>();
  const toOriginal = new Map<string, string>();
  ids.forEach((id, i) => {
    const label = `item${order[i]}`;
    toOpaque.set(id, label);
    toOriginal.set(label, id);
  });
  return { toOpaque, toOriginal };
}
