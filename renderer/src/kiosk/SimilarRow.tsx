import { useTranslation } from 'react-i18next';
import type { Suggestion } from '../../../main/api/wire.js';
import { withQuery } from '../shared/api.js';
import { useApi } from '../shared/useApi.js';
import { isSuggestionList } from './catalogGuards.js';
import { SuggestionRow } from './SuggestionRow.js';

/** Toys suggested next to a product; more costs a longer scroll on the kiosk. */
export const SIMILAR_LIMIT = 8;

/** Shows a horizontal row of similar toys from `/api/catalog/products/:id/similar`. */
export function SimilarRow({ productId, onOpenProduct }: { productId: string; onOpenProduct: (id: string) => void }) {
  const { t, i18n } = useTranslation();
  const similar = useApi<Suggestion[]>(withQuery(`/api/catalog/products/${encodeURIComponent(productId)}/similar`, {
    lang: i18n.language, limit: SIMILAR_LIMIT,
  }), isSuggestionList);
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
