/** Conversion of an `RgbFrame` into the input tensors the detectors expect. */
import * as tf from '@tensorflow/tfjs-core';
import type { Box } from '../geometry/types.js';
import type { RgbFrame } from './types.js';

export class FrameError extends Error {
  readonly code = 'frame_invalid';
}

/** Throws `FrameError` unless `frame` is a packed RGB24 image of its stated size. */
export function assertValidFrame(frame: RgbFrame): void {
  const { width, height, data } = frame;
  if (!Number.isInteger(width) || !Number.isInteger(height) || width <= 0 || height <= 0) {
    throw new FrameError(`Frame size must be positive integers, got ${width}x${height}.`);
  }
  if (data.length !== width * height * 3) {
    throw new FrameError(`Frame of ${width}x${height} needs ${width * height * 3} RGB bytes, got ${data.length}.`);
  }
}

/**
 * Returns `frame` stretched to `size`x`size` with bilinear resampling, as a
 * float32 tensor of shape [1, size, size, 3] with values 0–255. Call inside `tf.tidy`.
 */
export function frameToSquareTensor(frame: RgbFrame, size: number): tf.Tensor4D {
  const pixels = tf.tensor3d(frame.data, [frame.height, frame.width, 3], 'int32');
  const batch = tf.expandDims(tf.cast(pixels, 'float32'), 0) as tf.Tensor4D;
  return tf.image.resizeBilinear(batch, [size, size]);
}

/** Scales a box from the square model input back to the frame's pixels, clipped to the frame. */
export function inputBoxToFrame(box: Box, inputSize: number, frame: Pick<RgbFrame, 'width' | 'height'>): Box {
  const sx = frame.width / inputSize;
  const sy = frame.height / inputSize;
  return {
    x1: clamp(box.x1 * sx, 0, frame.width),
    y1: clamp(box.y1 * sy, 0, frame.height),
    x2: clamp(box.x2 * sx, 0, frame.width),
    y2: clamp(box.y2 * sy, 0, frame.height),
  };
}

function clamp(value: number, low: number, high: number): number {
  return Math.min(high, Math.max(low, value));
}
