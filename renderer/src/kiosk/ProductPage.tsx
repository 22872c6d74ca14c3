import { useTranslation } from 'react-i18next';
import type { ProductView } from '../../../main/api/wire.js';
import { ApiRequestError, withQuery } from '../shared/api.js';
import { ErrorPanel } from '../shared/ErrorPanel.js';
import { useApi } from '../shared/useApi.js';
import { isProductView } from './catalogGuards.js';
import { formatAgeRange, formatPrice } from './format.js';
import { ForYouRow } from './ForYouRow.js';
import { ProductMissing } from './ProductMissing.js';
import { isCatalogId } from './route.js';
import { shownIds, withoutProducts } from './rowFilter.js';
import { SimilarRow, useSimilarToys } from './SimilarRow.js';
import { StockBadge } from './StockBadge.js';
import { StoreMapView } from './StoreMapView.js';
import type { SuggestionState } from './SuggestionRow.js';
import { SIMILAR_LIMIT } from './suggestionLimits.js';
import { TogetherRow, useBoughtTogether } from './TogetherRow.js';
import { ToyArt } from './ToyArt.js';
import type { Visit } from './visit.js';

interface ProductPageProps {
  productId: string;
  onOpenProduct: (id: string) => void;
  onGoHome: () => void;
  visit: Visit;
}

/** Shows one toy, or the "not in the catalog" page for an id that cannot be a catalog id. */
export function ProductPage(props: ProductPageProps) {
  if (!isCatalogId(props.productId)) return <ProductMissing onGoHome={props.onGoHome} />;
  return <ProductDetails {...props} />;
}

/**
 * Shows one toy: price, age range, stock, aisle on the store map, then toys
 * often bought with it, similar toys and the visit's for-you row. Each row
 * leaves out the toys of the rows above it (together, then similar, then for
 * you), and waits for them so that it does not redraw. The similar row loads
 * extra toys, so it stays full after that.
 */
function ProductDetails({ productId, onOpenProduct, onGoHome, visit }: ProductPageProps) {
  const { t, i18n } = useTranslation();
  const product = useApi<ProductView>(withQuery(`/api/catalog/products/${encodeURIComponent(productId)}`, { lang: i18n.language }), isProductView);
  const together = useBoughtTogether(productId);
  const similarLoaded = useSimilarToys(productId);
  const togetherIds = shownIds(together);
  const similar: SuggestionState = togetherIds === null
    ? { status: 'loading', retry: similarLoaded.retry }
    : withoutProducts(similarLoaded, new Set(togetherIds), SIMILAR_LIMIT);
  const similarIds = shownIds(similar);
  const aboveIds = togetherIds && similarIds ? [...togetherIds, ...similarIds] : null;

  if (product.status === 'loading') return <p className="loading">{t('common.loading')}</p>;
  if (product.status === 'error') {
    if (product.error instanceof ApiRequestError && product.error.code === 'product_not_found') return <ProductMissing onGoHome={onGoHome} />;
    return <ErrorPanel error={product.error} onRetry={product.retry} />;
  }

  const toy = product.data;
  return (
    <article className="product-page" data-product-id={toy.id}>
      <div className="product-main">
        <ToyArt category={toy.category} hue={toy.imageHue} size={220} />
        <div className="product-facts">
          <span className="product-category">{toy.categoryLabel}</span>
          <h1 className="product-name" data-testid="product-name">{toy.name}</h1>
          <p className="product-price" data-testid="product-price">{formatPrice(t, toy.priceYuan)}</p>
          <p className="product-line">
            <span className="product-age">{formatAgeRange(t, toy)}</span>
            <StockBadge stock={toy.stock} />
          </p>
          <p className="product-aisle" data-testid="product-aisle">{t('kiosk.aisle', { aisle: toy.aisle })}</p>
          {toy.brand && <p className="product-brand">{t('kiosk.brand', { brand: toy.brand })}</p>}
          <p className="product-description">{toy.description}</p>
        </div>
        <StoreMapView aisle={toy.aisle} />
      </div>
      <div className="product-rows">
        <TogetherRow together={together} onOpenProduct={onOpenProduct} />
        <SimilarRow similar={similar} onOpenProduct={onOpenProduct} />
      </div>
      <ForYouRow visit={visit} onOpenProduct={onOpenProduct} excludeIds={aboveIds} />
    </article>
  );
}
