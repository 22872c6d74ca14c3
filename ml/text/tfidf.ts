/**
 * TF-IDF weighting over tokenized documents, producing L2-normalised sparse
 * vectors so that a dot product is the cosine similarity.
 *   tf   = count of the term in the document (sublinear: 1 + ln count)
 *   idf  = ln((1 + N) / (1 + df)) + 1   (smoothed, never zero)
 */

/** Sparse vector: parallel arrays of term indices (ascending) and weights. */
export interface SparseVector {
  indices: Int32Array;
  values: Float32Array;
}

export interface TfidfOptions {
  /** Terms in more than this share of documents are dropped; they cost time and add little. 1 keeps all. */
  maxDocumentShare: number;
  /** Terms in fewer documents than this are dropped (typos, one-off codes). */
  minDocumentCount: number;
}

export const DEFAULT_TFIDF_OPTIONS: TfidfOptions = { maxDocumentShare: 0.5, minDocumentCount: 1 };

export class TfidfVectorizer {
  private constructor(
    /** Term → column index. */
    readonly vocabulary: ReadonlyMap<string, number>,
    /** Inverse document frequency by column. */
    readonly idf: Float32Array,
  ) {}

  static fit(documents: readonly (readonly string[])[], options: Partial<TfidfOptions> = {}): TfidfVectorizer {
    const { maxDocumentShare, minDocumentCount } = { ...DEFAULT_TFIDF_OPTIONS, ...options };
    const documentCounts = new Map<string, number>();
    for (const tokens of documents) {
      for (const term of new Set(tokens)) documentCounts.set(term, (documentCounts.get(term) ?? 0) + 1);
    }

    const maxCount = Math.max(1, Math.floor(maxDocumentShare * documents.length));
    const kept = [...documentCounts.entries()]
      .filter(([, count]) => count >= minDocumentCount && count <= maxCount)
      .sort(([a], [b]) => (a < b ? -1 : 1)); // terms are unique keys, so never equal
    const vocabulary = new Map(kept.map(([term], column) => [term, column]));
    const idf = Float32Array.from(kept, ([, count]) => Math.log((1 + documents.length) / (1 + count)) + 1);
    return new TfidfVectorizer(vocabulary, idf);
  }

  /** Rebuilds a vectorizer from `terms` (column order) and their `idf`. */
  static fromTerms(terms: readonly string[], idf: Float32Array): TfidfVectorizer {
    return new TfidfVectorizer(new Map(terms.map((term, column) => [term, column])), idf);
  }

  /** Terms in column order, for saving. */
  terms(): string[] {
    return [...this.vocabulary.keys()];
  }

  /** L2-normalised TF-IDF vector of one document; terms outside the vocabulary are ignored. */
  transform(tokens: readonly string[]): SparseVector {
    const counts = new Map<number, number>();
    for (const token of tokens) {
      const column = this.vocabulary.get(token);
      if (column !== undefined) counts.set(column, (counts.get(column) ?? 0) + 1);
    }
    const indices = Int32Array.from([...counts.keys()].sort((a, b) => a - b));
    const values = Float32Array.from(indices, (column) => (1 + Math.log(counts.get(column)!)) * this.idf[column]!);
    let squares = 0;
    for (const value of values) squares += value * value;
    const norm = Math.sqrt(squares);
    if (norm > 0) for (let i = 0; i < values.length; i++) values[i] = values[i]! / norm;
    return { indices, values };
  }
}

/** Dot product of two sparse vectors with ascending indices; the cosine when both are normalised. */
export function sparseDot(a: SparseVector, b: SparseVector): number {
  let sum = 0;
  let i = 0;
  let j = 0;
  while (i < a.indices.length && j < b.indices.length) {
    const left = a.indices[i]!;
    const right = b.indices[j]!;
    if (left === right) sum += a.values[i++]! * b.values[j++]!;
    else if (left < right) i++;
    else j++;
  }
  return sum;
}
