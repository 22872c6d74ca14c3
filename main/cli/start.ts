/**
 * `npm start`: runs the PlayAisle services for this store PC and prints the
 * kiosk and dashboard URLs. With no configuration it starts the demo store.
 * Builds the screens first when dist/renderer is missing, and opens the
 * Electron kiosk window when the Electron binary is installed.
 *
 * Usage: npm start -- [--config FILE] [--data-dir DIR] [--port N] [--no-analysis] [--no-build]
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { REPO_ROOT, startPlayAisle } from '../app.js';
import { ConfigError } from '../config/loadConfig.js';
import { DataDirLockError } from '../storage/dataDirLock.js';
import { buildElectronMain, findElectronBinary, launchElectronShell } from '../electron/launch.js';
import { createRootLogger, type Logger } from '../log/logger.js';

const HELP = `Usage: npm start -- [options]

Runs the PlayAisle services (camera analysis, API, kiosk and dashboard) on this PC.

Options:
  --config FILE     Store configuration (JSON). Default: $PLAYAISLE_DATA_DIR/config.json,
                    else the demo store.
  --data-dir DIR    Data folder for playaisle.db and the demo video. Default:
                    $PLAYAISLE_DATA_DIR, else <repo>/data. One PlayAisle at a
                    time may use a data folder (it holds playaisle.lock).
  --port N          HTTP port on 127.0.0.1 (0 picks a free one). Default: the config's (4780).
  --no-analysis     Serve stored data only; no cameras or detector.
  --no-build        Do not build the screens when dist/renderer is missing.
  -h, --help        Show this help.
`;

async function main(): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        config: { type: 'string' },
        'data-dir': { type: 'string' },
        port: { type: 'string' },
        'no-analysis': { type: 'boolean' },
        'no-build': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
    }));
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${HELP}`);
    return 2;
  }
  if (values.help) {
    console.log(HELP);
    return 0;
  }
  const port = values.port === undefined ? undefined : Number(values.port);
  if (port !== undefined && !(Number.isInteger(port) && port >= 0 && port <= 65535)) {
    console.error(`Invalid --port "${values.port}": use a whole number from 0 to 65535.`);
    return 2;
  }

  const logger = createRootLogger();
  if (!values['no-build']) await buildScreensIfMissing(logger);
  let app;
  try {
    app = await startPlayAisle({
      logger,
      configPath: values.config,
      dataDir: values['data-dir'],
      analysis: !values['no-analysis'],
      ...(port === undefined ? {} : { port }),
    });
  } catch (error) {
    if (error instanceof ConfigError || error instanceof DataDirLockError) {
      console.error(error.message);
      return 2;
    }
    throw error;
  }

  console.log(`\nPlayAisle is running.\n  Kiosk:     ${app.kioskUrl}\n  Dashboard: ${app.dashboardUrl}\nPress Ctrl+C to stop.\n`);
  await openElectronShell(app.kioskUrl, logger);

  await new Promise<void>((resolve) => {
    const shutdown = (signal: NodeJS.Signals): void => {
      logger.info({ signal }, 'shutdown requested');
      resolve();
    };
    process.once('SIGINT', shutdown);
    process.once('SIGTERM', shutdown);
  });
  await app.stop();
  return 0;
}

/** Runs `vite build` once when the screens have never been built. */
async function buildScreensIfMissing(logger: Logger): Promise<void> {
  if (fs.existsSync(path.join(REPO_ROOT, 'dist', 'renderer', 'index.html'))) return;
  logger.info('dist/renderer is missing; building the screens with Vite (about a minute)');
  try {
    const { build } = await import('vite');
    await build({ configFile: path.join(REPO_ROOT, 'vite.config.ts'), logLevel: 'warn' });
  } catch (error) {
    logger.error({ err: error }, 'building the screens failed; the API still runs. Fix the error and run `npm run build:renderer`.');
  }
}

async function openElectronShell(kioskUrl: string, logger: Logger): Promise<void> {
  const binary = findElectronBinary();
  if (!binary) {
    logger.info('Electron is not installed; open the kiosk URL in a browser');
    return;
  }
  try {
    const mainFile = await buildElectronMain(REPO_ROOT);
    const shell = launchElectronShell(binary, mainFile, kioskUrl);
    shell.on('exit', (code) => logger.info({ exitCode: code }, 'Electron shell exited'));
  } catch (error) {
    logger.error({ err: error }, 'starting the Electron shell failed; open the kiosk URL in a browser');
  }
}

main().then(
  (exitCode) => {
    process.exitCode = exitCode;
  },
  (error: unknown) => {
    console.error('PlayAisle failed to start:', error);
    process.exitCode = 1;
  },
);
