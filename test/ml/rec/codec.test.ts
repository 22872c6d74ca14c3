import { describe, expect, it } from 'vitest';
import { decodeModel, encodeModel } from '../../../ml/rec/codec.js';
import { ItemKnn } from '../../../ml/rec/itemKnn.js';
import { Popularity } from '../../../ml/rec/popularity.js';
import { Transitions } from '../../../ml/rec/transitions.js';
import { UserKnn } from '../../../ml/rec/userKnn.js';
import { topKIndices } from '../../../ml/rec/topK.js';

describe('model codec', () => {
  it('round-trips typed arrays and state', () => {
    const arrays = { a: Float32Array.of(1.5, -2), b: Int32Array.of(7), c: Uint8Array.of(1, 2, 3), d: Float64Array.of(Math.PI) };
    const decoded = decodeModel(encodeModel({ kind: 'item_knn', state: { x: 1, ids: ['乐高'] }, arrays }));
    expect(decoded.kind).toBe('item_knn');
    expect(decoded.state).toEqual({ x: 1, ids: ['乐高'] });
    expect(decoded.arrays).toEqual(arrays);
  });

  it('rejects a header length past the end', () => {
    const bytes = encodeModel({ kind: 'item_knn', state: {}, arrays: {} });
    new DataView(bytes.buffer).setUint32(4, 1_000_000, true);
    expect(() => decodeModel(bytes)).toThrow(/header length 1000000 exceeds the file/);
  });

  it('rejects a header that is not JSON', () => {
    const bytes = encodeModel({ kind: 'item_knn', state: {}, arrays: {} });
    bytes[8] = 0x7b + 1; // replace the opening brace
    expect(() => decodeModel(bytes)).toThrow(/not valid JSON/);
  });
});

describe('topKIndices', () => {
  it('selects the best k, ties to the lower index', () => {
    expect(Array.from(topKIndices(Float32Array.of(0.1, 0.9, 0.5, 0.9, 0.2), 3))).toEqual([1, 3, 2]);
  });

  it('skips excluded items', () => {
    expect(Array.from(topKIndices(Float32Array.of(0.1, 0.9, 0.5), 2, new Set([1])))).toEqual([2, 0]);
  });

  it('returns everything for k past the length', () => {
    expect(Array.from(topKIndices(Float32Array.of(1, 2), 5))).toEqual([1, 0]);
  });
});

describe('loading a tampered model', () => {
  it('rejects a neighbour column outside the catalog', () => {
    const model = new ItemKnn();
    model.fit({ items: [], sequences: [{ userId: 'u', items: ['a', 'b'] }] });
    const saved = decodeModel(model.save());
    (saved.arrays['columns'] as Int32Array)[0] = 99; // catalog has 2 items
    expect(() => ItemKnn.load(encodeModel(saved))).toThrow(/column 99 outside 0..1/);
  });
});

describe('loading a model saved before newer settings', () => {
  // Files written before these settings existed lack them, so they load with the default, which is how they were fitted.
  const CASES = [
    { name: 'item_knn', create: () => new ItemKnn(), load: ItemKnn.load, dropped: ['asymmetry', 'sharpening'] },
    { name: 'transitions', create: () => new Transitions(), load: Transitions.load, dropped: ['sharpening', 'sequenceRecencyDecay'] },
    { name: 'popularity', create: () => new Popularity(), load: Popularity.load, dropped: ['positionDecay'] },
    { name: 'user_knn', create: () => new UserKnn(), load: UserKnn.load, dropped: ['neighbourItemDecay', 'neighbourBackwardWeight'] },
  ];

  it.each(CASES)('loads $name with defaults', ({ create, load, dropped }) => {
    const model = create();
    model.fit({ items: [], sequences: [{ userId: 'u', items: ['a', 'b', 'c'] }] });
    const saved = decodeModel(model.save());
    for (const key of dropped) delete (saved.state as Record<string, unknown>)[key];
    const copy = load(encodeModel(saved));
    expect(copy.options).toEqual(model.options);
    expect(copy.recommend({ sessionItems: ['a'] }, 2)).toEqual(model.recommend({ sessionItems: ['a'] }, 2));
  });

  it('still rejects a setting of the wrong type', () => {
    const saved = decodeModel(fittedTransitions().save());
    (saved.state as Record<string, unknown>)['sharpening'] = 'high';
    expect(() => Transitions.load(encodeModel(saved))).toThrow(/setting "sharpening"/);
  });
});

function fittedTransitions(): Transitions {
  const model = new Transitions();
  model.fit({ items: [], sequences: [{ userId: 'u', items: ['a', 'b'] }] });
  return model;
}

