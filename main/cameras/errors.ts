/**
 * Typed errors of the camera layer. `code` is machine-readable: the camera
 * supervisor copies it into `CameraStatus.errorCode`, and the dashboard
 * translates it, so keep the codes stable.
 */

export type VideoErrorCode =
  /** A video file path does not exist or cannot be read. */
  | 'video_not_found'
  /** `ffmpeg` or `ffprobe` is not installed or not on PATH. */
  | 'ffmpeg_not_found'
  /** ffprobe could not read the input's size or frame rate. */
  | 'video_probe_failed'
  /** ffmpeg exited with an error while decoding (corrupt file, dropped stream). */
  | 'video_decode_failed'
  /** No bytes arrived from a live source within the read timeout. */
  | 'source_timeout'
  /** A live stream closed without an error (camera rebooted, server stopped). */
  | 'stream_ended'
  /** The camera URL or path is not one of the supported forms. */
  | 'invalid_source';

export class VideoError extends Error {
  constructor(
    readonly code: VideoErrorCode,
    message: string,
    /** Last lines ffmpeg or ffprobe wrote to stderr, when a process was involved. */
    readonly stderrTail: string = '',
  ) {
    super(stderrTail ? `${message}\nffmpeg output:\n${stderrTail}` : message);
    this.name = 'VideoError';
  }
}
