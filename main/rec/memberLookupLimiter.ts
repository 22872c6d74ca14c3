/**
 * Rate limit of member look-ups for one API server. Demo codes are short
 * digit strings, so without a limit anyone at the kiosk (or on the store
 * network) could try codes until one is found. The limit is shared by all
 * clients of the server, because the kiosk is one screen and has no login.
 */

/**
 * Look-ups allowed in any one-second window. A parent who mistypes and
 * retries needs two or three; higher makes scripted guessing faster.
 */
export const MEMBER_LOOKUPS_PER_SECOND = 3;
/**
 * Look-ups allowed in any one-minute window. At 20 a minute, trying all one
 * million six-digit codes takes about 35 days. Lower would also block a
 * queue of members who check in one after another.
 */
export const MEMBER_LOOKUPS_PER_MINUTE = 20;

const SECOND_MS = 1_000;
const MINUTE_MS = 60_000;

/** Time source in epoch ms. Tests pass a controllable one. */
export type NowMs = () => number;

export type LookupDecision = { allowed: true } | { allowed: false; retryAfterMs: number };

/** Sliding-window limiter over the last minute of accepted look-ups. */
export class MemberLookupLimiter {
  /** Times of accepted look-ups in the last minute, oldest first. */
  private readonly acceptedMs: number[] = [];

  constructor(
    private readonly now: NowMs = Date.now,
    private readonly perSecond = MEMBER_LOOKUPS_PER_SECOND,
    private readonly perMinute = MEMBER_LOOKUPS_PER_MINUTE,
  ) {}

  /**
   * Records a look-up at the current time when both windows have room.
   * A rejected look-up is not recorded, so waiting `retryAfterMs` is enough.
   */
  tryAcquire(): LookupDecision {
    const nowMs = this.now();
    while (this.acceptedMs.length > 0 && this.acceptedMs[0]! <= nowMs - MINUTE_MS) this.acceptedMs.shift();

    if (this.acceptedMs.length >= this.perMinute) {
      return { allowed: false, retryAfterMs: this.acceptedMs[this.acceptedMs.length - this.perMinute]! + MINUTE_MS - nowMs };
    }
    const inLastSecond = this.acceptedMs.filter((timeMs) => timeMs > nowMs - SECOND_MS);
    if (inLastSecond.length >= this.perSecond) {
      return { allowed: false, retryAfterMs: inLastSecond[inLastSecond.length - this.perSecond]! + SECOND_MS - nowMs };
    }
    this.acceptedMs.push(nowMs);
    return { allowed: true };
  }
}
