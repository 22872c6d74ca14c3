import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { translateErrorCode } from '../../renderer/src/i18n/errorText.js';
import { DEFAULT_LANG, KIOSK_LANG_STORAGE_KEY, LANG_STORAGE_KEY, RESOURCES, readStoredLang } from '../../renderer/src/i18n/index.js';

/** Flattens nested resources to `a.b.c` keys with their string values. */
function flatten(value: unknown, prefix = ''): Map<string, unknown> {
  const entries = new Map<string, unknown>();
  if (typeof value !== 'object' || value === null) {
    entries.set(prefix, value);
    return entries;
  }
  for (const [key, child] of Object.entries(value)) {
    for (const [path, leaf] of flatten(child, prefix ? `${prefix}.${key}` : key)) entries.set(path, leaf);
  }
  return entries;
}

/** Names inside `{{…}}` in a translation. */
function placeholders(text: string): string[] {
  return [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((match) => match[1]!).sort();
}

async function createT(lng: 'zh-CN' | 'en') {
  const instance = i18next.createInstance();
  await instance.init({
    lng,
    fallbackLng: 'en',
    resources: { 'zh-CN': { translation: RESOURCES['zh-CN'] }, en: { translation: RESOURCES.en } },
    interpolation: { escapeValue: false },
  });
  return instance.t;
}

describe('translation resources', () => {
  const zh = flatten(RESOURCES['zh-CN']);
  const en = flatten(RESOURCES.en);

  it('have the same keys in zh-CN and en', () => {
    expect([...zh.keys()].sort()).toEqual([...en.keys()].sort());
  });

  it('have no empty or non-string values', () => {
    for (const [lang, entries] of [['zh-CN', zh], ['en', en]] as const) {
      for (const [key, value] of entries) {
        expect(typeof value, `${lang} ${key}`).toBe('string');
        expect((value as string).trim().length, `${lang} ${key}`).toBeGreaterThan(0);
      }
    }
  });

  it('use the same placeholders in both languages', () => {
    for (const [key, english] of en) {
      expect(placeholders(String(zh.get(key))), key).toEqual(placeholders(String(english)));
    }
  });

  it('translate every camera state', () => {
    for (const state of ['starting', 'running', 'retrying', 'failed', 'stopped', 'ended']) {
      expect(en.has(`dashboard.cameraState.${state}`), state).toBe(true);
    }
  });
});

describe('readStoredLang', () => {
  const cases: Array<{ name: string; stored: string | null; throws?: boolean; expected: string }> = [
    // A remembered, supported language is used.
    { name: 'stored en', stored: 'en', expected: 'en' },
    { name: 'stored zh-CN', stored: 'zh-CN', expected: 'zh-CN' },
    // First start on this PC: the default language.
    { name: 'nothing stored', stored: null, expected: DEFAULT_LANG },
    // An unsupported or tampered value falls back to the default.
    { name: 'unsupported value', stored: 'fr', expected: DEFAULT_LANG },
    // Storage that throws (blocked in private mode) must not break the page.
    { name: 'storage throws', stored: null, throws: true, expected: DEFAULT_LANG },
  ];
  for (const testCase of cases) {
    it(testCase.name, () => {
      const storage = {
        getItem(key: string) {
          if (testCase.throws) throw new Error('blocked');
          return key === LANG_STORAGE_KEY ? testCase.stored : null;
        },
      };
      expect(readStoredLang(storage)).toBe(testCase.expected);
    });
  }

  // Each row is what the start page (or dashboard) and the kiosk stored, and the language the kiosk opens in.
  const kioskCases: Array<{ name: string; shared: string | null; kiosk: string | null; expected: string }> = [
    // The start page chose English and the kiosk has no choice of its own yet.
    { name: 'kiosk falls back to shared', shared: 'en', kiosk: null, expected: 'en' },
    // The kiosk reset to zh-CN after a family, while the dashboard stays in English.
    { name: 'kiosk choice wins', shared: 'en', kiosk: 'zh-CN', expected: 'zh-CN' },
    // A tampered kiosk value is skipped for the shared one.
    { name: 'kiosk value unsupported', shared: 'en', kiosk: 'fr', expected: 'en' },
  ];
  for (const testCase of kioskCases) {
    it(testCase.name, () => {
      const storage = {
        getItem: (key: string): string | null => {
          if (key === LANG_STORAGE_KEY) return testCase.shared;
          if (key === KIOSK_LANG_STORAGE_KEY) return testCase.kiosk;
          return null;
        },
      };
      expect(readStoredLang(storage, KIOSK_LANG_STORAGE_KEY, LANG_STORAGE_KEY)).toBe(testCase.expected);
    });
  }
});

describe('translateErrorCode', () => {
  it('translates a known API code', async () => {
    const t = await createT('zh-CN');
    expect(translateErrorCode(t, 'errors', 'product_not_found', 'Product p1 not found.')).toBe(RESOURCES['zh-CN'].errors.product_not_found);
  });

  it('translates a known camera code', async () => {
    const t = await createT('en');
    expect(translateErrorCode(t, 'cameraErrors', 'source_timeout', 'No bytes for 10 s.')).toBe(RESOURCES.en.cameraErrors.source_timeout);
  });

  it('falls back to the English message', async () => {
    const t = await createT('zh-CN');
    expect(translateErrorCode(t, 'cameraErrors', 'brand_new_code', 'Camera cam1 did something new.')).toBe('Camera cam1 did something new.');
  });

  it('ignores a code that is not snake_case', async () => {
    // A dotted code would otherwise reach into another group of keys.
    const t = await createT('en');
    expect(translateErrorCode(t, 'errors', 'common.retry', 'Original message.')).toBe('Original message.');
  });

  it('uses a generic sentence without a message', async () => {
    const t = await createT('en');
    expect(translateErrorCode(t, 'errors', null, null)).toBe(RESOURCES.en.common.somethingWrong);
  });
});
