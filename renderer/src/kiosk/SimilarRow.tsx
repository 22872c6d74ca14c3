import { useTranslation } from 'react-i18next';
import type { Suggestion } from '../../../main/api/wire.js';
import { withQuery } from '../shared/api.js';
import { ErrorPanel } from '../shared/ErrorPanel.js';
import { useApi } from '../shared/useApi.js';
import { isSuggestionList } from './catalogGuards.js';
import { ProductTile } from './ProductTile.js';

/** Toys suggested next to a product; more costs a longer scroll on the kiosk. */
export const SIMILAR_LIMIT = 8;

/** Shows a horizontal row of similar toys from `/api/catalog/products/:id/similar`. */
export function SimilarRow({ productId, onOpenProduct }: { productId: string; onOpenProduct: (id: string) => void }) {
  const { t, i18n } = useTranslation();
  const similar = useApi<Suggestion[]>(withQuery(`/api/catalog/products/${encodeURIComponent(productId)}/similar`, {
    lang: i18n.language, limit: SIMILAR_LIMIT,
  }), isSuggestionList);
  return (
    <section className="similar" data-testid="similar-row">
      <h2>{t('kiosk.similarTitle')}</h2>
      {similar.status === 'loading' && <p className="loading">{t('common.loading')}</p>}
      {similar.status === 'error' && <ErrorPanel error={similar.error} onRetry={similar.retry} />}
      {similar.status === 'ready' && similar.data.length === 0 && <p className="empty-note">{t('kiosk.noSimilar')}</p>}
      {similar.status === 'ready' && similar.data.length > 0 && (
        <div className="similar-scroller">
          {similar.data.map((suggestion) => (
            <ProductTile key={suggestion.product.id} product={suggestion.product} reason={suggestion.reason} onOpen={onOpenProduct} />
          ))}
        </div>
      )}
    </section>
  );
}
