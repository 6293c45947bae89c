/**
 * Ranks, 1 = best. Ties share the smallest rank of their group ("competition" ranking, 1-2-2-4,
 * as R's rank(ties.method = "min") and COINr report ranks), and `ties` lists each tied group so
 * that a result never hides a tie. Missing scores (NaN) get no rank (NaN) and come last.
 */
export interface Ranking {
  rank: Float64Array
  /** groups of unit indices that share a rank (only groups of two or more) */
  ties: number[][]
}

export function rankDescending(scores: ArrayLike<number>, tolerance = 1e-12): Ranking {
  return rankBy(scores, -1, tolerance)
}

export function rankAscending(scores: ArrayLike<number>, tolerance = 1e-12): Ranking {
  return rankBy(scores, 1, tolerance)
}

function rankBy(scores: ArrayLike<number>, sign: 1 | -1, tolerance: number): Ranking {
  const n = scores.length
  const order: number[] = []
  for (let i = 0; i < n; i++) if (!Number.isNaN(scores[i]!)) order.push(i)
  order.sort((a, b) => sign * (scores[a]! - scores[b]!) || a - b)
  const rank = new Float64Array(n).fill(Number.NaN)
  const ties: number[][] = []
  let start = 0
  while (start < order.length) {
    let end = start + 1
    const head = scores[order[start]!]!
    while (
      end < order.length &&
      Math.abs(scores[order[end]!]! - head) <= tolerance * Math.max(1, Math.abs(head))
    )
      end++
    for (let k = start; k < end; k++) rank[order[k]!] = start + 1
    if (end - start > 1) ties.push(order.slice(start, end))
    start = end
  }
  return { rank, ties }
}
