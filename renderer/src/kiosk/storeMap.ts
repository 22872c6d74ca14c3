/** Rectangle in floor-plan units, top-left origin. */
export interface PlanRect {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface StoreMapAisle extends PlanRect {
  id: string;
  label: string;
}

/** Body of `GET /api/catalog/store-map`. */
export interface StoreMap {
  width: number;
  height: number;
  aisles: StoreMapAisle[];
  entrance: PlanRect;
  checkout: PlanRect;
}

/** The aisle a product is in: its `aisle` matches the aisle id or, failing that, the printed label. */
export function findAisle(map: StoreMap, aisle: string): StoreMapAisle | undefined {
  const wanted = aisle.trim().toLowerCase();
  return map.aisles.find((candidate) => candidate.id.toLowerCase() === wanted)
    ?? map.aisles.find((candidate) => candidate.label.trim().toLowerCase() === wanted);
}

function isRect(value: unknown): value is PlanRect {
  if (typeof value !== 'object' || value === null) return false;
  const rect = value as Record<string, unknown>;
  return ['x', 'y', 'w', 'h'].every((key) => typeof rect[key] === 'number' && Number.isFinite(rect[key]));
}

/** Checks a store-map body before drawing it, so a malformed map shows an error instead of a broken picture. */
export function isStoreMap(value: unknown): value is StoreMap {
  if (typeof value !== 'object' || value === null) return false;
  const map = value as Record<string, unknown>;
  if (typeof map.width !== 'number' || typeof map.height !== 'number' || map.width <= 0 || map.height <= 0) return false;
  if (!isRect(map.entrance) || !isRect(map.checkout) || !Array.isArray(map.aisles)) return false;
  return map.aisles.every((aisle: unknown) => isRect(aisle)
    && typeof (aisle as { id?: unknown }).id === 'string' && typeof (aisle as { label?: unknown }).label === 'string');
}
