/**
 * Cuts a stream of raw RGB24 bytes (ffmpeg `-f rawvideo -pix_fmt rgb24`) into
 * whole frames. Each frame's buffer is allocated once at full size and the
 * incoming chunks are copied straight into it, so no chunk is concatenated
 * or copied twice whatever the pipe's chunk size is.
 */
import type { RgbFrame } from '../../ml/detection/types.js';

export class FrameAssembler {
  readonly frameBytes: number;
  private current: Uint8Array;
  private filled = 0;

  constructor(
    readonly width: number,
    readonly height: number,
  ) {
    if (!Number.isInteger(width) || !Number.isInteger(height) || width <= 0 || height <= 0) {
      throw new RangeError(`Frame size must be positive integers, got ${width}x${height}.`);
    }
    this.frameBytes = width * height * 3;
    this.current = new Uint8Array(this.frameBytes);
  }

  /**
   * Copies `chunk` into the frame being filled and yields every frame that
   * the chunk completes. The yielded frame's buffer belongs to the caller.
   */
  *push(chunk: Uint8Array): Generator<RgbFrame> {
    let offset = 0;
    while (offset < chunk.length) {
      const count = Math.min(this.frameBytes - this.filled, chunk.length - offset);
      this.current.set(chunk.subarray(offset, offset + count), this.filled);
      this.filled += count;
      offset += count;

      if (this.filled === this.frameBytes) {
        const frame: RgbFrame = { width: this.width, height: this.height, data: this.current };
        this.current = new Uint8Array(this.frameBytes);
        this.filled = 0;
        yield frame;
      }
    }
  }

  /** Bytes of an incomplete frame waiting for more input. Non-zero at the end of the stream means the last frame was cut off. */
  get pendingBytes(): number {
    return this.filled;
  }
}
