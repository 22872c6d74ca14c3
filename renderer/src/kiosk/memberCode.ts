// Loyalty code entry on the number pad: a fixed "M" followed by digits.

export const MEMBER_CODE_PREFIX = 'M';
/** Digit counts of the store's loyalty codes. The API rejects any other code. */
export const MEMBER_CODE_MIN_DIGITS = 6;
export const MEMBER_CODE_MAX_DIGITS = 12;

const DIGIT = /^[0-9]$/;

/** Appends one digit to the typed digits. Anything else and any digit past the maximum are ignored. */
export function appendDigit(digits: string, key: string): string {
  if (!DIGIT.test(key) || digits.length >= MEMBER_CODE_MAX_DIGITS) return digits;
  return digits + key;
}

export function isCompleteCode(digits: string): boolean {
  return /^[0-9]+$/.test(digits) && digits.length >= MEMBER_CODE_MIN_DIGITS && digits.length <= MEMBER_CODE_MAX_DIGITS;
}

/** Builds the code the API takes, e.g. `M100258` for the digits `100258`. */
export function toMemberCode(digits: string): string {
  return `${MEMBER_CODE_PREFIX}${digits}`;
}
