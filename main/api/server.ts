import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import type { Logger } from '../log/logger.js';
import { ApiError, sendError, type Router } from './router.js';

/**
 * Content Security Policy for the screens: everything from this server only.
 * Inline styles are allowed because React and chart.js set `style` attributes.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "font-src 'self' data:",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'none'",
].join('; ');

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
};

export interface ApiServerOptions {
  router: Router;
  /** Built screens (dist/renderer); without them the server returns a page that explains how to build them. */
  staticDir: string;
  logger: Logger;
}

/** Creates (but does not start) the one HTTP server: `/api/*` through the router, everything else from `staticDir`. */
export function createApiServer(options: ApiServerOptions): http.Server {
  const server = http.createServer((req, res) => {
    void handleRequest(options, req, res);
  });
  server.keepAliveTimeout = 5_000;
  return server;
}

async function handleRequest(options: ApiServerOptions, req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
  res.setHeader('x-content-type-options', 'nosniff');
  res.setHeader('referrer-policy', 'no-referrer');
  let url: URL;
  try {
    url = new URL(req.url ?? '/', 'http://localhost');
  } catch {
    sendError(res, 400, 'invalid_url', 'The request URL is not valid.');
    return;
  }
  try {
    if (url.pathname === '/api' || url.pathname.startsWith('/api/')) {
      await handleApi(options.router, req, res, url);
    } else {
      serveStatic(options.staticDir, req, res, url);
    }
  } catch (error) {
    replyWithError(options.logger, req, res, error);
  }
}

async function handleApi(router: Router, req: http.IncomingMessage, res: http.ServerResponse, url: URL): Promise<void> {
  let match: ReturnType<Router['match']>;
  try {
    match = router.match(req.method ?? 'GET', url.pathname);
  } catch (error) {
    // decodeURIComponent rejects a malformed %-escape in a path parameter.
    if (error instanceof URIError) throw new ApiError(400, 'invalid_url', 'The request path has a malformed %-escape.');
    throw error;
  }
  if (match === null) throw new ApiError(404, 'not_found', `No API route for ${url.pathname}.`);
  if (match === 'method_not_allowed') throw new ApiError(405, 'method_not_allowed', `${req.method} is not allowed on ${url.pathname}.`);
  const body = await match.handler({ req, res, url, params: match.params });
  if (body !== undefined && !res.headersSent) {
    const text = JSON.stringify(body);
    res.writeHead(200, {
      'content-type': 'application/json; charset=utf-8',
      'cache-control': 'no-store',
      'content-length': Buffer.byteLength(text),
    });
    res.end(req.method === 'HEAD' ? undefined : text);
  }
}

function replyWithError(logger: Logger, req: http.IncomingMessage, res: http.ServerResponse, error: unknown): void {
  if (res.headersSent) {
    logger.error({ err: error, method: req.method, path: pathForLog(req.url) }, 'request failed after the response started');
    res.destroy();
    return;
  }
  if (error instanceof ApiError) {
    sendError(res, error.status, error.code, error.message);
    return;
  }
  logger.error({ err: error, method: req.method, path: pathForLog(req.url) }, 'request failed');
  sendError(res, 500, 'internal_error', 'The server failed to handle this request; see the log for details.');
}

/** Loyalty-code-shaped path segment, e.g. `M100258`. */
const MEMBER_CODE_SEGMENT = /^M[0-9]{6,12}$/;

/**
 * Returns the request path for a log line. The query is dropped, and any path
 * segment shaped like a member code becomes `(member code)`. So an old client
 * that still puts the code in the URL cannot write it to the log.
 */
export function pathForLog(rawUrl: string | undefined): string {
  const pathname = (rawUrl ?? '/').split(/[?#]/, 1)[0]!;
  return pathname
    .split('/')
    .map((segment) => (MEMBER_CODE_SEGMENT.test(safeDecode(segment)) ? '(member code)' : segment))
    .join('/');
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/**
 * Serves a file of the built screens. `/kiosk/` resolves to `kiosk/index.html`.
 * The path is resolved inside `staticDir` and rejected if it leaves it, so
 * `..`, encoded `%2e%2e` and symbolic links out of the folder cannot reach other files.
 */
function serveStatic(staticDir: string, req: http.IncomingMessage, res: http.ServerResponse, url: URL): void {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    throw new ApiError(405, 'method_not_allowed', `${req.method} is not allowed on static files.`);
  }
  const root = path.resolve(staticDir);
  if (!fs.existsSync(path.join(root, 'index.html'))) {
    sendHtml(res, 503, screensMissingPage());
    return;
  }
  const file = resolveStaticPath(root, url.pathname);
  if (!file) throw new ApiError(404, 'not_found', `No file at ${url.pathname}.`);

  const contentType = CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
  const isHtml = contentType.startsWith('text/html');
  const size = fs.statSync(file).size;
  res.writeHead(200, {
    'content-type': contentType,
    'content-length': size,
    // Vite puts a content hash in every asset name, so assets can be cached; pages cannot.
    'cache-control': url.pathname.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
    ...(isHtml ? { 'content-security-policy': CONTENT_SECURITY_POLICY } : {}),
  });
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  fs.createReadStream(file).pipe(res);
}

/** Maps a URL path to a regular file inside `root`, or null when there is none or it would escape `root`. */
export function resolveStaticPath(root: string, pathname: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  let candidate = path.resolve(root, `.${path.posix.normalize(`/${decoded}`)}`);
  if (!isInside(root, candidate)) return null;
  try {
    if (fs.statSync(candidate).isDirectory()) candidate = path.join(candidate, 'index.html');
    const real = fs.realpathSync(candidate);
    if (!isInside(fs.realpathSync(root), real) || !fs.statSync(real).isFile()) return null;
    return real;
  } catch {
    return null;
  }
}

function isInside(root: string, candidate: string): boolean {
  const relative = path.relative(root, candidate);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

function sendHtml(res: http.ServerResponse, status: number, html: string): void {
  res.writeHead(status, {
    'content-type': 'text/html; charset=utf-8',
    'content-length': Buffer.byteLength(html),
    'cache-control': 'no-store',
    'content-security-policy': CONTENT_SECURITY_POLICY,
  });
  res.end(html);
}

function screensMissingPage(): string {
  return `<!doctype html><html lang="en"><meta charset="utf-8"><title>PlayAisle</title>
<h1>PlayAisle</h1>
<p>The screens are not built. Run <code>npm run build:renderer</code> and reload.</p>
<p>界面尚未构建。请运行 <code>npm run build:renderer</code> 后刷新。</p>
<p>The API is running: <a href="/api/health">/api/health</a></p></html>`;
}
