import { describe, expect, it } from 'vitest';
import { identity, invert, multiply, transpose } from '../../../ml/tracking/matrix.js';

describe('matrix', () => {
  it('inverts a known matrix', () => {
    // [[4, 7], [2, 6]] has determinant 10 and inverse [[0.6, -0.7], [-0.2, 0.4]].
    const inverse = invert([
      [4, 7],
      [2, 6],
    ]);
    expect(inverse[0]?.[0]).toBeCloseTo(0.6, 12);
    expect(inverse[0]?.[1]).toBeCloseTo(-0.7, 12);
    expect(inverse[1]?.[0]).toBeCloseTo(-0.2, 12);
    expect(inverse[1]?.[1]).toBeCloseTo(0.4, 12);
  });

  it('inverts when the first pivot is zero', () => {
    // Needs a row swap: without pivoting this divides by zero.
    const matrix = [
      [0, 1, 2],
      [1, 0, 3],
      [4, -3, 8],
    ];
    const product = multiply(matrix, invert(matrix));
    const expected = identity(3);
    for (let i = 0; i < 3; i++) {
      for (let j = 0; j < 3; j++) expect(product[i]?.[j]).toBeCloseTo(expected[i]?.[j] ?? 0, 12);
    }
  });

  it('rejects a singular matrix', () => {
    expect(() => invert([
      [1, 2],
      [2, 4],
    ])).toThrow(RangeError);
  });

  it('transposes a rectangular matrix', () => {
    expect(transpose([[1, 2, 3]])).toEqual([[1], [2], [3]]);
  });
});
