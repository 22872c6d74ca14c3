// The one i18next set-up for every screen. zh-CN is the default language.
// The language switch stores its choice in localStorage, so a screen opens
// in the language chosen last on this PC. The kiosk keeps its choice under
// its own key, because it returns to zh-CN for every new family and that
// must not change the language of the manager's dashboard. Until the kiosk
// has stored a choice, it opens in the one made on the start page.
import i18next, { type i18n as I18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Lang } from '../../../main/api/wire.js';
import en from './en.json' with { type: 'json' };
import zhCN from './zh-CN.json' with { type: 'json' };

export const SUPPORTED_LANGS: readonly Lang[] = ['zh-CN', 'en'];
export const DEFAULT_LANG: Lang = 'zh-CN';
export const LANG_STORAGE_KEY = 'playaisle.lang';
export const KIOSK_LANG_STORAGE_KEY = 'playaisle.kiosk.lang';

/** The translation resources, exported for the key-parity unit test. */
export const RESOURCES = { 'zh-CN': zhCN, en } as const;

export function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && (SUPPORTED_LANGS as readonly string[]).includes(value);
}

/**
 * Reads the language remembered under `key`, then under `fallbackKey`, else
 * returns the default. Storage may be missing or blocked (private mode).
 */
export function readStoredLang(storage: Pick<Storage, 'getItem'> | undefined, key: string = LANG_STORAGE_KEY, fallbackKey?: string): Lang {
  try {
    const stored = storage?.getItem(key);
    if (isLang(stored)) return stored;
    const fallback = fallbackKey === undefined ? null : storage?.getItem(fallbackKey);
    return isLang(fallback) ? fallback : DEFAULT_LANG;
  } catch {
    return DEFAULT_LANG;
  }
}

export function storeLang(storage: Pick<Storage, 'setItem'> | undefined, lang: Lang, key: string = LANG_STORAGE_KEY): void {
  try {
    storage?.setItem(key, lang);
  } catch {
    // NOTE: a blocked localStorage only loses the remembered choice; the switch still works for this page.
  }
}

/**
 * Creates an i18next instance in the language remembered under `key` (or
 * `fallbackKey` when `key` has none), binds it to React and stores each
 * later change under `key`.
 */
export function createI18n(storage: Storage | undefined = safeLocalStorage(), key: string = LANG_STORAGE_KEY, fallbackKey?: string): I18n {
  const instance = i18next.createInstance();
  const lang = readStoredLang(storage, key, fallbackKey);
  void instance.use(initReactI18next).init({
    resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } },
    lng: lang,
    fallbackLng: 'en',
    supportedLngs: [...SUPPORTED_LANGS],
    // React escapes text itself, so i18next must not escape it a second time.
    interpolation: { escapeValue: false },
    initAsync: false,
  });
  document.documentElement.lang = lang;
  instance.on('languageChanged', (next) => {
    document.documentElement.lang = next;
    if (isLang(next)) storeLang(storage, next, key);
  });
  return instance;
}

function safeLocalStorage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}
