/**
 * Inputs as published: figures printed to a few decimals, and scores computed from rounded
 * weights, land a little outside a method's domain (a subsystem score of 1.0001 from weights
 * printed to four decimals, weights that sum to 0.9999). One rule for every method with a bounded
 * domain (coupling's scores in [0, 1] and its weights α summing to 1, obstacle's standardised
 * matrix in [0, 1]):
 * - a value outside the domain by no more than ROUNDING_TOLERANCE is taken as the nearest bound
 *   (weights within it of summing to 1 are rescaled) and reported in the result's notes;
 * - a value farther out is not rounding but another scale (percentages, an unstandardised
 *   column): the method refuses it naming the cell (unit and column), or, where the method
 *   defines a row it cannot compute (obstacle), leaves the row undefined.
 *
 * Why 0.001: weights printed to four decimals are each off by at most 0.00005; a score Σ w_j x_j
 * over up to 20 indicators with x in [0, 1] is then off by at most 20 × 0.00005 = 0.001.
 */
import { createMatrix, type Matrix } from './matrix.ts'
import { MethodInputError } from './weights.ts'

export const ROUNDING_TOLERANCE = 0.001

export interface Cell {
  row: number
  col: number
  value: number
}

export interface DomainCheck {
  /** the input with values within the tolerance clamped (the same matrix when none was) */
  matrix: Matrix
  /** cells taken as the nearest bound */
  clamped: Cell[]
  /** cells farther out than the tolerance, left as they are */
  outside: Cell[]
  /** one line per clamped cell (at most NOTE_CELLS, then a count) */
  notes: string[]
}

const NOTE_CELLS = 10
const FLOAT_SLACK = 1e-9

/** Clamp values within the tolerance of [lo, hi]; list those farther out. Missing (NaN) cells are left alone. */
export function clampToDomain(m: Matrix, lo: number, hi: number): DomainCheck {
  const clamped: Cell[] = []
  const outside: Cell[] = []
  let data = m.data
  for (let k = 0; k < m.data.length; k++) {
    const v = m.data[k]!
    if (!(v < lo || v > hi)) continue // in the domain, or missing
    const cell = { row: Math.floor(k / m.cols), col: k % m.cols, value: v }
    if (v < lo - ROUNDING_TOLERANCE || v > hi + ROUNDING_TOLERANCE) {
      outside.push(cell)
      continue
    }
    if (data === m.data) data = Float64Array.from(m.data) // copy once, never write the caller's input
    data[k] = v < lo ? lo : hi
    clamped.push(cell)
  }
  const matrix = data === m.data ? m : createMatrix(m.units, m.columns, data)
  return { matrix, clamped, outside, notes: clampNotes(m, clamped, lo, hi) }
}

/** As clampToDomain, and a value beyond the tolerance is refused naming its cell; `needs` says why. */
export function clampOrRefuse(m: Matrix, lo: number, hi: number, needs: string): DomainCheck {
  const r = clampToDomain(m, lo, hi)
  const bad = r.outside[0]
  if (bad) throw new MethodInputError(`${cellName(m, bad)} is ${bad.value}: ${beyond(lo, hi)}; ${needs}`)
  return r
}

/**
 * Weights that should sum to 1: within the tolerance they are rescaled to sum to 1 exactly, with a
 * note; farther off they are refused. Negative or non-numeric weights are refused.
 */
export function sumToOne(values: ArrayLike<number>, what: string): { values: Float64Array; notes: string[] } {
  let s = 0
  for (let j = 0; j < values.length; j++) {
    if (!(values[j]! >= 0)) throw new MethodInputError(`${what} ${j + 1} is ${values[j]}, not ≥ 0`)
    s += values[j]!
  }
  // 0.4 + 0.3 + 0.3 is 1.0000000000000002 in binary: floating point, not rounding of a published figure
  if (Math.abs(s - 1) <= FLOAT_SLACK) return { values: Float64Array.from(values), notes: [] }
  if (!(Math.abs(s - 1) <= ROUNDING_TOLERANCE))
    throw new MethodInputError(
      `${what} sum to ${s}, not 1 (more than the rounding tolerance ${ROUNDING_TOLERANCE} off)`,
    )
  return {
    values: Float64Array.from(values, (w) => w / s),
    notes: [
      `${what} sum to ${s}: within the rounding tolerance ${ROUNDING_TOLERANCE} of 1, rescaled to sum to 1`,
    ],
  }
}

/** `row "A", column "s1"`: the unit and the column of a cell, as the CSV names them. */
export function cellName(m: Matrix, c: Cell): string {
  return `row "${m.units[c.row]}", column "${m.columns[c.col]}"`
}

const beyond = (lo: number, hi: number) =>
  `outside [${lo}, ${hi}] by more than the rounding tolerance ${ROUNDING_TOLERANCE}`

function clampNotes(m: Matrix, clamped: readonly Cell[], lo: number, hi: number): string[] {
  const notes = clamped
    .slice(0, NOTE_CELLS)
    .map(
      (c) =>
        `${cellName(m, c)}: ${c.value} is outside [${lo}, ${hi}] within the rounding tolerance ${ROUNDING_TOLERANCE}, taken as ${c.value < lo ? lo : hi}`,
    )
  if (clamped.length > NOTE_CELLS)
    notes.push(
      `${clamped.length - NOTE_CELLS} more cells within the rounding tolerance taken as the nearest bound`,
    )
  return notes
}
