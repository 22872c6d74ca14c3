import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ApiErrorBody } from './wire.js';

/** An error that the API turns into `{ error: { code, message } }` with `status`. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export interface RequestContext {
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
  /** Values of the `:name` parts of the matched route pattern. */
  params: Record<string, string>;
}

/**
 * Route handler. Its result is a JSON value sent with status 200, or
 * `undefined` when the handler has written the response itself (files, SSE).
 */
export type RouteHandler = (ctx: RequestContext) => unknown | Promise<unknown>;

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

interface Route {
  method: Method;
  parts: string[];
  handler: RouteHandler;
}

/** A small path router: `/api/products/:id` style patterns, exact segment count. */
export class Router {
  private readonly routes: Route[] = [];

  get(pattern: string, handler: RouteHandler): this {
    return this.add('GET', pattern, handler);
  }

  post(pattern: string, handler: RouteHandler): this {
    return this.add('POST', pattern, handler);
  }

  add(method: Method, pattern: string, handler: RouteHandler): this {
    this.routes.push({ method, parts: splitPath(pattern), handler });
    return this;
  }

  /** Find the handler for a request; `null` when no route has this path at all. */
  match(method: string, pathname: string): { handler: RouteHandler; params: Record<string, string> } | 'method_not_allowed' | null {
    const parts = splitPath(pathname);
    let pathMatched = false;
    for (const route of this.routes) {
      const params = matchParts(route.parts, parts);
      if (!params) continue;
      pathMatched = true;
      if (route.method === method || (method === 'HEAD' && route.method === 'GET')) return { handler: route.handler, params };
    }
    return pathMatched ? 'method_not_allowed' : null;
  }
}

function splitPath(path: string): string[] {
  return path.split('/').filter((part) => part.length > 0);
}

function matchParts(pattern: string[], actual: string[]): Record<string, string> | null {
  if (pattern.length !== actual.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < pattern.length; i++) {
    const expected = pattern[i]!;
    const value = actual[i]!;
    if (expected.startsWith(':')) {
      params[expected.slice(1)] = decodeURIComponent(value);
    } else if (expected !== value) {
      return null;
    }
  }
  return params;
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    'content-length': Buffer.byteLength(text),
  });
  res.end(text);
}

export function sendError(res: ServerResponse, status: number, code: string, message: string): void {
  const body: ApiErrorBody = { error: { code, message } };
  sendJson(res, status, body);
}

const MAX_JSON_BODY_BYTES = 1024 * 1024;

/** Read and parse a JSON request body of at most 1 MiB. */
export async function readJsonBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_JSON_BODY_BYTES) throw new ApiError(413, 'body_too_large', `Request body is over ${MAX_JSON_BODY_BYTES} bytes.`);
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (text.length === 0) return {};
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new ApiError(400, 'invalid_json', 'Request body is not valid JSON.');
  }
}
