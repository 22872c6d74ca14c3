import type { TFunction } from 'i18next';
import type { ProductView } from '../../../main/api/wire.js';

/** "¥129" or "¥129.50": whole yuan without decimals, otherwise two. */
export function formatPrice(t: TFunction, priceYuan: number): string {
  const price = Number.isInteger(priceYuan) ? String(priceYuan) : priceYuan.toFixed(2);
  return t('kiosk.price', { price });
}

/**
 * A maximum age at or above this is shown as "Ages N+" rather than as a
 * range. The catalog stores "and older" as a maximum of 99 years.
 */
export const OPEN_AGE_YEARS = 18;

export function formatAgeRange(t: TFunction, product: Pick<ProductView, 'ageMinYears' | 'ageMaxYears'>): string {
  if (product.ageMaxYears >= OPEN_AGE_YEARS) return t('kiosk.ageFrom', { min: product.ageMinYears });
  return t('kiosk.ageRange', { min: product.ageMinYears, max: product.ageMaxYears });
}
