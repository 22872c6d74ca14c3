import { useTranslation } from 'react-i18next';
import type { ProductList } from '../../../main/api/wire.js';
import { withQuery } from '../shared/api.js';
import { ErrorPanel } from '../shared/ErrorPanel.js';
import { useApi } from '../shared/useApi.js';
import { isProductList } from './catalogGuards.js';
import { AgeFilter, CategoryFilter } from './Filters.js';
import { NO_FILTERS, productQuery, type KioskFilters } from './filters.js';
import { ForYouRow } from './ForYouRow.js';
import { HomeEntries } from './HomeEntries.js';
import { ProductTile } from './ProductTile.js';
import type { Visit } from './visit.js';

interface HomeScreenProps {
  filters: KioskFilters;
  onFiltersChange: (filters: KioskFilters) => void;
  /** Toys to show; grows by PRODUCTS_PAGE_SIZE with "show more". */
  limit: number;
  onShowMore: () => void;
  onOpenProduct: (id: string) => void;
  visit: Visit;
  onOpenQuiz: () => void;
  onOpenMember: () => void;
}

/**
 * Shows the kiosk's first screen: the quiz and member entries, the for-you
 * row once the visit has something to go on, then filters and the most
 * popular toys that match them.
 */
export function HomeScreen({ filters, onFiltersChange, limit, onShowMore, onOpenProduct, visit, onOpenQuiz, onOpenMember }: HomeScreenProps) {
  const { t, i18n } = useTranslation();
  const products = useApi<ProductList>(
    withQuery('/api/catalog/products', productQuery(filters, i18n.language, limit)),
    isProductList,
  );
  const filtered = filters.category !== NO_FILTERS.category || filters.ageBandId !== NO_FILTERS.ageBandId;
  // While a new page or filter loads, the previous toys stay on screen so the grid does not jump.
  let shown: ProductList | undefined;
  if (products.status === 'ready') shown = products.data;
  else if (products.status === 'loading') shown = products.previous;

  return (
    <div className="home">
      <HomeEntries visit={visit} onOpenQuiz={onOpenQuiz} onOpenMember={onOpenMember} />
      <ForYouRow visit={visit} onOpenProduct={onOpenProduct} />
      <CategoryFilter filters={filters} onChange={onFiltersChange} />
      <AgeFilter filters={filters} onChange={onFiltersChange} />
      <section className="results" aria-live="polite" aria-busy={products.status === 'loading'} data-testid="results">
        <h2>
          {filtered && shown ? t('kiosk.results', { count: shown.total }) : t('kiosk.popular')}
        </h2>
        {products.status === 'loading' && !shown && <p className="loading">{t('common.loading')}</p>}
        {products.status === 'error' && <ErrorPanel error={products.error} onRetry={products.retry} />}
        {shown && shown.items.length === 0 && (
          <p className="empty-note" data-testid="no-results">{t('kiosk.noResults')}</p>
        )}
        {shown && shown.items.length > 0 && (
          <>
            <div className="product-grid" data-testid="product-grid">
              {shown.items.map((product) => (
                <ProductTile key={product.id} product={product} onOpen={onOpenProduct} />
              ))}
            </div>
            {shown.total > shown.items.length && products.status === 'ready' && (
              <button type="button" className="show-more" onClick={onShowMore}>
                {t('kiosk.showMore')}
              </button>
            )}
          </>
        )}
      </section>
    </div>
  );
}
