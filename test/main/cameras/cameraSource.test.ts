import { describe, expect, it } from 'vitest';
import { resolveCameraInput } from '../../../main/cameras/cameraSource.js';
import { VideoError } from '../../../main/cameras/errors.js';

describe('resolveCameraInput', () => {
  const cases: Array<{ source: string; options?: Parameters<typeof resolveCameraInput>[1]; kind: string; live: boolean; inputArgs: string[]; label: string; note: string }> = [
    { source: '/videos/aisle.mp4', kind: 'file', live: false, inputArgs: ['-i', '/videos/aisle.mp4'], label: '/videos/aisle.mp4', note: 'file path, analysis mode' },
    { source: 'clips/entrance.avi', options: { loop: true, realtime: true }, kind: 'file', live: false, inputArgs: ['-re', '-stream_loop', '-1', '-i', 'clips/entrance.avi'], label: 'clips/entrance.avi', note: 'relative path, looped at real-time pace for the demo' },
    { source: 'file:///videos/a%20b.mp4', kind: 'file', live: false, inputArgs: ['-i', '/videos/a b.mp4'], label: '/videos/a b.mp4', note: 'file URL is decoded to a path' },
    { source: 'rtsp://admin:secret@10.0.0.5:554/stream1', kind: 'rtsp', live: true, inputArgs: ['-rtsp_transport', 'tcp', '-timeout', '10000000', '-i', 'rtsp://admin:secret@10.0.0.5:554/stream1'], label: 'rtsp://***@10.0.0.5:554/stream1', note: 'RTSP over TCP with the default timeout in microseconds; credentials stay out of the label' },
    { source: 'rtsp://cam/1', options: { networkTimeoutMs: 2500, loop: true, realtime: true }, kind: 'rtsp', live: true, inputArgs: ['-rtsp_transport', 'tcp', '-timeout', '2500000', '-i', 'rtsp://cam/1'], label: 'rtsp://cam/1', note: 'custom timeout; loop and realtime ignored for live sources' },
    { source: 'http://127.0.0.1:8080/video.mjpg', kind: 'mjpeg', live: true, inputArgs: ['-rw_timeout', '10000000', '-i', 'http://127.0.0.1:8080/video.mjpg'], label: 'http://127.0.0.1:8080/video.mjpg', note: 'HTTP MJPEG stream' },
    { source: 'https://cam.local/mjpeg', kind: 'mjpeg', live: true, inputArgs: ['-rw_timeout', '10000000', '-i', 'https://cam.local/mjpeg'], label: 'https://cam.local/mjpeg', note: 'HTTPS MJPEG stream' },
    { source: 'webcam:0', kind: 'webcam', live: true, inputArgs: ['-f', 'v4l2', '-i', '/dev/video0'], label: '/dev/video0', note: 'webcam index maps to its v4l2 device' },
    { source: '/dev/video2', kind: 'webcam', live: true, inputArgs: ['-f', 'v4l2', '-i', '/dev/video2'], label: '/dev/video2', note: 'v4l2 device path' },
    { source: '  /videos/pad.mp4 ', kind: 'file', live: false, inputArgs: ['-i', '/videos/pad.mp4'], label: '/videos/pad.mp4', note: 'surrounding spaces trimmed' },
  ];
  for (const testCase of cases) {
    it(testCase.note, () => {
      const input = resolveCameraInput(testCase.source, testCase.options);
      expect(input.kind).toBe(testCase.kind);
      expect(input.live).toBe(testCase.live);
      expect(input.inputArgs).toEqual(testCase.inputArgs);
      expect(input.label).toBe(testCase.label);
      expect(input.probeArgs).not.toContain('-re');
      expect(input.probeArgs).not.toContain('-stream_loop');
    });
  }

  const invalid: Array<{ source: string; note: string }> = [
    { source: '', note: 'empty source' },
    { source: '   ', note: 'blank source' },
    { source: 'ftp://host/video.mp4', note: 'unsupported scheme' },
    { source: 'udp://239.0.0.1:1234', note: 'raw UDP stream is not a supported camera form' },
  ];
  for (const { source, note } of invalid) {
    it(`rejects ${note}`, () => {
      let caught: unknown;
      try {
        resolveCameraInput(source);
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(VideoError);
      expect((caught as VideoError).code).toBe('invalid_source');
    });
  }
});
