/**
 * One track inside ByteTracker: its filter state and life cycle.
 *
 * Life cycle: `tentative` (new, not reported) → `tracked` once it has been
 * matched in enough consecutive frames → `lost` when a frame passes without a
 * match → back to `tracked` if matched again within the lost-track buffer,
 * otherwise dropped. A tentative track that misses one frame is dropped.
 * The external `trackerId` is set only at confirmation.
 */
import type { Box } from '../geometry/types.js';
import type { Detection } from '../detection/types.js';
import { stateToBox, type KalmanFilter, type KalmanState } from './kalmanFilter.js';

export type TrackStatus = 'tentative' | 'tracked' | 'lost';

/** Index of the height velocity in the Kalman state. */
const HEIGHT_VELOCITY_INDEX = 7;

export class Track {
  status: TrackStatus = 'tentative';
  /** External id, set once at confirmation. */
  trackerId: number | undefined;
  score: number;
  /** Frames in a row with a match; counts towards confirmation. */
  consecutiveMatches = 1;
  /** Index of the last frame in which a detection matched this track. */
  lastMatchedFrame: number;
  /** Index of the frame in which this track was started. */
  readonly startFrame: number;
  private kalmanState: KalmanState;

  constructor(
    private readonly filter: KalmanFilter,
    detection: Detection,
    frameIndex: number,
  ) {
    this.kalmanState = filter.initiate(detection.box);
    this.score = detection.score;
    this.lastMatchedFrame = frameIndex;
    this.startFrame = frameIndex;
  }

  /** The filter's current box estimate. */
  get box(): Box {
    return stateToBox(this.kalmanState.mean);
  }

  /** Advances the filter by one frame, before association. */
  predict(): void {
    const state = this.kalmanState;
    if (this.status !== 'tracked') {
      // A track that is not being seen keeps moving at its last speed, but its
      // height stops changing, so a long occlusion cannot grow or shrink the box without limit.
      const mean = [...state.mean];
      mean[HEIGHT_VELOCITY_INDEX] = 0;
      this.kalmanState = this.filter.predict({ mean, covariance: state.covariance });
      return;
    }
    this.kalmanState = this.filter.predict(state);
  }

  /** Corrects the filter with a matched detection. */
  match(detection: Detection, frameIndex: number): void {
    this.kalmanState = this.filter.update(this.kalmanState, detection.box);
    this.score = detection.score;
    this.consecutiveMatches = this.lastMatchedFrame === frameIndex - 1 ? this.consecutiveMatches + 1 : 1;
    this.lastMatchedFrame = frameIndex;
    if (this.status === 'lost') this.status = 'tracked';
  }
}
