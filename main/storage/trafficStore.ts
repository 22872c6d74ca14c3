import { deflateRawSync, inflateRawSync } from 'node:zlib';
import type { HeatmapCells, MinuteAggregate } from '../../ml/analytics/types.js';
import { addHeatmaps, imageSizeOf, sameGrid, toHeatmapGrid } from '../../ml/analytics/heatmapCells.js';
import type { Db } from './database.js';

/** Source of the current time, so tests can control retention and "today". */
export interface Clock {
  nowMs(): number;
}

export const systemClock: Clock = { nowMs: () => Date.now() };

export interface LineTotal {
  cameraId: string;
  lineId: string;
  crossedIn: number;
  crossedOut: number;
}

export interface LineMinuteRow extends LineTotal {
  minuteMs: number;
}

export interface ZoneTotal {
  cameraId: string;
  zoneId: string;
  visits: number;
  dwellMsTotal: number;
  occupancyMax: number;
}

export interface CameraTotal {
  cameraId: string;
  frames: number;
  occupancySum: number;
  occupancyMax: number;
}

/**
 * Per-minute traffic aggregates in SQLite. Every write adds to what is stored
 * for the same (camera, minute), so a restart in the middle of a minute or a
 * retried write never loses counts already committed.
 */
export class TrafficStore {
  private readonly statements;

  constructor(private readonly db: Db) {
    this.statements = {
      upsertCamera: db.prepare(`
        INSERT INTO traffic_camera_minutes (camera_id, minute_ms, frames, occupancy_sum, occupancy_max)
        VALUES (@cameraId, @minuteMs, @frames, @occupancySum, @occupancyMax)
        ON CONFLICT (camera_id, minute_ms) DO UPDATE SET
          frames = frames + excluded.frames,
          occupancy_sum = occupancy_sum + excluded.occupancy_sum,
          occupancy_max = MAX(occupancy_max, excluded.occupancy_max)`),
      upsertLine: db.prepare(`
        INSERT INTO traffic_line_minutes (camera_id, line_id, minute_ms, crossed_in, crossed_out)
        VALUES (@cameraId, @lineId, @minuteMs, @crossedIn, @crossedOut)
        ON CONFLICT (camera_id, line_id, minute_ms) DO UPDATE SET
          crossed_in = crossed_in + excluded.crossed_in,
          crossed_out = crossed_out + excluded.crossed_out`),
      upsertZone: db.prepare(`
        INSERT INTO traffic_zone_minutes (camera_id, zone_id, minute_ms, visits, dwell_ms_total, occupancy_max)
        VALUES (@cameraId, @zoneId, @minuteMs, @visits, @dwellMsTotal, @occupancyMax)
        ON CONFLICT (camera_id, zone_id, minute_ms) DO UPDATE SET
          visits = visits + excluded.visits,
          dwell_ms_total = dwell_ms_total + excluded.dwell_ms_total,
          occupancy_max = MAX(occupancy_max, excluded.occupancy_max)`),
      selectHeatmap: db.prepare(`
        SELECT cols, rows, cell_size_px AS cellSizePx, image_width AS imageWidth, image_height AS imageHeight, counts FROM traffic_heatmap_minutes
        WHERE camera_id = ? AND minute_ms = ?`),
      replaceHeatmap: db.prepare(`
        INSERT OR REPLACE INTO traffic_heatmap_minutes (camera_id, minute_ms, cols, rows, cell_size_px, image_width, image_height, counts)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?)`),
    };
  }

  /** Add one minute aggregate in a single transaction; throws the SQLite error when the write fails. */
  writeMinute(minute: MinuteAggregate): void {
    const { cameraId, minuteMs } = minute;
    const write = this.db.transaction(() => {
      this.statements.upsertCamera.run({
        cameraId, minuteMs, frames: minute.frames, occupancySum: minute.occupancySum, occupancyMax: minute.occupancyMax,
      });
      for (const line of minute.lines) this.statements.upsertLine.run({ cameraId, minuteMs, ...line });
      for (const zone of minute.zones) this.statements.upsertZone.run({ cameraId, minuteMs, ...zone });
      if (minute.heatmap) this.addHeatmap(cameraId, minuteMs, minute.heatmap);
    });
    write();
  }

  /** Line totals per (camera, line) over `[fromMs, toMs)`. */
  lineTotals(fromMs: number, toMs: number): LineTotal[] {
    return this.db.prepare(`
      SELECT camera_id AS cameraId, line_id AS lineId, SUM(crossed_in) AS crossedIn, SUM(crossed_out) AS crossedOut
      FROM traffic_line_minutes WHERE minute_ms >= ? AND minute_ms < ?
      GROUP BY camera_id, line_id ORDER BY camera_id, line_id`).all(fromMs, toMs) as LineTotal[];
  }

  /** Per-minute line rows over `[fromMs, toMs)`, for grouping by local hour. */
  lineMinutes(fromMs: number, toMs: number): LineMinuteRow[] {
    return this.db.prepare(`
      SELECT camera_id AS cameraId, line_id AS lineId, minute_ms AS minuteMs, crossed_in AS crossedIn, crossed_out AS crossedOut
      FROM traffic_line_minutes WHERE minute_ms >= ? AND minute_ms < ?
      ORDER BY minute_ms`).all(fromMs, toMs) as LineMinuteRow[];
  }

  /** Zone visits, total dwell and maximum occupancy per (camera, zone) over `[fromMs, toMs)`. */
  zoneTotals(fromMs: number, toMs: number): ZoneTotal[] {
    return this.db.prepare(`
      SELECT camera_id AS cameraId, zone_id AS zoneId, SUM(visits) AS visits,
             SUM(dwell_ms_total) AS dwellMsTotal, MAX(occupancy_max) AS occupancyMax
      FROM traffic_zone_minutes WHERE minute_ms >= ? AND minute_ms < ?
      GROUP BY camera_id, zone_id ORDER BY camera_id, zone_id`).all(fromMs, toMs) as ZoneTotal[];
  }

  /** Frames analysed and occupancy per camera over `[fromMs, toMs)`. */
  cameraTotals(fromMs: number, toMs: number): CameraTotal[] {
    return this.db.prepare(`
      SELECT camera_id AS cameraId, SUM(frames) AS frames, SUM(occupancy_sum) AS occupancySum, MAX(occupancy_max) AS occupancyMax
      FROM traffic_camera_minutes WHERE minute_ms >= ? AND minute_ms < ?
      GROUP BY camera_id ORDER BY camera_id`).all(fromMs, toMs) as CameraTotal[];
  }

  /**
   * Cell-wise sum of a camera's heatmap minutes over `[fromMs, toMs)`. When the
   * grid size changed during the range (new resolution or cell size), only
   * the minutes with the latest grid are summed. Null when there are none.
   */
  heatmapSum(cameraId: string, fromMs: number, toMs: number): HeatmapCells | null {
    const rows = this.db.prepare(`
      SELECT cols, rows, cell_size_px AS cellSizePx, image_width AS imageWidth, image_height AS imageHeight, counts FROM traffic_heatmap_minutes
      WHERE camera_id = ? AND minute_ms >= ? AND minute_ms < ? ORDER BY minute_ms DESC`)
      .all(cameraId, fromMs, toMs) as HeatmapRow[];
    let sum: HeatmapCells | null = null;
    for (const row of rows) {
      const cells = decodeHeatmap(row);
      if (!cells) continue;
      if (sum && !sameGrid(sum, cells)) continue;
      sum = addHeatmaps(sum, cells);
    }
    return sum;
  }

  /** Delete every minute that starts before `cutoffMs`; returns the number of rows removed. */
  purgeBefore(cutoffMs: number): number {
    const tables = ['traffic_camera_minutes', 'traffic_line_minutes', 'traffic_zone_minutes', 'traffic_heatmap_minutes'];
    const purge = this.db.transaction(() =>
      tables.reduce((removed, table) => removed + this.db.prepare(`DELETE FROM ${table} WHERE minute_ms < ?`).run(cutoffMs).changes, 0),
    );
    return purge();
  }

  private addHeatmap(cameraId: string, minuteMs: number, heatmap: HeatmapCells): void {
    const storedRow = this.statements.selectHeatmap.get(cameraId, minuteMs) as HeatmapRow | undefined;
    const stored = storedRow ? decodeHeatmap(storedRow) : null;
    const merged = addHeatmaps(stored, heatmap)!;
    const size = imageSizeOf(merged);
    this.statements.replaceHeatmap.run(
      cameraId, minuteMs, merged.cols, merged.rows, merged.cellSizePx, size.imageWidth, size.imageHeight, encodeCounts(merged.counts),
    );
  }
}

interface HeatmapRow {
  cols: number;
  rows: number;
  cellSizePx: number;
  imageWidth: number;
  imageHeight: number;
  counts: Buffer;
}

/**
 * Encodes counts as little-endian uint32, deflated. Raw, a 768×576 frame at
 * 16 px cells takes 6.75 KiB a minute, about 3.6 GiB a camera over 400 days.
 * Most cells of a minute are zero, so deflate shrinks it: one demo minute of
 * 66 frames on vtest.avi took 198 bytes.
 */
function encodeCounts(counts: Uint32Array): Buffer {
  const raw = Buffer.alloc(counts.length * 4);
  counts.forEach((value, index) => raw.writeUInt32LE(value, index * 4));
  return deflateRawSync(raw);
}

/** Null for a blob that does not inflate to its grid's shape (a damaged row is skipped, not fatal). */
function decodeHeatmap(row: HeatmapRow): HeatmapCells | null {
  const cellCount = row.cols * row.rows;
  let raw: Buffer;
  try {
    raw = inflateRawSync(row.counts, { maxOutputLength: cellCount * 4 + 1 });
  } catch {
    return null;
  }
  if (raw.length !== cellCount * 4) return null;
  const counts = new Uint32Array(cellCount);
  for (let i = 0; i < cellCount; i++) counts[i] = raw.readUInt32LE(i * 4);
  const cells = { cols: row.cols, rows: row.rows, cellSizePx: row.cellSizePx, imageWidth: row.imageWidth, imageHeight: row.imageHeight, counts };
  try {
    toHeatmapGrid(cells);
  } catch {
    return null;
  }
  return cells;
}
