// The kiosk's one URL route: `#/product/<id>` opens a product page, so a
// product can be opened directly (a shelf QR code, a bookmark on the store
// PC). Every other screen lives at the bare kiosk URL.

const PRODUCT_HASH_PREFIX = '#/product/';
/** Same pattern as `catalogIdSchema` in main/catalog/catalogSchema.ts, which a test checks. */
const CATALOG_ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,39}$/;

/** Returns true when `id` has the form of a catalog id, e.g. `blk-001`. */
export function isCatalogId(id: string): boolean {
  return CATALOG_ID_PATTERN.test(id);
}

/** Returns the hash of a product page, e.g. `#/product/blk-001`. */
export function productHash(productId: string): string {
  return `${PRODUCT_HASH_PREFIX}${encodeURIComponent(productId)}`;
}

/**
 * Returns the decoded product id of a `#/product/<id>` hash, or null for any
 * other hash. The id is not checked, so a mistyped link still opens the
 * product page, which explains that the toy is not in the catalog.
 */
export function productIdFromHash(hash: string): string | null {
  if (!hash.startsWith(PRODUCT_HASH_PREFIX)) return null;
  const encoded = hash.slice(PRODUCT_HASH_PREFIX.length);
  if (encoded.length === 0) return null;
  try {
    return decodeURIComponent(encoded);
  } catch {
    // A malformed escape such as `%E0%A4%A` is kept as typed, because it is no catalog id either way.
    return encoded;
  }
}
