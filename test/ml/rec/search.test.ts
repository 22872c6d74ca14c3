import { describe, expect, it } from 'vitest';
import { encodeTrainingData, type EncodedContext, type EncodedData } from '../../../ml/rec/dataset.js';
import { ScoringRecommender } from '../../../ml/rec/scoringModel.js';
import { searchHybrid, type ComponentSpec, type SearchCase } from '../../../ml/rec/search.js';
import type { Explanation } from '../../../ml/rec/types.js';

/**
 * Hand-written fake component: it ranks item `favourite` first and every
 * other item by index (0.5 / (index + 1)). The search should pick the
 * setting that puts the validation targets first.
 */
class FavouriteItem extends ScoringRecommender {
  readonly kind = 'popularity' as const;
  constructor(
    readonly favourite: number,
    readonly favouriteScore = 1,
  ) {
    super();
  }
  protected fitIndexed(_data: EncodedData): void {}
  scoreInto(_context: EncodedContext, scores: Float32Array): void {
    for (let i = 0; i < scores.length; i++) scores[i]! += i === this.favourite ? this.favouriteScore : 0.5 / (i + 1);
  }
  similarInto(): void {}
  explainIndex(): Explanation {
    return { code: 'popular' };
  }
  protected saveState() {
    return { state: {}, arrays: {} };
  }
}

const data = encodeTrainingData({ items: ['p', 'q', 'r', 's'].map((itemId) => ({ itemId })), sequences: [] });
const spec: ComponentSpec<{ favourite: number }> = {
  name: 'favourite',
  create: (options) => new FavouriteItem(options.favourite ?? 0),
  grid: { favourite: [0, 1, 2, 3] },
};

describe('searchHybrid', () => {
  it('picks the setting that ranks targets first', () => {
    // Every target is item 2 (r), so favourite = 2 gives NDCG@10 = 1.
    const cases: SearchCase[] = [0, 1, 3].map((input) => ({ input: Int32Array.of(input), target: 2 }));
    const { report, hybrid } = searchHybrid(data, cases, [spec as ComponentSpec<object>]);
    expect(report.components[0]!.settings).toEqual({ favourite: 2 });
    expect(report.components[0]!.ndcg10).toBe(1);
    expect(hybrid.recommend({ sessionItems: ['p'] }, 1)[0]!.itemId).toBe('r');
  });

  it('switches off a harmful component', () => {
    // The second component strongly prefers item 3 (s), which is never a target.
    // Normalised at equal weights: r = 1 + (0.5/3)/3 = 1.056 < s = 0.5/4 + 1 = 1.125, so s ranks first.
    const fixed = (favourite: number, score: number): ComponentSpec<object> => ({
      name: `fixed${favourite}`,
      create: () => new FavouriteItem(favourite, score),
      grid: {},
    });
    const cases: SearchCase[] = [0, 1].map((input) => ({ input: Int32Array.of(input), target: 2 }));
    const { report } = searchHybrid(data, cases, [fixed(2, 1), fixed(3, 3)]);
    expect(report.weights[1]).toBeLessThan(report.weights[0]!);
    expect(report.blendNdcg10).toBe(1);
  });
});
