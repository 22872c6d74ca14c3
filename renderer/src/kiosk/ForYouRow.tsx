import { useTranslation } from 'react-i18next';
import type { Suggestion } from '../../../main/api/wire.js';
import { useApi } from '../shared/useApi.js';
import { isSuggestionList } from './catalogGuards.js';
import { withoutProducts } from './rowFilter.js';
import { SuggestionRow } from './SuggestionRow.js';
import { FOR_YOU_COUNT } from './suggestionLimits.js';
import { recommendRequest, type Visit } from './visit.js';

interface ForYouRowProps {
  visit: Visit;
  onOpenProduct: (id: string) => void;
  /** Toys shown elsewhere on the screen, left out of this row. Null draws nothing until they are known. */
  excludeIds?: readonly string[] | null;
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

  const suggestions = withoutProducts(loaded, new Set(excludeIds), FOR_YOU_COUNT);
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
