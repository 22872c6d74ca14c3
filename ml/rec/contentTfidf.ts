/**
 * Content-based model: TF-IDF over each item's title, description,
 * categories, brand and attributes (Chinese and English text through
 * ChineseEnglishTokenizer). Item-to-item cosine similarities are kept as
 * top-N neighbour rows. Because it needs no interactions, a new catalog item
 * is recommendable as soon as the model is fitted with it.
 */
import { ChineseEnglishTokenizer, type Tokenizer } from '../text/tokenizer.js';
import { TfidfVectorizer, type SparseVector } from '../text/tfidf.js';
import { decodeModel } from './codec.js';
import type { Csr, EncodedContext, EncodedData } from './dataset.js';
import { addRow, validateCsr, buildNeighbourTable, scoreFromNeighbours, strongestSource, touch } from './neighbours.js';
import { requireArray, requireNumber, ScoringRecommender } from './scoringModel.js';
import { RecError, type Explanation, type ItemMeta } from './types.js';

export interface ContentOptions {
  /** Terms in more than this share of items are dropped: they barely separate items and cost O(df²) to pair. */
  maxDocumentShare: number;
  /** Neighbours kept per item. */
  maxNeighbours: number;
  /** Weight ratio between a context item and the next newer one, in (0, 1]. */
  recencyDecay: number;
  /** Context items used, newest first. */
  maxRecent: number;
}

export const DEFAULT_CONTENT_OPTIONS: ContentOptions = { maxDocumentShare: 0.1, maxNeighbours: 100, recencyDecay: 0.5, maxRecent: 5 };

/** One Chinese (Han) character and nothing else. */
const SINGLE_HAN = /^\p{Script=Han}$/u;

/** Tokens of one item. Structured fields get a prefix so a brand never matches the same word in a title. */
export function itemTokens(item: ItemMeta, tokenizer: Tokenizer): string[] {
  const text = [item.title, item.description, ...(item.categories ?? [])].filter((t): t is string => Boolean(t)).join(' ');
  return [
    ...(text ? tokenizer.tokenize(text) : []),
    ...(item.categories ?? []).map((c) => `category:${c}`),
    ...(item.brand ? [`brand:${item.brand}`] : []),
    ...(item.attributes ?? []).map((a) => `attribute:${a}`),
  ];
}

export class ContentTfidf extends ScoringRecommender {
  readonly kind = 'content_tfidf' as const;
  readonly options: ContentOptions;
  private neighbours: Csr | undefined;
  private vectorizer: TfidfVectorizer | undefined;
  /** Item TF-IDF vectors as rows (item → term), used to match quiz interests. */
  private itemTerms: Csr | undefined;
  private tokenizerInstance: Tokenizer | undefined;

  /** Pass `tokenizer` to share one jieba dictionary load between models; by default one is built on first use. */
  constructor(options: Partial<ContentOptions> = {}, tokenizer?: Tokenizer) {
    super();
    this.options = { ...DEFAULT_CONTENT_OPTIONS, ...options };
    this.tokenizerInstance = tokenizer;
  }

  private get tokenizer(): Tokenizer {
    this.tokenizerInstance ??= new ChineseEnglishTokenizer();
    return this.tokenizerInstance;
  }

  protected fitIndexed(data: EncodedData): void {
    const hasText = data.meta.some((m) => m.title || m.description || m.categories?.length);
    const documents = data.meta.map((m) => (hasText ? itemTokens(m, this.tokenizer) : itemTokens(m, { tokenize: () => [] })));
    this.vectorizer = TfidfVectorizer.fit(documents, { maxDocumentShare: this.options.maxDocumentShare });
    const vectors = documents.map((tokens) => this.vectorizer!.transform(tokens));
    this.itemTerms = vectorsToCsr(vectors);
    this.neighbours = buildContentNeighbours(this.itemTerms, this.vectorizer.idf.length, this.options.maxNeighbours);
  }

  private get table(): Csr {
    if (!this.neighbours) throw new RecError('not_fitted', 'content_tfidf model used before fit() or load');
    return this.neighbours;
  }

  scoreInto(context: EncodedContext, scores: Float32Array): void {
    scoreFromNeighbours(this.table, context.recent, this.options.recencyDecay, this.options.maxRecent, scores);
    const interests = context.context.quiz?.interests;
    if (interests?.length) this.scoreInterests(interests, scores);
  }

  /** Adds the cosine between the quiz interests (as one document) and each item. */
  private scoreInterests(interests: readonly string[], scores: Float32Array): void {
    const query = this.vectorizer!.transform(interests.flatMap((interest) => this.interestTerms(interest.trim())));
    const weightByTerm = new Map<number, number>();
    query.indices.forEach((term, p) => weightByTerm.set(term, query.values[p]!));
    const rows = this.itemTerms!;
    for (let item = 0; item < scores.length; item++) {
      for (let p = rows.offsets[item]!; p < rows.offsets[item + 1]!; p++) {
        const weight = weightByTerm.get(rows.columns[p]!);
        if (weight !== undefined) scores[item]! += weight * rows.values[p]!;
      }
    }
  }

  /**
   * Terms of one quiz interest. An interest that names a catalog category
   * or brand exactly (the kiosk sends category labels) matches that term
   * only, because its words would also match other toys' text. For example
   * 积木拼搭 segments to 积木 / 拼 / 搭, and 搭 appears in a tent's
   * description. Any other interest matches its words, without single
   * Chinese characters when it has longer words.
   */
  private interestTerms(interest: string): string[] {
    const exact = [`category:${interest}`, `brand:${interest}`].filter((term) => this.vectorizer!.vocabulary.has(term));
    if (exact.length > 0) return exact;
    const words = this.tokenizer.tokenize(interest);
    const longer = words.filter((word) => !SINGLE_HAN.test(word));
    return longer.length > 0 ? longer : words;
  }

  similarInto(item: number, scores: Float32Array): void {
    addRow(this.table, item, scores);
  }

  protected override similarExplanation(sourceItemId: string): Explanation {
    return { code: 'similar_content', sourceItemId };
  }

  explainIndex(context: EncodedContext, item: number): Explanation {
    const source = strongestSource(this.table, context.recent, item, this.options.recencyDecay, this.options.maxRecent);
    if (source >= 0) return { code: 'similar_content', sourceItemId: this.index.idAt(source) };
    return context.context.quiz?.interests?.length ? { code: 'matches_interest' } : { code: 'popular' };
  }

  protected saveState() {
    const { offsets, columns, values } = this.table;
    const terms = this.itemTerms!;
    return {
      state: { ...this.options, terms: this.vectorizer!.terms() },
      arrays: { offsets, columns, values, idf: this.vectorizer!.idf, termOffsets: terms.offsets, termColumns: terms.columns, termValues: terms.values },
    };
  }

  static load(bytes: Uint8Array): ContentTfidf {
    const saved = decodeModel(bytes);
    if (saved.kind !== 'content_tfidf') throw new RecError('corrupt_model', `expected a content_tfidf model, got ${saved.kind}`);
    const model = new ContentTfidf();
    const state = model.restoreIndex(saved.state);
    for (const key of Object.keys(DEFAULT_CONTENT_OPTIONS) as (keyof ContentOptions)[]) model.options[key] = requireNumber(state, key);
    const terms = state['terms'];
    if (!Array.isArray(terms)) throw new RecError('corrupt_model', 'saved content_tfidf model has no term list');
    model.vectorizer = TfidfVectorizer.fromTerms(terms.map(String), requireArray(saved.arrays, 'idf', Float32Array));
    const table = {
      offsets: requireArray(saved.arrays, 'offsets', Int32Array),
      columns: requireArray(saved.arrays, 'columns', Int32Array),
      values: requireArray(saved.arrays, 'values', Float32Array),
    };
    model.neighbours = validateCsr(table, model.index.size, model.index.size, 'content_tfidf');
    const itemTerms = {
      offsets: requireArray(saved.arrays, 'termOffsets', Int32Array),
      columns: requireArray(saved.arrays, 'termColumns', Int32Array),
      values: requireArray(saved.arrays, 'termValues', Float32Array),
    };
    model.itemTerms = validateCsr(itemTerms, model.index.size, terms.length, 'content_tfidf item→terms');
    return model;
  }
}

function vectorsToCsr(vectors: readonly SparseVector[]): Csr {
  const offsets = new Int32Array(vectors.length + 1);
  vectors.forEach((v, i) => (offsets[i + 1] = offsets[i]! + v.indices.length));
  const columns = new Int32Array(offsets[vectors.length]!);
  const values = new Float32Array(offsets[vectors.length]!);
  vectors.forEach((v, i) => {
    columns.set(v.indices, offsets[i]!);
    values.set(v.values, offsets[i]!);
  });
  return { offsets, columns, values };
}

/** Cosine neighbours through an inverted index (term → items), touching only items that share a term. */
function buildContentNeighbours(itemTerms: Csr, termCount: number, maxNeighbours: number): Csr {
  const itemCount = itemTerms.offsets.length - 1;
  const postings: { items: number[]; weights: number[] }[] = Array.from({ length: termCount }, () => ({ items: [], weights: [] }));
  for (let item = 0; item < itemCount; item++) {
    for (let p = itemTerms.offsets[item]!; p < itemTerms.offsets[item + 1]!; p++) {
      postings[itemTerms.columns[p]!]!.items.push(item);
      postings[itemTerms.columns[p]!]!.weights.push(itemTerms.values[p]!);
    }
  }
  return buildNeighbourTable(itemCount, maxNeighbours, (item, scratch, touched, isTouched) => {
    let count = 0;
    for (let p = itemTerms.offsets[item]!; p < itemTerms.offsets[item + 1]!; p++) {
      const posting = postings[itemTerms.columns[p]!]!;
      const weight = itemTerms.values[p]!;
      for (let q = 0; q < posting.items.length; q++) {
        count = touch(posting.items[q]!, weight * posting.weights[q]!, scratch, touched, isTouched, count);
      }
    }
    return count;
  });
}
