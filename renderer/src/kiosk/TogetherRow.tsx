import { useTranslation } from 'react-i18next';
import type { Suggestion } from '../../../main/api/wire.js';
import { withQuery } from '../shared/api.js';
import { useApi } from '../shared/useApi.js';
import { isSuggestionList } from './catalogGuards.js';
import { SuggestionRow } from './SuggestionRow.js';

/** Toys in the "often bought together" row; the same width as the similar row. */
export const TOGETHER_LIMIT = 8;

/**
 * Shows toys most often in the same basket as this one, from
 * `/api/catalog/products/:id/together`. A toy in no basket gets no row,
 * because "nothing is bought with this" helps no parent.
 */
export function TogetherRow({ productId, onOpenProduct }: { productId: string; onOpenProduct: (id: string) => void }) {
  const { t, i18n } = useTranslation();
  const together = useApi<Suggestion[]>(withQuery(`/api/catalog/products/${encodeURIComponent(productId)}/together`, {
    lang: i18n.language, limit: TOGETHER_LIMIT,
  }), isSuggestionList);
  return <SuggestionRow title={t('rec.togetherTitle')} suggestions={together} onOpenProduct={onOpenProduct} testId="together-row" />;
}
