import { describe, expect, it } from 'vitest';
import { encodeTrainingData } from '../../../ml/rec/dataset.js';
import { buildItemFacts, featureWidth, writeRankFeatures } from '../../../ml/rec/rankFeatures.js';
import { TRAINING } from './fixtures.js';

const data = encodeTrainingData(TRAINING);
const at = (id: string) => data.index.indexOf(id);

describe('buildItemFacts', () => {
  it('counts degrees and shares labels', () => {
    // Items with the same category or brand get the same label id.
    const facts = buildItemFacts(data);
    expect(Array.from(facts.degrees)).toEqual([3, 4, 2, 1, 1, 1]); // a b c d e f, as in fixtures.ts
    const labels = (id: string) => Array.from(facts.labels.columns.subarray(facts.labels.offsets[at(id)]!, facts.labels.offsets[at(id) + 1]!));
    expect(labels('a')).toEqual(labels('b')); // 积木 and LEGO
    expect(labels('d')).toHaveLength(2); // 拼图 and Ravensburger
    expect(labels('d')).toContain(labels('c')[0]); // c is 拼图 only
  });
});

describe('writeRankFeatures', () => {
  it('describes each candidate as worked out by hand', () => {
    const facts = buildItemFacts(data);
    // Two components; candidates c then d; the shopper looked at b, then c.
    const rows = [new Float32Array(6), new Float32Array(6)];
    rows[0]![at('c')] = 1;
    rows[0]![at('d')] = 0.5;
    rows[1]![at('c')] = 0.2;
    rows[1]![at('d')] = 1;
    const blend = new Float32Array(6);
    blend[at('c')] = 1.2;
    blend[at('d')] = 1.5;
    const out = new Float32Array(2 * featureWidth(2));
    writeRankFeatures(Int32Array.of(at('c'), at('d')), rows, Float32Array.of(4, 0), blend, Int32Array.of(at('b'), at('c')), facts, out);

    const d = Array.from(out.subarray(featureWidth(2)));
    const expected = [
      0.5, 1, // component scores
      Math.log2(2), Math.log2(1), // ranks among the candidates: second by component 0, first by component 1
      Math.log1p(4), 0, // components' maxima before normalising
      1.5, Math.log2(3), // blend score and position (second candidate)
      Math.log1p(1), Math.log1p(2), Math.log1p(2), // degree of d, input length, degree of c (the newest item)
      1, 0.5, // labels shared with c: 拼图, Jaccard 1 / (2 + 1 − 1)
      0.5, // share of d's labels seen in the input (拼图 yes, Ravensburger no)
    ];
    d.forEach((value, i) => expect(value, `feature ${i}`).toBeCloseTo(expected[i]!, 5));
  });

  it('marks the features of the newest item as missing for an empty input', () => {
    const facts = buildItemFacts(data);
    const rows = [new Float32Array(6)];
    const out = new Float32Array(featureWidth(1));
    writeRankFeatures(Int32Array.of(at('a')), rows, Float32Array.of(0), new Float32Array(6), new Int32Array(0), facts, out);
    // Width 11 for one component: 3 component features, then blend, position, degree, input length, newest degree …
    expect(out[6]).toBe(0); // log(1 + input length 0)
    expect(out[7]).toBe(-1); // no newest item
    expect(out[8]).toBe(0); // nothing shared
    expect(out[10]).toBe(0); // no input labels: none of a's two labels seen
  });
});
