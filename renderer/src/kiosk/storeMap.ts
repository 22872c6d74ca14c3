import type { FloorRect, StoreMapAisle, StoreMapView } from '../../../main/api/wire.js';

/** Finds the aisle a product is in by aisle id or, when no id matches, by printed label. */
export function findAisle(map: StoreMapView, aisle: string): StoreMapAisle | undefined {
  const requested = aisle.trim().toLowerCase();
  return map.aisles.find((candidate) => candidate.id.toLowerCase() === requested)
    ?? map.aisles.find((candidate) => candidate.label.trim().toLowerCase() === requested);
}

function isRect(value: unknown): value is FloorRect {
  if (typeof value !== 'object' || value === null) return false;
  const rect = value as Record<string, unknown>;
  return ['x', 'y', 'w', 'h'].every((key) => typeof rect[key] === 'number' && Number.isFinite(rect[key]));
}

/** Checks a store-map body before drawing it, so a malformed map shows an error instead of a broken picture. */
export function isStoreMap(value: unknown): value is StoreMapView {
  if (typeof value !== 'object' || value === null) return false;
  const map = value as Record<string, unknown>;
  if (typeof map.width !== 'number' || typeof map.height !== 'number' || !(map.width > 0) || !(map.height > 0)) return false;
  if (!isRect(map.entrance) || !isRect(map.checkout) || !Array.isArray(map.aisles)) return false;
  return map.aisles.every((aisle: unknown) => isRect(aisle)
    && typeof (aisle as { id?: unknown }).id === 'string' && typeof (aisle as { label?: unknown }).label === 'string'
    && typeof (aisle as { shortLabel?: unknown }).shortLabel === 'string');
}

/** Width of a CJK character and of other characters, in ems, for a rough text width without measuring. */
const WIDE_CHAR_EM = 1;
const NARROW_CHAR_EM = 0.58;

/** Estimates the rendered width of `text` in ems: CJK and full-width characters count 1, others about 0.58. */
export function estimateTextEms(text: string): number {
  let ems = 0;
  for (const char of text) ems += /[\u2E80-\uFFEF]/.test(char) ? WIDE_CHAR_EM : NARROW_CHAR_EM;
  return ems;
}

/** Placement of a label inside a rectangle: along its long side, at most `maxFontSize`, shrunk to fit. */
export interface LabelLayout {
  x: number;
  y: number;
  fontSize: number;
  /** Degrees; -90 runs the text up a tall, narrow aisle. */
  rotate: number;
  /** The label, cut short with "…" when it does not fit even at the smallest size. */
  text: string;
}

/** Share of the rectangle that a label may fill, leaving a margin at both ends and both sides. */
const LABEL_FILL = 0.85;
/**
 * Smallest label size as a share of `maxFontSize`. Lower fits long names
 * whole but makes them too small to read from a step away. A label that
 * still does not fit is cut short instead.
 */
export const MIN_LABEL_SCALE = 0.6;
const ELLIPSIS = '…';

export function layoutLabel(rect: FloorRect, text: string, maxFontSize: number): LabelLayout {
  const vertical = rect.h > rect.w;
  const along = (vertical ? rect.h : rect.w) * LABEL_FILL;
  const across = (vertical ? rect.w : rect.h) * LABEL_FILL;
  const largest = Math.min(maxFontSize, across);
  const fitting = along / Math.max(estimateTextEms(text), 1);
  const fontSize = Math.min(largest, Math.max(fitting, largest * MIN_LABEL_SCALE));
  return {
    x: rect.x + rect.w / 2,
    y: rect.y + rect.h / 2,
    fontSize,
    rotate: vertical ? -90 : 0,
    text: truncateToEms(text, along / fontSize),
  };
}

/** Cuts `text` so that it and a trailing ellipsis fit in `maxEms`. */
function truncateToEms(text: string, maxEms: number): string {
  if (estimateTextEms(text) <= maxEms) return text;
  let prefix = '';
  for (const char of text) {
    if (estimateTextEms(prefix + char + ELLIPSIS) > maxEms) break;
    prefix += char;
  }
  return `${prefix.trimEnd()}${ELLIPSIS}`;
}
