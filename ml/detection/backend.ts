/**
 * Chooses the TensorFlow.js backend once at start-up.
 *
 * `auto` tries, in order: `tfjs-node-gpu` (CUDA), `tfjs-node` (native
 * TensorFlow on the CPU), then `wasm`. The two native packages are
 * optionalDependencies and are often not installed. So they are imported
 * dynamically, and a failure only moves on to the next backend. The reasons
 * are returned so that main/ can log them. `auto` never picks `cpu` (plain
 * JavaScript) because it is much slower than wasm for these models, but it can be requested.
 *
 * Pure module: it does not read files or log. The wasm backend needs its
 * `.wasm` binaries, whose directory main/ passes in.
 */
import * as tf from '@tensorflow/tfjs-core';

export type BackendName = 'tfjs-node-gpu' | 'tfjs-node' | 'wasm' | 'cpu';
export type BackendRequest = 'auto' | BackendName;

export const BACKEND_REQUESTS: readonly BackendRequest[] = ['auto', 'tfjs-node-gpu', 'tfjs-node', 'wasm', 'cpu'];
const AUTO_ORDER: readonly BackendName[] = ['tfjs-node-gpu', 'tfjs-node', 'wasm'];

export interface BackendOptions {
  request?: BackendRequest;
  /** Directory containing `tfjs-backend-wasm*.wasm`. The wasm backend needs it in Node. */
  wasmDirectory?: string;
  /** Test seam: replaces dynamic `import()` of the backend packages. */
  importModule?: (specifier: string) => Promise<unknown>;
}

export interface BackendChoice {
  backend: BackendName;
  /** Reason for the choice, for the log, e.g. "tfjs-node-gpu unavailable (…); tfjs-node unavailable (…); using wasm". */
  reason: string;
  /** Backends tried before this one and why each failed. */
  rejected: Array<{ backend: BackendName; error: string }>;
}

export class BackendError extends Error {
  readonly code = 'backend_unavailable';
}

/**
 * Selects and initialises a backend. An explicit request that fails raises
 * `BackendError`, and `auto` raises only when every candidate fails.
 */
export async function selectBackend(options: BackendOptions = {}): Promise<BackendChoice> {
  const request = options.request ?? 'auto';
  if (!BACKEND_REQUESTS.includes(request)) {
    throw new BackendError(`Unknown TensorFlow.js backend "${String(request)}": use one of ${BACKEND_REQUESTS.join(', ')}.`);
  }
  const candidates = request === 'auto' ? AUTO_ORDER : [request];
  const rejected: BackendChoice['rejected'] = [];

  for (const backend of candidates) {
    try {
      await activateBackend(backend, options);
      const reason = request === 'auto'
        ? [...rejected.map((r) => `${r.backend} unavailable (${r.error})`), `using ${backend}`].join('; ')
        : `${backend} requested`;
      return { backend, reason, rejected };
    } catch (error) {
      rejected.push({ backend, error: error instanceof Error ? error.message : String(error) });
    }
  }
  const details = rejected.map((r) => `${r.backend}: ${r.error}`).join('; ');
  throw new BackendError(`No TensorFlow.js backend could start (${details}).`);
}

async function activateBackend(backend: BackendName, options: BackendOptions): Promise<void> {
  const importModule = options.importModule ?? ((specifier: string) => import(specifier));
  switch (backend) {
    case 'tfjs-node-gpu':
    case 'tfjs-node':
      // Both packages register a backend named `tensorflow` on import.
      await importModule(`@tensorflow/${backend}`);
      await setAndCheck('tensorflow');
      return;
    case 'wasm': {
      if (!options.wasmDirectory) throw new BackendError('wasm backend needs the directory of its .wasm files (wasmDirectory).');
      const wasm = (await importModule('@tensorflow/tfjs-backend-wasm')) as { setWasmPaths(prefix: string): void };
      const prefix = options.wasmDirectory.endsWith('/') ? options.wasmDirectory : `${options.wasmDirectory}/`;
      wasm.setWasmPaths(prefix);
      await setAndCheck('wasm');
      return;
    }
    case 'cpu':
      await importModule('@tensorflow/tfjs-backend-cpu');
      await setAndCheck('cpu');
      return;
    default: {
      const unknown: never = backend;
      throw new BackendError(`Unknown backend ${String(unknown)}`);
    }
  }
}

async function setAndCheck(name: string): Promise<void> {
  if (!tf.findBackendFactory(name)) throw new BackendError(`backend "${name}" is not registered after import`);
  const ok = await tf.setBackend(name);
  if (!ok) throw new BackendError(`backend "${name}" failed to initialise`);
  await tf.ready();
}
