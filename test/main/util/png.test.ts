import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { decodePng, encodePng, PngError } from '../../../main/util/png.js';

/** Deterministic pseudo-random bytes (mulberry32), so failures reproduce. */
function randomBytes(length: number, seed: number): Uint8Array {
  let state = seed >>> 0;
  const bytes = new Uint8Array(length);
  for (let i = 0; i < length; i++) {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), state | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    bytes[i] = ((t ^ (t >>> 14)) >>> 0) & 0xff;
  }
  return bytes;
}

/** Builds a gradient with a few sharp edges, so the encoder picks several different row filters. */
function testImage(width: number, height: number): Uint8Array {
  const data = new Uint8Array(width * height * 4);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      data.set([(x * 7) & 0xff, (y * 11) & 0xff, x > width / 2 ? 255 : 0, (x + y) & 0xff], 4 * (y * width + x));
    }
  }
  return data;
}

/** Replaces the IHDR fields at `offset` (relative to the IHDR data) and fixes the CRC. */
function patchHeader(png: Buffer, offset: number, bytes: number[]): Buffer {
  const patched = Buffer.from(png);
  const headerData = 16;
  patched.set(bytes, headerData + offset);
  patched.writeUInt32BE(crc32(patched.subarray(12, headerData + 13)), headerData + 13);
  return patched;
}

const workDir = mkdtempSync(join(tmpdir(), 'playaisle-png-'));
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

function hasFfmpeg(): boolean {
  try {
    execFileSync('ffmpeg', ['-version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
const ffmpegAvailable = hasFfmpeg();

/** Converts raw pixels to a PNG with ffmpeg, an independent encoder. */
function ffmpegEncode(raw: Uint8Array, width: number, height: number, inputFormat: string, outputFormat: string): Buffer {
  const rawPath = join(workDir, `in-${inputFormat}-${outputFormat}.raw`);
  const pngPath = join(workDir, `out-${inputFormat}-${outputFormat}.png`);
  writeFileSync(rawPath, raw);
  execFileSync('ffmpeg', ['-v', 'error', '-y', '-f', 'rawvideo', '-pix_fmt', inputFormat, '-s', `${width}x${height}`, '-i', rawPath, '-pix_fmt', outputFormat, pngPath]);
  return readFileSync(pngPath);
}

describe('png', () => {
  it('round-trips RGBA exactly', () => {
    const image = { width: 37, height: 23, data: randomBytes(37 * 23 * 4, 1) };
    const decoded = decodePng(encodePng(image));
    expect(decoded.width).toBe(37);
    expect(decoded.height).toBe(23);
    expect(Buffer.from(decoded.data).equals(Buffer.from(image.data))).toBe(true);
  });

  it('round-trips a smooth image', () => {
    const image = { width: 64, height: 48, data: testImage(64, 48) };
    expect(Buffer.from(decodePng(encodePng(image)).data).equals(Buffer.from(image.data))).toBe(true);
  });

  it.skipIf(!ffmpegAvailable)('writes PNG that ffmpeg decodes', () => {
    const image = { width: 40, height: 30, data: testImage(40, 30) };
    const pngPath = join(workDir, 'ours.png');
    writeFileSync(pngPath, encodePng(image));
    const raw = execFileSync('ffmpeg', ['-v', 'error', '-i', pngPath, '-f', 'rawvideo', '-pix_fmt', 'rgba', '-']);
    expect(raw.equals(Buffer.from(image.data))).toBe(true);
  });

  // Each ffmpeg output format is a PNG colour type an installer's editor may
  // save. The expected pixels are ffmpeg's own decode of the same file to RGBA.
  const formats = [
    // Colour type 6, RGBA 8-bit.
    { inputFormat: 'rgba', outputFormat: 'rgba', channels: 4 },
    // Colour type 2, RGB 8-bit: alpha becomes 255.
    { inputFormat: 'rgb24', outputFormat: 'rgb24', channels: 3 },
    // Colour type 0, grey 8-bit.
    { inputFormat: 'gray', outputFormat: 'gray', channels: 1 },
    // Colour type 4, grey + alpha 8-bit.
    { inputFormat: 'ya8', outputFormat: 'ya8', channels: 2 },
    // Colour type 2, RGB 16-bit. ffmpeg's own 16-to-8-bit step rounds differently, so allow 1 level.
    { inputFormat: 'rgb24', outputFormat: 'rgb48be', channels: 3, tolerance: 1 },
    // Colour type 6, RGBA 16-bit.
    { inputFormat: 'rgba', outputFormat: 'rgba64be', channels: 4, tolerance: 1 },
    // Colour type 3, 8-bit palette with transparency.
    { inputFormat: 'rgba', outputFormat: 'pal8', channels: 4 },
  ];
  it.skipIf(!ffmpegAvailable).each(formats)('decodes ffmpeg $outputFormat', ({ inputFormat, outputFormat, channels, tolerance = 0 }) => {
    const width = 33;
    const height = 17;
    const raw = randomBytes(width * height * channels, 2);
    const png = ffmpegEncode(raw, width, height, inputFormat, outputFormat);
    const pngPath = join(workDir, `check-${outputFormat}.png`);
    writeFileSync(pngPath, png);
    const expected = execFileSync('ffmpeg', ['-v', 'error', '-i', pngPath, '-f', 'rawvideo', '-pix_fmt', 'rgba', '-']);

    const decoded = decodePng(png);
    expect(decoded.width).toBe(width);
    expect(decoded.height).toBe(height);
    const largestDifference = decoded.data.reduce((max, value, i) => Math.max(max, Math.abs(value - (expected[i] ?? 0))), 0);
    expect(largestDifference).toBeLessThanOrEqual(tolerance);
  });

  const image = { width: 8, height: 8, data: testImage(8, 8) };
  const valid = encodePng(image);
  const corrupt: Array<{ name: string; bytes: Uint8Array; code: string }> = [
    // A JPEG or text file renamed to .png.
    { name: 'wrong signature', bytes: Buffer.from('not a png at all'), code: 'PNG_INVALID_SIGNATURE' },
    // A download cut short.
    { name: 'truncated', bytes: valid.subarray(0, valid.length - 20), code: 'PNG_CORRUPT' },
    // A flipped bit inside the pixel data is caught by the chunk CRC.
    { name: 'damaged IDAT', bytes: (() => { const b = Buffer.from(valid); b[45] = (b[45] ?? 0) ^ 0x10; return b; })(), code: 'PNG_CORRUPT' },
    // A header claiming 100000 × 100000 pixels must not allocate 40 GB.
    { name: 'huge size', bytes: patchHeader(valid, 0, [0, 1, 0x86, 0xa0, 0, 1, 0x86, 0xa0]), code: 'PNG_TOO_LARGE' },
    // Adam7 interlacing is not supported.
    { name: 'interlaced', bytes: patchHeader(valid, 12, [1]), code: 'PNG_UNSUPPORTED' },
    // 4-bit grey is not supported.
    { name: 'low bit depth', bytes: patchHeader(valid, 8, [4, 0]), code: 'PNG_UNSUPPORTED' },
    // A header that claims more rows than the pixel data holds.
    { name: 'size mismatch', bytes: patchHeader(valid, 4, [0, 0, 0, 9]), code: 'PNG_CORRUPT' },
  ];
  it.each(corrupt)('rejects $name', ({ bytes, code }) => {
    let caught: unknown;
    try {
      decodePng(bytes);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(PngError);
    expect((caught as PngError).code).toBe(code);
  });

  it('rejects an image buffer of the wrong length', () => {
    expect(() => encodePng({ width: 2, height: 2, data: new Uint8Array(15) })).toThrow(PngError);
  });
});
