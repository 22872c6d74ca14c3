// Multi-page build of the screens: start page, kiosk and dashboard.
// Output goes to dist/renderer, which main/api/server.ts serves.
import { existsSync } from 'node:fs';
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
 * Serves each screen at `/<name>/`. The build copies `kiosk.html` to
 * `kiosk/index.html` (and the same for the dashboard), so a plain static
 * file server serves `/kiosk/` as well as `/kiosk.html`. Asset URLs are
 * absolute (`base: '/'`), so both copies load the same files. `vite dev`
 * rewrites `/kiosk/` to `/kiosk.html` instead.
 */
function screenFolders(): Plugin {
  return {
    name: 'playaisle-screen-folders',
    configureServer(server) {
      server.middlewares.use((req, _res, next) => {
        const screen = SCREENS.find((name) => req.url === `/${name}/` || req.url?.startsWith(`/${name}/?`));
        if (screen && req.url) req.url = req.url.replace(`/${screen}/`, `/${screen}.html`);
        next();
      });
    },
    async closeBundle() {
      // closeBundle also runs when the dev server stops; only a build has pages to copy.
      if (!existsSync(join(outDir, `${SCREENS[0]}.html`))) return;
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
