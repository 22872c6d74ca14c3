/**
 * Start the Electron shell from the plain-Node services process, when the
 * Electron binary is installed. Its postinstall download is disabled in this
 * project (`allowScripts`), so on most developer and CI machines the binary
 * is absent and PlayAisle serves the screens to a browser instead.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

/**
 * Path of the Electron executable, or null when the package has no binary.
 * Reads the package's `path.txt` and `dist/` directly: requiring `electron`
 * (version 45) would try to download a missing binary at that moment.
 */
export function findElectronBinary(): string | null {
  if (process.env.PLAYAISLE_NO_ELECTRON === '1') return null;
  let packageDir: string;
  try {
    packageDir = dirname(require.resolve('electron/package.json'));
  } catch {
    return null;
  }
  const pathFile = join(packageDir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = join(packageDir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : null;
}

/** Bundle main/electron/main.ts for Electron, which cannot load TypeScript itself. */
export async function buildElectronMain(rootDir: string): Promise<string> {
  const { build } = await import('esbuild');
  const outfile = join(rootDir, 'dist', 'electron', 'main.cjs');
  await build({
    entryPoints: [join(rootDir, 'main', 'electron', 'main.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    external: ['electron'],
    outfile,
    logLevel: 'warning',
  });
  return outfile;
}

export function launchElectronShell(binary: string, mainFile: string, kioskUrl: string): ChildProcess {
  return spawn(binary, [mainFile], {
    stdio: 'inherit',
    env: { ...process.env, PLAYAISLE_KIOSK_URL: kioskUrl },
  });
}
