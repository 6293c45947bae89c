/**
 * Levels of very different size do not share an axis: a national GDP of ~1.35 million on the
 * provinces' axis flattens six provinces to a line at the bottom. The series are ordered by size
 * (their largest absolute value) and cut at the largest jump between neighbours; when that jump
 * is at least `ratio`, the larger group goes on a second axis. Pure, for the chart options.
 */
export function secondAxisSeries(sizes: ReadonlyMap<string, number>, ratio = 4): Set<string> {
  const sorted = [...sizes].filter(([, s]) => Number.isFinite(s) && s > 0).sort((a, b) => a[1] - b[1])
  let cut = -1
  let widest = ratio
  for (let i = 1; i < sorted.length; i++) {
    const jump = sorted[i]![1] / sorted[i - 1]![1]
    if (jump >= widest) {
      widest = jump
      cut = i
    }
  }
  return new Set(cut < 0 ? [] : sorted.slice(cut).map(([key]) => key))
}

/** The size of a series for `secondAxisSeries`: its largest absolute value (0 when it has none). */
export const seriesSize = (values: readonly (number | null)[]): number =>
  values.reduce<number>((m, v) => (v === null ? m : Math.max(m, Math.abs(v))), 0)
