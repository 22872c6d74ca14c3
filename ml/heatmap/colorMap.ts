/**
 * Sequential colour map for heat: dark violet through red and orange to pale
 * yellow. The control points were chosen so that CIE L* lightness rises at
 * every step (a test checks it), so more visits always read as brighter, also
 * when printed in greyscale.
 */

type Rgb = readonly [number, number, number];

/** Colours at positions 0, 0.2, 0.4, 0.6, 0.8 and 1. */
const CONTROL_POINTS: readonly Rgb[] = [
  [20, 11, 52],
  [87, 16, 110],
  [158, 42, 99],
  [219, 80, 58],
  [249, 149, 20],
  [252, 240, 130],
];

/** Returns the sRGB colour for a value in [0, 1]; values outside are clamped. */
export function heatColor(value: number): Rgb {
  const clamped = Number.isFinite(value) ? Math.min(1, Math.max(0, value)) : 0;
  const scaled = clamped * (CONTROL_POINTS.length - 1);
  const lower = Math.min(Math.floor(scaled), CONTROL_POINTS.length - 2);
  const fraction = scaled - lower;
  const from = CONTROL_POINTS[lower] ?? [0, 0, 0];
  const to = CONTROL_POINTS[lower + 1] ?? [0, 0, 0];
  return [
    Math.round(from[0] + fraction * (to[0] - from[0])),
    Math.round(from[1] + fraction * (to[1] - from[1])),
    Math.round(from[2] + fraction * (to[2] - from[2])),
  ];
}
