import { describe, expect, it } from 'vitest';
import { exposureReport } from '../../../ml/rec/exposure.js';
import type { Recommendation } from '../../../ml/rec/types.js';
import { CATALOG } from './fixtures.js';

const slot = (itemId: string): Recommendation => ({ itemId, score: 1, explanation: { code: 'popular' } });

describe('exposureReport', () => {
  it('shares slots by marketing group', () => {
    // 角色扮演 (e) and 手办 (f) counted as boys', 积木 (a, b) as girls' for the test; c, d neutral.
    const marketing = { boys: ['角色扮演', '手办'], girls: ['积木'] };
    const report = exposureReport([[slot('e'), slot('f'), slot('c')], [slot('a')]], CATALOG, marketing);
    expect(report.slots).toBe(4);
    expect(report.recommended).toEqual({ boys: 0.5, girls: 0.25, neutral: 0.25 });
    // Catalog: 2 boys (e, f), 2 girls (a, b), 2 neutral (c, d) of 6.
    expect(report.catalog.boys).toBeCloseTo(1 / 3, 10);
    expect(report.catalog.neutral).toBeCloseTo(1 / 3, 10);
  });

  it('counts an item in both groups as neutral', () => {
    const report = exposureReport([[slot('a')]], CATALOG, { boys: ['积木'], girls: ['积木'] });
    expect(report.recommended.neutral).toBe(1);
  });

  it('returns zeros for no lists', () => {
    expect(exposureReport([], CATALOG, { boys: [], girls: [] }).recommended).toEqual({ boys: 0, girls: 0, neutral: 0 });
  });
});
