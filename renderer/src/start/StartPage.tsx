import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../shared/LanguageSwitch.js';
import { useDocumentTitle } from '../shared/useDocumentTitle.js';

/** Renders the page at `/` with links to the kiosk and the dashboard. */
export function StartPage() {
  const { t } = useTranslation();
  useDocumentTitle('start.title');
  return (
    <main className="start-page">
      <header className="start-header">
        <h1>{t('start.title')}</h1>
        <LanguageSwitch />
      </header>
      <p className="start-subtitle">{t('start.subtitle')}</p>
      <nav className="start-links">
        <a className="start-link" href="/kiosk/" data-testid="start-kiosk">
          <strong>{t('start.kiosk')}</strong>
          <span>{t('start.kioskHint')}</span>
        </a>
        <a className="start-link" href="/dashboard/" data-testid="start-dashboard">
          <strong>{t('start.dashboard')}</strong>
          <span>{t('start.dashboardHint')}</span>
        </a>
      </nav>
    </main>
  );
}
