import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from '../log/logger.js';

/** Minimum gap between two broadcasts; the dashboard needs no more than one update every 2 s. */
export const MIN_BROADCAST_INTERVAL_MS = 2_000;
/** Gap between keep-alive comments, so proxies and idle timers keep the stream open. */
export const PING_INTERVAL_MS = 15_000;

export interface SseChannelOptions {
  /** SSE event name, e.g. `summary`. */
  event: string;
  /** Builds the current value; called on connect and on each broadcast. */
  produce: () => unknown;
  /** Part of the value compared to decide whether it changed; defaults to the whole JSON. */
  changeKey?: (value: unknown) => string;
  logger: Logger;
  minIntervalMs?: number;
  pingIntervalMs?: number;
}

/**
 * One Server-Sent Events stream with many clients. A client gets the current
 * value on connect, then a new one when `notify()` was called and the value
 * changed, at most once per `minIntervalMs`, and a `: ping` comment every
 * `pingIntervalMs`.
 */
export class SseChannel {
  private readonly clients = new Set<ServerResponse>();
  private lastKey: string | null = null;
  private lastSentMs = 0;
  private pendingTimer: NodeJS.Timeout | null = null;
  private readonly pingTimer: NodeJS.Timeout;
  private readonly minIntervalMs: number;

  constructor(private readonly options: SseChannelOptions) {
    this.minIntervalMs = options.minIntervalMs ?? MIN_BROADCAST_INTERVAL_MS;
    this.pingTimer = setInterval(() => this.ping(), options.pingIntervalMs ?? PING_INTERVAL_MS);
    this.pingTimer.unref();
  }

  get clientCount(): number {
    return this.clients.size;
  }

  /** Takes over the response as an event stream and sends the current value. */
  accept(req: IncomingMessage, res: ServerResponse): void {
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    });
    res.write('retry: 3000\n\n');
    this.clients.add(res);
    req.on('close', () => this.clients.delete(res));
    this.sendTo(res, this.options.produce());
  }

  /** Signals that the value may have changed; broadcasts now or when the interval allows. */
  notify(): void {
    if (this.pendingTimer || this.clients.size === 0) return;
    const waitMs = Math.max(0, this.lastSentMs + this.minIntervalMs - Date.now());
    this.pendingTimer = setTimeout(() => {
      this.pendingTimer = null;
      this.broadcast();
    }, waitMs);
    this.pendingTimer.unref();
  }

  /** Ends every stream and stops the timers. */
  close(): void {
    clearInterval(this.pingTimer);
    if (this.pendingTimer) clearTimeout(this.pendingTimer);
    this.pendingTimer = null;
    for (const client of this.clients) client.end();
    this.clients.clear();
  }

  private broadcast(): void {
    let value: unknown;
    try {
      value = this.options.produce();
    } catch (error) {
      this.options.logger.error({ err: error, event: this.options.event }, 'building an SSE event failed');
      return;
    }
    const key = this.options.changeKey ? this.options.changeKey(value) : JSON.stringify(value);
    if (key === this.lastKey) return;
    this.lastKey = key;
    this.lastSentMs = Date.now();
    for (const client of this.clients) this.sendTo(client, value);
  }

  private sendTo(client: ServerResponse, value: unknown): void {
    // JSON.stringify never emits a raw newline, so the data fits on one `data:` line.
    client.write(`event: ${this.options.event}\ndata: ${JSON.stringify(value)}\n\n`);
  }

  private ping(): void {
    for (const client of this.clients) client.write(': ping\n\n');
  }
}
