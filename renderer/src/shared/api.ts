// fetch() wrapper for the local API: every failure becomes an ApiRequestError
// with a code the screens translate (`errors.<code>` in the i18n files).
import type { ApiErrorBody } from '../../../main/api/wire.js';

export class ApiRequestError extends Error {
  constructor(
    /** API error code such as `product_not_found`, or `network_error` / `http_error` / `invalid_response`. */
    readonly code: string,
    /** HTTP status; 0 when no response arrived. */
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'ApiRequestError';
  }
}

function isApiErrorBody(value: unknown): value is ApiErrorBody {
  if (typeof value !== 'object' || value === null || !('error' in value)) return false;
  const error = (value as { error: unknown }).error;
  return typeof error === 'object' && error !== null
    && typeof (error as { code?: unknown }).code === 'string'
    && typeof (error as { message?: unknown }).message === 'string';
}

/**
 * Fetches `path` and parses its JSON body; rejects with ApiRequestError on any
 * failure except an abort. A defined `body` is sent as a JSON POST, otherwise
 * the request is a GET.
 */
export async function fetchJson<T>(path: string, signal?: AbortSignal, body?: unknown): Promise<T> {
  let response: Response;
  const init: RequestInit = body === undefined
    ? { signal, headers: { accept: 'application/json' } }
    : { signal, method: 'POST', headers: { accept: 'application/json', 'content-type': 'application/json' }, body: JSON.stringify(body) };
  try {
    response = await fetch(path, init);
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new ApiRequestError('network_error', 0, `Request to ${path} failed: ${String(error)}`);
  }

  let responseBody: unknown;
  try {
    responseBody = await response.json();
  } catch {
    if (signal?.aborted) throw new DOMException('Aborted', 'AbortError');
    throw new ApiRequestError(response.ok ? 'invalid_response' : 'http_error', response.status,
      `${path} returned HTTP ${response.status} without a JSON body.`);
  }

  if (!response.ok) {
    if (isApiErrorBody(responseBody)) throw new ApiRequestError(responseBody.error.code, response.status, responseBody.error.message);
    throw new ApiRequestError('http_error', response.status, `${path} returned HTTP ${response.status}.`);
  }
  return responseBody as T;
}

/** Builds `path?key=value…`, leaving out undefined and empty values. */
export function withQuery(path: string, query: Record<string, string | number | undefined>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === '') continue;
    params.set(key, String(value));
  }
  const text = params.toString();
  return text.length > 0 ? `${path}?${text}` : path;
}

export function isAbortError(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}
