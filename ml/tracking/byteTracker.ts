/**
 * ByteTrack-style multi-person tracker: IoU association on Kalman predictions,
 * which also uses low-score detections to keep existing tracks alive.
 *
 * Contract for callers:
 * - Call `update(detections)` once per analysed frame, in frame order, with
 *   every detection of that frame, including low-score ones. Boxes are in
 *   pixels, corner form. Detections with non-finite or empty boxes are skipped
 *   and counted in `skippedDetectionCount`.
 * - The result lists the confirmed tracks matched in this frame, sorted by
 *   `trackerId`, with the Kalman-corrected box and the matched detection's score.
 *   Tentative and lost tracks are not reported.
 * - A `trackerId` is assigned when a track is confirmed, stays with it while it
 *   is lost and re-found, and is never handed out again by this instance, even
 *   after `reset()`, so counters downstream cannot merge two people.
 * - Everything is deterministic: the same detections give the same ids.
 *
 * Steps per frame:
 * 1. Predict every track one frame ahead.
 * 2. Match high-score detections to confirmed and lost tracks by IoU.
 * 3. Match low-score detections to confirmed tracks still unmatched, which
 *    keeps partly occluded people tracked.
 * 4. Match the remaining high-score detections to tentative tracks.
 * 5. Start tentative tracks from the high-score detections that are left.
 * 6. Drop lost tracks past the buffer, and lost tracks that duplicate a track
 *    started since they were lost.
 */
import type { Detection } from '../detection/types.js';
import type { TrackedObject, Tracker } from './types.js';
import { KalmanFilter, type KalmanFilterOptions } from './kalmanFilter.js';
import { iou } from '../geometry/iou.js';
import { iouMatrix, solveAssignment } from './matching.js';
import { Track } from './track.js';

export interface ByteTrackerOptions {
  /** Analysed frames per second (default 30). Scales `lostTrackBuffer`. */
  frameRate?: number;
  /**
   * Score at or above which a detection is "high" (default 0.25): matched
   * first and allowed to start a track. Raising it starts fewer false tracks,
   * but people seen only faintly start later.
   */
  trackActivationThreshold?: number;
  /**
   * Score below which a detection is ignored (default 0.1). Detections between
   * this and `trackActivationThreshold` only keep existing tracks alive.
   * Lowering it keeps people tracked through heavier occlusion, but may keep a track on clutter.
   */
  lowScoreThreshold?: number;
  /**
   * Minimum IoU to match a high-score detection to a track (default 0.2).
   * Raising it avoids swapping nearby people, but fast movers lose their track.
   */
  highScoreMinimumIou?: number;
  /**
   * Minimum IoU to match a low-score detection to a track (default 0.5).
   * Stricter than the first stage because low-score boxes are less reliable.
   */
  lowScoreMinimumIou?: number;
  /**
   * Minimum IoU to match a detection to a tentative track (default 0.3).
   * Tentative tracks have a weak velocity estimate, so this sits between the two above.
   */
  tentativeMinimumIou?: number;
  /**
   * Frames, at 30 fps, that a lost track is kept for re-identification by
   * position (default 30, so one second). Longer bridges longer occlusions,
   * but a different person passing the spot may take over the old id.
   */
  lostTrackBuffer?: number;
  /**
   * Consecutive matched frames before a track is confirmed and reported
   * (default 3). Higher rejects more detector flicker, but each person is
   * reported that many frames late.
   */
  minimumConsecutiveFrames?: number;
  /**
   * IoU above which a lost track is dropped as a duplicate of a tracked one
   * that started after it was lost (default 0.85): the same person, picked up
   * again under a new id. Lowering it removes more stale ghosts, but may drop
   * the id of a person who really is behind a newcomer.
   */
  duplicateIou?: number;
  /** Noise settings of the constant-velocity filter. */
  kalman?: KalmanFilterOptions;
}

export const DEFAULT_BYTE_TRACKER_OPTIONS: Required<Omit<ByteTrackerOptions, 'kalman'>> = {
  frameRate: 30,
  trackActivationThreshold: 0.25,
  lowScoreThreshold: 0.1,
  highScoreMinimumIou: 0.2,
  lowScoreMinimumIou: 0.5,
  tentativeMinimumIou: 0.3,
  lostTrackBuffer: 30,
  minimumConsecutiveFrames: 3,
  duplicateIou: 0.85,
};

/** Frame rate at which `lostTrackBuffer` is stated. */
const LOST_TRACK_BUFFER_REFERENCE_FPS = 30;

export class TrackerOptionsError extends RangeError {
  readonly code = 'TRACKER_INVALID_OPTION';
}

export class ByteTracker implements Tracker {
  private readonly options: Required<Omit<ByteTrackerOptions, 'kalman'>>;
  private readonly filter: KalmanFilter;
  private readonly maximumFramesLost: number;
  private tracks: Track[] = [];
  private frameIndex = 0;
  private nextTrackerId = 1;
  private skipped = 0;

  constructor(options: ByteTrackerOptions = {}) {
    const { kalman, ...rest } = options;
    this.options = { ...DEFAULT_BYTE_TRACKER_OPTIONS, ...rest };
    validateOptions(this.options);
    this.filter = new KalmanFilter(kalman);
    this.maximumFramesLost = Math.round((this.options.lostTrackBuffer * this.options.frameRate) / LOST_TRACK_BUFFER_REFERENCE_FPS);
  }

  /** Detections skipped since construction or `reset()` for a non-finite or empty box. */
  get skippedDetectionCount(): number {
    return this.skipped;
  }

  update(detections: readonly Detection[]): TrackedObject[] {
    this.frameIndex += 1;
    const usable = detections.filter((detection) => this.isUsable(detection));
    const high = usable.filter((d) => d.score >= this.options.trackActivationThreshold);
    const low = usable.filter((d) => d.score >= this.options.lowScoreThreshold && d.score < this.options.trackActivationThreshold);

    for (const track of this.tracks) track.predict();
    const confirmedOrLost = this.tracks.filter((t) => t.status !== 'tentative');
    const tentative = this.tracks.filter((t) => t.status === 'tentative');

    const afterHigh = this.associate(confirmedOrLost, high, this.options.highScoreMinimumIou);
    const stillTracked = afterHigh.unmatchedTracks.filter((t) => t.status === 'tracked');
    const afterLow = this.associate(stillTracked, low, this.options.lowScoreMinimumIou);
    for (const track of afterLow.unmatchedTracks) track.status = 'lost';

    const afterTentative = this.associate(tentative, afterHigh.unmatchedDetections, this.options.tentativeMinimumIou);
    const dropped = new Set<Track>(afterTentative.unmatchedTracks);
    this.confirmReadyTracks(tentative.filter((t) => !dropped.has(t)));

    const started = afterTentative.unmatchedDetections.map((d) => new Track(this.filter, d, this.frameIndex));
    this.confirmReadyTracks(started);

    this.tracks = [...this.tracks.filter((t) => !dropped.has(t)), ...started];
    this.dropExpiredAndDuplicateTracks();
    return this.reportedTracks();
  }

  reset(): void {
    // nextTrackerId is kept on purpose: ids are never reused by this instance.
    this.tracks = [];
    this.frameIndex = 0;
    this.skipped = 0;
  }

  private isUsable(detection: Detection): boolean {
    const { x1, y1, x2, y2 } = detection.box;
    const finite = [x1, y1, x2, y2, detection.score].every(Number.isFinite);
    const usable = finite && x2 > x1 && y2 > y1;
    if (!usable) this.skipped += 1;
    return usable;
  }

  /** Matches detections to tracks by IoU and applies the matches. */
  private associate(tracks: Track[], detections: Detection[], minimumIou: number) {
    const overlaps = iouMatrix(tracks.map((t) => t.box), detections.map((d) => d.box));
    const costs = overlaps.map((row) => row.map((value) => 1 - value));
    const assignment = solveAssignment(costs, 1 - minimumIou, detections.length);
    for (const [row, column] of assignment.matches) {
      const track = tracks[row];
      const detection = detections[column];
      if (track && detection) track.match(detection, this.frameIndex);
    }
    return {
      unmatchedTracks: assignment.unmatchedRows.flatMap((row) => tracks[row] ?? []),
      unmatchedDetections: assignment.unmatchedColumns.flatMap((column) => detections[column] ?? []),
    };
  }

  private confirmReadyTracks(tracks: Track[]): void {
    for (const track of tracks) {
      if (track.status !== 'tentative' || track.consecutiveMatches < this.options.minimumConsecutiveFrames) continue;
      track.status = 'tracked';
      track.trackerId = this.nextTrackerId++;
    }
  }

  private dropExpiredAndDuplicateTracks(): void {
    const tracked = this.tracks.filter((t) => t.status === 'tracked');
    this.tracks = this.tracks.filter((track) => {
      if (track.status !== 'lost') return true;
      if (this.frameIndex - track.lastMatchedFrame > this.maximumFramesLost) return false;
      // Only a track started after this one was lost can be its duplicate. An
      // older tracked track overlapping it is the person in front during an occlusion.
      return !tracked.some((other) => other.startFrame > track.lastMatchedFrame && iou(other.box, track.box) > this.options.duplicateIou);
    });
  }

  private reportedTracks(): TrackedObject[] {
    return this.tracks
      .filter((t) => t.status === 'tracked' && t.trackerId !== undefined)
      .map((t) => ({ trackerId: t.trackerId ?? 0, box: t.box, score: t.score }))
      .sort((a, b) => a.trackerId - b.trackerId);
  }
}

function validateOptions(options: Required<Omit<ByteTrackerOptions, 'kalman'>>): void {
  const fractions = ['trackActivationThreshold', 'lowScoreThreshold', 'highScoreMinimumIou', 'lowScoreMinimumIou', 'tentativeMinimumIou', 'duplicateIou'] as const;
  for (const name of fractions) {
    const value = options[name];
    if (!(value >= 0 && value <= 1)) throw new TrackerOptionsError(`ByteTracker option ${name} is ${value}, expected a number from 0 to 1.`);
  }
  if (!(options.frameRate > 0) || !Number.isFinite(options.frameRate)) {
    throw new TrackerOptionsError(`ByteTracker option frameRate is ${options.frameRate}, expected frames per second above 0.`);
  }
  if (!(options.lostTrackBuffer >= 0) || !Number.isFinite(options.lostTrackBuffer)) {
    throw new TrackerOptionsError(`ByteTracker option lostTrackBuffer is ${options.lostTrackBuffer}, expected frames at 30 fps, 0 or more.`);
  }
  if (!Number.isInteger(options.minimumConsecutiveFrames) || options.minimumConsecutiveFrames < 1) {
    throw new TrackerOptionsError(`ByteTracker option minimumConsecutiveFrames is ${options.minimumConsecutiveFrames}, expected a whole number of 1 or more.`);
  }
  if (options.lowScoreThreshold > options.trackActivationThreshold) {
    throw new TrackerOptionsError(`ByteTracker option lowScoreThreshold (${options.lowScoreThreshold}) is above trackActivationThreshold (${options.trackActivationThreshold}). Set it at or below that threshold.`);
  }
}
