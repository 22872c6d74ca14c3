import type { Migration } from './index.js';

/**
 * Traffic tables (versions 1-9). Only per-minute aggregates per camera are
 * stored: counts, occupancy, dwell and a coarse heatmap grid. No frame, crop,
 * box or track id ever reaches the database. `minute_ms` is the epoch ms of
 * the start of the UTC minute, so local days and hours are derived at query time.
 */
export const TRAFFIC_MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'traffic per-minute aggregates',
    up(db) {
      db.exec(`
        CREATE TABLE traffic_camera_minutes (
          camera_id TEXT NOT NULL,
          minute_ms INTEGER NOT NULL,
          frames INTEGER NOT NULL,
          occupancy_sum INTEGER NOT NULL,
          occupancy_max INTEGER NOT NULL,
          PRIMARY KEY (camera_id, minute_ms)
        ) WITHOUT ROWID;

        CREATE TABLE traffic_line_minutes (
          camera_id TEXT NOT NULL,
          line_id TEXT NOT NULL,
          minute_ms INTEGER NOT NULL,
          crossed_in INTEGER NOT NULL,
          crossed_out INTEGER NOT NULL,
          PRIMARY KEY (camera_id, line_id, minute_ms)
        ) WITHOUT ROWID;

        CREATE TABLE traffic_zone_minutes (
          camera_id TEXT NOT NULL,
          zone_id TEXT NOT NULL,
          minute_ms INTEGER NOT NULL,
          visits INTEGER NOT NULL,
          dwell_ms_total INTEGER NOT NULL,
          occupancy_max INTEGER NOT NULL,
          PRIMARY KEY (camera_id, zone_id, minute_ms)
        ) WITHOUT ROWID;

        CREATE TABLE traffic_heatmap_minutes (
          camera_id TEXT NOT NULL,
          minute_ms INTEGER NOT NULL,
          cols INTEGER NOT NULL,
          rows INTEGER NOT NULL,
          cell_size_px INTEGER NOT NULL,
          image_width INTEGER NOT NULL,
          image_height INTEGER NOT NULL,
          counts BLOB NOT NULL,
          PRIMARY KEY (camera_id, minute_ms)
        ) WITHOUT ROWID;

        CREATE INDEX traffic_line_minutes_by_minute ON traffic_line_minutes (minute_ms);
        CREATE INDEX traffic_zone_minutes_by_minute ON traffic_zone_minutes (minute_ms);
      `);
    },
  },
];
