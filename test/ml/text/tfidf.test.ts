import { describe, expect, it } from 'vitest';
import { sparseDot, TfidfVectorizer } from '../../../ml/text/tfidf.js';

// Three documents; idf = ln((1 + 3) / (1 + df)) + 1.
const documents = [['乐高', '积木'], ['乐高', '城市'], ['拼图']];

describe('TfidfVectorizer', () => {
  it('computes smoothed idf', () => {
    const vectorizer = TfidfVectorizer.fit(documents, { maxDocumentShare: 1 });
    const idfOf = (term: string) => vectorizer.idf[vectorizer.vocabulary.get(term)!];
    expect(idfOf('乐高')).toBeCloseTo(Math.log(4 / 3) + 1, 6); // df 2
    expect(idfOf('积木')).toBeCloseTo(Math.log(4 / 2) + 1, 6); // df 1
  });

  it('normalises vectors to unit length', () => {
    const vectorizer = TfidfVectorizer.fit(documents, { maxDocumentShare: 1 });
    const vector = vectorizer.transform(['乐高', '积木']);
    expect(sparseDot(vector, vector)).toBeCloseTo(1, 6);
  });

  it('scores a shared term by cosine', () => {
    const vectorizer = TfidfVectorizer.fit(documents, { maxDocumentShare: 1 });
    const a = vectorizer.transform(['乐高', '积木']);
    const b = vectorizer.transform(['乐高', '城市']);
    // Worked by hand: w(乐高)=1.2877, w(积木)=w(城市)=1.6931; cos = 1.2877² / (1.2877² + 1.6931²).
    const shared = (Math.log(4 / 3) + 1) ** 2;
    const rare = (Math.log(2) + 1) ** 2;
    expect(sparseDot(a, b)).toBeCloseTo(shared / (shared + rare), 6);
  });

  it('gives zero for disjoint documents', () => {
    const vectorizer = TfidfVectorizer.fit(documents, { maxDocumentShare: 1 });
    expect(sparseDot(vectorizer.transform(['拼图']), vectorizer.transform(['城市']))).toBe(0);
  });

  it('drops terms above the document share', () => {
    const vectorizer = TfidfVectorizer.fit(documents, { maxDocumentShare: 0.5 });
    expect(vectorizer.vocabulary.has('乐高')).toBe(false); // in 2 of 3 documents
    expect(vectorizer.vocabulary.has('拼图')).toBe(true);
  });

  it('applies sublinear term frequency', () => {
    const vectorizer = TfidfVectorizer.fit([['a', 'b'], ['c']], { maxDocumentShare: 1 });
    const vector = vectorizer.transform(['a', 'a', 'b']);
    // a: (1 + ln 2)·idf, b: 1·idf, same idf.
    expect(vector.values[0]! / vector.values[1]!).toBeCloseTo(1 + Math.log(2), 5);
  });

  it('ignores unknown terms', () => {
    const vectorizer = TfidfVectorizer.fit(documents, { maxDocumentShare: 1 });
    expect(vectorizer.transform(['恐龙']).indices.length).toBe(0);
  });

  it('round-trips through its terms', () => {
    const vectorizer = TfidfVectorizer.fit(documents, { maxDocumentShare: 1 });
    const copy = TfidfVectorizer.fromTerms(vectorizer.terms(), vectorizer.idf);
    expect(copy.transform(['乐高', '城市'])).toEqual(vectorizer.transform(['乐高', '城市']));
  });
});
