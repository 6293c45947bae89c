// The unweighted, ungrouped disparity measures of src/methods/disparity.ts (plainColumn), computed
// row by row over a row-major matrix two columns per vector instead of column by column, with the
// same operations in the same order per column, so the results are the same bit for bit.
import { logExact, logScalar } from './log'
import { sortF64 } from './sort'

// @ts-ignore: decorator
@inline
function at(base: usize, k: i32): usize {
  return base + ((<usize>k) << 3)
}

/** Pass 1 over columns [from, to): n (non-NaN cells), sum, negatives. Three arrays of w doubles at s. */
export function disparitySums(data: usize, rows: i32, cols: i32, from: i32, to: i32, s: usize): void {
  const w = to - from
  const n = s
  const sum = at(s, w)
  const neg = at(s, 2 * w)
  memory.fill(s, 0, (<usize>(3 * w)) << 3)
  const one = f64x2.splat(1)
  const zero = f64x2.splat(0)
  for (let i = 0; i < rows; i++) {
    const row = data + ((<usize>(i * cols + from)) << 3)
    let j = 0
    for (; j + 2 <= w; j += 2) {
      const x = v128.load(at(row, j))
      const ok = f64x2.eq(x, x)
      const nv = v128.load(at(n, j))
      v128.store(at(n, j), v128.bitselect(f64x2.add(nv, one), nv, ok))
      const sv = v128.load(at(sum, j))
      v128.store(at(sum, j), v128.bitselect(f64x2.add(sv, x), sv, ok))
      const gv = v128.load(at(neg, j))
      v128.store(at(neg, j), v128.bitselect(f64x2.add(gv, one), gv, f64x2.lt(x, zero)))
    }
    for (; j < w; j++) {
      const x = load<f64>(at(row, j))
      if (isNaN(x)) continue
      if (x < 0) store<f64>(at(neg, j), load<f64>(at(neg, j)) + 1)
      store<f64>(at(n, j), load<f64>(at(n, j)) + 1)
      store<f64>(at(sum, j), load<f64>(at(sum, j)) + x)
    }
  }
}

/**
 * Pass 2: with mean_j and ln mean_j given (two arrays of w at s), over non-NaN x: ss += (x − mean)²,
 * and where x > 0: tSum += x (ln x − ln mean), lSum += ln mean − ln x; zero = 1 if some x ≤ 0.
 * Writes four arrays of w after the two it reads: ss, tSum, lSum, zero.
 */
export function disparityLogs(data: usize, rows: i32, cols: i32, from: i32, to: i32, s: usize): void {
  const w = to - from
  const mean = s
  const lnMean = at(s, w)
  const ss = at(s, 2 * w)
  const tSum = at(s, 3 * w)
  const lSum = at(s, 4 * w)
  const zr = at(s, 5 * w)
  memory.fill(ss, 0, (<usize>(4 * w)) << 3)
  const zero = f64x2.splat(0)
  const one = f64x2.splat(1)
  for (let i = 0; i < rows; i++) {
    const row = data + ((<usize>(i * cols + from)) << 3)
    let j = 0
    for (; j + 2 <= w; j += 2) {
      const x = v128.load(at(row, j))
      const ok = f64x2.eq(x, x)
      const d = f64x2.sub(x, v128.load(at(mean, j)))
      const sv = v128.load(at(ss, j))
      v128.store(at(ss, j), v128.bitselect(f64x2.add(sv, f64x2.mul(d, d)), sv, ok))
      const pos = f64x2.gt(x, zero)
      if (v128.any_true(pos)) {
        const lm = v128.load(at(lnMean, j))
        const lv = logExact(x, pos)
        const tv = v128.load(at(tSum, j))
        v128.store(at(tSum, j), v128.bitselect(f64x2.add(tv, f64x2.mul(x, f64x2.sub(lv, lm))), tv, pos))
        const lsv = v128.load(at(lSum, j))
        v128.store(at(lSum, j), v128.bitselect(f64x2.add(lsv, f64x2.sub(lm, lv)), lsv, pos))
      }
      const nonPos = v128.andnot(ok, pos)
      if (v128.any_true(nonPos)) v128.store(at(zr, j), v128.bitselect(one, v128.load(at(zr, j)), nonPos))
    }
    for (; j < w; j++) {
      const x = load<f64>(at(row, j))
      if (isNaN(x)) continue
      const d = x - load<f64>(at(mean, j))
      store<f64>(at(ss, j), load<f64>(at(ss, j)) + d * d)
      if (x > 0) {
        const lv = logScalar(x)
        const lm = load<f64>(at(lnMean, j))
        store<f64>(at(tSum, j), load<f64>(at(tSum, j)) + x * (lv - lm))
        store<f64>(at(lSum, j), load<f64>(at(lSum, j)) + (lm - lv))
      } else store<f64>(at(zr, j), 1)
    }
  }
}

/**
 * Gini of each column in [from, to) whose want_j ≠ 0 (PySAL _gini: Σ (2i − n − 1) y_(i) / (n Σ y),
 * i = 1..n over the sorted non-NaN cells), with Σ y = sum_j. Reads want and sum (two arrays of w at s),
 * writes gini (a third). `scratch` holds rows doubles plus sortScratchBytes(rows).
 */
export function giniColumns(data: usize, rows: i32, cols: i32, from: i32, to: i32, s: usize, scratch: usize): void {
  const w = to - from
  const want = s
  const sum = at(s, w)
  const gini = at(s, 2 * w)
  const y = scratch
  const sortScratch = at(scratch, rows)
  for (let j = 0; j < w; j++) {
    if (load<f64>(at(want, j)) == 0) continue
    let n = 0
    let p = data + ((<usize>(from + j)) << 3)
    const stride = (<usize>cols) << 3
    for (let i = 0; i < rows; i++, p += stride) {
      const v = load<f64>(p)
      if (isNaN(v)) continue
      store<f64>(at(y, n++), v)
    }
    sortF64(y, n, sortScratch)
    let acc: f64 = 0
    for (let i = 0; i < n; i++) acc += <f64>(2 * (i + 1) - n - 1) * load<f64>(at(y, i))
    store<f64>(at(gini, j), acc / (<f64>n * load<f64>(at(sum, j))))
  }
}
