/**
 * Ranking metrics for leave-one-out evaluation, where each test case has
 * exactly one relevant item. With the relevant item at 1-based `rank`:
 *   HR@k   = 1 if rank ≤ k, else 0
 *   NDCG@k = 1 / log2(rank + 1) if rank ≤ k, else 0
 * (the ideal DCG is 1 because only one item is relevant).
 */

/** 1-based position of `target` in `ranking`, or 0 when it is absent. */
export function rankOf(ranking: ArrayLike<number | string>, target: number | string): number {
  for (let i = 0; i < ranking.length; i++) if (ranking[i] === target) return i + 1;
  return 0;
}

export function hitRateAt(rank: number, k: number): number {
  return rank >= 1 && rank <= k ? 1 : 0;
}

export function ndcgAt(rank: number, k: number): number {
  return rank >= 1 && rank <= k ? 1 / Math.log2(rank + 1) : 0;
}

export interface RankingSummary {
  cases: number;
  hr10: number;
  ndcg10: number;
  hr20: number;
  ndcg20: number;
}

/** Means of HR and NDCG at 10 and 20 over cases given by their ranks (0 = not ranked). */
export function summarizeRanks(ranks: ArrayLike<number>): RankingSummary {
  let hr10 = 0;
  let ndcg10 = 0;
  let hr20 = 0;
  let ndcg20 = 0;
  for (let i = 0; i < ranks.length; i++) {
    const rank = ranks[i]!;
    hr10 += hitRateAt(rank, 10);
    ndcg10 += ndcgAt(rank, 10);
    hr20 += hitRateAt(rank, 20);
    ndcg20 += ndcgAt(rank, 20);
  }
  const n = Math.max(1, ranks.length);
  return { cases: ranks.length, hr10: hr10 / n, ndcg10: ndcg10 / n, hr20: hr20 / n, ndcg20: ndcg20 / n };
}
