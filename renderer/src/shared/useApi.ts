import { useCallback, useEffect, useState } from 'react';
import { ApiRequestError, fetchJson, isAbortError } from './api.js';

export type ApiState<T> =
  /** `previous` is the last data loaded before this request, if any. */
  | { status: 'loading'; previous?: T }
  | { status: 'ready'; data: T }
  | { status: 'error'; error: unknown };

/** Checks that a response body has the shape the screen draws. */
export type BodyGuard<T> = (body: unknown) => body is T;

/**
 * Loads `path` whenever it or `requestBody` changes and aborts the request
 * that it replaces, so a late response for an old filter never overwrites a
 * newer one. `null` loads nothing and discards the data loaded before, so a
 * screen that hides its content while the path is null never shows stale
 * data when it loads again. A defined `requestBody` is POSTed as JSON;
 * it is compared by its JSON text, so a new object with the same content
 * sends no new request. `retry` repeats the same request. A response body
 * that fails `guard` becomes an `invalid_response` error.
 */
export function useApi<T>(path: string | null, guard?: BodyGuard<T>, requestBody?: unknown): ApiState<T> & { retry: () => void } {
  const [state, setState] = useState<ApiState<T>>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const bodyJson = requestBody === undefined ? undefined : JSON.stringify(requestBody);

  useEffect(() => {
    if (path === null) {
      setState({ status: 'loading' });
      return undefined;
    }
    const controller = new AbortController();
    setState((current) => {
      if (current.status === 'ready') return { status: 'loading', previous: current.data };
      if (current.status === 'loading') return { status: 'loading', previous: current.previous };
      return { status: 'loading' };
    });
    fetchJson<unknown>(path, controller.signal, bodyJson === undefined ? undefined : JSON.parse(bodyJson)).then(
      (data) => {
        if (guard && !guard(data)) {
          console.error('response body has an unexpected shape', path);
          setState({ status: 'error', error: new ApiRequestError('invalid_response', 200, `${path} returned a body of an unexpected shape.`) });
          return;
        }
        setState({ status: 'ready', data: data as T });
      },
      (error: unknown) => {
        if (!isAbortError(error)) setState({ status: 'error', error });
      },
    );
    return () => controller.abort();
    // `guard` is left out of the dependencies: callers pass module-level functions, which never change.
  }, [path, bodyJson, attempt]);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  return { ...state, retry };
}
