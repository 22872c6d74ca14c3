// Sizes of the kiosk's suggestion rows. A row scrolls sideways, and every
// tile past the screen's width costs the parent a swipe.

/** Toys in the similar row of a product page. */
export const SIMILAR_LIMIT = 8;

/** Toys in the "often bought together" row, as many as in the similar row. */
export const TOGETHER_LIMIT = 8;

/**
 * Similar toys requested for a product page. The extra ones replace toys
 * that the together row already shows, so the similar row stays full.
 */
export const SIMILAR_REQUEST_COUNT = SIMILAR_LIMIT + TOGETHER_LIMIT;

/** Suggestions in the for-you row: two screen widths of tiles on a 1280 px kiosk. */
export const FOR_YOU_COUNT = 10;

/**
 * Suggestions requested for the for-you row. The extra ones replace toys
 * that a product page already shows in its two other rows, so the row stays
 * full there. The recommend API returns at most 50.
 */
export const FOR_YOU_REQUEST_COUNT = FOR_YOU_COUNT + SIMILAR_LIMIT + TOGETHER_LIMIT;
