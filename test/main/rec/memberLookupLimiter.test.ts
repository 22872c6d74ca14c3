import { describe, expect, it } from 'vitest';
import { MemberLookupLimiter } from '../../../main/rec/memberLookupLimiter.js';

/** Creates a limiter with small caps on a clock the test moves. */
function limiterAt(startMs: number, perSecond: number, perMinute: number) {
  const clock = { nowMs: startMs };
  return { clock, limiter: new MemberLookupLimiter(() => clock.nowMs, perSecond, perMinute) };
}

describe('MemberLookupLimiter', () => {
  it('allows up to the per-second cap', () => {
    const { limiter } = limiterAt(0, 2, 10);
    expect(limiter.tryAcquire()).toEqual({ allowed: true });
    expect(limiter.tryAcquire()).toEqual({ allowed: true });
    expect(limiter.tryAcquire()).toEqual({ allowed: false, retryAfterMs: 1_000 });
  });

  it('reopens when the second slides on', () => {
    const { clock, limiter } = limiterAt(0, 2, 10);
    limiter.tryAcquire();
    clock.nowMs = 400;
    limiter.tryAcquire();
    clock.nowMs = 999;
    // The first look-up leaves the one-second window at 1000 ms.
    expect(limiter.tryAcquire()).toEqual({ allowed: false, retryAfterMs: 1 });
    clock.nowMs = 1_000;
    expect(limiter.tryAcquire()).toEqual({ allowed: true });
  });

  it('caps the minute across seconds', () => {
    const { clock, limiter } = limiterAt(0, 2, 3);
    for (const timeMs of [0, 10_000, 20_000]) {
      clock.nowMs = timeMs;
      expect(limiter.tryAcquire(), `at ${timeMs} ms`).toEqual({ allowed: true });
    }
    clock.nowMs = 30_000;
    expect(limiter.tryAcquire()).toEqual({ allowed: false, retryAfterMs: 30_000 });
    clock.nowMs = 60_000;
    expect(limiter.tryAcquire()).toEqual({ allowed: true });
  });

  it('does not count rejected look-ups', () => {
    const { clock, limiter } = limiterAt(0, 1, 10);
    limiter.tryAcquire();
    // Hammering while limited must not push the reopening further out.
    for (let i = 0; i < 50; i++) limiter.tryAcquire();
    clock.nowMs = 1_000;
    expect(limiter.tryAcquire()).toEqual({ allowed: true });
  });
});
