import type { Box } from '../geometry/types.js';
import type { Detection } from '../detection/types.js';

/** A confirmed track as reported after one tracker update. */
export interface TrackedObject {
  /** Stable external id: assigned once, when the track is confirmed, and never reused. */
  trackerId: number;
  box: Box;
  score: number;
}

/** Contract shared by every multi-object tracker. */
export interface Tracker {
  /** Feed the detections of the next analysed frame; returns the confirmed tracks visible in it. */
  update(detections: readonly Detection[]): TrackedObject[];
  reset(): void;
}
