import { useTranslation } from 'react-i18next';
import { SUPPORTED_LANGS } from '../i18n/index.js';

/** Renders one button per supported language, each labelled in its own language. */
export function LanguageSwitch({ className }: { className?: string }) {
  const { t, i18n } = useTranslation();
  return (
    <div className={`lang-switch ${className ?? ''}`} role="group" aria-label={t('common.switchLanguage')}>
      {SUPPORTED_LANGS.map((lang) => (
        <button
          key={lang}
          type="button"
          lang={lang}
          data-lang={lang}
          aria-pressed={i18n.language === lang}
          onClick={() => void i18n.changeLanguage(lang)}
        >
          {t(`common.langName.${lang}`)}
        </button>
      ))}
    </div>
  );
}
