/**
 * End-to-end check of tracking, metrics and line counting on the real
 * TUD-Stadtmitte ground truth. The detector is replaced by the ground-truth
 * boxes themselves, so any loss here comes from the tracker or the counter.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LineZone } from '../../../ml/counting/lineZone.js';
import { evaluateLineCounts } from '../../../ml/eval/lineCountEval.js';
import { groupByFrame, parseMot, tracksToMotRows, type MotRow } from '../../../ml/eval/motFormat.js';
import { evaluateMot } from '../../../ml/eval/motMetrics.js';
import { ByteTracker } from '../../../ml/tracking/byteTracker.js';

const GT_PATH = join(import.meta.dirname, '..', '..', '..', '..', 'shared', 'data', 'tud-stadtmitte', 'gt.txt');
const available = existsSync(GT_PATH);
if (!available) console.warn(`Skipping TUD-Stadtmitte tracking tests: ${GT_PATH} not found.`);

describe.skipIf(!available)('ByteTracker on TUD-Stadtmitte ground truth', () => {
  it('tracks exact boxes almost perfectly', () => {
    const truth = parseMot(readFileSync(GT_PATH, 'utf8'));
    const byFrame = groupByFrame(truth);
    const lastFrame = Math.max(...byFrame.keys());
    const segment = { start: { x: 480, y: 150 }, end: { x: 480, y: 480 } };

    const tracker = new ByteTracker({ frameRate: 25 });
    const zone = new LineZone(segment);
    const hypotheses: MotRow[] = [];
    for (let frame = 1; frame <= lastFrame; frame++) {
      const detections = (byFrame.get(frame) ?? []).map((row) => ({ box: row.box, score: 0.9 }));
      const tracks = tracker.update(detections);
      zone.trigger(tracks);
      hypotheses.push(...tracksToMotRows(frame, tracks));
    }
    const metrics = evaluateMot(truth, hypotheses);
    const lines = evaluateLineCounts(truth, { in: zone.inCount, out: zone.outCount }, segment);

    // The only expected losses are the two frames before each of the 10 tracks is confirmed.
    expect(metrics.idSwitches).toBe(0);
    expect(metrics.falsePositives).toBe(0);
    expect(metrics.misses).toBeLessThanOrEqual(2 * 10);
    expect(metrics.mota).toBeGreaterThan(0.98);
    expect(metrics.idf1).toBeGreaterThan(0.98);
    expect(lines.groundTruth.in + lines.groundTruth.out).toBeGreaterThan(0);
    expect(lines.totalAbsoluteError).toBe(0);
  });
});
