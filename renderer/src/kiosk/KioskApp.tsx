import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorBoundary } from '../shared/ErrorBoundary.js';
import { LanguageSwitch } from '../shared/LanguageSwitch.js';
import { useDocumentTitle } from '../shared/useDocumentTitle.js';
import { NO_FILTERS, PRODUCTS_PAGE_SIZE, type KioskFilters } from './filters.js';
import { HomeScreen } from './HomeScreen.js';
import { ProductPage } from './ProductPage.js';
import { useIdleTimer } from './useIdleTimer.js';

/** Products opened since home, most recent last; empty on the home screen. */
type ProductTrail = readonly string[];

/** The customer kiosk: home with filters, product pages, and a return home when left idle. */
export function KioskApp() {
  const { t } = useTranslation();
  const [trail, setTrail] = useState<ProductTrail>([]);
  const [filters, setFilters] = useState<KioskFilters>(NO_FILTERS);
  const [limit, setLimit] = useState(PRODUCTS_PAGE_SIZE);
  useDocumentTitle('kiosk.title');

  const current = trail.at(-1);

  const goHome = useCallback(() => {
    setTrail([]);
    window.scrollTo({ top: 0 });
  }, []);

  const openProduct = useCallback((id: string) => {
    setTrail((previous) => [...previous, id]);
    window.scrollTo({ top: 0 });
  }, []);

  const goBack = useCallback(() => {
    setTrail((previous) => previous.slice(0, -1));
    window.scrollTo({ top: 0 });
  }, []);

  const changeFilters = useCallback((next: KioskFilters) => {
    setFilters(next);
    setLimit(PRODUCTS_PAGE_SIZE);
  }, []);

  // The next family starts from a clean home screen, in the language chosen on this kiosk.
  useIdleTimer(useCallback(() => {
    goHome();
    changeFilters(NO_FILTERS);
  }, [goHome, changeFilters]));

  return (
    <div className="kiosk">
      <header className="kiosk-header">
        <div className="kiosk-nav">
          {current !== undefined && (
            <>
              <button type="button" className="nav-button" onClick={goBack} data-testid="back">
                <span aria-hidden="true">←</span> {t('common.back')}
              </button>
              <button type="button" className="nav-button" onClick={goHome} data-testid="home">
                {t('common.home')}
              </button>
            </>
          )}
        </div>
        <h1 className="kiosk-title">{t('kiosk.title')}</h1>
        <LanguageSwitch className="kiosk-lang" />
      </header>
      <main className="kiosk-body">
        <ErrorBoundary resetKey={current ?? 'home'}>
          {current === undefined ? (
            <HomeScreen
              filters={filters}
              onFiltersChange={changeFilters}
              limit={limit}
              onShowMore={() => setLimit((n) => n + PRODUCTS_PAGE_SIZE)}
              onOpenProduct={openProduct}
            />
          ) : (
            <ProductPage key={current} productId={current} onOpenProduct={openProduct} />
          )}
        </ErrorBoundary>
      </main>
    </div>
  );
}
