/**
 * Fits the kiosk's hybrid (co-purchase item kNN, content TF-IDF, popularity)
 * with its component settings and blend weights chosen by `searchHybrid` on
 * validation cases from the store's own baskets (validationCases.ts). The
 * chosen configuration is then refitted on all baskets. With too few cases
 * the hybrid uses DEFAULT_HYBRID_WEIGHTS and default settings instead.
 */
import { ContentTfidf } from '../../ml/rec/contentTfidf.js';
import { encodeTrainingData, type EncodedData } from '../../ml/rec/dataset.js';
import { Hybrid } from '../../ml/rec/hybrid.js';
import { ItemKnn } from '../../ml/rec/itemKnn.js';
import { Popularity } from '../../ml/rec/popularity.js';
import type { ScoringRecommender } from '../../ml/rec/scoringModel.js';
import { evaluateNdcg, searchHybrid, type ComponentSpec, type SearchCase } from '../../ml/rec/search.js';
import { STANDARD_COMPONENTS } from '../../ml/rec/searchSpace.js';
import type { Tokenizer } from '../../ml/text/tokenizer.js';
import type { ProductRecord, StoredBasket } from '../catalog/catalogStore.js';
import { CO_PURCHASE_SHRINKAGE } from './similarToys.js';
import { trainingData } from './trainingData.js';
import { buildValidationSplit, type ValidationCase } from './validationCases.js';

/**
 * Blend weights used only when the store has too few validation cases to
 * search (a new store, or a catalog import without baskets). Co-purchase
 * leads, text similarity covers toys with few baskets, and popularity fills
 * an empty context.
 */
export const DEFAULT_HYBRID_WEIGHTS = { coPurchase: 0.5, content: 0.3, popularity: 0.2 } as const;
/**
 * Minimum number of validation cases for a search. With fewer, NDCG@10
 * differences between settings are mostly noise, so the search would fit chance.
 */
export const MIN_VALIDATION_CASES = 50;
/**
 * Maximum number of validation cases drawn. More gives a steadier choice but
 * a slower start-up. On the demo data (205 toys, 4926 baskets) MAX_CASE_SHARE
 * binds first, at 260 cases.
 */
export const MAX_VALIDATION_CASES = 600;
/**
 * Maximum share of the possible validation cases that are drawn. Each drawn
 * basket loses its held-out item for the search, so a higher share
 * weakens co-purchase during the search more than when serving.
 */
export const MAX_CASE_SHARE = 0.2;
/**
 * Passes of coordinate search over the component settings. On the demo data
 * a second pass nearly doubled the item kNN search time (16 to 31 fits) and
 * moved its validation NDCG@10 by under 0.01.
 */
export const SETTING_PASSES = 1;
/** Seed of the validation draw, so one store's data always gives the same fit. */
export const VALIDATION_SEED = 20_261_204;

/**
 * Factor on the sum of the co-purchase and popularity weights that the
 * content weight is raised to when the quiz names interests. The baskets
 * hold no quiz answers, so the search cannot weigh interests. The kiosk rule
 * is that toys matching the interests come first: at 2 a toy whose text
 * matches them best outranks every toy that matches none.
 */
export const INTEREST_PRIORITY = 2;

/** Component names in `STANDARD_COMPONENTS`, in the hybrid's order. */
const COMPONENT_NAMES = ['item_knn', 'content_tfidf', 'popularity'] as const;

export interface KioskHybridWeights {
  coPurchase: number;
  content: number;
  popularity: number;
}

/** The fitted hybrid and how its configuration was chosen. */
export interface KioskHybridFit {
  hybrid: Hybrid;
  /** The hybrid's co-purchase component, also used for "often bought together". */
  coPurchase: ItemKnn;
  source: 'search' | 'default';
  weights: KioskHybridWeights;
  /** Settings of each component by `STANDARD_COMPONENTS` name. An empty object means the model's defaults. */
  settings: Record<string, Record<string, unknown>>;
  /** NDCG@10 of the searched hybrid on the validation cases, null for the default configuration. */
  validationNdcg10: number | null;
  nextVisitCases: number;
  basketHoldoutCases: number;
}

/**
 * Fits the kiosk hybrid on `products` and `baskets`. `tokenizer` is shared by
 * every content model the search builds, because each construction of the
 * default tokenizer loads the jieba dictionary.
 */
export function fitKioskHybrid(products: readonly ProductRecord[], baskets: readonly StoredBasket[], tokenizer: Tokenizer): KioskHybridFit {
  const knownIds = new Set(products.map((product) => product.id));
  const split = buildValidationSplit(baskets, knownIds, { maxCases: MAX_VALIDATION_CASES, maxCandidateShare: MAX_CASE_SHARE, seed: VALIDATION_SEED });
  const nextVisitCases = split.cases.filter((c) => c.kind === 'next_visit').length;
  const caseCounts = { nextVisitCases, basketHoldoutCases: split.cases.length - nextVisitCases };
  const fullData = encodeTrainingData(trainingData(products, baskets));

  if (split.cases.length < MIN_VALIDATION_CASES) {
    const coPurchaseModel = new ItemKnn({ shrinkage: CO_PURCHASE_SHRINKAGE });
    const { coPurchase, content, popularity } = DEFAULT_HYBRID_WEIGHTS;
    const hybrid = new Hybrid([coPurchaseModel, new ContentTfidf({}, tokenizer), new Popularity()], [coPurchase, content, popularity]);
    hybrid.fitEncoded(fullData);
    const settings = { item_knn: { shrinkage: CO_PURCHASE_SHRINKAGE }, content_tfidf: {}, popularity: {} };
    return { hybrid, coPurchase: coPurchaseModel, source: 'default', weights: { ...DEFAULT_HYBRID_WEIGHTS }, settings, validationNdcg10: null, ...caseCounts };
  }

  const caching = new CachingTokenizer(tokenizer);
  const specs = kioskSpecs(caching);
  const validationData = encodeTrainingData(trainingData(products, split.trainBaskets));
  const cases = encodeCases(split.cases, validationData);
  // No second stage: at most MAX_VALIDATION_CASES cases is too few to train its trees, so building its lists would only slow start-up.
  const { hybrid: searched, report } = searchHybrid(validationData, cases, specs, {
    maxCases: cases.length,
    settingPasses: SETTING_PASSES,
    seed: VALIDATION_SEED,
    secondStage: false,
  });
  const validationNdcg10 = evaluateNdcg(searched, cases);

  // Fresh components with the chosen settings and the caller's own tokenizer,
  // so request-time quiz interests never fill the search's token cache.
  const settings = Object.fromEntries(report.components.map((c) => [c.name, c.settings]));
  const components = kioskSpecs(tokenizer).map((spec) => spec.create(settings[spec.name] ?? {}));
  const hybrid = new Hybrid(components, report.weights);
  hybrid.fitEncoded(fullData);
  caching.clear();

  const [coPurchase, content, popularity] = report.weights;
  return {
    hybrid,
    coPurchase: components[0] as ItemKnn,
    source: 'search',
    weights: { coPurchase: coPurchase!, content: content!, popularity: popularity! },
    settings,
    validationNdcg10,
    ...caseCounts,
  };
}

/** Returns a view of the fitted hybrid for quiz interests, with the content weight raised by INTEREST_PRIORITY. */
export function interestFirstHybrid(hybrid: Hybrid): Hybrid {
  const [coPurchase, content, popularity] = hybrid.weights as [number, number, number];
  const interestContent = Math.max(content, INTEREST_PRIORITY * (coPurchase + popularity));
  return Hybrid.fromFitted(hybrid.components, [coPurchase, interestContent, popularity]);
}

/** Selects the standard search space's item kNN, content and popularity specs, with content models sharing `tokenizer`. */
function kioskSpecs(tokenizer: Tokenizer): ComponentSpec<object>[] {
  return COMPONENT_NAMES.map((name) => {
    const spec = STANDARD_COMPONENTS.find((candidate) => candidate.name === name);
    if (!spec) throw new Error(`Standard search space has no "${name}" component, so the kiosk hybrid cannot be searched. Update COMPONENT_NAMES in main/rec/kioskHybridSearch.ts.`);
    if (name !== 'content_tfidf') return spec;
    return { ...spec, create: (options: object): ScoringRecommender => new ContentTfidf(options, tokenizer) };
  });
}

/** Converts cases to the index space of `data`, dropping those whose target or every input item is not in the catalog. */
function encodeCases(cases: readonly ValidationCase[], data: EncodedData): SearchCase[] {
  const encoded: SearchCase[] = [];
  for (const c of cases) {
    const target = data.index.indexOf(c.target);
    const input = Int32Array.from(c.input.map((id) => data.index.indexOf(id)).filter((index) => index >= 0));
    if (target >= 0 && input.length > 0) encoded.push({ input, target });
  }
  return encoded;
}

/**
 * Remembers the tokens of each text, because every content model the search
 * fits tokenizes the same catalog again. It is only for the search, because
 * the cache grows with every distinct text.
 */
class CachingTokenizer implements Tokenizer {
  private readonly tokensByText = new Map<string, string[]>();

  constructor(private readonly inner: Tokenizer) {}

  tokenize(text: string): string[] {
    let tokens = this.tokensByText.get(text);
    if (!tokens) {
      tokens = this.inner.tokenize(text);
      this.tokensByText.set(text, tokens);
    }
    return [...tokens];
  }

  clear(): void {
    this.tokensByText.clear();
  }
}
