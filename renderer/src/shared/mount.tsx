import { StrictMode, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { createI18n, LANG_STORAGE_KEY } from '../i18n/index.js';
import { ErrorBoundary } from './ErrorBoundary.js';

/**
 * Mounts one screen into `#root` with its i18n instance and a top-level
 * error boundary. The screen's language is remembered under `langStorageKey`
 * and read from `fallbackLangStorageKey` while that key has none.
 */
export function mountScreen(screen: ReactNode, langStorageKey: string = LANG_STORAGE_KEY, fallbackLangStorageKey?: string): void {
  const container = document.getElementById('root');
  if (!container) throw new Error('The page has no #root element to mount the screen into.');
  const i18n = createI18n(undefined, langStorageKey, fallbackLangStorageKey);
  createRoot(container).render(
    <StrictMode>
      <I18nextProvider i18n={i18n}>
        <ErrorBoundary>{screen}</ErrorBoundary>
      </I18nextProvider>
    </StrictMode>,
  );
}
