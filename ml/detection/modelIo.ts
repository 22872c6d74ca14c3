/**
 * A `tf.io.IOHandler` that builds `ModelArtifacts` from a TensorFlow.js
 * graph-model `model.json` and its weight shards, all read through an
 * injected reader. Models are never fetched from a URL, and this module
 * never touches the file system itself.
 */
import type * as tf from '@tensorflow/tfjs-core';

/** Returns the bytes of a model file by name, e.g. `centernet.json` or `centernet.bin`. */
export type ModelFileReader = (name: string) => Promise<Uint8Array>;

type WeightsManifest = tf.io.WeightsManifestConfig;

/** The parts of a graph-model `model.json` this project reads. */
export interface ModelJson {
  format?: string;
  generatedBy?: string;
  convertedBy?: string | null;
  modelTopology: { node?: Array<{ name: string; op: string; attr?: Record<string, unknown> }> } & Record<string, unknown>;
  weightsManifest: WeightsManifest;
  signature?: {
    inputs?: Record<string, TensorInfo>;
    outputs?: Record<string, TensorInfo>;
  };
  userDefinedMetadata?: Record<string, object>;
}

export interface TensorInfo {
  name: string;
  tensorShape?: { dim?: Array<{ size?: string }> };
}

export class ModelLoadError extends Error {
  readonly code = 'model_invalid';
}

/** Reads and checks `jsonName` as a graph model's `model.json`. */
export async function readModelJson(jsonName: string, readModelFile: ModelFileReader): Promise<ModelJson> {
  const bytes = await readModelFile(jsonName);
  let parsed: unknown;
  try {
    parsed = JSON.parse(new TextDecoder().decode(bytes));
  } catch (error) {
    throw new ModelLoadError(`${jsonName} is not valid JSON: ${(error as Error).message}`);
  }
  const json = parsed as Partial<ModelJson>;
  if (typeof json !== 'object' || json === null || typeof json.modelTopology !== 'object' || !Array.isArray(json.weightsManifest)) {
    throw new ModelLoadError(`${jsonName} is not a TensorFlow.js graph model: it needs modelTopology and weightsManifest.`);
  }
  return json as ModelJson;
}

/** New values for named int32 or float32 weights (graph constants), keyed by weight name. */
export type WeightOverrides = Record<string, readonly number[]>;

/**
 * Creates an IOHandler for `json`, reading each weight shard named in its
 * manifest (relative to the model.json) and joining them in manifest order,
 * as TensorFlow.js expects. `overrides` replaces the values of unquantized
 * constants, e.g. resize sizes that depend on the input size.
 */
export function createModelIoHandler(json: ModelJson, readModelFile: ModelFileReader, overrides: WeightOverrides = {}): tf.io.IOHandler {
  return {
    load: async (): Promise<tf.io.ModelArtifacts> => {
      const shardNames = json.weightsManifest.flatMap((group) => group.paths);
      const shards = await Promise.all(shardNames.map((name) => readModelFile(name)));
      const weightSpecs = json.weightsManifest.flatMap((group) => group.weights);
      const weightData = joinShards(shards);
      const expected = expectedWeightBytes(weightSpecs);
      if (expected !== null && expected !== weightData.byteLength) {
        throw new ModelLoadError(`Weight files ${shardNames.join(', ')} hold ${weightData.byteLength} bytes but the manifest needs ${expected}: the model files are truncated or mismatched.`);
      }
      applyOverrides(weightSpecs, weightData, overrides);
      return {
        modelTopology: json.modelTopology,
        weightSpecs,
        weightData,
        format: json.format ?? 'graph-model',
        ...(json.generatedBy ? { generatedBy: json.generatedBy } : {}),
        ...(json.convertedBy ? { convertedBy: json.convertedBy } : {}),
        ...(json.signature ? { signature: json.signature } : {}),
        ...(json.userDefinedMetadata ? { userDefinedMetadata: json.userDefinedMetadata } : {}),
      };
    },
  };
}

function joinShards(shards: Uint8Array[]): ArrayBuffer {
  const total = shards.reduce((sum, shard) => sum + shard.byteLength, 0);
  const joined = new Uint8Array(total);
  let offset = 0;
  for (const shard of shards) {
    joined.set(shard, offset);
    offset += shard.byteLength;
  }
  return joined.buffer;
}

const BYTES_PER_ELEMENT: Record<string, number> = { float32: 4, int32: 4, bool: 1, uint8: 1, uint16: 2, float16: 2 };

function applyOverrides(specs: tf.io.WeightsManifestEntry[], weightData: ArrayBuffer, overrides: WeightOverrides): void {
  const pending = new Set(Object.keys(overrides));
  let offset = 0;
  for (const spec of specs) {
    const count = spec.shape.reduce((product, size) => product * size, 1);
    const bytesPerElement = BYTES_PER_ELEMENT[spec.quantization?.dtype ?? spec.dtype] ?? 0;
    const values = overrides[spec.name];
    if (values) {
      if (spec.quantization || (spec.dtype !== 'int32' && spec.dtype !== 'float32') || values.length !== count) {
        throw new ModelLoadError(`Cannot override weight ${spec.name}: it is ${spec.quantization ? 'quantized ' : ''}${spec.dtype}[${count}], the override has ${values.length} values.`);
      }
      const target = spec.dtype === 'int32' ? new Int32Array(weightData, offset, count) : new Float32Array(weightData, offset, count);
      target.set(values);
      pending.delete(spec.name);
    }
    offset += count * bytesPerElement;
  }
  if (pending.size > 0) throw new ModelLoadError(`Weights to override not found in the model: ${[...pending].join(', ')}.`);
}

/** Total weight bytes the specs describe, or null when a dtype (e.g. string) has no fixed size. */
function expectedWeightBytes(specs: tf.io.WeightsManifestEntry[]): number | null {
  let total = 0;
  for (const spec of specs) {
    const storedDtype = spec.quantization?.dtype ?? spec.dtype;
    const bytes = BYTES_PER_ELEMENT[storedDtype];
    if (bytes === undefined) return null;
    total += spec.shape.reduce((product, size) => product * size, 1) * bytes;
  }
  return total;
}

/** Returns the static shape of a signature tensor, with -1 for an unknown size. */
export function signatureShape(info: TensorInfo | undefined): number[] | null {
  const dims = info?.tensorShape?.dim;
  if (!dims) return null;
  return dims.map((dim) => (dim.size === undefined ? -1 : Number(dim.size)));
}
