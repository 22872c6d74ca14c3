import { describe, expect, it } from 'vitest';
import { CoOccurrence } from '../../../ml/rec/coOccurrence.js';

// Four baskets: a is in 3, b in 2, c in 3. a·b are together twice, a·c twice and b·c once.
const counts = CoOccurrence.fromSets([['a', 'b'], ['a', 'b', 'c', 'c'], ['a', 'c'], ['c']]);

describe('CoOccurrence', () => {
  it('counts each pair once per basket in either order', () => {
    expect(counts.together('a', 'b')).toBe(2);
    expect(counts.together('b', 'a')).toBe(2);
    expect(counts.together('c', 'c')).toBe(0); // a repeated item is no pair
    expect(counts.together('a', 'z')).toBe(0);
  });

  it('computes lift from basket shares', () => {
    expect(counts.lift('a', 'b')).toBeCloseTo((2 * 4) / (3 * 2), 10); // 4/3: bought together more than chance
    expect(counts.lift('a', 'c')).toBeCloseTo((2 * 4) / (3 * 3), 10); // 8/9: less than chance
    expect(counts.lift('a', 'z')).toBe(0);
  });
});
