/**
 * Disparity of every indicator in every year of a panel (years × units × indicators, row-major per
 * year), the years split over the pool's workers: the same `disparityMeasures` per year as the
 * sequential loop, so the results are identical.
 */
import type { DisparityOptions, DisparityResult } from '../../methods/disparity.ts'
import { MethodPool, partRange, shared } from './pool.ts'

export async function disparityPanel(
  pool: MethodPool,
  panel: Float64Array,
  units: readonly string[],
  columns: readonly string[],
  o: DisparityOptions = {},
): Promise<DisparityResult[]> {
  const years = panel.length / (units.length * columns.length)
  if (!Number.isInteger(years)) throw new RangeError('panel length is not years × units × columns')
  const data = shared(panel)
  const options = { ...o, weights: o.weights ? Array.from(o.weights) : undefined }
  const parts = Math.min(pool.size, years)
  const answers = await Promise.all(
    Array.from({ length: parts }, (_, k) => {
      const [from, to] = partRange(years, parts, k)
      return pool.run({ task: 'disparity', panel: data, units, columns, from, to, options })
    }),
  )
  return answers.flatMap((a) => (a.task === 'disparity' ? a.results : []))
}

export { MethodPool }
