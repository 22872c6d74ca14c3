import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/** Keeps the window title in the current language. */
export function useDocumentTitle(key: string): void {
  const { t, i18n } = useTranslation();
  useEffect(() => {
    document.title = `${t(key)} · ${t('common.appName')}`;
  }, [t, key, i18n.language]);
}
