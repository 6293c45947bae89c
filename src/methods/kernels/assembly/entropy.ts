// Entropy-weight sums over a row-major matrix, two columns per vector, in the order and with the
// operations of weights.ts (columnRanges, entropySums), so that the results are the same bit for bit.
import { logExact, logFix, logPair, logScalar, logSpecial } from './log'

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

/** y = (x − c_j)/d_j + b_j on a pair of columns. */
// @ts-ignore: decorator
@inline
function formed(x: v128, c: usize, d: usize, b: usize, j: i32): v128 {
  return f64x2.add(f64x2.div(f64x2.sub(x, v128.load(at(c, j))), v128.load(at(d, j))), v128.load(at(b, j)))
}

/** One pair of entropySums' columns: the sums of y (formed from x), given ln y where pos. */
// @ts-ignore: decorator
@inline
function sumsStep(
  x: v128,
  y: v128,
  l: v128,
  pos: v128,
  j: i32,
  n: usize,
  sum: usize,
  ylny: usize,
  yMin: usize,
  yMax: usize,
): void {
  const ok = f64x2.eq(x, x)
  const nv = v128.load(at(n, j))
  v128.store(at(n, j), v128.bitselect(f64x2.add(nv, f64x2.splat(1)), nv, ok))
  const sv = v128.load(at(sum, j))
  v128.store(at(sum, j), v128.bitselect(f64x2.add(sv, y), sv, ok))
  const yl = v128.load(at(ylny, j))
  v128.store(at(ylny, j), v128.bitselect(f64x2.add(yl, f64x2.mul(y, l)), yl, pos))
  const mn = v128.load(at(yMin, j))
  v128.store(at(yMin, j), v128.bitselect(y, mn, f64x2.lt(y, mn)))
  const mx = v128.load(at(yMax, j))
  v128.store(at(yMax, j), v128.bitselect(y, mx, f64x2.gt(y, mx)))
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
    // two pairs per step: the logarithms' constants loaded once for both, fdlibm's rare branches tested once
    for (; j + 4 <= w; j += 4) {
      const y0 = formed(v128.load(at(row, j)), c, d, b, j)
      const y1 = formed(v128.load(at(row, j + 2)), c, d, b, j + 2)
      const pos0 = f64x2.gt(y0, zero)
      const pos1 = f64x2.gt(y1, zero)
      let l0 = logPair(y0)
      let l1 = logPair(y1)
      if (v128.any_true(v128.or(v128.and(pos0, logSpecial(y0)), v128.and(pos1, logSpecial(y1))))) {
        l0 = logFix(y0, l0, pos0)
        l1 = logFix(y1, l1, pos1)
      }
      sumsStep(v128.load(at(row, j)), y0, l0, pos0, j, n, sum, ylny, yMin, yMax)
      sumsStep(v128.load(at(row, j + 2)), y1, l1, pos1, j + 2, n, sum, ylny, yMin, yMax)
    }
    for (; j + 2 <= w; j += 2) {
      const x = v128.load(at(row, j))
      const y = formed(x, c, d, b, j)
      const pos = f64x2.gt(y, zero)
      sumsStep(x, y, logExact(y, pos), pos, j, n, sum, ylny, yMin, yMax)
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
