/**
 * Occupancy of one camera view in one analysed frame: the number of confirmed
 * tracks the tracker reported. Tentative tracks never reach this point, so a
 * single-frame false detection does not raise the count.
 */
import type { TrackedObject } from '../tracking/types.js';

export interface OccupancySample {
  cameraId: string;
  timestampMs: number;
  /** Confirmed tracks visible in the frame. */
  count: number;
}

/** Builds the occupancy sample of one frame from the tracker's output. */
export function sampleOccupancy(cameraId: string, timestampMs: number, tracks: readonly TrackedObject[]): OccupancySample {
  return { cameraId, timestampMs, count: tracks.length };
}
