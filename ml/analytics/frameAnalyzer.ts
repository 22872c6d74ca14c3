import { bottomCenter, type Point } from '../geometry/types.js';
import type { Detection } from '../detection/types.js';
import type { TrackedObject, Tracker } from '../tracking/types.js';
import type { FrameResult, LineCrossings, ZoneFrameState } from './types.js';

/** A counting line as the analyzer uses it: crossing counts for one frame's tracks. */
export interface LineCounter {
  readonly lineId: string;
  count(tracks: readonly TrackedObject[]): { crossedIn: number; crossedOut: number };
}

/** A zone as the analyzer uses it: occupancy and the visits that ended in this frame. */
export interface ZoneCounter {
  readonly zoneId: string;
  update(tracks: readonly TrackedObject[], timestampMs: number): { occupancy: number; completedDwellMs: number[] };
}

export interface FrameAnalyzerParts {
  tracker: Tracker;
  lines: readonly LineCounter[];
  zones: readonly ZoneCounter[];
}

/**
 * Turns one frame's detections into counts, in a fixed order of steps:
 * track, count line crossings, update zones, measure occupancy, collect
 * heatmap anchors. Frames must arrive in time order; `reset()` starts over
 * after a gap such as a camera reconnect.
 */
export class FrameAnalyzer {
  constructor(private readonly parts: FrameAnalyzerParts) {}

  analyze(detections: readonly Detection[], timestampMs: number, frameSize: { width: number; height: number }): FrameResult {
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

  reset(): void {
    this.parts.tracker.reset();
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
