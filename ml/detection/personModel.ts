import type { Detection, RgbFrame } from './types.js';

/** A loaded detection graph with its own decoding, wrapped by `createPersonDetector`. */
export interface PersonModel {
  readonly name: string;
  /** Side of the square model input, pixels. */
  readonly inputSize: number;
  /** Returns the persons scoring at least `scoreThreshold`, before NMS, as boxes in the frame's pixels. */
  infer(frame: RgbFrame, scoreThreshold: number): Promise<Detection[]>;
  dispose(): void;
}
