import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { BackendError, selectBackend, type BackendRequest } from '../../../ml/detection/backend.js';

const require = createRequire(import.meta.url);
const WASM_DIRECTORY = join(dirname(require.resolve('@tensorflow/tfjs-backend-wasm/package.json')), 'dist');

/** Import function that fails for the native packages, as on a machine without them. */
async function importWithoutNative(specifier: string): Promise<unknown> {
  if (specifier.startsWith('@tensorflow/tfjs-node')) throw new Error(`Cannot find package '${specifier}'`);
  return import(specifier);
}

describe('selectBackend', () => {
  it('falls back to wasm and says why', async () => {
    const choice = await selectBackend({ wasmDirectory: WASM_DIRECTORY, importModule: importWithoutNative });
    expect(choice.backend).toBe('wasm');
    expect(tf.getBackend()).toBe('wasm');
    expect(choice.rejected.map((r) => r.backend)).toEqual(['tfjs-node-gpu', 'tfjs-node']);
    expect(choice.reason).toContain("tfjs-node-gpu unavailable (Cannot find package '@tensorflow/tfjs-node-gpu')");
    expect(choice.reason).toContain('using wasm');
  });

  it('rejects an explicit backend that cannot load', async () => {
    await expect(selectBackend({ request: 'tfjs-node', importModule: importWithoutNative })).rejects.toThrow(BackendError);
  });

  it('rejects wasm without its directory', async () => {
    await expect(selectBackend({ request: 'wasm' })).rejects.toThrow(/wasmDirectory/);
  });

  it('rejects an unknown backend name', async () => {
    await expect(selectBackend({ request: 'webgpu' as BackendRequest })).rejects.toThrow(/Unknown TensorFlow.js backend "webgpu"/);
  });

  it('reports every failure when nothing loads', async () => {
    const failing = async (): Promise<unknown> => {
      throw new Error('module missing');
    };
    await expect(selectBackend({ importModule: failing, wasmDirectory: WASM_DIRECTORY })).rejects.toThrow(/tfjs-node-gpu: module missing; tfjs-node: module missing; wasm: module missing/);
  });

  it('selects cpu on request', async () => {
    const choice = await selectBackend({ request: 'cpu' });
    expect(choice).toEqual({ backend: 'cpu', reason: 'cpu requested', rejected: [] });
    expect(tf.getBackend()).toBe('cpu');
  });
});
