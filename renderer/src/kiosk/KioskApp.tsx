import { useCallback, useReducer, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorBoundary } from '../shared/ErrorBoundary.js';
import { LanguageSwitch } from '../shared/LanguageSwitch.js';
import { useDocumentTitle } from '../shared/useDocumentTitle.js';
import { NO_FILTERS, PRODUCTS_PAGE_SIZE, type KioskFilters } from './filters.js';
import { HomeScreen } from './HomeScreen.js';
import { MemberScreen } from './MemberScreen.js';
import { ProductPage } from './ProductPage.js';
import { QuizScreen } from './QuizScreen.js';
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

/**
 * Runs the customer kiosk: home with filters, product pages, the quiz and the
 * member look-up. "Start over" and 90 s without a touch clear the visit
 * and return home for the next family.
 */
export function KioskApp() {
  const { t } = useTranslation();
  const [trail, setTrail] = useState<ViewTrail>([]);
  const [filters, setFilters] = useState<KioskFilters>(NO_FILTERS);
  const [limit, setLimit] = useState(PRODUCTS_PAGE_SIZE);
  const [visit, dispatchVisit] = useReducer(visitReducer, EMPTY_VISIT);
  useDocumentTitle('kiosk.title');

  const current = trail.at(-1);

  const openView = useCallback((view: KioskView) => {
    setTrail((previous) => [...previous, view]);
    window.scrollTo({ top: 0 });
  }, []);

  const openProduct = useCallback((productId: string) => {
    dispatchVisit({ type: 'viewed', productId });
    openView({ kind: 'product', productId });
  }, [openView]);

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
  // visit, in the language chosen on this kiosk.
  const startOver = useCallback(() => {
    dispatchVisit({ type: 'reset' });
    goHome();
    changeFilters(NO_FILTERS);
  }, [goHome, changeFilters]);
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
        return <ProductPage key={view.productId} productId={view.productId} onOpenProduct={openProduct} visit={visit} />;
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
