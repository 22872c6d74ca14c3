import '@tensorflow/tfjs-backend-cpu';
import * as tf from '@tensorflow/tfjs-core';
import * as tfc from '@tensorflow/tfjs-converter';
import { beforeAll, describe, expect, it } from 'vitest';
import { createModelIoHandler, ModelLoadError, readModelJson, type ModelFileReader } from '../../../ml/detection/modelIo.js';

/** A graph computing y = x + c, with the constant c stored as a float32 weight. */
const TINY_MODEL = {
  format: 'graph-model',
  modelTopology: {
    node: [
      { name: 'x', op: 'Placeholder', attr: { dtype: { type: 'DT_FLOAT' }, shape: { shape: { dim: [{ size: '2' }] } } } },
      { name: 'c', op: 'Const', attr: { dtype: { type: 'DT_FLOAT' }, value: { tensor: { dtype: 'DT_FLOAT', tensorShape: { dim: [{ size: '2' }] } } } } },
      { name: 'y', op: 'AddV2', input: ['x', 'c'], attr: { T: { type: 'DT_FLOAT' } } },
    ],
    versions: { producer: 1 },
  },
  weightsManifest: [{ paths: ['tiny.bin'], weights: [{ name: 'c', shape: [2], dtype: 'float32' }] }],
};

function readerFor(files: Record<string, Uint8Array>): ModelFileReader {
  return async (name) => {
    const bytes = files[name];
    if (!bytes) throw new Error(`no file ${name}`);
    return bytes;
  };
}

const encode = (value: unknown): Uint8Array => new TextEncoder().encode(JSON.stringify(value));
const weights = new Uint8Array(new Float32Array([10, 20]).buffer);

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('model IO handler', () => {
  it('loads a graph from injected bytes', async () => {
    const read = readerFor({ 'tiny.json': encode(TINY_MODEL), 'tiny.bin': weights });
    const model = await tfc.loadGraphModel(createModelIoHandler(await readModelJson('tiny.json', read), read));
    const output = model.execute(tf.tensor1d([1, 2]), 'y') as tf.Tensor;
    expect(Array.from(await output.data())).toEqual([11, 22]);
    model.dispose();
  });

  it('overrides a constant', async () => {
    const read = readerFor({ 'tiny.json': encode(TINY_MODEL), 'tiny.bin': weights });
    const model = await tfc.loadGraphModel(createModelIoHandler(await readModelJson('tiny.json', read), read, { c: [100, 200] }));
    const output = model.execute(tf.tensor1d([1, 2]), 'y') as tf.Tensor;
    expect(Array.from(await output.data())).toEqual([101, 202]);
    model.dispose();
  });

  const failures: Array<{ files: Record<string, Uint8Array>; overrides?: Record<string, number[]>; message: RegExp; note: string }> = [
    { files: { 'tiny.json': new TextEncoder().encode('{not json'), 'tiny.bin': weights }, message: /tiny\.json is not valid JSON/, note: 'invalid JSON' },
    { files: { 'tiny.json': encode({ format: 'layers-model' }), 'tiny.bin': weights }, message: /needs modelTopology and weightsManifest/, note: 'JSON without a graph' },
    { files: { 'tiny.json': encode(TINY_MODEL), 'tiny.bin': weights.subarray(0, 4) }, message: /hold 4 bytes but the manifest needs 8/, note: 'truncated weights' },
    { files: { 'tiny.json': encode(TINY_MODEL), 'tiny.bin': weights }, overrides: { missing: [1] }, message: /not found in the model: missing/, note: 'override of an unknown weight' },
    { files: { 'tiny.json': encode(TINY_MODEL), 'tiny.bin': weights }, overrides: { c: [1, 2, 3] }, message: /Cannot override weight c/, note: 'override of the wrong length' },
  ];
  for (const { files, overrides, message, note } of failures) {
    it(`rejects ${note}`, async () => {
      const read = readerFor(files);
      const load = async () => createModelIoHandler(await readModelJson('tiny.json', read), read, overrides).load?.();
      await expect(load()).rejects.toThrow(ModelLoadError);
      await expect(load()).rejects.toThrow(message);
    });
  }
});
