import { describe, expect, it } from 'vitest';
import { INITIAL_RETRY_DELAY_MS, MAX_RETRY_DELAY_MS, RETRY_BACKOFF_FACTOR, RETRY_JITTER_RATIO, retryDelayMs } from '../../../main/cameras/backoff.js';

describe('retryDelayMs', () => {
  const middle = () => 0.5; // jitter factor exactly 1
  const cases: Array<{ attempt: number; random: () => number; expected: number; note: string }> = [
    { attempt: 1, random: middle, expected: INITIAL_RETRY_DELAY_MS, note: 'first retry waits the initial delay' },
    { attempt: 2, random: middle, expected: INITIAL_RETRY_DELAY_MS * RETRY_BACKOFF_FACTOR, note: 'second retry grows by the factor' },
    { attempt: 4, random: middle, expected: INITIAL_RETRY_DELAY_MS * RETRY_BACKOFF_FACTOR ** 3, note: 'fourth retry' },
    { attempt: 50, random: middle, expected: MAX_RETRY_DELAY_MS, note: 'capped at the maximum' },
    { attempt: 1, random: () => 0, expected: INITIAL_RETRY_DELAY_MS * (1 - RETRY_JITTER_RATIO), note: 'lowest jitter' },
    { attempt: 50, random: () => 0.999999, expected: Math.round(MAX_RETRY_DELAY_MS * (1 + RETRY_JITTER_RATIO * 0.999998)), note: 'jitter may exceed the cap slightly' },
  ];
  for (const { attempt, random, expected, note } of cases) {
    it(note, () => {
      expect(retryDelayMs(attempt, random)).toBe(expected);
    });
  }
});
