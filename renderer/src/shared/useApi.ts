import { useCallback, useEffect, useState } from 'react';
import { fetchJson, isAbortError } from './api.js';

export type ApiState<T> =
  /** `previous` is the last data loaded before this request, if any. */
  | { status: 'loading'; previous?: T }
  | { status: 'ready'; data: T }
  | { status: 'error'; error: unknown };

/**
 * Loads `path` whenever it changes and aborts the request that it replaces,
 * so a late response for an old filter never overwrites a newer one.
 * `null` loads nothing. `retry` repeats the same request.
 */
export function useApi<T>(path: string | null): ApiState<T> & { retry: () => void } {
  const [state, setState] = useState<ApiState<T>>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (path === null) return undefined;
    const controller = new AbortController();
    setState((current) => {
      if (current.status === 'ready') return { status: 'loading', previous: current.data };
      if (current.status === 'loading') return { status: 'loading', previous: current.previous };
      return { status: 'loading' };
    });
    fetchJson<T>(path, controller.signal).then(
      (data) => setState({ status: 'ready', data }),
      (error: unknown) => {
        if (!isAbortError(error)) setState({ status: 'error', error });
      },
    );
    return () => controller.abort();
  }, [path, attempt]);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  return { ...state, retry };
}
