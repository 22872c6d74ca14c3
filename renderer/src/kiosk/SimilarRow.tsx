import { useTranslation } from 'react-i18next';
import type { Suggestion } from '../../../main/api/wire.js';
import { withQuery } from '../shared/api.js';
import { useApi } from '../shared/useApi.js';
import { isSuggestionList } from './catalogGuards.js';
import { SIMILAR_REQUEST_COUNT } from './suggestionLimits.js';
import { SuggestionRow, type SuggestionState } from './SuggestionRow.js';

/**
 * Loads up to SIMILAR_REQUEST_COUNT similar toys of a product from
 * `/api/catalog/products/:id/similar`. The product page trims them to SIMILAR_LIMIT.
 */
export function useSimilarToys(productId: string): SuggestionState {
  const { i18n } = useTranslation();
  return useApi<Suggestion[]>(withQuery(`/api/catalog/products/${encodeURIComponent(productId)}/similar`, {
    lang: i18n.language, limit: SIMILAR_REQUEST_COUNT,
  }), isSuggestionList);
}

/** Shows a horizontal row of similar toys. */
export function SimilarRow({ similar, onOpenProduct }: { similar: SuggestionState; onOpenProduct: (id: string) => void }) {
  const { t } = useTranslation();
  return (
    <SuggestionRow
      title={t('kiosk.similarTitle')}
      suggestions={similar}
      onOpenProduct={onOpenProduct}
      testId="similar-row"
      emptyText={t('kiosk.noSimilar')}
    />
  );
}
