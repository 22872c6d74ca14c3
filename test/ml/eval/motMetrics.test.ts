import { describe, expect, it } from 'vitest';
import { evaluateMot } from '../../../ml/eval/motMetrics.js';
import type { MotRow } from '../../../ml/eval/motFormat.js';

/** Builds a row with a 10 × 10 box at (x, y), or w × h when given. */
function row(frame: number, id: number, x: number, y = 0, width = 10, height = 10, confidence = 1): MotRow {
  return { frame, id, box: { x1: x, y1: y, x2: x + width, y2: y + height }, confidence };
}

describe('evaluateMot', () => {
  it('scores a worked example', () => {
    // Ground truth: A (id 1) at x 0 in frames 1–4, B (id 2) at x 20 in frames 1–3.
    const truth = [row(1, 1, 0), row(1, 2, 20), row(2, 1, 0), row(2, 2, 20), row(3, 1, 0), row(3, 2, 20), row(4, 1, 0)];
    const hypotheses = [
      // Frame 1: both found, A by 1 and B by 2.
      row(1, 1, 0),
      row(1, 2, 20),
      // Frame 2: B is now found by 3, an ID switch.
      row(2, 1, 0),
      row(2, 3, 20),
      // Frame 3: B is missed and 4 is a false positive far away.
      row(3, 1, 0),
      row(3, 4, 100),
      // Frame 4: hypothesis 1 drifts 5 px; IoU 50 / 150 = 1/3 is below 0.5, so a miss and a false positive.
      row(4, 1, 5),
    ];
    const metrics = evaluateMot(truth, hypotheses);

    expect(metrics.groundTruthCount).toBe(7);
    expect(metrics.matches).toBe(5);
    expect(metrics.misses).toBe(2);
    expect(metrics.falsePositives).toBe(2);
    expect(metrics.idSwitches).toBe(1);
    // MOTA = 1 − (2 + 2 + 1) / 7.
    expect(metrics.mota).toBeCloseTo(2 / 7, 12);
    expect(metrics.motpIou).toBe(1);
    // Best track mapping: A↔1 matches in frames 1–3 and B↔2 (or B↔3) in one frame: IDTP 4.
    expect(metrics.idTruePositives).toBe(4);
    // IDF1 = 2 · 4 / (7 + 7).
    expect(metrics.idf1).toBeCloseTo(4 / 7, 12);
    expect(metrics.idPrecision).toBeCloseTo(4 / 7, 12);
    expect(metrics.idRecall).toBeCloseTo(4 / 7, 12);
  });

  it('keeps an earlier match over a better one', () => {
    // Frame 2: hypothesis 1 still overlaps A with IoU 100 / 180 and keeps it, although
    // hypothesis 2 fits exactly. CLEAR MOT counts 2 as a false positive, not a switch.
    const truth = [row(1, 1, 0), row(2, 1, 0)];
    const hypotheses = [row(1, 1, 0), row(2, 1, 0, 0, 10, 18), row(2, 2, 0)];
    const metrics = evaluateMot(truth, hypotheses);

    expect(metrics.matches).toBe(2);
    expect(metrics.idSwitches).toBe(0);
    expect(metrics.falsePositives).toBe(1);
    expect(metrics.mota).toBeCloseTo(0.5, 12);
    expect(metrics.motpIou).toBeCloseTo((1 + 100 / 180) / 2, 12);
  });

  it('counts a switch across a missed frame', () => {
    // A is matched to 1, missed in frame 2, then matched to 2: one switch.
    const truth = [row(1, 1, 0), row(2, 1, 0), row(3, 1, 0)];
    const hypotheses = [row(1, 1, 0), row(3, 2, 0)];
    const metrics = evaluateMot(truth, hypotheses);

    expect(metrics.misses).toBe(1);
    expect(metrics.idSwitches).toBe(1);
    expect(metrics.mota).toBeCloseTo(1 - 2 / 3, 12);
  });

  it('ignores ground truth with flag 0', () => {
    // The hypothesis on the ignored box at x 50 is neither a match nor a false positive.
    const truth = [row(1, 1, 0), row(1, 9, 50, 0, 10, 10, 0)];
    const hypotheses = [row(1, 1, 0), row(1, 2, 50), row(1, 3, 200)];
    const metrics = evaluateMot(truth, hypotheses);

    expect(metrics.groundTruthCount).toBe(1);
    expect(metrics.hypothesisCount).toBe(2);
    expect(metrics.falsePositives).toBe(1);
    expect(metrics.mota).toBe(0);
  });

  it('scores a perfect tracker as 1', () => {
    const truth = [row(1, 1, 0), row(1, 2, 30), row(2, 1, 2), row(2, 2, 28)];
    const hypotheses = truth.map((r) => ({ ...r, id: r.id + 100 }));
    const metrics = evaluateMot(truth, hypotheses);

    expect(metrics.mota).toBe(1);
    expect(metrics.idf1).toBe(1);
    expect(metrics.idSwitches).toBe(0);
  });

  it('returns NaN ratios for empty input', () => {
    const metrics = evaluateMot([], []);
    expect(metrics.mota).toBeNaN();
    expect(metrics.idf1).toBeNaN();
  });
});
