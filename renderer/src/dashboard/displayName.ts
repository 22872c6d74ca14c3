import type { LocalizedNames } from '../../../main/api/wire.js';

/**
 * Picks the name of a camera, zone or line for the dashboard's language:
 * `names[language]` when the store config gave both languages, else `name`,
 * else the id. A `names` value of the wrong shape is ignored, because it
 * comes from the network.
 */
export function displayName(item: { name?: string; names?: LocalizedNames }, language: string, id: string): string {
  const localized = pickLocalized(item.names, language);
  if (localized) return localized;
  return item.name || id;
}

function pickLocalized(names: unknown, language: string): string | null {
  if (typeof names !== 'object' || names === null) return null;
  // i18next may report `zh` or `en-US` in place of `zh-CN` or `en`, so only the primary subtag is compared.
  const key = language.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
  const value = (names as Record<string, unknown>)[key];
  return typeof value === 'string' && value.length > 0 ? value : null;
}
