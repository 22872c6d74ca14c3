import { beforeAll, describe, expect, it } from 'vitest';
import { Hybrid } from '../../../ml/rec/hybrid.js';
import { DEFAULT_HYBRID_WEIGHTS, fitKioskHybrid, interestFirstHybrid, INTEREST_PRIORITY } from '../../../main/rec/kioskHybridSearch.js';
import { ChineseEnglishTokenizer } from '../../../ml/text/tokenizer.js';
import { basketsOf, contentStore, coPurchaseStore, toy } from './handMadeStores.js';

// The real jieba tokenizer, built once because its dictionary load takes a few hundred ms.
let tokenizer: ChineseEnglishTokenizer;

beforeAll(() => {
  tokenizer = new ChineseEnglishTokenizer();
});

describe('fitKioskHybrid search', () => {
  it('co-purchase store weights co-purchase', () => {
    const { products, baskets } = coPurchaseStore();
    const fit = fitKioskHybrid(products, baskets, tokenizer);
    expect(fit.source).toBe('search');
    expect(fit.basketHoldoutCases).toBeGreaterThan(0);
    // Best-sellers bought alone would push the weaker partner of a trio down, so popularity must lose.
    expect(fit.weights.coPurchase).toBeGreaterThan(fit.weights.popularity);
    // Toy texts share no word, so content can only add noise.
    expect(fit.weights.coPurchase).toBeGreaterThan(fit.weights.content);
    expect(fit.validationNdcg10).toBeGreaterThan(0.5);
  });

  it('text-linked store weights content', () => {
    const { products, baskets } = contentStore();
    const fit = fitKioskHybrid(products, baskets, tokenizer);
    expect(fit.source).toBe('search');
    // A held-out pair was bought together only once, so co-purchase points at the group's other toys.
    expect(fit.weights.content).toBeGreaterThan(fit.weights.coPurchase);
    expect(fit.weights.content).toBeGreaterThan(fit.weights.popularity);
    expect(fit.validationNdcg10).toBeGreaterThan(0.3);
  });

  it('reports the chosen settings', () => {
    const { products, baskets } = coPurchaseStore();
    const fit = fitKioskHybrid(products, baskets, tokenizer);
    expect(Object.keys(fit.settings).sort()).toEqual(['content_tfidf', 'item_knn', 'popularity']);
    // The served co-purchase model uses the searched settings.
    expect(fit.coPurchase.options).toMatchObject(fit.settings['item_knn']!);
    expect(fit.hybrid.weights).toEqual([fit.weights.coPurchase, fit.weights.content, fit.weights.popularity]);
  });

  it('same data gives same fit', () => {
    const { products, baskets } = contentStore();
    const first = fitKioskHybrid(products, baskets, tokenizer);
    const second = fitKioskHybrid(products, baskets, tokenizer);
    expect(second.weights).toEqual(first.weights);
    expect(second.settings).toEqual(first.settings);
    expect(second.validationNdcg10).toBe(first.validationNdcg10);
    const context = { sessionItems: ['group3-0'] };
    expect(second.hybrid.recommend(context, 10)).toEqual(first.hybrid.recommend(context, 10));
  });

  it('serves co-purchase learned from all baskets', () => {
    // The search held out pairs, but the served model is refitted on every basket.
    const { products, baskets } = coPurchaseStore();
    const fit = fitKioskHybrid(products, baskets, tokenizer);
    const top = fit.coPurchase.similarItems('trio0-0', 2).map((item) => item.itemId);
    expect(top).toEqual(['trio0-1', 'trio0-2']);
  });
});

describe('fitKioskHybrid fallback', () => {
  it('few baskets use default weights', () => {
    const products = ['a', 'b', 'c', 'd'].map((id, i) => toy(id, i));
    const baskets = basketsOf([['a', 'b'], ['c', 'd'], ['a', 'c']]);
    const fit = fitKioskHybrid(products, baskets, tokenizer);
    expect(fit.source).toBe('default');
    expect(fit.weights).toEqual(DEFAULT_HYBRID_WEIGHTS);
    expect(fit.validationNdcg10).toBeNull();
    expect(fit.hybrid.recommend({ sessionItems: ['a'] }, 3).map((item) => item.itemId)).toContain('b');
  });

  it('no baskets use default weights', () => {
    const products = ['a', 'b'].map((id, i) => toy(id, i));
    const fit = fitKioskHybrid(products, [], tokenizer);
    expect(fit.source).toBe('default');
    expect(fit.nextVisitCases + fit.basketHoldoutCases).toBe(0);
    expect(fit.hybrid.recommend({}, 2)).toHaveLength(2);
  });
});

describe('interestFirstHybrid', () => {
  it('raises only the content weight', () => {
    const { products, baskets } = coPurchaseStore();
    const fit = fitKioskHybrid(products, baskets, tokenizer);
    const [coPurchase, content, popularity] = interestFirstHybrid(fit.hybrid).weights;
    expect(coPurchase).toBe(fit.weights.coPurchase);
    expect(popularity).toBe(fit.weights.popularity);
    expect(content).toBe(Math.max(fit.weights.content, INTEREST_PRIORITY * (fit.weights.coPurchase + fit.weights.popularity)));
  });

  it('ranks interest matches first', () => {
    const { products, baskets } = contentStore();
    const fit = fitKioskHybrid(products, baskets, tokenizer);
    // Weights as a store might find them where popularity predicts best.
    const popularityLed = Hybrid.fromFitted(fit.hybrid.components, [1, 0.1, 4]);
    const context = { quiz: { interests: ['theme5word'] } };
    const group5 = ['group5-0', 'group5-1', 'group5-2', 'group5-3', 'group5-4'];

    const plainTop = popularityLed.recommend(context, 5).map((item) => item.itemId);
    // Without the raise the four best-sellers lead, ahead of the toys that match the interest.
    expect(plainTop.slice(0, 4).sort()).toEqual(['best-0', 'best-1', 'best-2', 'best-3']);
    const interestTop = interestFirstHybrid(popularityLed).recommend(context, 5).map((item) => item.itemId);
    expect(interestTop.sort()).toEqual(group5);
  });
});
