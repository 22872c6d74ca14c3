import { describe, expect, it } from 'vitest';
import { MinuteAggregator } from '../../../ml/analytics/minuteAggregator.js';
import { mergeMinutes } from '../../../ml/analytics/mergeMinutes.js';
import type { FrameResult } from '../../../ml/analytics/types.js';

const MINUTE = 60_000;
const T0 = 1_700_000_040_000; // the start of a UTC minute

function frame(timestampMs: number, overrides: Partial<FrameResult> = {}): FrameResult {
  return {
    timestampMs,
    frameWidth: 64,
    frameHeight: 32,
    tracks: [],
    lines: [{ lineId: 'door', crossedIn: 0, crossedOut: 0 }],
    zones: [{ zoneId: 'shelf', occupancy: 0, completedDwellMs: [] }],
    occupancy: 0,
    anchors: [],
    ...overrides,
  };
}

function aggregator(): MinuteAggregator {
  return new MinuteAggregator({ cameraId: 'cam', lineIds: ['door'], zoneIds: ['shelf'], cellSizePx: 16 });
}

describe('MinuteAggregator', () => {
  it('sums frames of one minute', () => {
    const minutes = aggregator();
    minutes.add(frame(T0 + 1000, { occupancy: 2, lines: [{ lineId: 'door', crossedIn: 1, crossedOut: 0 }] }));
    minutes.add(frame(T0 + 2000, {
      occupancy: 3,
      lines: [{ lineId: 'door', crossedIn: 1, crossedOut: 2 }],
      zones: [{ zoneId: 'shelf', occupancy: 2, completedDwellMs: [4000, 6000] }],
    }));
    const minute = minutes.flush()!;
    expect(minute.minuteMs).toBe(T0);
    expect(minute.frames).toBe(2);
    expect(minute.occupancySum).toBe(5);
    expect(minute.occupancyMax).toBe(3);
    expect(minute.lines).toEqual([{ lineId: 'door', crossedIn: 2, crossedOut: 2 }]);
    expect(minute.zones).toEqual([{ zoneId: 'shelf', visits: 2, dwellMsTotal: 10_000, occupancyMax: 2 }]);
  });

  it('closes a minute on the next one', () => {
    const minutes = aggregator();
    expect(minutes.add(frame(T0 + 59_999))).toEqual([]);
    const closed = minutes.add(frame(T0 + MINUTE));
    expect(closed).toHaveLength(1);
    expect(closed[0]!.minuteMs).toBe(T0);
    expect(minutes.snapshot()!.minuteMs).toBe(T0 + MINUTE);
  });

  it('counts a late frame in the open minute', () => {
    const minutes = aggregator();
    minutes.add(frame(T0 + MINUTE));
    // The clock stepped back a minute: the frame still counts, in the open minute.
    expect(minutes.add(frame(T0 + 5000))).toEqual([]);
    expect(minutes.flush()!.frames).toBe(2);
  });

  it('bins anchors into heatmap cells', () => {
    const minutes = aggregator();
    minutes.add(frame(T0, {
      anchors: [
        { x: 0, y: 0 }, // cell (0, 0)
        { x: 17, y: 31 }, // cell (1, 1)
        { x: 63.9, y: 16 }, // last column, second row
        { x: 64, y: 10 }, // exactly on the right edge: the last column, as HeatmapGrid.addPoint does
        { x: 64.5, y: 10 }, // right of the frame: skipped
        { x: -1, y: 5 }, // left of the frame: skipped
      ],
    }));
    const heatmap = minutes.flush()!.heatmap!;
    expect([heatmap.cols, heatmap.rows, heatmap.imageWidth, heatmap.imageHeight]).toEqual([4, 2, 64, 32]);
    expect([...heatmap.counts]).toEqual([1, 0, 0, 1, 0, 1, 0, 1]);
  });

  it('snapshot is a copy', () => {
    const minutes = aggregator();
    minutes.add(frame(T0, { lines: [{ lineId: 'door', crossedIn: 1, crossedOut: 0 }] }));
    const snapshot = minutes.snapshot()!;
    minutes.add(frame(T0 + 1, { lines: [{ lineId: 'door', crossedIn: 1, crossedOut: 0 }] }));
    expect(snapshot.lines[0]!.crossedIn).toBe(1);
    expect(minutes.snapshot()!.lines[0]!.crossedIn).toBe(2);
  });

  it('reports latest occupancy per zone', () => {
    const minutes = aggregator();
    minutes.add(frame(T0, { occupancy: 4, zones: [{ zoneId: 'shelf', occupancy: 3, completedDwellMs: [] }] }));
    minutes.add(frame(T0 + 1, { occupancy: 1, zones: [{ zoneId: 'shelf', occupancy: 1, completedDwellMs: [] }] }));
    const current = minutes.currentOccupancy();
    expect(current.occupancy).toBe(1);
    expect(current.zones.get('shelf')).toBe(1);
  });

  it('flush with nothing open returns null', () => {
    expect(aggregator().flush()).toBeNull();
  });
});

describe('mergeMinutes', () => {
  it('adds counts and keeps one-sided ids', () => {
    const minutes = aggregator();
    minutes.add(frame(T0, { occupancy: 2, anchors: [{ x: 1, y: 1 }], lines: [{ lineId: 'door', crossedIn: 3, crossedOut: 1 }] }));
    const first = minutes.flush()!;
    const second = { ...first, lines: [{ lineId: 'side', crossedIn: 1, crossedOut: 0 }], occupancyMax: 5 };
    const merged = mergeMinutes(first, second);
    expect(merged.frames).toBe(2);
    expect(merged.occupancySum).toBe(4);
    expect(merged.occupancyMax).toBe(5);
    expect(merged.lines).toEqual([
      { lineId: 'door', crossedIn: 3, crossedOut: 1 },
      { lineId: 'side', crossedIn: 1, crossedOut: 0 },
    ]);
    expect(merged.heatmap!.counts[0]).toBe(2);
  });

  it('rejects different minutes', () => {
    const minutes = aggregator();
    minutes.add(frame(T0));
    const first = minutes.flush()!;
    expect(() => mergeMinutes(first, { ...first, minuteMs: T0 + MINUTE })).toThrow(RangeError);
  });
});

describe('MinuteAggregator.addEndedVisits', () => {
  it('adds visits to the open minute', () => {
    const minutes = aggregator();
    minutes.add(frame(T0));
    minutes.addEndedVisits([{ zoneId: 'shelf', occupancy: 0, completedDwellMs: [2500] }]);
    const minute = minutes.flush()!;
    expect(minute.zones[0]).toEqual({ zoneId: 'shelf', visits: 1, dwellMsTotal: 2500, occupancyMax: 0 });
    expect(minute.frames).toBe(1);
  });

  it('opens a frameless minute after a close', () => {
    const minutes = aggregator();
    minutes.add(frame(T0 + 1000));
    minutes.flush();
    minutes.addEndedVisits([{ zoneId: 'shelf', occupancy: 0, completedDwellMs: [100] }]);
    const minute = minutes.flush()!;
    expect([minute.minuteMs, minute.frames, minute.heatmap]).toEqual([T0, 0, null]);
    expect(minute.zones[0]!.visits).toBe(1);
  });

  it('ignores visits before any frame', () => {
    const minutes = aggregator();
    minutes.addEndedVisits([{ zoneId: 'shelf', occupancy: 0, completedDwellMs: [100] }]);
    expect(minutes.flush()).toBeNull();
  });
});
