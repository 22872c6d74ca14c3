/**
 * Binary container for saved models: a magic tag, a JSON header and the
 * model's typed arrays stored back to back at 8-byte aligned offsets.
 * Little-endian, as on every platform the kiosk runs on (x64, arm64).
 */
import { RecError, type ModelKind } from './types.js';

const MAGIC = 0x31524150; // 'PAR1' read as a little-endian u32
const ALIGN_BYTES = 8;

type ArrayType = 'f32' | 'f64' | 'i32' | 'u8';
const BYTES_PER_ELEMENT: Record<ArrayType, number> = { f32: 4, f64: 8, i32: 4, u8: 1 };
export type StoredArray = Float32Array | Float64Array | Int32Array | Uint8Array;

interface ArrayEntry {
  name: string;
  type: ArrayType;
  offset: number;
  length: number;
}

interface Header {
  kind: ModelKind;
  state: unknown;
  arrays: ArrayEntry[];
}

export interface SavedModel {
  kind: ModelKind;
  /** JSON-serialisable settings and small lists (ids, hyperparameters). */
  state: unknown;
  arrays: Record<string, StoredArray>;
}

function typeOf(array: StoredArray): ArrayType {
  if (array instanceof Float32Array) return 'f32';
  if (array instanceof Float64Array) return 'f64';
  if (array instanceof Int32Array) return 'i32';
  return 'u8';
}

const align = (n: number): number => Math.ceil(n / ALIGN_BYTES) * ALIGN_BYTES;

export function encodeModel(model: SavedModel): Uint8Array {
  const entries: ArrayEntry[] = [];
  let dataBytes = 0;
  for (const [name, array] of Object.entries(model.arrays)) {
    entries.push({ name, type: typeOf(array), offset: dataBytes, length: array.length });
    dataBytes = align(dataBytes + array.byteLength);
  }
  const header: Header = { kind: model.kind, state: model.state, arrays: entries };
  const headerBytes = new TextEncoder().encode(JSON.stringify(header));
  const dataStart = align(8 + headerBytes.length);

  const out = new Uint8Array(dataStart + dataBytes);
  const view = new DataView(out.buffer);
  view.setUint32(0, MAGIC, true);
  view.setUint32(4, headerBytes.length, true);
  out.set(headerBytes, 8);
  entries.forEach((entry) => {
    const array = model.arrays[entry.name]!;
    out.set(new Uint8Array(array.buffer, array.byteOffset, array.byteLength), dataStart + entry.offset);
  });
  return out;
}

export function decodeModel(bytes: Uint8Array): SavedModel {
  if (bytes.length < 8) throw new RecError('corrupt_model', `saved model is ${bytes.length} bytes, shorter than its 8-byte header`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.getUint32(0, true) !== MAGIC) throw new RecError('corrupt_model', 'saved model does not start with the PAR1 tag');
  const headerLength = view.getUint32(4, true);
  if (8 + headerLength > bytes.length) throw new RecError('corrupt_model', `saved model header length ${headerLength} exceeds the file`);

  let header: Header;
  try {
    header = JSON.parse(new TextDecoder().decode(bytes.subarray(8, 8 + headerLength))) as Header;
  } catch (error) {
    throw new RecError('corrupt_model', `saved model header is not valid JSON: ${(error as Error).message}`);
  }
  if (!Array.isArray(header.arrays)) throw new RecError('corrupt_model', 'saved model header has no array list');

  const dataStart = align(8 + headerLength);
  const arrays: Record<string, StoredArray> = {};
  for (const entry of header.arrays) arrays[entry.name] = readArray(bytes, dataStart, entry);
  return { kind: header.kind, state: header.state, arrays };
}

function readArray(bytes: Uint8Array, dataStart: number, entry: ArrayEntry): StoredArray {
  const width = BYTES_PER_ELEMENT[entry.type] ?? 4;
  const start = dataStart + entry.offset;
  const end = start + entry.length * width;
  if (!Number.isInteger(entry.length) || entry.length < 0 || end > bytes.length) {
    throw new RecError('corrupt_model', `saved array "${entry.name}" runs past the end of the file`);
  }
  // Copy so the result is aligned and independent of the caller's buffer.
  const copy = bytes.slice(start, end).buffer;
  switch (entry.type) {
    case 'f32':
      return new Float32Array(copy);
    case 'f64':
      return new Float64Array(copy);
    case 'i32':
      return new Int32Array(copy);
    case 'u8':
      return new Uint8Array(copy);
    default:
      throw new RecError('corrupt_model', `saved array "${entry.name}" has unknown type ${String(entry.type)}`);
  }
}
