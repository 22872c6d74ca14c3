import { useTranslation } from 'react-i18next';
import type { Suggestion } from '../../../main/api/wire.js';
import { useApi } from '../shared/useApi.js';
import { isSuggestionList } from './catalogGuards.js';
import { SuggestionRow, type SuggestionState } from './SuggestionRow.js';
import { FOR_YOU_COUNT } from './suggestionLimits.js';
import { recommendRequest, type Visit } from './visit.js';

interface ForYouRowProps {
  visit: Visit;
  onOpenProduct: (id: string) => void;
  /** Toys shown elsewhere on the screen, left out of this row. Null draws nothing until they are known. */
  excludeIds?: readonly string[] | null;
}

/** Drops the excluded toys from the loaded list (and from the list kept while loading), then keeps FOR_YOU_COUNT. */
function withoutExcluded(state: SuggestionState, excluded: ReadonlySet<string>): SuggestionState {
  const keep = (list: Suggestion[]) => list.filter((suggestion) => !excluded.has(suggestion.product.id)).slice(0, FOR_YOU_COUNT);
  if (state.status === 'ready') return { ...state, data: keep(state.data) };
  if (state.status === 'loading' && state.previous) return { ...state, previous: keep(state.previous) };
  return state;
}

/**
 * Shows the "for you" row from `POST /api/rec/recommend`, driven by the toys
 * opened in this visit, the quiz answers and the member code. It is hidden
 * until the visit has one of them, and reloads whenever the visit changes.
 */
export function ForYouRow({ visit, onOpenProduct, excludeIds = [] }: ForYouRowProps) {
  const { t, i18n } = useTranslation();
  const request = recommendRequest(visit, i18n.language === 'en' ? 'en' : 'zh-CN');
  const loaded = useApi<Suggestion[]>(request ? '/api/rec/recommend' : null, isSuggestionList, request ?? undefined);
  if (!request || excludeIds === null) return null;

  const suggestions = withoutExcluded(loaded, new Set(excludeIds));
  // A list emptied only by the exclusions is no "nothing fits" case, so the row is hidden instead.
  if (suggestions.status === 'ready' && suggestions.data.length === 0 && loaded.status === 'ready' && loaded.data.length > 0) return null;
  return (
    <SuggestionRow
      title={t('rec.forYouTitle')}
      suggestions={suggestions}
      onOpenProduct={onOpenProduct}
      testId="for-you-row"
      emptyText={t('rec.forYouEmpty')}
    />
  );
}
