import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TrafficSummary } from '../../main/api/wire.js';
import { startPlayAisle } from '../../main/app.js';
import { parseStoreConfig } from '../../main/config/loadConfig.js';
import { createSilentLogger } from '../../main/log/logger.js';
import { openDatabase } from '../../main/storage/database.js';

/**
 * After a real run (ffmpeg, the real detector, real SQLite) nothing in the
 * data folder may look like a picture, a video or a raw frame: only
 * aggregate counts may be stored.
 */

const CLIP = path.resolve(import.meta.dirname, '../../../shared/data/tud-stadtmitte/TUD-Stadtmitte.mp4');
const hasClip = fs.existsSync(CLIP);
if (!hasClip) console.warn(`Skipping the privacy test: ${CLIP} is missing (it comes with ../shared/data).`);

/** Bytes of one 640×480 RGB24 frame, the analysis frame size of this clip. */
const FRAME_BYTES = 640 * 480 * 3;
/** A blob this large with near-random bytes could be a compressed picture; heatmap minutes are far smaller. */
const SUSPICIOUS_BLOB_BYTES = 16 * 1024;
const SUSPICIOUS_ENTROPY_BITS = 7.5;
/** Frames the run must analyse before the data folder is checked. */
const FRAMES_TO_ANALYSE = 10;

const SIGNATURES: { name: string; bytes: Buffer }[] = [
  { name: 'JPEG', bytes: Buffer.from([0xff, 0xd8, 0xff]) },
  { name: 'PNG', bytes: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]) },
  { name: 'MP4/MOV (ftyp)', bytes: Buffer.from('ftyp', 'latin1') },
  { name: 'RIFF (AVI, WebP, WAV)', bytes: Buffer.from('RIFF', 'latin1') },
  { name: 'GIF', bytes: Buffer.from('GIF8', 'latin1') },
  { name: 'Matroska/WebM', bytes: Buffer.from([0x1a, 0x45, 0xdf, 0xa3]) },
];

const TRAFFIC_COLUMNS: Record<string, string[]> = {
  traffic_camera_minutes: ['camera_id', 'minute_ms', 'frames', 'occupancy_sum', 'occupancy_max'],
  traffic_line_minutes: ['camera_id', 'line_id', 'minute_ms', 'crossed_in', 'crossed_out'],
  traffic_zone_minutes: ['camera_id', 'zone_id', 'minute_ms', 'visits', 'dwell_ms_total', 'occupancy_max'],
  traffic_heatmap_minutes: ['camera_id', 'minute_ms', 'cols', 'rows', 'cell_size_px', 'image_width', 'image_height', 'counts'],
};

function entropyBitsPerByte(bytes: Buffer): number {
  const counts = new Array<number>(256).fill(0);
  for (const byte of bytes) counts[byte]! += 1;
  return counts.reduce((sum, count) => (count === 0 ? sum : sum - (count / bytes.length) * Math.log2(count / bytes.length)), 0);
}

function listFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? listFiles(full) : [full];
  });
}

describe.skipIf(!hasClip)('privacy of stored data', () => {
  let dataDir: string;

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'playaisle-privacy-'));
    const config = parseStoreConfig({
      cameras: [{
        id: 'street', name: 'Street', url: CLIP, fps: 10, loop: false, realtime: true,
        lines: [{ id: 'middle', name: 'Middle', points: [320, 0, 320, 480], entrance: true }],
        zones: [{ id: 'left', name: 'Left', polygon: [[0, 0], [320, 0], [320, 480], [0, 480]] }],
      }],
    }, 'privacy test');
    const app = await startPlayAisle({ port: 0, dataDir, config, logger: createSilentLogger(), staticDir: path.join(dataDir, 'none') });
    try {
      const deadline = Date.now() + 120_000;
      for (;;) {
        const summary = (await (await fetch(`${app.url}/api/traffic/summary`)).json()) as TrafficSummary;
        if ((summary.cameras[0]?.framesAnalysed ?? 0) >= FRAMES_TO_ANALYSE) break;
        if (Date.now() > deadline) throw new Error(`the camera analysed too few frames: ${JSON.stringify(summary.cameras)}`);
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
    } finally {
      await app.stop();
    }
  });

  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('stores counts from the run', () => {
    const db = openDatabase(path.join(dataDir, 'playaisle.db'), createSilentLogger());
    try {
      expect(db.prepare('SELECT SUM(frames) FROM traffic_camera_minutes').pluck().get()).toBeGreaterThanOrEqual(FRAMES_TO_ANALYSE);
    } finally {
      db.close();
    }
  });

  it('writes no picture or video file', () => {
    for (const file of listFiles(dataDir)) {
      const bytes = fs.readFileSync(file);
      for (const signature of SIGNATURES) {
        expect(bytes.indexOf(signature.bytes), `${signature.name} signature in ${file}`).toBe(-1);
      }
      if (path.basename(file) !== 'playaisle.db') {
        expect(bytes.length, `${file} is the size of a raw frame or more`).toBeLessThan(FRAME_BYTES);
      }
    }
  });

  it('keeps only aggregate traffic tables', () => {
    const db = openDatabase(path.join(dataDir, 'playaisle.db'), createSilentLogger());
    try {
      const tables = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name LIKE 'traffic%'").pluck().all() as string[];
      expect(tables.sort()).toEqual(Object.keys(TRAFFIC_COLUMNS).sort());
      for (const [table, columns] of Object.entries(TRAFFIC_COLUMNS)) {
        const actual = (db.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]).map((column) => column.name);
        expect(actual, `columns of ${table}`).toEqual(columns);
      }
    } finally {
      db.close();
    }
  });

  it('stores no large or frame-like blob', () => {
    const db = openDatabase(path.join(dataDir, 'playaisle.db'), createSilentLogger());
    try {
      const tables = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table'").pluck().all() as string[];
      for (const table of tables) {
        for (const row of db.prepare(`SELECT * FROM "${table}"`).iterate() as Iterable<Record<string, unknown>>) {
          for (const [column, value] of Object.entries(row)) {
            if (!Buffer.isBuffer(value)) continue;
            const where = `${table}.${column}`;
            expect(value.length, `${where} is as large as a raw frame`).toBeLessThan(FRAME_BYTES);
            const suspicious = value.length >= SUSPICIOUS_BLOB_BYTES && entropyBitsPerByte(value) > SUSPICIOUS_ENTROPY_BITS;
            expect(suspicious, `${where} holds a ${value.length}-byte high-entropy blob`).toBe(false);
            for (const signature of SIGNATURES) expect(value.indexOf(signature.bytes), `${signature.name} in ${where}`).toBe(-1);
          }
        }
      }
    } finally {
      db.close();
    }
  });
});
