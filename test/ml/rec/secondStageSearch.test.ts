import { describe, expect, it } from 'vitest';
import { encodeTrainingData, type EncodedContext, type EncodedData } from '../../../ml/rec/dataset.js';
import { Hybrid } from '../../../ml/rec/hybrid.js';
import { ScoringRecommender } from '../../../ml/rec/scoringModel.js';
import { addSecondStage } from '../../../ml/rec/secondStageSearch.js';
import type { SearchCase } from '../../../ml/rec/search.js';
import type { Explanation } from '../../../ml/rec/types.js';

const ITEM_COUNT = 40;

/**
 * Hand-written fake component whose scores are a fixed pseudo-random
 * function of the newest context item, so it carries no signal about what
 * the shopper takes next.
 */
class NoiseComponent extends ScoringRecommender {
  readonly kind = 'item_knn' as const;
  protected fitIndexed(_data: EncodedData): void {}
  scoreInto(context: EncodedContext, scores: Float32Array): void {
    const seed = context.recent.length > 0 ? context.recent[context.recent.length - 1]! + 1 : 0;
    for (let i = 0; i < scores.length; i++) scores[i]! += 0.1 + (((i + 7) * (seed + 13) * 2654435761) % 1000) / 1000;
  }
  similarInto(): void {}
  explainIndex(): Explanation {
    return { code: 'because_viewed' };
  }
  protected saveState() {
    return { state: {}, arrays: {} };
  }
}

/** User u has items u+1 … 39, so item i has i users and the degree feature tells items apart. */
const data: EncodedData = encodeTrainingData({
  items: Array.from({ length: ITEM_COUNT }, (_, i) => ({ itemId: `item${i}` })),
  sequences: Array.from({ length: ITEM_COUNT - 1 }, (_, user) => ({
    userId: `u${user}`,
    items: Array.from({ length: ITEM_COUNT - 1 - user }, (_, k) => `item${user + 1 + k}`),
  })),
});

const firstStage = (): Hybrid => {
  const component = new NoiseComponent();
  component.fitEncoded(data);
  return Hybrid.fromFitted([component], [1]);
};

/** Cases whose target is the most popular of the first stage's top 10: only the popularity feature can find it. */
function casesFor(count: number, offset: number): SearchCase[] {
  const model = firstStage();
  return Array.from({ length: count }, (_, i) => {
    const input = Int32Array.of((i + offset) % ITEM_COUNT);
    const pool = model.rankIndices({ recent: input, excluded: new Set(input), context: {} }, 10);
    const target = Math.max(...pool); // item i has degree i
    return { input, target };
  });
}

describe('addSecondStage', () => {
  it('learns what the first stage misses and keeps the trees', () => {
    const { hybrid, report } = addSecondStage(firstStage(), data, casesFor(400, 0), { poolSize: 10, minUsefulCases: 100, boost: { depth: 2, learningRate: 0.3 } });
    expect(report.used).toBe(true);
    expect(report.usefulCases).toBe(400);
    expect(report.heldOutTreesNdcg10).toBeGreaterThan(report.heldOutBlendNdcg10);
    expect(hybrid.secondStage?.poolSize).toBe(10);

    const fresh = casesFor(40, 7);
    const hits = fresh.filter((c) => hybrid.rankIndices({ recent: c.input, excluded: new Set(c.input), context: {} }, 1)[0] === c.target);
    expect(hits.length / fresh.length).toBeGreaterThan(0.9);
  });

  it('leaves the first stage alone with too few cases', () => {
    const first = firstStage();
    const { hybrid, report } = addSecondStage(first, data, casesFor(30, 0), { poolSize: 10 });
    expect(hybrid).toBe(first);
    expect(report).toMatchObject({ used: false, reason: 'too_few_cases', cases: 30, trees: 0 });
  });
});
