/**
 * Leave-one-out splits. For a user with items x1 … xn (time order):
 *   training   x1 … x(n-2)
 *   validation input x1 … x(n-2), target x(n-1)
 *   test       input x1 … x(n-1), target xn
 * Under `refit` the final model is refitted on x1 … x(n-1) before testing.
 * Every user is a test case; a user with one item is tested on an empty input.
 */
import type { UserSequence } from '../../ml/rec/types.js';

export type Protocol = 'strict' | 'refit';

export interface EvalCase {
  userId: string;
  /** Items before the target, oldest first. */
  input: string[];
  target: string;
}

export interface LeaveOneOutSplit {
  train: UserSequence[];
  /** Training data for the test step: `train` under strict, plus the validation items under refit. */
  testTrain: UserSequence[];
  validation: EvalCase[];
  test: EvalCase[];
}

export function splitLeaveOneOut(users: readonly { userId: string; items: string[] }[], protocol: Protocol): LeaveOneOutSplit {
  const train: UserSequence[] = [];
  const withValidation: UserSequence[] = [];
  const validation: EvalCase[] = [];
  const test: EvalCase[] = [];
  for (const { userId, items } of users) {
    const n = items.length;
    train.push({ userId, items: items.slice(0, Math.max(0, n - 2)) });
    withValidation.push({ userId, items: items.slice(0, n - 1) });
    if (n >= 2) validation.push({ userId, input: items.slice(0, n - 2), target: items[n - 2]! });
    test.push({ userId, input: items.slice(0, n - 1), target: items[n - 1]! });
  }
  return { train, testTrain: protocol === 'refit' ? withValidation : train, validation, test };
}
