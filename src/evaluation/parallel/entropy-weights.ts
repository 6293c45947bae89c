/**
 * Entropy weights of a large matrix (e.g. a pooled county panel, 58,000 × 300) with the columns
 * split over the pool's workers: each column's entropy is computed by the same code as
 * `entropyWeights`, and the weights are the same `shares` of the divergences, so the result is
 * identical to the sequential one.
 */
import type { Matrix } from '../../methods/matrix.ts'
import { type EntropyOptions, type EntropyResult, shares } from '../../methods/weights.ts'
import { type MethodPool, partRange, shared } from './pool.ts'

export async function entropyWeightsParallel(
  pool: MethodPool,
  m: Matrix,
  o: EntropyOptions,
): Promise<EntropyResult> {
  const data = shared(m.data)
  const parts = Math.min(pool.size, m.cols)
  const entropy = new Float64Array(m.cols)
  const divergence = new Float64Array(m.cols)
  const n = new Float64Array(m.cols)
  await Promise.all(
    Array.from({ length: parts }, async (_, k) => {
      const [from, to] = partRange(m.cols, parts, k)
      const a = await pool.run({
        task: 'entropy',
        data,
        units: m.units,
        columns: m.columns,
        from,
        to,
        options: o,
      })
      if (a.task !== 'entropy') return
      entropy.set(a.entropy, from)
      divergence.set(a.divergence, from)
      n.set(a.n, from)
    }),
  )
  return { weights: shares(divergence), entropy, divergence, n }
}
