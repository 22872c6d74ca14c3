// Multi-page build of the screens: start page, kiosk and dashboard.
// Output goes to dist/renderer, which main/api/server.ts serves.
import { copyFile, mkdir } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const repoRoot = dirname(fileURLToPath(import.meta.url));
const rendererRoot = resolve(repoRoot, 'renderer');
const outDir = resolve(repoRoot, 'dist/renderer');

/** Port of the local API in development (`npm start`), proxied by `vite dev`. */
const DEV_API_ORIGIN = 'http://127.0.0.1:4780';

/** Screens with their own page; each is served at `/<name>/`. */
const SCREENS = ['kiosk', 'dashboard'] as const;

/**
 * Copies `kiosk.html` to `kiosk/index.html` (and the same for the dashboard),
 * so a plain static file server serves `/kiosk/` as well as `/kiosk.html`.
 * Asset URLs are absolute (`base: '/'`), so both copies load the same files.
 */
function screenFolders(): Plugin {
  return {
    name: 'playaisle-screen-folders',
    apply: 'build',
    async closeBundle() {
      for (const screen of SCREENS) {
        await mkdir(join(outDir, screen), { recursive: true });
        await copyFile(join(outDir, `${screen}.html`), join(outDir, screen, 'index.html'));
      }
    },
  };
}

export default defineConfig({
  root: rendererRoot,
  base: '/',
  plugins: [react(), screenFolders()],
  build: {
    outDir,
    emptyOutDir: true,
    rollupOptions: {
      input: {
        start: resolve(rendererRoot, 'index.html'),
        kiosk: resolve(rendererRoot, 'kiosk.html'),
        dashboard: resolve(rendererRoot, 'dashboard.html'),
      },
    },
  },
  server: {
    host: '127.0.0.1',
    proxy: { '/api': { target: DEV_API_ORIGIN, changeOrigin: false } },
  },
});
