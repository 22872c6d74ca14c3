import type { TFunction } from 'i18next';

/** Error codes are snake_case words; anything else is shown through its English message. */
const ERROR_CODE_PATTERN = /^[a-z][a-z0-9_]{0,63}$/;

/**
 * Translates an API error code (`errors.<code>`), a camera error code
 * (`cameraErrors.<code>`) or a store notice code (`notices.<code>`). An
 * unknown code falls back to the English message that came with it, and to
 * a generic sentence when there is none.
 */
export function translateErrorCode(
  t: TFunction,
  group: 'errors' | 'cameraErrors' | 'notices',
  code: string | null | undefined,
  englishMessage: string | null | undefined,
): string {
  const fallback = englishMessage && englishMessage.length > 0 ? englishMessage : t('common.somethingWrong');
  if (!code || !ERROR_CODE_PATTERN.test(code)) return fallback;
  return t(`${group}.${code}`, { defaultValue: fallback });
}
