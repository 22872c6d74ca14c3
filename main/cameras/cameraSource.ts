/**
 * Maps a camera's configured URL or path to ffmpeg input arguments.
 *
 * Supported forms:
 * - a video file path, or a `file://` URL, decoded from disk. `loop` restarts
 *   it at the end and `realtime` paces it at its own frame rate (`-re`, for demos).
 * - `rtsp://…` / `rtsps://…`: RTSP over TCP with a socket timeout, so a dead camera fails instead of hanging.
 * - `http://…` / `https://…`: an MJPEG (multipart/x-mixed-replace) stream, with an I/O timeout.
 * - `webcam:N` or `/dev/videoN`: a USB webcam through Video4Linux2.
 */
import { fileURLToPath } from 'node:url';
import { VideoError } from './errors.js';
import { redactCredentials } from './redact.js';

export type CameraSourceKind = 'file' | 'rtsp' | 'mjpeg' | 'webcam';

export interface CameraSourceOptions {
  /** Restart a file at its end instead of ending; ignored for live sources. */
  loop?: boolean;
  /** Read a file at its own frame rate (`-re`) instead of as fast as possible; ignored for live sources. */
  realtime?: boolean;
  /** Network read timeout for RTSP and HTTP sources, milliseconds. */
  networkTimeoutMs?: number;
}

export interface CameraInput {
  kind: CameraSourceKind;
  /** The source for logs and errors, with any `user:password@` removed. */
  label: string;
  /** True for cameras; false for files, which have a video clock and an end. */
  live: boolean;
  /** ffmpeg input options ending in `-i INPUT`. */
  inputArgs: string[];
  /** The same input for ffprobe, without the decode-only options (`-re`, `-stream_loop`). */
  probeArgs: string[];
}

/**
 * Default network read timeout. Shorter detects a dead camera sooner but
 * risks false failures on a congested store network.
 */
export const DEFAULT_NETWORK_TIMEOUT_MS = 10_000;

const WEBCAM_PATTERN = /^webcam:(\d{1,3})$/;
const VIDEO_DEVICE_PATTERN = /^\/dev\/video\d{1,3}$/;

/** Resolves a configured camera URL or path; throws `VideoError('invalid_source')` for unsupported forms. */
export function resolveCameraInput(source: string, options: CameraSourceOptions = {}): CameraInput {
  const trimmed = source.trim();
  if (trimmed === '') throw new VideoError('invalid_source', 'Camera source is empty: set a file path, rtsp://, http(s):// or webcam:N.');
  const timeoutMicros = String(Math.round((options.networkTimeoutMs ?? DEFAULT_NETWORK_TIMEOUT_MS) * 1000));

  const webcam = WEBCAM_PATTERN.exec(trimmed);
  if (webcam || VIDEO_DEVICE_PATTERN.test(trimmed)) {
    const device = webcam ? `/dev/video${webcam[1]}` : trimmed;
    const args = ['-f', 'v4l2', '-i', device];
    return { kind: 'webcam', label: device, live: true, inputArgs: args, probeArgs: args };
  }

  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(trimmed)?.[1]?.toLowerCase();
  switch (scheme) {
    case 'rtsp':
    case 'rtsps': {
      // ffmpeg 5.x: `-timeout` is the RTSP socket I/O timeout in microseconds (it was `-stimeout` before 5.0).
      const args = ['-rtsp_transport', 'tcp', '-timeout', timeoutMicros, '-i', trimmed];
      return { kind: 'rtsp', label: redactCredentials(trimmed), live: true, inputArgs: args, probeArgs: args };
    }
    case 'http':
    case 'https': {
      // `-rw_timeout` (microseconds) bounds every read, so a server that stops sending fails the stream.
      const args = ['-rw_timeout', timeoutMicros, '-i', trimmed];
      return { kind: 'mjpeg', label: redactCredentials(trimmed), live: true, inputArgs: args, probeArgs: args };
    }
    case 'file':
      return fileInput(fileURLToPath(trimmed), options);
    case undefined:
      return fileInput(trimmed, options);
    default:
      throw new VideoError('invalid_source', `Unsupported camera source scheme "${scheme}" in ${redactCredentials(trimmed)}: use a file path, rtsp://, http(s):// or webcam:N.`);
  }
}

function fileInput(path: string, options: CameraSourceOptions): CameraInput {
  const inputArgs = [
    ...(options.realtime ? ['-re'] : []),
    ...(options.loop ? ['-stream_loop', '-1'] : []),
    '-i', path,
  ];
  return { kind: 'file', label: path, live: false, inputArgs, probeArgs: ['-i', path] };
}
