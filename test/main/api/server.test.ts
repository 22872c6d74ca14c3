import fs from 'node:fs';
import type http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError, Router } from '../../../main/api/router.js';
import { CONTENT_SECURITY_POLICY, createApiServer, resolveStaticPath } from '../../../main/api/server.js';
import { SseChannel } from '../../../main/api/sse.js';
import { createSilentLogger } from '../../../main/log/logger.js';

let root: string;
let staticDir: string;
let server: http.Server;
let base: string;
let channelValue = { count: 1 };
let channel: SseChannel;

beforeAll(async () => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'playaisle-server-'));
  staticDir = path.join(root, 'renderer');
  fs.mkdirSync(path.join(staticDir, 'kiosk'), { recursive: true });
  fs.mkdirSync(path.join(staticDir, 'assets'));
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>start</title>');
  fs.writeFileSync(path.join(staticDir, 'kiosk', 'index.html'), '<!doctype html><title>kiosk</title>');
  fs.writeFileSync(path.join(staticDir, 'assets', 'app-1234.js'), 'console.log(1)');
  fs.writeFileSync(path.join(root, 'secret.txt'), 'outside the static folder');
  fs.symlinkSync(path.join(root, 'secret.txt'), path.join(staticDir, 'link.txt'));

  channel = new SseChannel({ event: 'summary', produce: () => channelValue, logger: createSilentLogger(), minIntervalMs: 50 });
  const router = new Router();
  router.get('/api/ok', () => ({ ok: true }));
  router.get('/api/items/:id', ({ params }) => ({ id: params.id }));
  router.get('/api/teapot', () => {
    throw new ApiError(418, 'teapot', 'I am a teapot.');
  });
  router.get('/api/crash', () => {
    throw new Error('boom');
  });
  router.get('/api/events', ({ req, res }) => {
    channel.accept(req, res);
    return undefined;
  });
  server = createApiServer({ router, staticDir, logger: createSilentLogger() });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  channel.close();
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  fs.rmSync(root, { recursive: true, force: true });
});

describe('createApiServer', () => {
  it('serves JSON routes', async () => {
    const response = await fetch(`${base}/api/items/a%20b`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await response.json()).toEqual({ id: 'a b' });
  });

  it.each([
    ['/api/nothing', 'GET', 404, 'not_found'],
    ['/api/ok', 'POST', 405, 'method_not_allowed'],
    ['/api/teapot', 'GET', 418, 'teapot'],
    ['/api/crash', 'GET', 500, 'internal_error'], // the message never leaks the exception text
    ['/api/items/%E0%A4%A', 'GET', 400, 'invalid_url'], // malformed %-escape
  ])('returns the error shape for %s %s', async (url, method, status, code) => {
    const response = await fetch(`${base}${url}`, { method });
    expect(response.status).toBe(status);
    const body = (await response.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe(code);
    expect(body.error.message).not.toContain('boom');
  });

  it('serves pages with CSP', async () => {
    const response = await fetch(`${base}/kiosk/`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(await response.text()).toContain('kiosk');
  });

  it('serves assets with their type', async () => {
    const response = await fetch(`${base}/assets/app-1234.js`);
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(response.headers.get('cache-control')).toContain('immutable');
  });

  it.each([
    ['/../secret.txt'], // plain dot segments
    ['/%2e%2e/secret.txt'], // encoded dot segments
    ['/assets/..%2f..%2fsecret.txt'], // encoded slashes
    ['/link.txt'], // symbolic link out of the folder
    ['/missing.js'],
  ])('rejects %s', async (url) => {
    const response = await fetch(`${base}${url}`);
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain('outside the static folder');
  });
});

describe('resolveStaticPath', () => {
  it.each([
    ['/', 'index.html'],
    ['/kiosk', 'kiosk/index.html'],
    ['/kiosk/index.html', 'kiosk/index.html'],
  ])('maps %s', (url, relative) => {
    expect(resolveStaticPath(staticDir, url)).toBe(fs.realpathSync(path.join(staticDir, relative)));
  });

  it.each([['/..%00/x'], ['/%zz'], ['/../../etc/passwd']])('rejects %s', (url) => {
    expect(resolveStaticPath(staticDir, url)).toBeNull();
  });
});

describe('SseChannel', () => {
  it('sends on connect and on change', async () => {
    const controller = new AbortController();
    const response = await fetch(`${base}/api/events`, { signal: controller.signal });
    expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    let text = '';
    const readUntil = async (needle: string): Promise<void> => {
      while (!text.includes(needle)) {
        const { value, done } = await reader.read();
        if (done) throw new Error(`stream ended before ${needle}`);
        text += decoder.decode(value);
      }
    };
    await readUntil('data: {"count":1}');
    expect(text).toContain('event: summary\n');

    channelValue = { count: 2 };
    channel.notify();
    await readUntil('data: {"count":2}');
    controller.abort();
  });
});
