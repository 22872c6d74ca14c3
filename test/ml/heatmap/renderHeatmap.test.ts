import { describe, expect, it } from 'vitest';
import { heatColor } from '../../../ml/heatmap/colorMap.js';
import { HeatmapError, HeatmapGrid } from '../../../ml/heatmap/heatmapGrid.js';
import { renderHeatmap } from '../../../ml/heatmap/renderHeatmap.js';

/** Computes CIE L* lightness (0 black to 100 white) of an sRGB colour, with the sRGB transfer curve and Rec. 709 luminance weights. */
function lightness([r, g, b]: readonly [number, number, number]): number {
  const linear = (channel: number) => {
    const c = channel / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  const luminance = 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
  return luminance > 216 / 24389 ? 116 * Math.cbrt(luminance) - 16 : (24389 / 27) * luminance;
}

function pixel(data: Uint8Array, width: number, x: number, y: number): number[] {
  const offset = 4 * (y * width + x);
  return Array.from(data.subarray(offset, offset + 4));
}

describe('heatColor', () => {
  it('gets lighter at every step', () => {
    let previous = -1;
    for (let step = 0; step <= 100; step++) {
      const current = lightness(heatColor(step / 100));
      expect(current).toBeGreaterThan(previous);
      previous = current;
    }
  });

  it('clamps values outside 0 to 1', () => {
    expect(heatColor(-3)).toEqual(heatColor(0));
    expect(heatColor(7)).toEqual(heatColor(1));
    expect(heatColor(Number.NaN)).toEqual(heatColor(0));
  });
});

describe('renderHeatmap', () => {
  it('draws only the neutral pattern for an empty grid', () => {
    const grid = new HeatmapGrid({ imageWidth: 80, imageHeight: 60 });
    const image = renderHeatmap(grid, { gridSpacingPx: 40 });

    expect(image.data).toHaveLength(80 * 60 * 4);
    // Grid lines every 40 px on a lighter floor, all opaque.
    expect(pixel(image.data, 80, 40, 10)).toEqual([208, 208, 208, 255]);
    expect(pixel(image.data, 80, 10, 10)).toEqual([236, 236, 236, 255]);
  });

  it('colours the busy cell and leaves empty floor clear', () => {
    const grid = new HeatmapGrid({ imageWidth: 160, imageHeight: 160, cellSizePx: 16 });
    for (let i = 0; i < 100; i++) grid.addPoint({ x: 8, y: 8 });
    grid.addPoint({ x: 72, y: 72 });
    const image = renderHeatmap(grid);

    const hot = pixel(image.data, 160, 8, 8);
    const warm = pixel(image.data, 160, 72, 72);
    const empty = pixel(image.data, 160, 150, 150);
    expect(empty).toEqual([236, 236, 236, 255]);
    expect(hot).not.toEqual([236, 236, 236, 255]);
    // Full opacity 0.75 of the top colour over the floor grey.
    expect(hot[0]).toBe(Math.round(236 * 0.25 + (heatColor(1)[0] ?? 0) * 0.75));
    expect(warm).not.toEqual(empty);
    expect(warm).not.toEqual(hot);
  });

  it('draws over the installer background', () => {
    const grid = new HeatmapGrid({ imageWidth: 32, imageHeight: 32, cellSizePx: 16 });
    grid.addPoint({ x: 2, y: 2 });
    const background = { width: 32, height: 32, data: new Uint8Array(32 * 32 * 4).fill(100) };
    const image = renderHeatmap(grid, { background });

    // The background is grey 100 at alpha 100. Its far corner, beyond the heat
    // that interpolation spreads from the busy cell, is left unchanged.
    expect(pixel(image.data, 32, 31, 31)).toEqual([100, 100, 100, 100]);
    const hot = pixel(image.data, 32, 2, 2);
    expect(hot[3]).toBeGreaterThan(100);
    expect(hot.slice(0, 3)).not.toEqual([100, 100, 100]);
    // The caller's picture is not modified.
    expect(background.data[0]).toBe(100);
  });

  it('uses a shared maximumCount', () => {
    const quiet = new HeatmapGrid({ imageWidth: 16, imageHeight: 16 });
    quiet.addPoint({ x: 8, y: 8 });
    // With its own maximum, one count is full colour; against 1000 it is faint.
    const own = renderHeatmap(quiet, { scale: 'linear' });
    const shared = renderHeatmap(quiet, { scale: 'linear', maximumCount: 1000 });
    expect(pixel(shared.data, 16, 8, 8)[0]).toBeGreaterThan(200);
    expect(pixel(own.data, 16, 8, 8)).not.toEqual(pixel(shared.data, 16, 8, 8));
  });

  const invalid = [
    // A background photo taken at a different resolution.
    { background: { width: 16, height: 32, data: new Uint8Array(16 * 32 * 4) } },
    // A background whose buffer does not match its size.
    { background: { width: 32, height: 32, data: new Uint8Array(10) } },
    // Opacity is a fraction.
    { maximumOpacity: 2 },
    { gridSpacingPx: 0 },
    { maximumCount: -5 },
  ];
  it.each(invalid)('rejects invalid options %#', (options) => {
    const grid = new HeatmapGrid({ imageWidth: 32, imageHeight: 32 });
    expect(() => renderHeatmap(grid, options)).toThrow(HeatmapError);
  });
});
