// Builds dist/renderer once for the browser tests when any screen source is
// newer than the last build. Test files run in parallel processes, so the
// build runs under a lock folder and the others wait for it.
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
export const SCREENS_DIR = join(REPO_ROOT, 'dist/renderer');

/** Written last by the build (vite.config.ts copies the page into its folder), so its age is the build's. */
const BUILD_MARKER = join(SCREENS_DIR, 'dashboard/index.html');
const LOCK_DIR = join(REPO_ROOT, 'dist/.renderer-build.lock');
/** A lock older than this was left by a killed build; a real build here takes a few seconds. */
const STALE_LOCK_MS = 5 * 60_000;
const LOCK_POLL_MS = 250;

function newestMtimeMs(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((newest, name) => Math.max(newest, newestMtimeMs(join(path, name))), stat.mtimeMs);
}

function isStale(): boolean {
  if (!existsSync(BUILD_MARKER)) return true;
  const sources = Math.max(newestMtimeMs(join(REPO_ROOT, 'renderer')), newestMtimeMs(join(REPO_ROOT, 'vite.config.ts')));
  return sources > statSync(BUILD_MARKER).mtimeMs;
}

function tryLock(): boolean {
  try {
    mkdirSync(LOCK_DIR, { recursive: false });
    return true;
  } catch {
    if (Date.now() - statSync(LOCK_DIR, { throwIfNoEntry: false })!.mtimeMs > STALE_LOCK_MS) rmSync(LOCK_DIR, { recursive: true, force: true });
    return false;
  }
}

/** Runs `vite build` unless dist/renderer is newer than every file under renderer/ and vite.config.ts. */
export async function ensureScreensBuilt(): Promise<void> {
  mkdirSync(dirname(LOCK_DIR), { recursive: true });
  while (!tryLock()) await new Promise((done) => setTimeout(done, LOCK_POLL_MS));
  try {
    if (!isStale()) return;
    await run(process.execPath, [join(REPO_ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], { cwd: REPO_ROOT });
  } finally {
    rmSync(LOCK_DIR, { recursive: true, force: true });
  }
}
