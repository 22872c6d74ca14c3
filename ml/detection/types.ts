import type { Box } from '../geometry/types.js';

/**
 * One decoded video frame, tightly packed RGB24 (3 bytes a pixel, row-major,
 * no row padding), so `data.length === width * height * 3`.
 */
export interface RgbFrame {
  width: number;
  height: number;
  data: Uint8Array;
}

/** A person found in one frame. `box` is in the frame's own pixels. */
export interface Detection {
  box: Box;
  /** Detector confidence in [0, 1]. */
  score: number;
}

/** A person detector that owns a loaded model until `dispose()` is called. */
export interface PersonDetector {
  readonly modelName: string;
  /** Detect people; every tensor created here is released before the promise resolves. */
  detect(frame: RgbFrame): Promise<Detection[]>;
  dispose(): void;
}
