import { useCallback, useEffect, useReducer, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DEFAULT_LANG } from '../i18n/index.js';
import { ErrorBoundary } from '../shared/ErrorBoundary.js';
import { LanguageSwitch } from '../shared/LanguageSwitch.js';
import { useDocumentTitle } from '../shared/useDocumentTitle.js';
import { NO_FILTERS, PRODUCTS_PAGE_SIZE, type KioskFilters } from './filters.js';
import { HomeScreen } from './HomeScreen.js';
import { MemberScreen } from './MemberScreen.js';
import { ProductPage } from './ProductPage.js';
import { QuizScreen } from './QuizScreen.js';
import { isCatalogId, productHash, productIdFromHash } from './route.js';
import { useIdleTimer } from './useIdleTimer.js';
import { EMPTY_VISIT, hasVisitSignal, visitReducer } from './visit.js';

/** A screen above home: a product page, the quiz or the member look-up. */
type KioskView = { kind: 'product'; productId: string } | { kind: 'quiz' } | { kind: 'member' };

/** Screens opened since home, most recent last; empty on the home screen. */
type ViewTrail = readonly KioskView[];

function viewKey(view: KioskView | undefined): string {
  if (view === undefined) return 'home';
  return view.kind === 'product' ? `product:${view.productId}` : view.kind;
}

/** Returns the screens to open at start: the product of a `#/product/<id>` URL, or home. */
function initialTrail(): ViewTrail {
  const productId = productIdFromHash(window.location.hash);
  return productId === null ? [] : [{ kind: 'product', productId }];
}

/** Shows `#/product/<id>` in the address while a product page is open and the bare URL otherwise. */
function useProductHash(current: KioskView | undefined): void {
  useEffect(() => {
    const hash = current?.kind === 'product' ? productHash(current.productId) : '';
    if (window.location.hash === hash) return;
    // replaceState fires no hashchange, so this never reopens the page. The kiosk's own back button keeps the history.
    window.history.replaceState(null, '', `${window.location.pathname}${window.location.search}${hash}`);
  }, [current]);
}

/**
 * Runs the customer kiosk: home with filters, product pages, the quiz and the
 * member look-up. "Start over" and 90 s without a touch clear the visit
 * and return home for the next family.
 */
export function KioskApp() {
  const { t, i18n } = useTranslation();
  const [trail, setTrail] = useState<ViewTrail>(initialTrail);
  const [filters, setFilters] = useState<KioskFilters>(NO_FILTERS);
  const [limit, setLimit] = useState(PRODUCTS_PAGE_SIZE);
  const [visit, dispatchVisit] = useReducer(visitReducer, EMPTY_VISIT);
  useDocumentTitle('kiosk.title');

  const current = trail.at(-1);

  const openView = useCallback((view: KioskView) => {
    // Opening the screen already shown, e.g. by a repeated link, adds no step to go back through.
    setTrail((previous) => (viewKey(previous.at(-1)) === viewKey(view) ? previous : [...previous, view]));
    window.scrollTo({ top: 0 });
  }, []);

  const openProduct = useCallback((productId: string) => {
    // An id of the wrong form would make the recommend request invalid, so only catalog ids count as viewed.
    if (isCatalogId(productId)) dispatchVisit({ type: 'viewed', productId });
    openView({ kind: 'product', productId });
  }, [openView]);

  // A product opened by URL counts as viewed, like one opened by a tap.
  const [openedByUrl] = useState(() => productIdFromHash(window.location.hash));
  useEffect(() => {
    if (openedByUrl !== null && isCatalogId(openedByUrl)) dispatchVisit({ type: 'viewed', productId: openedByUrl });
  }, [openedByUrl]);

  useProductHash(current);
  useEffect(() => {
    const openLinkedProduct = () => {
      const productId = productIdFromHash(window.location.hash);
      if (productId !== null) openProduct(productId);
    };
    window.addEventListener('hashchange', openLinkedProduct);
    return () => window.removeEventListener('hashchange', openLinkedProduct);
  }, [openProduct]);

  const goHome = useCallback(() => {
    setTrail([]);
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

  // The next family starts from a clean home screen with no trace of this
  // visit, in the store's default language.
  const startOver = useCallback(() => {
    dispatchVisit({ type: 'reset' });
    goHome();
    changeFilters(NO_FILTERS);
    if (i18n.language !== DEFAULT_LANG) void i18n.changeLanguage(DEFAULT_LANG);
  }, [goHome, changeFilters, i18n]);
  useIdleTimer(startOver);

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
          {(current !== undefined || hasVisitSignal(visit)) && (
            <button type="button" className="nav-button start-over" onClick={startOver} data-testid="start-over">
              {t('rec.startOver')}
            </button>
          )}
        </div>
        <h1 className="kiosk-title">{t('kiosk.title')}</h1>
        <LanguageSwitch className="kiosk-lang" />
      </header>
      <main className="kiosk-body">
        <ErrorBoundary resetKey={viewKey(current)}>
          {renderView(current)}
        </ErrorBoundary>
      </main>
    </div>
  );

  function renderView(view: KioskView | undefined) {
    if (view === undefined) {
      return (
        <HomeScreen
          filters={filters}
          onFiltersChange={changeFilters}
          limit={limit}
          onShowMore={() => setLimit((n) => n + PRODUCTS_PAGE_SIZE)}
          onOpenProduct={openProduct}
          visit={visit}
          onOpenQuiz={() => openView({ kind: 'quiz' })}
          onOpenMember={() => openView({ kind: 'member' })}
        />
      );
    }
    switch (view.kind) {
      case 'product':
        return (
          <ProductPage key={view.productId} productId={view.productId} onOpenProduct={openProduct} onGoHome={goHome} visit={visit} />
        );
      case 'quiz':
        return (
          <QuizScreen
            visit={visit}
            onAnswersChange={(answers) => dispatchVisit({ type: 'quiz', answers })}
            onDone={goHome}
            onOpenProduct={openProduct}
          />
        );
      case 'member':
        return <MemberScreen visit={visit} onMemberChange={(member) => dispatchVisit({ type: 'member', member })} onOpenProduct={openProduct} />;
    }
  }
}
