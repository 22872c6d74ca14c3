// Shape checks of the catalog API bodies the kiosk draws. A body that fails
// one becomes an `invalid_response` error with a retry instead of a broken
// or blank screen.
import type { CategoryView, MemberSummary, ProductList, ProductView, Suggestion } from '../../../main/api/wire.js';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function isFiniteNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

const PRODUCT_STRING_FIELDS = ['id', 'name', 'description', 'category', 'categoryLabel', 'brand', 'aisle'] as const;
const PRODUCT_NUMBER_FIELDS = ['ageMinYears', 'ageMaxYears', 'priceYuan', 'stock', 'imageHue'] as const;

export function isProductView(value: unknown): value is ProductView {
  if (!isRecord(value)) return false;
  return PRODUCT_STRING_FIELDS.every((field) => typeof value[field] === 'string')
    && PRODUCT_NUMBER_FIELDS.every((field) => isFiniteNumber(value[field]));
}

export function isProductList(value: unknown): value is ProductList {
  return isRecord(value) && Array.isArray(value.items) && value.items.every(isProductView) && isFiniteNumber(value.total);
}

export function isSuggestionList(value: unknown): value is Suggestion[] {
  return Array.isArray(value) && value.every((item: unknown) => isRecord(item)
    && isProductView(item.product) && typeof item.reason === 'string');
}

export function isCategoryList(value: unknown): value is CategoryView[] {
  return Array.isArray(value) && value.every((item: unknown) => isRecord(item)
    && typeof item.id === 'string' && typeof item.label === 'string' && isFiniteNumber(item.count));
}

export function isMemberSummary(value: unknown): value is MemberSummary {
  return isRecord(value) && value.found === true && isFiniteNumber(value.visits) && value.visits >= 0;
}
