/**
 * Retry delays for a failing camera: exponential backoff with jitter, so a
 * dead camera is not hammered and cameras that failed together (a switch
 * reboot) do not all reconnect in the same instant.
 */

/** First retry delay. Shorter recovers a brief glitch sooner but retries a dead camera more often. */
export const INITIAL_RETRY_DELAY_MS = 1_000;
/** Growth of the delay per consecutive failure. */
export const RETRY_BACKOFF_FACTOR = 2;
/** Cap on the delay, so a camera that comes back is picked up within this time. */
export const MAX_RETRY_DELAY_MS = 60_000;
/** Jitter as a fraction of the delay: each delay is scaled by a random factor in [1 - r, 1 + r]. */
export const RETRY_JITTER_RATIO = 0.2;
/** A source that ran this long since its last (re)start counts as healthy, and its next failure starts the backoff over. */
export const HEALTHY_PERIOD_MS = 30_000;

/**
 * Returns the delay before retry number `attempt` (1 for the first retry).
 * `random` returns a number in [0, 1), like `Math.random`.
 */
export function retryDelayMs(attempt: number, random: () => number = Math.random): number {
  const exponent = Math.max(0, attempt - 1);
  const base = Math.min(MAX_RETRY_DELAY_MS, INITIAL_RETRY_DELAY_MS * RETRY_BACKOFF_FACTOR ** exponent);
  const jitter = 1 + RETRY_JITTER_RATIO * (2 * random() - 1);
  return Math.round(base * jitter);
}
