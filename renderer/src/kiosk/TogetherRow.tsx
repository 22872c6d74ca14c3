import { useTranslation } from 'react-i18next';
import type { Suggestion } from '../../../main/api/wire.js';
import { withQuery } from '../shared/api.js';
import { useApi } from '../shared/useApi.js';
import { isSuggestionList } from './catalogGuards.js';
import { TOGETHER_LIMIT } from './suggestionLimits.js';
import { SuggestionRow, type SuggestionState } from './SuggestionRow.js';

/** Loads the toys most often in the same basket as this one from `/api/catalog/products/:id/together`. */
export function useBoughtTogether(productId: string): SuggestionState {
  const { i18n } = useTranslation();
  return useApi<Suggestion[]>(withQuery(`/api/catalog/products/${encodeURIComponent(productId)}/together`, {
    lang: i18n.language, limit: TOGETHER_LIMIT,
  }), isSuggestionList);
}

/**
 * Shows the "often bought together" row. A toy in no basket gets no row,
 * because "nothing is bought with this" helps no parent.
 */
export function TogetherRow({ together, onOpenProduct }: { together: SuggestionState; onOpenProduct: (id: string) => void }) {
  const { t } = useTranslation();
  return <SuggestionRow title={t('rec.togetherTitle')} suggestions={together} onOpenProduct={onOpenProduct} testId="together-row" />;
}
