/** Top-k selection over dense score arrays. */

/**
 * Indices of the `k` highest scores, best first. Ties go to the lower index
 * so results are deterministic. `excluded` indices are skipped. Runs in
 * O(n log k) with a binary min-heap.
 */
export function topKIndices(scores: Float32Array, k: number, excluded?: ReadonlySet<number>): Int32Array {
  const size = Math.min(k, scores.length);
  const heap = new Int32Array(size);
  let count = 0;
  // `a` ranks below `b` when its score is lower, or equal with a higher index.
  const below = (a: number, b: number): boolean => scores[a]! < scores[b]! || (scores[a] === scores[b] && a > b);

  for (let item = 0; item < scores.length && size > 0; item++) {
    // The exclusion lookup comes after the cheap heap test, since most items fail that test.
    if (count < size) {
      if (excluded?.has(item)) continue;
      heap[count] = item;
      siftUp(heap, count++, below);
    } else if (below(heap[0]!, item) && !excluded?.has(item)) {
      heap[0] = item;
      siftDown(heap, count, below);
    }
  }

  const result = Array.from(heap.subarray(0, count));
  result.sort((a, b) => (below(a, b) ? 1 : below(b, a) ? -1 : 0));
  return Int32Array.from(result);
}

function siftUp(heap: Int32Array, position: number, below: (a: number, b: number) => boolean): void {
  let child = position;
  while (child > 0) {
    const parent = (child - 1) >> 1;
    if (!below(heap[child]!, heap[parent]!)) break;
    [heap[child], heap[parent]] = [heap[parent]!, heap[child]!];
    child = parent;
  }
}

function siftDown(heap: Int32Array, count: number, below: (a: number, b: number) => boolean): void {
  let parent = 0;
  for (;;) {
    const left = 2 * parent + 1;
    const right = left + 1;
    let lowest = parent;
    if (left < count && below(heap[left]!, heap[lowest]!)) lowest = left;
    if (right < count && below(heap[right]!, heap[lowest]!)) lowest = right;
    if (lowest === parent) return;
    [heap[lowest], heap[parent]] = [heap[parent]!, heap[lowest]!];
    parent = lowest;
  }
}
