/**
 * Behaviour every `Tracker` must show, written as synthetic walks of people
 * whose boxes are known exactly. A test file calls `describeTrackerContract`
 * with a factory and the tracker's timing, so a new tracker only has to pass
 * this suite to be usable by the counting code.
 */
import { describe, expect, it } from 'vitest';
import type { Detection } from '../../../ml/detection/types.js';
import type { Box } from '../../../ml/geometry/types.js';
import type { TrackedObject, Tracker } from '../../../ml/tracking/types.js';

export interface TrackerContractSettings {
  /** Factory for a new tracker, called once per test. */
  create: () => Tracker;
  /** Frames a person must be detected in before the tracker first reports them. */
  confirmationFrames: number;
  /** A detection gap, in frames, that the tracker must bridge with the same id. */
  shortGapFrames: number;
  /** A detection gap, in frames, after which the tracker must give a new id. */
  longGapFrames: number;
}

/** Box of a standing adult seen from a head-height camera, feet at (x, 400). */
function personAt(x: number, y = 400): Box {
  return { x1: x - 25, y1: y - 150, x2: x + 25, y2: y };
}

function detect(...boxes: Box[]): Detection[] {
  return boxes.map((box) => ({ box, score: 0.9 }));
}

/** Runs frames through the tracker and returns its output per frame. */
function run(tracker: Tracker, frames: Detection[][]): TrackedObject[][] {
  return frames.map((detections) => tracker.update(detections));
}

/** Id of the reported track nearest to `x` (by box centre), or undefined if none within 40 px. */
function idNear(tracks: readonly TrackedObject[], x: number): number | undefined {
  const near = tracks.filter((t) => Math.abs((t.box.x1 + t.box.x2) / 2 - x) < 40);
  return near[0]?.trackerId;
}

export function describeTrackerContract(name: string, settings: TrackerContractSettings): void {
  const { create, confirmationFrames, shortGapFrames, longGapFrames } = settings;

  describe(`${name} tracker contract`, () => {
    it('reports nothing before confirmation', () => {
      const tracker = create();
      const output = run(tracker, Array.from({ length: confirmationFrames }, (_, i) => detect(personAt(100 + 3 * i))));

      for (let frame = 0; frame < confirmationFrames - 1; frame++) expect(output[frame]).toEqual([]);
      expect(output[confirmationFrames - 1]).toHaveLength(1);
    });

    // With confirmation on the first frame there is no flicker to reject.
    it.runIf(confirmationFrames > 1)('never reports one-frame flicker', () => {
      const tracker = create();
      // A false detection appears for one frame, then nothing for a while.
      const output = run(tracker, [detect(personAt(300)), ...Array.from({ length: 10 }, () => detect())]);

      expect(output.flat()).toEqual([]);
    });

    it('keeps ids of two people walking apart', () => {
      const tracker = create();
      // Two people start side by side, overlapping slightly, and walk away from each other.
      const frames = Array.from({ length: 60 }, (_, i) => detect(personAt(300 - 4 * i), personAt(340 + 4 * i)));
      const output = run(tracker, frames);

      const first = output[confirmationFrames - 1] ?? [];
      const leftId = idNear(first, 300 - 4 * (confirmationFrames - 1));
      const rightId = idNear(first, 340 + 4 * (confirmationFrames - 1));
      expect(leftId).toBeDefined();
      expect(rightId).toBeDefined();
      expect(leftId).not.toBe(rightId);
      for (let frame = confirmationFrames; frame < frames.length; frame++) {
        const tracks = output[frame] ?? [];
        expect(tracks).toHaveLength(2);
        expect(idNear(tracks, 300 - 4 * frame)).toBe(leftId);
        expect(idNear(tracks, 340 + 4 * frame)).toBe(rightId);
      }
    });

    it('keeps the id through a short occlusion', () => {
      const tracker = create();
      const walk = (frame: number): Detection[] => detect(personAt(100 + 3 * frame));
      const before = 20;
      const frames = [
        ...Array.from({ length: before }, (_, i) => walk(i)),
        ...Array.from({ length: shortGapFrames }, () => detect()),
        ...Array.from({ length: 10 }, (_, i) => walk(before + shortGapFrames + i)),
      ];
      const output = run(tracker, frames);

      const idBefore = output[before - 1]?.[0]?.trackerId;
      const idAfter = output[before + shortGapFrames]?.[0]?.trackerId;
      expect(idBefore).toBeDefined();
      expect(idAfter).toBe(idBefore);
    });

    it('gives a new id after a long occlusion', () => {
      const tracker = create();
      const before = 20;
      const frames = [
        ...Array.from({ length: before }, () => detect(personAt(200))),
        ...Array.from({ length: longGapFrames }, () => detect()),
        ...Array.from({ length: confirmationFrames + 5 }, () => detect(personAt(200))),
      ];
      const output = run(tracker, frames);

      const idBefore = output[before - 1]?.[0]?.trackerId;
      const idAfter = output[frames.length - 1]?.[0]?.trackerId;
      expect(idBefore).toBeDefined();
      expect(idAfter).toBeDefined();
      expect(idAfter).not.toBe(idBefore);
    });

    it('never reuses an id', () => {
      const tracker = create();
      // Five people pass one after another, each visible for 15 frames at a new
      // spot, with a gap longer than the lost-track buffer between them.
      const frames: Detection[][] = [];
      for (let person = 0; person < 5; person++) {
        for (let i = 0; i < 15; i++) frames.push(detect(personAt(80 + 100 * person + 2 * i)));
        for (let i = 0; i < longGapFrames; i++) frames.push(detect());
      }
      const output = run(tracker, frames);

      const idsPerPerson: number[] = [];
      for (const tracks of output) {
        for (const track of tracks) if (idsPerPerson.at(-1) !== track.trackerId) idsPerPerson.push(track.trackerId);
      }
      expect(idsPerPerson).toHaveLength(5);
      expect(new Set(idsPerPerson).size).toBe(5);
    });

    it('reset clears every track', () => {
      const tracker = create();
      const before = run(tracker, Array.from({ length: confirmationFrames + 3 }, () => detect(personAt(200))));
      const oldId = before.at(-1)?.[0]?.trackerId;
      tracker.reset();

      expect(tracker.update(detect())).toEqual([]);
      const after = run(tracker, Array.from({ length: confirmationFrames }, () => detect(personAt(200))));
      for (let frame = 0; frame < confirmationFrames - 1; frame++) expect(after[frame]).toEqual([]);
      const newId = after.at(-1)?.[0]?.trackerId;
      expect(oldId).toBeDefined();
      expect(newId).toBeDefined();
      expect(newId).not.toBe(oldId);
    });
  });
}
