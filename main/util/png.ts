/**
 * Minimal PNG encoder and decoder for RGBA images, on `node:zlib`.
 *
 * The encoder writes 8-bit RGBA, non-interlaced, picking for each row the
 * filter with the smallest sum of absolute byte values, a common heuristic. The decoder reads what an installer's photo editor
 * is likely to save: bit depth 8 in every colour type (grey, RGB, palette,
 * grey + alpha, RGBA) and bit depth 16 without a palette, with palette
 * transparency from `tRNS`. It rejects interlaced images and bit depths below 8
 * with a PngError naming the value. Gamma and colour-profile chunks are ignored.
 */
import { crc32, deflateSync, inflateSync } from 'node:zlib';
import type { RgbaImage } from '../../ml/heatmap/rgbaImage.js';
import { describeRgbaImageProblem } from '../../ml/heatmap/rgbaImage.js';

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
/**
 * Largest width × height accepted when decoding (64 megapixels, 256 MiB as RGBA).
 * A camera picture is far smaller, so a bigger header means a corrupt or hostile file.
 */
const MAX_DECODED_PIXELS = 64 * 1024 * 1024;

export type PngErrorCode = 'PNG_INVALID_SIGNATURE' | 'PNG_CORRUPT' | 'PNG_UNSUPPORTED' | 'PNG_TOO_LARGE' | 'PNG_INVALID_IMAGE';

export class PngError extends Error {
  constructor(
    readonly code: PngErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'PngError';
  }
}

interface Header {
  width: number;
  height: number;
  bitDepth: number;
  colorType: number;
}

/** Channels per pixel for each PNG colour type. */
const CHANNELS: Record<number, number> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };

/** Encodes an RGBA image as PNG bytes. Throws PngError for a buffer that does not match the size. */
export function encodePng(image: RgbaImage): Buffer {
  const problem = describeRgbaImageProblem(image);
  if (problem) throw new PngError('PNG_INVALID_IMAGE', problem);

  const header = Buffer.alloc(13);
  header.writeUInt32BE(image.width, 0);
  header.writeUInt32BE(image.height, 4);
  header.set([8, 6, 0, 0, 0], 8);

  const stride = image.width * 4;
  const filtered = Buffer.alloc((stride + 1) * image.height);
  const zeroRow = new Uint8Array(stride);
  for (let y = 0; y < image.height; y++) {
    const row = image.data.subarray(y * stride, (y + 1) * stride);
    const above = y > 0 ? image.data.subarray((y - 1) * stride, y * stride) : zeroRow;
    const [filterType, bytes] = bestFilteredRow(row, above, 4);
    filtered[y * (stride + 1)] = filterType;
    filtered.set(bytes, y * (stride + 1) + 1);
  }

  return Buffer.concat([SIGNATURE, chunk('IHDR', header), chunk('IDAT', deflateSync(filtered)), chunk('IEND', Buffer.alloc(0))]);
}

/** Decodes PNG bytes to RGBA. Throws PngError with a code that distinguishes a corrupt, unsupported or too large file. */
export function decodePng(bytes: Uint8Array): RgbaImage {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buffer.length < SIGNATURE.length || !buffer.subarray(0, SIGNATURE.length).equals(SIGNATURE)) {
    throw new PngError('PNG_INVALID_SIGNATURE', 'File does not start with the PNG signature. Save the picture as PNG.');
  }

  const chunks = readChunks(buffer);
  const header = parseHeader(chunks.get('IHDR')?.[0]);
  const idat = chunks.get('IDAT');
  if (!idat) throw new PngError('PNG_CORRUPT', 'PNG has no IDAT chunk, so it contains no pixels.');

  const bytesPerPixel = ((CHANNELS[header.colorType] ?? 0) * header.bitDepth) / 8;
  const stride = header.width * bytesPerPixel;
  const expectedLength = (stride + 1) * header.height;
  let raw: Buffer;
  try {
    raw = inflateSync(Buffer.concat(idat), { maxOutputLength: expectedLength + 1 });
  } catch (error) {
    throw new PngError('PNG_CORRUPT', `PNG pixel data failed to decompress: ${(error as Error).message}.`);
  }
  if (raw.length !== expectedLength) {
    throw new PngError('PNG_CORRUPT', `PNG pixel data is ${raw.length} bytes, expected ${expectedLength} for ${header.width}×${header.height}.`);
  }

  const pixels = unfilter(raw, header.height, stride, Math.max(1, bytesPerPixel));
  const palette = header.colorType === 3 ? readPalette(chunks.get('PLTE')?.[0], chunks.get('tRNS')?.[0]) : undefined;
  return { width: header.width, height: header.height, data: toRgba(pixels, header, palette) };
}

function chunk(type: string, data: Buffer): Buffer {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'latin1');
  data.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

/** Splits the file into chunks by type, checking each CRC, and stops at IEND. */
function readChunks(buffer: Buffer): Map<string, Buffer[]> {
  const chunks = new Map<string, Buffer[]>();
  let offset = SIGNATURE.length;
  while (offset + 12 <= buffer.length) {
    const length = buffer.readUInt32BE(offset);
    const type = buffer.toString('latin1', offset + 4, offset + 8);
    const end = offset + 12 + length;
    if (end > buffer.length) throw new PngError('PNG_CORRUPT', `PNG chunk ${type} at byte ${offset} runs past the end of the file.`);

    const data = buffer.subarray(offset + 8, offset + 8 + length);
    const storedCrc = buffer.readUInt32BE(offset + 8 + length);
    if (crc32(buffer.subarray(offset + 4, offset + 8 + length)) !== storedCrc) {
      throw new PngError('PNG_CORRUPT', `PNG chunk ${type} at byte ${offset} has a wrong CRC. The file is damaged.`);
    }
    chunks.set(type, [...(chunks.get(type) ?? []), data]);
    if (type === 'IEND') return chunks;
    offset = end;
  }
  throw new PngError('PNG_CORRUPT', 'PNG ends without an IEND chunk. The file is truncated.');
}

function parseHeader(data: Buffer | undefined): Header {
  if (!data || data.length !== 13) throw new PngError('PNG_CORRUPT', 'PNG has no valid IHDR chunk.');
  const header = { width: data.readUInt32BE(0), height: data.readUInt32BE(4), bitDepth: data[8] ?? 0, colorType: data[9] ?? 0 };
  const interlace = data[12] ?? 0;

  if (header.width === 0 || header.height === 0) throw new PngError('PNG_CORRUPT', `PNG size ${header.width}×${header.height} is empty.`);
  if (header.width * header.height > MAX_DECODED_PIXELS) {
    throw new PngError('PNG_TOO_LARGE', `PNG is ${header.width}×${header.height}, above the limit of ${MAX_DECODED_PIXELS} pixels. Save a smaller picture.`);
  }
  if (CHANNELS[header.colorType] === undefined) throw new PngError('PNG_CORRUPT', `PNG colour type ${header.colorType} is invalid. Save the picture again as PNG.`);
  const depthSupported = header.bitDepth === 8 || (header.bitDepth === 16 && header.colorType !== 3);
  if (!depthSupported) {
    throw new PngError('PNG_UNSUPPORTED', `PNG bit depth ${header.bitDepth} with colour type ${header.colorType} is not supported. Save as 8-bit RGB or RGBA.`);
  }
  if (interlace !== 0) throw new PngError('PNG_UNSUPPORTED', 'Interlaced PNG is not supported. Save without interlacing.');
  return header;
}

function readPalette(plte: Buffer | undefined, trns: Buffer | undefined): Uint8Array {
  if (!plte || plte.length % 3 !== 0) throw new PngError('PNG_CORRUPT', 'Palette PNG has no valid PLTE chunk.');
  const entries = plte.length / 3;
  const palette = new Uint8Array(entries * 4);
  for (let i = 0; i < entries; i++) {
    palette.set([plte[3 * i] ?? 0, plte[3 * i + 1] ?? 0, plte[3 * i + 2] ?? 0, trns?.[i] ?? 255], 4 * i);
  }
  return palette;
}

/** Reverses the per-row filters and returns the bare pixel bytes. */
function unfilter(raw: Buffer, height: number, stride: number, bytesPerPixel: number): Uint8Array {
  const pixels = new Uint8Array(stride * height);
  for (let y = 0; y < height; y++) {
    const filterType = raw[y * (stride + 1)] ?? 0;
    const source = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    const rowStart = y * stride;
    for (let i = 0; i < stride; i++) {
      const left = i >= bytesPerPixel ? (pixels[rowStart + i - bytesPerPixel] ?? 0) : 0;
      const up = y > 0 ? (pixels[rowStart - stride + i] ?? 0) : 0;
      const upLeft = y > 0 && i >= bytesPerPixel ? (pixels[rowStart - stride + i - bytesPerPixel] ?? 0) : 0;
      pixels[rowStart + i] = ((source[i] ?? 0) + predictor(filterType, left, up, upLeft, y)) & 0xff;
    }
  }
  return pixels;
}

function predictor(filterType: number, left: number, up: number, upLeft: number, row: number): number {
  switch (filterType) {
    case 0:
      return 0;
    case 1:
      return left;
    case 2:
      return up;
    case 3:
      return (left + up) >> 1;
    case 4:
      return paeth(left, up, upLeft);
    default:
      throw new PngError('PNG_CORRUPT', `PNG row ${row} has filter type ${filterType}, expected 0 to 4.`);
  }
}

function paeth(left: number, up: number, upLeft: number): number {
  const estimate = left + up - upLeft;
  const toLeft = Math.abs(estimate - left);
  const toUp = Math.abs(estimate - up);
  const toUpLeft = Math.abs(estimate - upLeft);
  if (toLeft <= toUp && toLeft <= toUpLeft) return left;
  return toUp <= toUpLeft ? up : upLeft;
}

/** Filters one row with each of the five filters and returns the one with the smallest sum of absolute (signed) bytes. */
function bestFilteredRow(row: Uint8Array, above: Uint8Array, bytesPerPixel: number): [number, Uint8Array] {
  let best: [number, Uint8Array] = [0, row];
  let bestScore = Number.POSITIVE_INFINITY;
  for (let filterType = 0; filterType <= 4; filterType++) {
    const out = new Uint8Array(row.length);
    let score = 0;
    for (let i = 0; i < row.length; i++) {
      const left = i >= bytesPerPixel ? (row[i - bytesPerPixel] ?? 0) : 0;
      const upLeft = i >= bytesPerPixel ? (above[i - bytesPerPixel] ?? 0) : 0;
      const value = ((row[i] ?? 0) - predictor(filterType, left, above[i] ?? 0, upLeft, 0)) & 0xff;
      out[i] = value;
      score += value < 128 ? value : 256 - value;
    }
    if (score < bestScore) {
      best = [filterType, out];
      bestScore = score;
    }
  }
  return best;
}

/** Expands decoded pixel bytes of any supported colour type to 8-bit RGBA, rounding 16-bit samples to the nearest 8-bit value. */
function toRgba(pixels: Uint8Array, header: Header, palette: Uint8Array | undefined): Uint8Array {
  const channels = CHANNELS[header.colorType] ?? 1;
  const sampleBytes = header.bitDepth / 8;
  const count = header.width * header.height;
  const out = new Uint8Array(count * 4);
  const sample = (pixel: number, channel: number): number => {
    const offset = (pixel * channels + channel) * sampleBytes;
    if (sampleBytes === 1) return pixels[offset] ?? 0;
    // 65535 maps to 255, so dividing by 257 and rounding is the exact rescale.
    return Math.round((((pixels[offset] ?? 0) << 8) | (pixels[offset + 1] ?? 0)) / 257);
  };

  for (let p = 0; p < count; p++) {
    let rgba: [number, number, number, number];
    switch (header.colorType) {
      case 0:
        rgba = [sample(p, 0), sample(p, 0), sample(p, 0), 255];
        break;
      case 2:
        rgba = [sample(p, 0), sample(p, 1), sample(p, 2), 255];
        break;
      case 3: {
        const index = sample(p, 0);
        if (!palette || 4 * index >= palette.length) throw new PngError('PNG_CORRUPT', `PNG pixel ${p} uses palette entry ${index}, past the end of the palette.`);
        rgba = [palette[4 * index] ?? 0, palette[4 * index + 1] ?? 0, palette[4 * index + 2] ?? 0, palette[4 * index + 3] ?? 255];
        break;
      }
      case 4:
        rgba = [sample(p, 0), sample(p, 0), sample(p, 0), sample(p, 1)];
        break;
      default:
        rgba = [sample(p, 0), sample(p, 1), sample(p, 2), sample(p, 3)];
    }
    out.set(rgba, 4 * p);
  }
  return out;
}
