/** A child's age band as the kiosk offers it; `maxYears` null means "and older". */
export interface AgeBand {
  id: string;
  minYears: number;
  maxYears: number | null;
  /**
   * The single age sent as `ageYears`, because the products API filters by
   * one age (ageMinYears ≤ ageYears ≤ ageMaxYears).
   * NOTE: a toy whose age range covers only the band's edges (e.g. 2–4 for
   * the 0–2 band) is not listed, since only this one age is queried.
   */
  queryYears: number;
}

export const AGE_BANDS: readonly AgeBand[] = [
  { id: '0-2', minYears: 0, maxYears: 2, queryYears: 1 },
  { id: '3-5', minYears: 3, maxYears: 5, queryYears: 4 },
  { id: '6-8', minYears: 6, maxYears: 8, queryYears: 7 },
  { id: '9-12', minYears: 9, maxYears: 12, queryYears: 10 },
  { id: '13+', minYears: 13, maxYears: null, queryYears: 13 },
];

export interface KioskFilters {
  /** Category id, or null for all categories. */
  category: string | null;
  /** AgeBand id, or null for any age. */
  ageBandId: string | null;
}

export const NO_FILTERS: KioskFilters = { category: null, ageBandId: null };

export function findAgeBand(id: string | null): AgeBand | undefined {
  return AGE_BANDS.find((band) => band.id === id);
}

/** Toys shown per page on the home screen; "show more" adds another page. */
export const PRODUCTS_PAGE_SIZE = 24;

/** Query of `GET /api/catalog/products` for these filters, most popular first. */
export function productQuery(filters: KioskFilters, lang: string, limit: number): Record<string, string | number | undefined> {
  return {
    lang,
    category: filters.category ?? undefined,
    ageYears: findAgeBand(filters.ageBandId)?.queryYears,
    sort: 'popular',
    limit,
  };
}
