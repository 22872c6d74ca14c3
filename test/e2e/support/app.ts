// Starts the real PlayAisle server (API and built screens) on a free
// loopback port, with analysis off so no camera or model runs.
import { startPlayAisle } from '../../../main/app.js';
import type { StoreConfig } from '../../../main/config/schema.js';
import { createRootLogger } from '../../../main/log/logger.js';

export type RunningApp = Awaited<ReturnType<typeof startPlayAisle>>;

/** Starts the app on `port`, or on a free port when it is 0. */
export async function startTestApp(dataDir: string, config: StoreConfig, port = 0): Promise<RunningApp> {
  // Warnings and errors only, so a failing run shows what the server logged without burying it.
  return startPlayAisle({ dataDir, config, port, analysis: false, logger: createRootLogger({ level: 'warn' }) });
}

/** GETs a JSON API path from the running app, for comparing the screens with what the API returns. */
export async function getJson<T>(app: RunningApp, path: string): Promise<T> {
  const response = await fetch(new URL(path, app.url));
  if (!response.ok) throw new Error(`GET ${path} returned HTTP ${response.status}: ${await response.text()}`);
  return (await response.json()) as T;
}
