/**
 * `createPersonDetector`: the one entry point that main/ and the benches use
 * to load a person detector. The TensorFlow.js backend must already be
 * selected (backend.ts). Boxes come back in the frame's pixels, corner form
 * (ml/geometry/types.ts), after NMS.
 *
 * The defaults were chosen with `npx tsx bench/detectorBench.ts` on the TUD
 * sequences; bench/RESULTS.md ("Person detection") has the table and the reasoning.
 */
import { loadCenternet } from './centernet.js';
import type { ModelFileReader } from './modelIo.js';
import { NANODET_INPUT_SIZE, loadNanodet } from './nanodet.js';
import { nonMaxSuppression } from './nms.js';
import type { PersonModel } from './personModel.js';
import type { PersonDetector, RgbFrame } from './types.js';

export type DetectorModelName = 'centernet' | 'nanodet';
export const DETECTOR_MODELS: readonly DetectorModelName[] = ['centernet', 'nanodet'];

/** Default model: CenterNet had the best AP and MOTA on TUD, NanoDet was both less accurate and slower on wasm. */
export const DEFAULT_DETECTOR_MODEL: DetectorModelName = 'centernet';
/**
 * Default CenterNet input side, pixels. In bench/RESULTS.md, 320 took 75 ms a
 * frame at p50 on wasm against 417 ms for the native 512, for 3 MOTA points
 * less. Larger finds small (distant) people better but may not keep up with 5 fps per camera.
 */
export const DEFAULT_CENTERNET_INPUT_SIZE = 320;
/** Default minimum score. Lower finds more people but passes more false boxes to the tracker. 0.3 had the best MOTA at 320. */
export const DEFAULT_SCORE_THRESHOLD = 0.3;
/** Boxes overlapping a better one by more than this IoU are dropped. Higher keeps more people in crowds but more duplicates. */
export const DEFAULT_NMS_IOU_THRESHOLD = 0.5;
/** Cap on detections per frame, far above the number of people in one store camera's view. */
export const MAX_DETECTIONS_PER_FRAME = 100;

export interface PersonDetectorOptions {
  model: DetectorModelName;
  /** Square model input side in pixels. The default depends on the model. */
  inputSize?: number;
  /** Minimum detector score in [0, 1]. */
  scoreThreshold?: number;
  nmsIouThreshold?: number;
  readModelFile: ModelFileReader;
}

/** Returns the default input size of `model`. */
export function defaultInputSize(model: DetectorModelName): number {
  return model === 'centernet' ? DEFAULT_CENTERNET_INPUT_SIZE : NANODET_INPUT_SIZE;
}

/** Loads the model, warms it up on a blank frame, and returns a ready detector. */
export async function createPersonDetector(options: PersonDetectorOptions): Promise<PersonDetector> {
  const scoreThreshold = options.scoreThreshold ?? DEFAULT_SCORE_THRESHOLD;
  const iouThreshold = options.nmsIouThreshold ?? DEFAULT_NMS_IOU_THRESHOLD;
  if (!(scoreThreshold >= 0 && scoreThreshold <= 1)) throw new RangeError(`scoreThreshold must be in [0, 1], got ${scoreThreshold}.`);
  if (!(iouThreshold > 0 && iouThreshold <= 1)) throw new RangeError(`nmsIouThreshold must be in (0, 1], got ${iouThreshold}.`);

  const inputSize = options.inputSize ?? defaultInputSize(options.model);
  const model = await loadModel(options.model, options.readModelFile, inputSize);
  const detector = new ModelPersonDetector(model, scoreThreshold, iouThreshold);
  // The first run compiles the backend's kernels, so do it now instead of on the first camera frame.
  await detector.detect(blankFrame(inputSize));
  return detector;
}

function loadModel(name: DetectorModelName, read: ModelFileReader, inputSize: number): Promise<PersonModel> {
  switch (name) {
    case 'centernet':
      return loadCenternet(read, inputSize);
    case 'nanodet':
      return loadNanodet(read, inputSize);
    default: {
      const unknown: never = name;
      throw new RangeError(`Unknown detector model "${String(unknown)}": use one of ${DETECTOR_MODELS.join(', ')}.`);
    }
  }
}

class ModelPersonDetector implements PersonDetector {
  readonly modelName: string;
  private disposed = false;

  constructor(
    private readonly model: PersonModel,
    private readonly scoreThreshold: number,
    private readonly iouThreshold: number,
  ) {
    this.modelName = `${model.name}-${model.inputSize}`;
  }

  async detect(frame: RgbFrame) {
    if (this.disposed) throw new Error(`Detector ${this.modelName} was disposed.`);
    const candidates = await this.model.infer(frame, this.scoreThreshold);
    const sized = candidates.filter((d) => d.box.x2 > d.box.x1 && d.box.y2 > d.box.y1);
    return nonMaxSuppression(sized, this.iouThreshold, MAX_DETECTIONS_PER_FRAME);
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.model.dispose();
  }
}

function blankFrame(size: number): RgbFrame {
  return { width: size, height: size, data: new Uint8Array(size * size * 3) };
}
