/**
 * Composition root of the PlayAisle services: storage, the analysis worker,
 * the traffic and catalog APIs and the static screens on one HTTP server.
 * `npm start` (main/cli/start.ts), the tests and the Electron launcher call
 * `startPlayAisle`.
 */
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createApiServer } from './api/server.js';
import { SseChannel } from './api/sse.js';
import { registerTrafficRoutes } from './api/trafficRoutes.js';
import { Router } from './api/router.js';
import { demoVideoPath } from './config/demoStore.js';
import { loadStoreConfig } from './config/loadConfig.js';
import type { StoreConfig } from './config/schema.js';
import { createRootLogger, type Logger } from './log/logger.js';
import { PipelineHost } from './pipeline/pipelineHost.js';
import { createHeatmapRenderer } from './pipeline/heatmapImage.js';
import { TrafficService } from './pipeline/trafficService.js';
import { registerKioskRoutes, startCatalogServices, type CatalogServices } from './catalog/catalogServices.js';
import type { Db } from './storage/database.js';
import { acquireDataDirLock, type DataDirLock } from './storage/dataDirLock.js';
import { DATABASE_RECOVERED, openDatabaseWithRecovery, type RecoveredDatabase } from './storage/databaseRecovery.js';
import { MinuteWriter } from './storage/minuteWriter.js';
import { systemClock, TrafficStore, type Clock } from './storage/trafficStore.js';

/** Store-level notice codes of the catalog side; see `catalogNotices`. */
export const CATALOG_REJECTED = 'catalog_rejected';
export const RECOMMENDATIONS_UNAVAILABLE = 'recommendations_unavailable';

/** Store-level notice code when the previous run left its lock file behind, i.e. ended without a clean stop. */
export const PREVIOUS_RUN_INTERRUPTED = 'previous_run_interrupted';

/** Camera reason code while the app runs with `analysis: false` (`npm start -- --no-analysis`). */
export const ANALYSIS_OFF = 'analysis_off';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export interface StartOptions {
  /** 0 picks a free port; default from the config (4780). */
  port?: number;
  host?: string;
  /** Default `$PLAYAISLE_DATA_DIR`, else `<repo>/data`. */
  dataDir?: string;
  /** A parsed config; wins over `configPath` and the data dir's config.json. */
  config?: StoreConfig;
  configPath?: string;
  /** False runs no cameras or detector: UI tests seed storage directly. Default true. */
  analysis?: boolean;
  /** `none` replaces the detector with one that returns no detections (plumbing tests only). */
  detector?: 'real' | 'none';
  /** Built screens; default `<repo>/dist/renderer`. */
  staticDir?: string;
  logger?: Logger;
  clock?: Clock;
}

export interface RunningPlayAisle {
  url: string;
  kioskUrl: string;
  dashboardUrl: string;
  config: StoreConfig;
  dataDir: string;
  traffic: TrafficService;
  /** Stops the cameras (their open minutes are written), the server and the database, in that order. */
  stop(): Promise<void>;
}

/**
 * Starts every service and the HTTP server; resolves once the server listens.
 * Raises `DataDirLockError` when another PlayAisle uses the data folder, and
 * `ConfigError` for an invalid config; the lock is released on every failure.
 */
export async function startPlayAisle(options: StartOptions = {}): Promise<RunningPlayAisle> {
  const logger = options.logger ?? createRootLogger();
  const dataDir = path.resolve(options.dataDir ?? process.env.PLAYAISLE_DATA_DIR ?? path.join(REPO_ROOT, 'data'));
  fs.mkdirSync(dataDir, { recursive: true });
  const lock = acquireDataDirLock(dataDir, logger.child({ module: 'app' }));
  try {
    return await startLocked(options, logger, dataDir, lock);
  } catch (error) {
    lock.release();
    throw error;
  }
}

async function startLocked(options: StartOptions, logger: Logger, dataDir: string, lock: DataDirLock): Promise<RunningPlayAisle> {
  const log = logger.child({ module: 'app' });
  const clock = options.clock ?? systemClock;

  const loaded = options.config ? { config: options.config, path: null } : loadStoreConfig({ configPath: options.configPath, dataDir });
  const config = loaded.config;
  const isDemo = !options.config && loaded.path === null;
  log.info({ dataDir, config: loaded.path ?? (isDemo ? 'demo store' : 'given by caller'), cameras: config.cameras.length }, 'starting PlayAisle');

  const storageLogger = logger.child({ module: 'storage' });
  const { db, recovered } = openDatabaseWithRecovery(path.join(dataDir, 'playaisle.db'), storageLogger, () => clock.nowMs());
  const store = new TrafficStore(db);
  const writer = new MinuteWriter(store, storageLogger);
  const traffic = new TrafficService({
    config, store, writer, clock, logger: logger.child({ module: 'traffic' }),
    startupErrorCode: recovered ? DATABASE_RECOVERED : null,
  });
  traffic.startRetention();
  if (recovered) traffic.addNotice(DATABASE_RECOVERED, databaseRecoveredMessage(recovered));
  if (lock.tookOverStaleLock) {
    traffic.addNotice(
      PREVIOUS_RUN_INTERRUPTED,
      'PlayAisle did not stop cleanly last time (it was killed, crashed or lost power), so the counts of the minute open then may be missing. '
        + 'Stop it with Ctrl+C in its terminal, or SIGTERM from a service manager, to keep every minute.',
    );
  }

  const events = new SseChannel({
    event: 'summary',
    produce: () => traffic.summary(),
    // generatedAtMs changes every call; leave it out when deciding whether anything changed.
    changeKey: (value) => JSON.stringify({ ...(value as object), generatedAtMs: 0 }),
    logger: logger.child({ module: 'sse' }),
  });
  traffic.on('change', () => events.notify());

  const router = new Router();
  registerTrafficRoutes(router, {
    traffic, events, cameras: config.cameras, version: packageVersion(),
    renderHeatmapPng: createHeatmapRenderer(logger.child({ module: 'heatmap' }), {
      cameras: config.cameras,
      onNotice: (code, message) => traffic.addNotice(code, message),
    }),
    nowMs: () => clock.nowMs(),
  });
  const catalog = registerCatalog(router, db, logger);
  for (const notice of catalogNotices(catalog)) traffic.addNotice(notice.code, notice.message);

  const server = createApiServer({ router, staticDir: options.staticDir ?? path.join(REPO_ROOT, 'dist', 'renderer'), logger: logger.child({ module: 'http' }) });
  const host = options.host ?? config.server.host;
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port ?? config.server.port, host, () => resolve());
    });
  } catch (error) {
    // E.g. the port is taken. Close the database so the caller can release the data folder lock.
    traffic.stop();
    events.close();
    db.close();
    throw error;
  }
  const address = server.address() as AddressInfo;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${address.port}`;
  log.info({ url }, 'server listening');

  // The cameras start once the dashboard can be reached, so their first statuses are visible.
  const pipeline = startAnalysis({ options, config, isDemo, dataDir, traffic, logger: log, rootLogger: logger });

  let stopping: Promise<void> | null = null;
  const stop = (): Promise<void> => {
    stopping ??= (async () => {
      log.info('stopping PlayAisle');
      await pipeline?.stop();
      writer.retry();
      traffic.stop();
      events.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      db.close();
      lock.release();
      log.info({ unwrittenMinutes: writer.pendingCount }, 'PlayAisle stopped');
    })();
    return stopping;
  };

  return { url, kioskUrl: `${url}/kiosk/`, dashboardUrl: `${url}/dashboard/`, config, dataDir, traffic, stop };
}

interface AnalysisContext {
  options: StartOptions;
  config: StoreConfig;
  isDemo: boolean;
  dataDir: string;
  traffic: TrafficService;
  logger: Logger;
  rootLogger: Logger;
}

/** Builds the set-up command that puts the demo video into `dataDir`, because setup.sh reads the folder from PLAYAISLE_DATA_DIR. */
function setupCommand(dataDir: string): string {
  if (dataDir === path.join(REPO_ROOT, 'data')) return 'npm run setup';
  return `PLAYAISLE_DATA_DIR='${dataDir.replaceAll("'", "'\\''")}' npm run setup`;
}

/** Starts the analysis worker unless disabled, or shows the demo camera as failed when its video is missing. */
function startAnalysis(context: AnalysisContext): PipelineHost | null {
  const { options, config, traffic, logger } = context;
  if (options.analysis === false) {
    logger.info('analysis disabled; serving stored data only');
    traffic.stopAllCameras(ANALYSIS_OFF, 'Analysis is switched off on this computer, so the cameras are not read. Stored counts are still shown.');
    return null;
  }
  if (context.isDemo && !fs.existsSync(demoVideoPath(context.dataDir))) {
    const video = demoVideoPath(context.dataDir);
    const setup = setupCommand(context.dataDir);
    logger.error({ video }, `demo video is missing; run \`${setup}\` to download it, then restart`);
    traffic.failAllCameras('demo_video_missing', `Demo video not found at ${video}. Run \`${setup}\` and restart.`, null);
    return null;
  }
  const pipeline = new PipelineHost({ config, traffic, logger: context.rootLogger, detector: options.detector ?? 'real' });
  pipeline.start();
  return pipeline;
}

/**
 * Imports the demo catalog from `assets/` when it changed, fits the similar-toy
 * and recommendation models and registers `/api/catalog/*`, `/api/rec/*` and
 * `/api/members/*`. A rejected catalog file keeps the stored catalog serving;
 * a failed fit turns off only the routes of that model.
 */
function registerCatalog(router: Router, db: Db, logger: Logger): CatalogServices {
  const services = startCatalogServices({ db, assetsDir: path.join(REPO_ROOT, 'assets'), logger: logger.child({ module: 'catalog' }) });
  registerKioskRoutes(router, services);
  return services;
}

/** Dashboard notices for a rejected catalog file and for recommender models that failed to fit. */
export function catalogNotices(services: Pick<CatalogServices, 'sync' | 'similarToys' | 'recommendations'>): { code: string; message: string }[] {
  const notices: { code: string; message: string }[] = [];
  const { sync } = services;
  if (sync.status === 'rejected') {
    notices.push({
      code: CATALOG_REJECTED,
      message: sync.storedProductCount > 0
        ? `${sync.message} The kiosk shows the ${sync.storedProductCount} products imported earlier until the file is fixed and PlayAisle restarts.`
        : `${sync.message} No catalog was imported earlier, so the kiosk shows no toys until the file is fixed and PlayAisle restarts.`,
    });
  }
  const failed = [
    ...(services.similarToys ? [] : ['similar toys']),
    ...(services.recommendations ? [] : ['recommendations']),
  ];
  if (failed.length > 0) {
    notices.push({
      code: RECOMMENDATIONS_UNAVAILABLE,
      message: `The kiosk's ${failed.join(' and ')} could not be prepared from the catalog, so the kiosk shows none. The log has the error; fix the catalog and restart PlayAisle.`,
    });
  }
  return notices;
}

function databaseRecoveredMessage(recovered: RecoveredDatabase): string {
  return `The store database was damaged (${recovered.reason}), so it was moved to ${recovered.movedTo} and counting started on a fresh one. `
    + 'Earlier counts are not shown. Keep the moved file; with PlayAisle stopped, `sqlite3 <moved file> ".recover"` can rescue them.';
}

function packageVersion(): string {
  try {
    const pkg = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { version?: string };
    return pkg.version ?? '0.0.0';
  } catch {
    return '0.0.0';
  }
}
