/**
 * The shared shape of every evaluation method's input: a dense units × indicators matrix.
 *
 * Values are row-major in one Float64Array so that methods walk memory in order and allocate
 * nothing per cell (the national panel is 2,900 × 300 and the uncertainty analysis redraws it
 * hundreds of times). Missing cells are NaN; each method says how it treats them.
 */
export type Direction = 'higher' | 'lower'

export interface Matrix {
  readonly rows: number
  readonly cols: number
  /** row-major: value of unit i, indicator j is data[i * cols + j] */
  readonly data: Float64Array
  /** unit ids, length rows */
  readonly units: readonly string[]
  /** indicator codes, length cols */
  readonly columns: readonly string[]
}

export function createMatrix(
  units: readonly string[],
  columns: readonly string[],
  data?: Float64Array,
): Matrix {
  const size = units.length * columns.length
  if (data && data.length !== size) {
    throw new RangeError(`matrix data has ${data.length} cells, expected ${units.length} × ${columns.length}`)
  }
  return { rows: units.length, cols: columns.length, data: data ?? new Float64Array(size), units, columns }
}

/** Build a matrix from nested arrays (tests, small CLI inputs). */
export function matrixFromRows(
  units: readonly string[],
  columns: readonly string[],
  rows: readonly (readonly number[])[],
): Matrix {
  const m = createMatrix(units, columns)
  rows.forEach((row, i) => {
    if (row.length !== columns.length)
      throw new RangeError(`row ${units[i]} has ${row.length} values, expected ${columns.length}`)
    m.data.set(row, i * columns.length)
  })
  return m
}

export function get(m: Matrix, i: number, j: number): number {
  return m.data[i * m.cols + j]!
}

/** Column j as a fresh array (used by column-wise formulas; not for hot loops). */
export function column(m: Matrix, j: number): Float64Array {
  const out = new Float64Array(m.rows)
  for (let i = 0; i < m.rows; i++) out[i] = m.data[i * m.cols + j]!
  return out
}

/** Nested arrays for JSON output. */
export function toRows(m: Matrix): number[][] {
  const out: number[][] = []
  for (let i = 0; i < m.rows; i++) out.push(Array.from(m.data.subarray(i * m.cols, (i + 1) * m.cols)))
  return out
}

/** Directions per column: 'lower' for the listed cost columns, 'higher' otherwise. */
export function directionsFromCost(columns: readonly string[], cost: readonly string[]): Direction[] {
  const unknown = cost.filter((c) => !columns.includes(c))
  if (unknown.length > 0) throw new RangeError(`cost column(s) not in the matrix: ${unknown.join(', ')}`)
  return columns.map((c) => (cost.includes(c) ? 'lower' : 'higher'))
}
