import { describe, expect, it } from 'vitest';
import { boxToMeasurement, KalmanFilter, stateToBox } from '../../../ml/tracking/kalmanFilter.js';
import type { Box } from '../../../ml/geometry/types.js';

function boxAt(cx: number, height = 150): Box {
  return { x1: cx - height / 6, y1: 100, x2: cx + height / 6, y2: 100 + height };
}

describe('KalmanFilter', () => {
  it('converts boxes to measurements and back', () => {
    const box = { x1: 10, y1: 20, x2: 60, y2: 170 };
    expect(boxToMeasurement(box)).toEqual([35, 95, 50 / 150, 150]);
    const back = stateToBox([...boxToMeasurement(box), 0, 0, 0, 0]);
    expect(back.x1).toBeCloseTo(10, 9);
    expect(back.y2).toBeCloseTo(170, 9);
  });

  it('starts at the box with zero velocity', () => {
    const state = new KalmanFilter().initiate(boxAt(100));
    expect(state.mean.slice(4)).toEqual([0, 0, 0, 0]);
    expect(state.mean[0]).toBe(100);
  });

  it('learns a constant velocity', () => {
    const filter = new KalmanFilter();
    let state = filter.initiate(boxAt(100));
    for (let frame = 1; frame <= 30; frame++) state = filter.update(filter.predict(state), boxAt(100 + 5 * frame));

    // After 30 frames at 5 px a frame, the velocity and the next prediction are within a pixel.
    expect(state.mean[4]).toBeCloseTo(5, 0);
    const predicted = filter.predict(state);
    expect(Math.abs((predicted.mean[0] ?? 0) - 255)).toBeLessThan(1);
  });

  it('shrinks position variance on update', () => {
    const filter = new KalmanFilter();
    const predicted = filter.predict(filter.initiate(boxAt(100)));
    const corrected = filter.update(predicted, boxAt(101));
    expect(corrected.covariance[0]?.[0]).toBeLessThan(predicted.covariance[0]?.[0] ?? 0);
  });

  it('keeps the covariance symmetric', () => {
    const filter = new KalmanFilter();
    let state = filter.initiate(boxAt(100));
    for (let frame = 1; frame <= 10; frame++) state = filter.update(filter.predict(state), boxAt(100 + 3 * frame));
    for (let i = 0; i < 8; i++) {
      for (let j = 0; j < 8; j++) expect(state.covariance[i]?.[j]).toBeCloseTo(state.covariance[j]?.[i] ?? 0, 9);
    }
  });

  it('scales noise with box height', () => {
    // Standard deviations are proportional to height, so variances grow with its square.
    const filter = new KalmanFilter();
    const small = filter.predict(filter.initiate(boxAt(100, 100)));
    const large = filter.predict(filter.initiate(boxAt(100, 200)));
    expect((large.covariance[0]?.[0] ?? 0) / (small.covariance[0]?.[0] ?? 1)).toBeCloseTo(4, 9);
  });
});
