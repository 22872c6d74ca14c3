/** Removal of URL credentials (`user:password@`) from text bound for logs, errors and the dashboard. */

const URL_CREDENTIALS = /\b([a-z][a-z0-9+.-]*:\/\/)[^/@\s]*@/gi;

/** Replaces the `user:password@` part of every URL in `text` with `***@`. */
export function redactCredentials(text: string): string {
  return text.replace(URL_CREDENTIALS, '$1***@');
}
