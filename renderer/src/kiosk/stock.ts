/**
 * At or below this many items the kiosk shows "only N left". Higher makes
 * parents hurry more often; lower hides a shelf that is nearly empty.
 */
export const LOW_STOCK_THRESHOLD = 5;

export type StockLevel = { kind: 'in' } | { kind: 'low'; count: number } | { kind: 'out' };

export function stockLevel(stock: number): StockLevel {
  if (!Number.isFinite(stock) || stock <= 0) return { kind: 'out' };
  if (stock <= LOW_STOCK_THRESHOLD) return { kind: 'low', count: Math.floor(stock) };
  return { kind: 'in' };
}
