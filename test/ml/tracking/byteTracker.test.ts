import { describe, expect, it } from 'vitest';
import { ByteTracker, TrackerOptionsError } from '../../../ml/tracking/byteTracker.js';
import { iou } from '../../../ml/geometry/iou.js';
import type { Detection } from '../../../ml/detection/types.js';

function personAt(x: number, score = 0.9): Detection {
  return { box: { x1: x - 25, y1: 250, x2: x + 25, y2: 400 }, score };
}

describe('ByteTracker', () => {
  it('keeps a track alive on low-score detections', () => {
    const tracker = new ByteTracker({ minimumConsecutiveFrames: 1, lostTrackBuffer: 0 });
    const id = tracker.update([personAt(100)])[0]?.trackerId;

    // Score 0.15 is below the activation threshold (0.25) but above the low threshold (0.1).
    const occluded = tracker.update([personAt(102, 0.15)]);
    expect(occluded.map((t) => t.trackerId)).toEqual([id]);
    expect(occluded[0]?.score).toBe(0.15);
  });

  it('never starts a track from a low-score detection', () => {
    const tracker = new ByteTracker({ minimumConsecutiveFrames: 1 });
    for (let frame = 0; frame < 5; frame++) expect(tracker.update([personAt(100, 0.2)])).toEqual([]);
  });

  it('ignores detections under the low threshold', () => {
    const tracker = new ByteTracker({ minimumConsecutiveFrames: 1, lostTrackBuffer: 0 });
    tracker.update([personAt(100)]);
    // Score 0.05 cannot hold the track, and with no lost-track buffer it is dropped at once.
    expect(tracker.update([personAt(100, 0.05)])).toEqual([]);
    expect(tracker.update([personAt(100)])[0]?.trackerId).toBe(2);
  });

  it('drops a tentative track after one miss', () => {
    const tracker = new ByteTracker({ minimumConsecutiveFrames: 3 });
    tracker.update([personAt(100)]);
    tracker.update([personAt(100)]);
    tracker.update([]);
    // The count starts again: two more frames are not enough.
    expect(tracker.update([personAt(100)])).toEqual([]);
    expect(tracker.update([personAt(100)])).toEqual([]);
    expect(tracker.update([personAt(100)])).toHaveLength(1);
  });

  it('skips and counts unusable boxes', () => {
    const tracker = new ByteTracker({ minimumConsecutiveFrames: 1 });
    const bad: Detection[] = [
      { box: { x1: 0, y1: 0, x2: Number.NaN, y2: 10 }, score: 0.9 },
      { box: { x1: 10, y1: 10, x2: 10, y2: 50 }, score: 0.9 },
      { box: { x1: 0, y1: 0, x2: 10, y2: 10 }, score: Number.POSITIVE_INFINITY },
    ];
    expect(tracker.update([...bad, personAt(100)])).toHaveLength(1);
    expect(tracker.skippedDetectionCount).toBe(3);
  });

  it('keeps ids when people pass behind each other', () => {
    // A walks right, B walks left at the same depth. While their boxes overlap
    // with IoU above 0.3 only A, in front, is detected, so B is lost for a few
    // frames behind A and must come back with its old id.
    const tracker = new ByteTracker({ frameRate: 30 });
    const centreA = (frame: number) => 100 + 5 * frame;
    const centreB = (frame: number) => 500 - 5 * frame;
    const idsAfter: Array<[number | undefined, number | undefined]> = [];
    let idsBefore: [number | undefined, number | undefined] = [undefined, undefined];
    for (let frame = 0; frame < 80; frame++) {
      const a = personAt(centreA(frame));
      const b = personAt(centreB(frame));
      const overlapping = iou(a.box, b.box) > 0.3;
      const tracks = tracker.update(overlapping ? [a] : [a, b]);
      const idNear = (x: number) => tracks.find((t) => Math.abs((t.box.x1 + t.box.x2) / 2 - x) < 15)?.trackerId;
      if (frame === 30) idsBefore = [idNear(centreA(frame)), idNear(centreB(frame))];
      if (frame >= 50) idsAfter.push([idNear(centreA(frame)), idNear(centreB(frame))]);
    }

    expect(idsBefore[0]).toBeDefined();
    expect(idsBefore[1]).toBeDefined();
    for (const ids of idsAfter) expect(ids).toEqual(idsBefore);
  });

  it('scales the lost-track buffer by frame rate', () => {
    // 30 frames at 30 fps is 15 frames at 15 fps: a 14-frame gap is bridged, a 16-frame gap is not.
    const cases = [
      { gap: 14, sameId: true },
      { gap: 16, sameId: false },
    ];
    for (const { gap, sameId } of cases) {
      const tracker = new ByteTracker({ frameRate: 15, minimumConsecutiveFrames: 1 });
      const id = tracker.update([personAt(100)])[0]?.trackerId;
      for (let frame = 0; frame < gap; frame++) tracker.update([]);
      expect(tracker.update([personAt(100)])[0]?.trackerId === id).toBe(sameId);
    }
  });

  const invalidOptions = [
    // Thresholds are fractions.
    { trackActivationThreshold: 1.5 },
    // NaN must not slip through comparisons.
    { highScoreMinimumIou: Number.NaN },
    { frameRate: 0 },
    { lostTrackBuffer: -1 },
    { minimumConsecutiveFrames: 0 },
    { minimumConsecutiveFrames: 2.5 },
    // The low threshold must not exceed the high one.
    { lowScoreThreshold: 0.5, trackActivationThreshold: 0.4 },
  ];
  it.each(invalidOptions)('rejects options %o', (options) => {
    expect(() => new ByteTracker(options)).toThrow(TrackerOptionsError);
  });
});
