import { HeatmapGrid } from '../heatmap/heatmapGrid.js';
import { toHeatmapCells, toHeatmapGrid } from './heatmapCells.js';
import type { FrameResult, HeatmapCells, MinuteAggregate, ZoneFrameState } from './types.js';
import { minuteStartMs } from './types.js';

export interface MinuteAggregatorOptions {
  cameraId: string;
  lineIds: readonly string[];
  zoneIds: readonly string[];
  /** Heatmap cell edge in pixels. */
  cellSizePx: number;
}

/**
 * Rolls frame results into one aggregate per minute of `timestampMs`. A frame
 * from a later minute closes the open one and `add` returns it. A frame whose
 * timestamp lies before the open minute (a clock stepped back) is counted in
 * the open minute, so no frame is dropped.
 */
export class MinuteAggregator {
  private open: MinuteAggregate | null = null;
  private lastZoneOccupancy = new Map<string, number>();
  private lastOccupancy = 0;
  private lastTimestampMs: number | null = null;

  constructor(private readonly options: MinuteAggregatorOptions) {
    if (!(options.cellSizePx >= 1)) throw new RangeError(`cellSizePx must be >= 1, got ${options.cellSizePx}`);
  }

  /** Add one frame; returns the minute it closed, if any. */
  add(frame: FrameResult): MinuteAggregate[] {
    const closed: MinuteAggregate[] = [];
    const minuteMs = minuteStartMs(frame.timestampMs);
    if (this.open && minuteMs > this.open.minuteMs) {
      closed.push(this.open);
      this.open = null;
    }
    this.open ??= this.emptyMinute(minuteMs, frame);

    this.addCounts(this.open, frame);
    this.addAnchors(this.open.heatmap, frame);
    this.lastOccupancy = frame.occupancy;
    this.lastTimestampMs = frame.timestampMs;
    for (const zone of frame.zones) this.lastZoneOccupancy.set(zone.zoneId, zone.occupancy);
    return closed;
  }

  /**
   * Add visits ended without a frame (FrameAnalyzer.endVisits at shutdown) to
   * the open minute, or to a frameless minute of the last frame's time when
   * none is open. Ignored before the first frame.
   */
  addEndedVisits(zones: readonly ZoneFrameState[]): void {
    if (this.lastTimestampMs === null) return;
    this.open ??= { ...this.emptyMinute(minuteStartMs(this.lastTimestampMs), null), heatmap: null };
    this.addZoneStates(this.open, zones);
  }

  /** Close the open minute now (at shutdown); null when no frame was added since the last close. */
  flush(): MinuteAggregate | null {
    const minute = this.open;
    this.open = null;
    return minute;
  }

  /** Returns a copy of the open minute so far, for live display; null when none is open. */
  snapshot(): MinuteAggregate | null {
    return this.open ? cloneMinute(this.open) : null;
  }

  /** Occupancy of the camera and of each zone in the latest frame. */
  currentOccupancy(): { occupancy: number; zones: Map<string, number> } {
    return { occupancy: this.lastOccupancy, zones: new Map(this.lastZoneOccupancy) };
  }

  /** Creates a minute with zero counts. Its heatmap covers `frame`'s size, or is null without a frame. */
  private emptyMinute(minuteMs: number, frame: FrameResult | null): MinuteAggregate {
    const grid = frame
      ? new HeatmapGrid({ imageWidth: frame.frameWidth, imageHeight: frame.frameHeight, cellSizePx: this.options.cellSizePx })
      : null;
    return {
      cameraId: this.options.cameraId,
      minuteMs,
      frames: 0,
      occupancySum: 0,
      occupancyMax: 0,
      lines: this.options.lineIds.map((lineId) => ({ lineId, crossedIn: 0, crossedOut: 0 })),
      zones: this.options.zoneIds.map((zoneId) => ({ zoneId, visits: 0, dwellMsTotal: 0, occupancyMax: 0 })),
      heatmap: grid ? toHeatmapCells(grid) : null,
    };
  }

  private addCounts(minute: MinuteAggregate, frame: FrameResult): void {
    minute.frames += 1;
    minute.occupancySum += frame.occupancy;
    minute.occupancyMax = Math.max(minute.occupancyMax, frame.occupancy);
    for (const crossing of frame.lines) {
      const line = minute.lines.find((entry) => entry.lineId === crossing.lineId);
      if (!line) continue;
      line.crossedIn += crossing.crossedIn;
      line.crossedOut += crossing.crossedOut;
    }
    this.addZoneStates(minute, frame.zones);
  }

  private addZoneStates(minute: MinuteAggregate, states: readonly ZoneFrameState[]): void {
    for (const state of states) {
      const zone = minute.zones.find((entry) => entry.zoneId === state.zoneId);
      if (!zone) continue;
      zone.visits += state.completedDwellMs.length;
      zone.dwellMsTotal += state.completedDwellMs.reduce((sum, dwellMs) => sum + dwellMs, 0);
      zone.occupancyMax = Math.max(zone.occupancyMax, state.occupancy);
    }
  }

  private addAnchors(cells: HeatmapCells | null, frame: FrameResult): void {
    if (!cells) return;
    // The grid shares `cells.counts`, so its counts land in the minute directly.
    const grid = toHeatmapGrid(cells);
    for (const anchor of frame.anchors) grid.addPoint(anchor);
  }
}

function cloneMinute(minute: MinuteAggregate): MinuteAggregate {
  return {
    ...minute,
    lines: minute.lines.map((line) => ({ ...line })),
    zones: minute.zones.map((zone) => ({ ...zone })),
    heatmap: minute.heatmap ? { ...minute.heatmap, counts: minute.heatmap.counts.slice() } : null,
  };
}
