// Trims a suggestion row so that a screen never shows one toy in two rows.
import type { Suggestion } from '../../../main/api/wire.js';
import type { SuggestionState } from './SuggestionRow.js';

/** Drops the excluded toys from the loaded list (and from the list kept while loading), then keeps the first `limit`. */
export function withoutProducts(state: SuggestionState, excluded: ReadonlySet<string>, limit: number): SuggestionState {
  const keep = (list: Suggestion[]) => list.filter((suggestion) => !excluded.has(suggestion.product.id)).slice(0, limit);
  if (state.status === 'ready') return { ...state, data: keep(state.data) };
  if (state.status === 'loading' && state.previous) return { ...state, previous: keep(state.previous) };
  return state;
}

/** Ids of a settled row, or null while it loads; a failed row shows nothing, so it hides nothing. */
export function shownIds(row: SuggestionState): string[] | null {
  if (row.status === 'loading') return null;
  return row.status === 'ready' ? row.data.map((suggestion) => suggestion.product.id) : [];
}
