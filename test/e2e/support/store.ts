// A temporary store for the browser tests: its own data folder, a small
// camera configuration and per-minute traffic written through TrafficStore
// into the real SQLite file the app then opens.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { toHeatmapCells } from '../../../ml/analytics/heatmapCells.js';
import type { MinuteAggregate } from '../../../ml/analytics/types.js';
import { HeatmapGrid } from '../../../ml/heatmap/heatmapGrid.js';
import { parseStoreConfig } from '../../../main/config/loadConfig.js';
import type { StoreConfig } from '../../../main/config/schema.js';
import { createSilentLogger } from '../../../main/log/logger.js';
import { openDatabase } from '../../../main/storage/database.js';
import { localDateString, localDayRange } from '../../../main/storage/localDay.js';
import { TrafficStore } from '../../../main/storage/trafficStore.js';

export const DATABASE_FILE = 'playaisle.db';

/** Frame size of the test cameras and the heatmap grid that covers it. */
const FRAME = { width: 768, height: 576, cellSizePx: 16 };

export function createDataDir(): { dataDir: string; remove(): void } {
  const dataDir = mkdtempSync(join(tmpdir(), 'playaisle-e2e-'));
  return { dataDir, remove: () => rmSync(dataDir, { recursive: true, force: true }) };
}

/**
 * Two cameras: `entrance` with the store's entrance line, and `floor` with
 * two zones. The video paths do not exist; the tests run with analysis off.
 */
export function testStoreConfig(dataDir: string): StoreConfig {
  return parseStoreConfig({
    storeName: 'E2E toy store',
    cameras: [
      {
        id: 'entrance', name: 'Front door', url: join(dataDir, 'entrance.mp4'),
        lines: [{ id: 'door', name: 'Door', points: [0, 400, 768, 400], entrance: true }],
      },
      {
        id: 'floor', name: 'Shop floor', url: join(dataDir, 'floor.mp4'),
        zones: [
          { id: 'lego', name: 'LEGO corner', polygon: [[0, 0], [384, 0], [384, 576], [0, 576]] },
          { id: 'plush', name: 'Plush wall', polygon: [[384, 0], [768, 0], [768, 576], [384, 576]] },
        ],
      },
    ],
  }, 'browser test configuration');
}

/** One seeded minute of today: local hour and minute, and what was counted in it. */
export interface SeedMinute {
  hour: number;
  minute: number;
  crossedIn: number;
  crossedOut: number;
  lego: { visits: number; dwellMsTotal: number };
  plush: { visits: number; dwellMsTotal: number };
}

/** Start of a local hour and minute of today, epoch ms. */
export function todayAt(hour: number, minute: number): number {
  const day = localDayRange(localDateString(Date.now()))!;
  return day.startMs + (hour * 60 + minute) * 60_000;
}

/** Anchor counts on the frame grid: a walking path from the door toward the back of the store. */
function walkingPathHeatmap(weight: number): MinuteAggregate['heatmap'] {
  const grid = new HeatmapGrid({ imageWidth: FRAME.width, imageHeight: FRAME.height, cellSizePx: FRAME.cellSizePx });
  for (let row = 0; row < grid.rows; row++) {
    const col = Math.round(grid.columns / 2 + Math.sin(row / 5) * (grid.columns / 4));
    for (let spread = -2; spread <= 2; spread++) {
      const index = row * grid.columns + Math.min(grid.columns - 1, Math.max(0, col + spread));
      grid.counts[index] = grid.counts[index]! + weight * (3 - Math.abs(spread));
    }
  }
  return toHeatmapCells(grid);
}

function toAggregates(seed: SeedMinute): MinuteAggregate[] {
  const minuteMs = todayAt(seed.hour, seed.minute);
  const frames = 300;
  return [
    {
      cameraId: 'entrance', minuteMs, frames, occupancySum: frames, occupancyMax: 3,
      lines: [{ lineId: 'door', crossedIn: seed.crossedIn, crossedOut: seed.crossedOut }],
      zones: [], heatmap: walkingPathHeatmap(seed.crossedIn + seed.crossedOut),
    },
    {
      cameraId: 'floor', minuteMs, frames, occupancySum: 2 * frames, occupancyMax: 4, lines: [],
      zones: [
        { zoneId: 'lego', visits: seed.lego.visits, dwellMsTotal: seed.lego.dwellMsTotal, occupancyMax: 2 },
        { zoneId: 'plush', visits: seed.plush.visits, dwellMsTotal: seed.plush.dwellMsTotal, occupancyMax: 1 },
      ],
      heatmap: walkingPathHeatmap(1),
    },
  ];
}

/** Writes the seed minutes into `<dataDir>/playaisle.db` through the storage module, then closes it. */
export function seedTraffic(dataDir: string, seeds: readonly SeedMinute[]): void {
  const db = openDatabase(join(dataDir, DATABASE_FILE), createSilentLogger());
  try {
    const store = new TrafficStore(db);
    for (const seed of seeds) for (const minute of toAggregates(seed)) store.writeMinute(minute);
  } finally {
    db.close();
  }
}
