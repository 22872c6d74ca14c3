import { describe, expect, it } from 'vitest';
import { redactCredentials } from '../../../main/cameras/redact.js';

describe('redactCredentials', () => {
  const cases: Array<{ text: string; expected: string; note: string }> = [
    { text: 'rtsp://u:p@host/x', expected: 'rtsp://***@host/x', note: 'user and password' },
    { text: 'http://host/x@y', expected: 'http://host/x@y', note: 'an @ in the path is not a credential' },
    { text: '[rtsp @ 0x1] rtsp://admin:secret@10.0.0.5/s: Connection refused\nhttp://a:b@cam/m failed', expected: '[rtsp @ 0x1] rtsp://***@10.0.0.5/s: Connection refused\nhttp://***@cam/m failed', note: 'every URL in ffmpeg output' },
  ];
  for (const { text, expected, note } of cases) {
    it(`removes ${note}`, () => {
      expect(redactCredentials(text)).toBe(expected);
    });
  }
});
