import { useEffect, useState } from 'react';
import type { TrafficSummary } from '../../../main/api/wire.js';
import { isTrafficSummary } from './trafficSummaryGuard.js';

/** `connecting` until the first open, `lost` while the stream is down and being retried. */
export type ConnectionState = 'connecting' | 'open' | 'lost';

/**
 * Wait before opening a new EventSource after the browser gave up on one
 * (HTTP error or wrong content type). Shorter retries load a restarting
 * server more; longer ones leave stale numbers on screen for longer.
 */
export const RECONNECT_DELAY_MS = 3_000;

export interface TrafficEvents {
  summary: TrafficSummary | null;
  connection: ConnectionState;
  /** Epoch ms of the last valid summary; null before the first one. */
  receivedAtMs: number | null;
  /** Count of `summary` events ignored because their data was malformed. */
  rejectedEvents: number;
}

/**
 * Follows `GET /api/events` and returns the latest TrafficSummary. The
 * browser reconnects a dropped stream on its own; when it closes the stream
 * for good, this hook opens a new one after RECONNECT_DELAY_MS.
 */
export function useTrafficEvents(url = '/api/events'): TrafficEvents {
  const [state, setState] = useState<TrafficEvents>({
    summary: null, connection: 'connecting', receivedAtMs: null, rejectedEvents: 0,
  });

  useEffect(() => {
    let source: EventSource | null = null;
    let retryTimer: number | undefined;
    let disposed = false;

    const onSummary = (event: MessageEvent<string>) => {
      let data: unknown;
      try {
        data = JSON.parse(event.data);
      } catch {
        data = null;
      }
      if (!isTrafficSummary(data)) {
        console.warn('ignored a malformed summary event', event.data.slice(0, 200));
        setState((previous) => ({ ...previous, rejectedEvents: previous.rejectedEvents + 1 }));
        return;
      }
      setState((previous) => ({ ...previous, summary: data, connection: 'open', receivedAtMs: Date.now() }));
    };

    const open = () => {
      source = new EventSource(url);
      source.addEventListener('summary', onSummary as EventListener);
      source.onopen = () => setState((previous) => ({ ...previous, connection: 'open' }));
      source.onerror = () => {
        setState((previous) => ({ ...previous, connection: 'lost' }));
        if (source?.readyState === EventSource.CLOSED && !disposed) {
          source.close();
          retryTimer = window.setTimeout(open, RECONNECT_DELAY_MS);
        }
      };
    };

    open();
    return () => {
      disposed = true;
      window.clearTimeout(retryTimer);
      source?.close();
    };
  }, [url]);

  return state;
}
