/** A child's age band as the kiosk offers it; `maxYears` null means "and older". */
export interface AgeBand {
  id: string;
  minYears: number;
  maxYears: number | null;
}

export const AGE_BANDS: readonly AgeBand[] = [
  { id: '0-2', minYears: 0, maxYears: 2 },
  { id: '3-5', minYears: 3, maxYears: 5 },
  { id: '6-8', minYears: 6, maxYears: 8 },
  { id: '9-12', minYears: 9, maxYears: 12 },
  { id: '13+', minYears: 13, maxYears: null },
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

/**
 * Query of `GET /api/catalog/products` for these filters, most popular first.
 * The age band is sent as `ageMin`/`ageMax`, so every toy whose age range
 * overlaps the band is listed.
 */
export function productQuery(filters: KioskFilters, lang: string, limit: number): Record<string, string | number | undefined> {
  const band = findAgeBand(filters.ageBandId);
  return {
    lang,
    category: filters.category ?? undefined,
    ageMin: band?.minYears,
    ageMax: band?.maxYears ?? undefined,
    sort: 'popular',
    limit,
  };
}
