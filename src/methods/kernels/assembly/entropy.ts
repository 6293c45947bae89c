// Entropy-weight sums over a row-major matrix, two columns per vector, in the order and with the
// operations of weights.ts (columnRanges, entropySums), so that the results are the same bit for bit.
import { logExact, logScalar } from './log'

// @ts-ignore: decorator
@inline
function at(base: usize, k: i32): usize {
  return base + ((<usize>k) << 3)
}

/** lo[j], hi[j] = min and max of column from + j over the rows, NaN cells skipped (w = to − from). */
export function columnRanges(data: usize, rows: i32, cols: i32, from: i32, to: i32, lo: usize, hi: usize): void {
  const w = to - from
  for (let j = 0; j < w; j++) {
    store<f64>(at(lo, j), Infinity)
    store<f64>(at(hi, j), -Infinity)
  }
  for (let i = 0; i < rows; i++) {
    const row = data + ((<usize>(i * cols + from)) << 3)
    let j = 0
    for (; j + 2 <= w; j += 2) {
      const x = v128.load(at(row, j))
      const l = v128.load(at(lo, j))
      const h = v128.load(at(hi, j))
      v128.store(at(lo, j), v128.bitselect(x, l, f64x2.lt(x, l)))
      v128.store(at(hi, j), v128.bitselect(x, h, f64x2.gt(x, h)))
    }
    for (; j < w; j++) {
      const x = load<f64>(at(row, j))
      if (x < load<f64>(at(lo, j))) store<f64>(at(lo, j), x)
      if (x > load<f64>(at(hi, j))) store<f64>(at(hi, j), x)
    }
  }
}

/**
 * For column from + j, over its non-NaN cells x: y = (x − c_j)/d_j + b_j, n_j += 1, sum_j += y,
 * ylny_j += y ln y where y > 0, yMin_j / yMax_j. Eight arrays of w = to − from doubles at
 * `s`: c, d, b (read) and n, sum, ylny, yMin, yMax (written).
 */
export function entropySums(data: usize, rows: i32, cols: i32, from: i32, to: i32, s: usize): void {
  const w = to - from
  const c = s
  const d = at(s, w)
  const b = at(s, 2 * w)
  const n = at(s, 3 * w)
  const sum = at(s, 4 * w)
  const ylny = at(s, 5 * w)
  const yMin = at(s, 6 * w)
  const yMax = at(s, 7 * w)
  for (let j = 0; j < w; j++) {
    store<f64>(at(n, j), 0)
    store<f64>(at(sum, j), 0)
    store<f64>(at(ylny, j), 0)
    store<f64>(at(yMin, j), Infinity)
    store<f64>(at(yMax, j), -Infinity)
  }
  const one = f64x2.splat(1)
  const zero = f64x2.splat(0)
  for (let i = 0; i < rows; i++) {
    const row = data + ((<usize>(i * cols + from)) << 3)
    let j = 0
    for (; j + 2 <= w; j += 2) {
      const x = v128.load(at(row, j))
      const ok = f64x2.eq(x, x)
      const y = f64x2.add(f64x2.div(f64x2.sub(x, v128.load(at(c, j))), v128.load(at(d, j))), v128.load(at(b, j)))
      const nv = v128.load(at(n, j))
      v128.store(at(n, j), v128.bitselect(f64x2.add(nv, one), nv, ok))
      const sv = v128.load(at(sum, j))
      v128.store(at(sum, j), v128.bitselect(f64x2.add(sv, y), sv, ok))
      const pos = f64x2.gt(y, zero)
      if (v128.any_true(pos)) {
        const yl = v128.load(at(ylny, j))
        v128.store(at(ylny, j), v128.bitselect(f64x2.add(yl, f64x2.mul(y, logExact(y, pos))), yl, pos))
      }
      const mn = v128.load(at(yMin, j))
      v128.store(at(yMin, j), v128.bitselect(y, mn, f64x2.lt(y, mn)))
      const mx = v128.load(at(yMax, j))
      v128.store(at(yMax, j), v128.bitselect(y, mx, f64x2.gt(y, mx)))
    }
    for (; j < w; j++) {
      const x = load<f64>(at(row, j))
      if (isNaN(x)) continue
      const y = (x - load<f64>(at(c, j))) / load<f64>(at(d, j)) + load<f64>(at(b, j))
      store<f64>(at(n, j), load<f64>(at(n, j)) + 1)
      store<f64>(at(sum, j), load<f64>(at(sum, j)) + y)
      if (y > 0) store<f64>(at(ylny, j), load<f64>(at(ylny, j)) + y * logScalar(y))
      if (y < load<f64>(at(yMin, j))) store<f64>(at(yMin, j), y)
      if (y > load<f64>(at(yMax, j))) store<f64>(at(yMax, j), y)
    }
  }
}
