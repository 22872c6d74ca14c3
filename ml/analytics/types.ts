import type { Point } from '../geometry/types.js';
import type { TrackedObject } from '../tracking/types.js';

/**
 * Shapes exchanged by the per-frame analysis and the per-minute aggregation.
 * They carry counts and grid cells only: no pixels, and track ids never leave
 * the analysis (a minute aggregate contains none).
 */

/** Crossings of one counting line in one frame. */
export interface LineCrossings {
  lineId: string;
  crossedIn: number;
  crossedOut: number;
}

/** One zone's state after one frame. */
export interface ZoneFrameState {
  zoneId: string;
  /** Tracks inside the zone in this frame. */
  occupancy: number;
  /** Dwell of every visit that ended in this frame, milliseconds. */
  completedDwellMs: number[];
}

/** Everything one analysed frame contributes to the statistics. */
export interface FrameResult {
  timestampMs: number;
  frameWidth: number;
  frameHeight: number;
  tracks: TrackedObject[];
  lines: LineCrossings[];
  zones: ZoneFrameState[];
  /** Confirmed tracks visible in the frame. */
  occupancy: number;
  /** Bottom-centre anchors of the tracks, for the heatmap. */
  anchors: Point[];
}

export interface LineMinute {
  lineId: string;
  crossedIn: number;
  crossedOut: number;
}

export interface ZoneMinute {
  zoneId: string;
  visits: number;
  dwellMsTotal: number;
  occupancyMax: number;
}

/**
 * Plain-data form of a HeatmapGrid (ml/heatmap/heatmapGrid.ts), which can
 * cross a worker boundary: foot-position counts on square cells, row-major
 * (`counts[row * cols + col]`).
 */
export interface HeatmapCells {
  cols: number;
  rows: number;
  cellSizePx: number;
  counts: Uint32Array;
  /** Frame size in pixels; when absent it is taken as `cols * cellSizePx` by `rows * cellSizePx`. */
  imageWidth?: number;
  imageHeight?: number;
}

/** One camera's statistics for one minute; the unit that storage upserts. */
export interface MinuteAggregate {
  cameraId: string;
  /** Epoch ms of the start of the minute. */
  minuteMs: number;
  frames: number;
  /** Sum over frames of the occupancy, so a mean is `occupancySum / frames` even after merging. */
  occupancySum: number;
  occupancyMax: number;
  lines: LineMinute[];
  zones: ZoneMinute[];
  /** Null when no frame of the minute was analysed. */
  heatmap: HeatmapCells | null;
}

export const MINUTE_MS = 60_000;

/** Start of the minute containing `timestampMs`. */
export function minuteStartMs(timestampMs: number): number {
  return Math.floor(timestampMs / MINUTE_MS) * MINUTE_MS;
}
