import { bottomCenter, type Point } from '../geometry/types.js';
import type { Detection } from '../detection/types.js';
import type { TrackedObject, Tracker } from '../tracking/types.js';
import type { FrameResult, LineCrossings, ZoneFrameState } from './types.js';

/** A counting line as the analyzer uses it: crossing counts for one frame's tracks. */
export interface LineCounter {
  readonly lineId: string;
  count(tracks: readonly TrackedObject[]): { crossedIn: number; crossedOut: number };
  /** Forgets every track's side. */
  reset(): void;
}

/** A zone as the analyzer uses it: occupancy and the visits that ended in this frame. */
export interface ZoneCounter {
  readonly zoneId: string;
  update(tracks: readonly TrackedObject[], timestampMs: number): { occupancy: number; completedDwellMs: number[] };
  /** Ends every open visit and returns their dwell, milliseconds. */
  endVisits(): number[];
  /** Drops open visits without reporting them. */
  reset(): void;
}

export interface FrameAnalyzerParts {
  tracker: Tracker;
  lines: readonly LineCounter[];
  zones: readonly ZoneCounter[];
}

/**
 * Turns one frame's detections into counts, in a fixed order of steps:
 * track, count line crossings, update zones, measure occupancy, collect
 * heatmap anchors. Frames should arrive in time order. A frame older than
 * the previous one (a file source restarted on its own clock) resets the
 * tracker, lines and zones first, so open visits of the old run are dropped.
 */
export class FrameAnalyzer {
  private lastTimestampMs = Number.NEGATIVE_INFINITY;

  constructor(private readonly parts: FrameAnalyzerParts) {}

  analyze(detections: readonly Detection[], timestampMs: number, frameSize: { width: number; height: number }): FrameResult {
    if (timestampMs < this.lastTimestampMs) this.reset();
    this.lastTimestampMs = timestampMs;

    const tracks = this.parts.tracker.update(detections);
    const lines = this.countLines(tracks);
    const zones = this.updateZones(tracks, timestampMs);
    const anchors = collectAnchors(tracks);

    return {
      timestampMs,
      frameWidth: frameSize.width,
      frameHeight: frameSize.height,
      tracks,
      lines,
      zones,
      occupancy: tracks.length,
      anchors,
    };
  }

  /** Ends every open zone visit (end of a video, shutdown); occupancy is 0 afterwards. */
  endVisits(): ZoneFrameState[] {
    return this.parts.zones.map((zone) => ({ zoneId: zone.zoneId, occupancy: 0, completedDwellMs: zone.endVisits() }));
  }

  reset(): void {
    this.parts.tracker.reset();
    for (const line of this.parts.lines) line.reset();
    for (const zone of this.parts.zones) zone.reset();
    this.lastTimestampMs = Number.NEGATIVE_INFINITY;
  }

  private countLines(tracks: readonly TrackedObject[]): LineCrossings[] {
    return this.parts.lines.map((line) => ({ lineId: line.lineId, ...line.count(tracks) }));
  }

  private updateZones(tracks: readonly TrackedObject[], timestampMs: number): ZoneFrameState[] {
    return this.parts.zones.map((zone) => ({ zoneId: zone.zoneId, ...zone.update(tracks, timestampMs) }));
  }
}

function collectAnchors(tracks: readonly TrackedObject[]): Point[] {
  return tracks.map((track) => bottomCenter(track.box));
}
