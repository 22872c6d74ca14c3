/**
 * Constant-velocity Kalman filter on a box, as ByteTrack and SORT-style
 * trackers use it.
 *
 * State (8 values): centre x, centre y, aspect ratio (width / height), height,
 * and the velocity of each, in pixels and pixels per analysed frame. The
 * measurement is the first four. Process and measurement noise are standard
 * deviations proportional to the box height, so a near, tall person may move
 * more pixels per frame than a far, small one before a match looks unlikely.
 *
 * The filter is stateless: every method takes a `KalmanState` and returns a
 * new one, so tracks own their state and the filter can be shared.
 */
import type { Box } from '../geometry/types.js';
import { add, diagonal, identity, invert, multiply, multiplyVector, subtract, transpose, type Matrix } from './matrix.js';

/** Number of measured values: centre x, centre y, aspect ratio, height. */
const MEASUREMENT_SIZE = 4;
/** Measured values plus one velocity each. */
const STATE_SIZE = 2 * MEASUREMENT_SIZE;
/**
 * Noise on the aspect-ratio velocity, unitless per frame. People keep their
 * shape, so this is near zero and is not worth an option.
 */
const ASPECT_VELOCITY_NOISE = 1e-5;
/** Initial position spread, in multiples of the steady-state position noise. */
const INITIAL_POSITION_SPREAD = 2;
/** Initial velocity spread, in multiples of the steady-state velocity noise. */
const INITIAL_VELOCITY_SPREAD = 10;

export interface KalmanState {
  /** cx, cy, aspect, height, vcx, vcy, vaspect, vheight. */
  mean: number[];
  /** 8 × 8 state covariance. */
  covariance: Matrix;
}

export interface KalmanFilterOptions {
  /**
   * Position noise as a fraction of the box height (default 1/20). Raising it
   * trusts new detections more and follows turns faster, but jitters more.
   */
  positionNoiseFactor?: number;
  /**
   * Velocity noise as a fraction of the box height per frame (default 1/160).
   * Raising it lets the speed change faster, but predictions drift further
   * during occlusions.
   */
  velocityNoiseFactor?: number;
  /**
   * Noise on the aspect ratio, unitless (default 0.01). Aspect ratio is not
   * scaled by height; raising it lets a box change shape faster.
   */
  aspectNoise?: number;
}

export const DEFAULT_KALMAN_OPTIONS: Required<KalmanFilterOptions> = {
  positionNoiseFactor: 1 / 20,
  velocityNoiseFactor: 1 / 160,
  aspectNoise: 1e-2,
};

/** Converts a corner-form box to the measured vector: cx, cy, aspect, height. */
export function boxToMeasurement(box: Box): number[] {
  const width = box.x2 - box.x1;
  const height = box.y2 - box.y1;
  return [(box.x1 + box.x2) / 2, (box.y1 + box.y2) / 2, width / height, height];
}

/** Converts the first four state values back to a corner-form box. */
export function stateToBox(mean: readonly number[]): Box {
  const [cx = 0, cy = 0, aspect = 0, height = 0] = mean;
  const width = aspect * height;
  return { x1: cx - width / 2, y1: cy - height / 2, x2: cx + width / 2, y2: cy + height / 2 };
}

export class KalmanFilter {
  private readonly options: Required<KalmanFilterOptions>;
  private readonly transition: Matrix;
  private readonly transitionTransposed: Matrix;
  private readonly projection: Matrix;
  private readonly projectionTransposed: Matrix;

  constructor(options: KalmanFilterOptions = {}) {
    this.options = { ...DEFAULT_KALMAN_OPTIONS, ...options };
    this.transition = identity(STATE_SIZE);
    for (let i = 0; i < MEASUREMENT_SIZE; i++) {
      const row = this.transition[i];
      if (row) row[MEASUREMENT_SIZE + i] = 1;
    }
    this.transitionTransposed = transpose(this.transition);
    this.projection = identity(STATE_SIZE).slice(0, MEASUREMENT_SIZE);
    this.projectionTransposed = transpose(this.projection);
  }

  /** Starts a track from its first box, with zero velocity and wide velocity uncertainty. */
  initiate(box: Box): KalmanState {
    const measurement = boxToMeasurement(box);
    const height = measurement[3] ?? 0;
    const { positionNoiseFactor: p, velocityNoiseFactor: v, aspectNoise: a } = this.options;
    // The first position is a single measurement, and the velocity is unknown,
    // so both start at several times their steady-state spread.
    const position = INITIAL_POSITION_SPREAD * p * height;
    const velocity = INITIAL_VELOCITY_SPREAD * v * height;
    const deviations = [position, position, a, position, velocity, velocity, ASPECT_VELOCITY_NOISE, velocity];
    return {
      mean: [...measurement, 0, 0, 0, 0],
      covariance: diagonal(deviations.map((d) => d * d)),
    };
  }

  /** Advances the state by one analysed frame. */
  predict(state: KalmanState): KalmanState {
    const height = state.mean[3] ?? 0;
    const { positionNoiseFactor: p, velocityNoiseFactor: v, aspectNoise: a } = this.options;
    const deviations = [p * height, p * height, a, p * height, v * height, v * height, ASPECT_VELOCITY_NOISE, v * height];
    const processNoise = diagonal(deviations.map((d) => d * d));

    const mean = multiplyVector(this.transition, state.mean);
    const covariance = add(multiply(multiply(this.transition, state.covariance), this.transitionTransposed), processNoise);
    return { mean, covariance };
  }

  /** Corrects a predicted state with a detected box. */
  update(state: KalmanState, box: Box): KalmanState {
    const measurement = boxToMeasurement(box);
    const height = state.mean[3] ?? 0;
    const { positionNoiseFactor: p, aspectNoise: a } = this.options;
    const deviations = [p * height, p * height, a, p * height];
    const measurementNoise = diagonal(deviations.map((d) => d * d));

    const projectedMean = multiplyVector(this.projection, state.mean);
    const covarianceProjected = multiply(state.covariance, this.projectionTransposed);
    const innovationCovariance = add(multiply(this.projection, covarianceProjected), measurementNoise);
    const gain = multiply(covarianceProjected, invert(innovationCovariance));

    const innovation = measurement.map((value, i) => value - (projectedMean[i] ?? 0));
    const correction = multiplyVector(gain, innovation);
    const mean = state.mean.map((value, i) => value + (correction[i] ?? 0));
    const covariance = subtract(state.covariance, multiply(multiply(gain, innovationCovariance), transpose(gain)));
    return { mean, covariance };
  }
}
