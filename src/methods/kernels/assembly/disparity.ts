// The unweighted, ungrouped disparity measures of src/methods/disparity.ts (plainColumn), computed
// row by row over a row-major matrix two columns per vector instead of column by column, with the
// same operations in the same order per column, so the results are the same bit for bit.
import { logExact, logFix, logPair, logScalar, logSpecial } from './log'
import { sortF64, sortScratchBytes } from './sort'

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
    // two pairs per step: the logarithms' constants are loaded once for both, the rare lanes
    // needing fdlibm's other branches tested once
    for (; j + 4 <= w; j += 4) {
      const x0 = v128.load(at(row, j))
      const x1 = v128.load(at(row, j + 2))
      const pos0 = f64x2.gt(x0, zero)
      const pos1 = f64x2.gt(x1, zero)
      let l0 = logPair(x0)
      let l1 = logPair(x1)
      if (v128.any_true(v128.or(v128.and(pos0, logSpecial(x0)), v128.and(pos1, logSpecial(x1))))) {
        l0 = logFix(x0, l0, pos0)
        l1 = logFix(x1, l1, pos1)
      }
      logsStep(x0, l0, pos0, j, mean, lnMean, ss, tSum, lSum, zr)
      logsStep(x1, l1, pos1, j + 2, mean, lnMean, ss, tSum, lSum, zr)
    }
    for (; j + 2 <= w; j += 2) {
      const x = v128.load(at(row, j))
      const pos = f64x2.gt(x, zero)
      logsStep(x, logExact(x, pos), pos, j, mean, lnMean, ss, tSum, lSum, zr)
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

/** One pair of disparityLogs' columns: the sums of x, given its logarithms lv where pos. */
// @ts-ignore: decorator
@inline
function logsStep(
  x: v128,
  lv: v128,
  pos: v128,
  j: i32,
  mean: usize,
  lnMean: usize,
  ss: usize,
  tSum: usize,
  lSum: usize,
  zr: usize,
): void {
  const ok = f64x2.eq(x, x)
  const d = f64x2.sub(x, v128.load(at(mean, j)))
  const sv = v128.load(at(ss, j))
  v128.store(at(ss, j), v128.bitselect(f64x2.add(sv, f64x2.mul(d, d)), sv, ok))
  const lm = v128.load(at(lnMean, j))
  const tv = v128.load(at(tSum, j))
  v128.store(at(tSum, j), v128.bitselect(f64x2.add(tv, f64x2.mul(x, f64x2.sub(lv, lm))), tv, pos))
  const lsv = v128.load(at(lSum, j))
  v128.store(at(lSum, j), v128.bitselect(f64x2.add(lsv, f64x2.sub(lm, lv)), lsv, pos))
  const nonPos = v128.andnot(ok, pos)
  if (v128.any_true(nonPos)) v128.store(at(zr, j), v128.bitselect(f64x2.splat(1), v128.load(at(zr, j)), nonPos))
}

/**
 * Gini of each column in [from, to) whose want_j ≠ 0 (PySAL _gini: Σ (2i − n − 1) y_(i) / (n Σ y),
 * i = 1..n over the sorted non-NaN cells), with Σ y = sum_j. Reads want and sum (two arrays of w at s),
 * writes gini (a third); rows whose byte at rowOk is 0 are left out (rowOk = 0: none). Columns are
 * gathered eight at a time, so that each row's cache line is read once for all eight. `scratch`
 * holds giniScratchBytes(rows).
 */
export function giniColumns(
  data: usize,
  rows: i32,
  cols: i32,
  from: i32,
  to: i32,
  rowOk: usize,
  s: usize,
  scratch: usize,
): void {
  const w = to - from
  const want = s
  const sum = at(s, w)
  const gini = at(s, 2 * w)
  const sortScratch = at(scratch, 8 * rows)
  const stride = (<usize>cols) << 3
  for (let j0 = 0; j0 < w; j0 += 8) {
    const m = min(8, w - j0)
    // the rows' cells of up to eight columns at once (one read of each row's cache line), NaN
    // included; then each column's NaN dropped in place
    let kept = 0
    let p = data + ((<usize>(from + j0)) << 3)
    for (let i = 0; i < rows; i++, p += stride) {
      if (rowOk && load<u8>(rowOk + i) == 0) continue
      for (let c = 0; c < m; c++) store<f64>(at(scratch, c * rows + kept), load<f64>(p + ((<usize>c) << 3)))
      kept++
    }
    for (let c = 0; c < m; c++) {
      const j = j0 + c
      if (load<f64>(at(want, j)) == 0) continue
      const y = at(scratch, c * rows)
      let n = 0
      for (let i = 0; i < kept; i++) {
        const v = load<f64>(at(y, i))
        if (!isNaN(v)) store<f64>(at(y, n++), v)
      }
      sortF64(y, n, sortScratch)
      let acc: f64 = 0
      for (let i = 0; i < n; i++) acc += <f64>(2 * (i + 1) - n - 1) * load<f64>(at(y, i))
      store<f64>(at(gini, j), acc / (<f64>n * load<f64>(at(sum, j))))
    }
  }
}

/** Bytes of scratch giniColumns needs for `rows` rows. */
export function giniScratchBytes(rows: i32): i32 {
  return 64 * rows + sortScratchBytes(rows) + 64
}

/**
 * Pass 1 of the weighted or grouped measures (disparity.ts columnMeasures) over columns [from, to):
 * rows whose weight (f64 at unitW, or 1 when unitW = 0) is NaN or whose group (i32 at gid, or 0
 * when gid = 0) is negative are left out; over the others' non-NaN cells y with weight w: n, the
 * negatives, W += w, WY += w·y, and per group g, W_g and WY_g. At s (w = to − from): n, neg, W, WY
 * (w each), then W_g (G·w), WY_g (G·w), group-major.
 */
export function groupedSums(
  data: usize,
  rows: i32,
  cols: i32,
  from: i32,
  to: i32,
  unitW: usize,
  gid: usize,
  G: i32,
  s: usize,
): void {
  const w = to - from
  const n = s
  const neg = at(s, w)
  const W = at(s, 2 * w)
  const WY = at(s, 3 * w)
  const Wg = at(s, 4 * w)
  const WYg = at(s, (4 + G) * w)
  memory.fill(s, 0, (<usize>((4 + 2 * G) * w)) << 3)
  const one = f64x2.splat(1)
  const zero = f64x2.splat(0)
  for (let i = 0; i < rows; i++) {
    const wi = unitW ? load<f64>(at(unitW, i)) : 1.0
    const g = gid ? load<i32>(gid + ((<usize>i) << 2)) : 0
    if (isNaN(wi) || g < 0) continue
    const wv = f64x2.splat(wi)
    const row = data + ((<usize>(i * cols + from)) << 3)
    const wg = at(Wg, g * w)
    const wyg = at(WYg, g * w)
    let j = 0
    for (; j + 2 <= w; j += 2) {
      const y = v128.load(at(row, j))
      const ok = f64x2.eq(y, y)
      const wy = f64x2.mul(wv, y)
      const nv = v128.load(at(n, j))
      v128.store(at(n, j), v128.bitselect(f64x2.add(nv, one), nv, ok))
      const gv = v128.load(at(neg, j))
      v128.store(at(neg, j), v128.bitselect(f64x2.add(gv, one), gv, f64x2.lt(y, zero)))
      const a = v128.load(at(W, j))
      v128.store(at(W, j), v128.bitselect(f64x2.add(a, wv), a, ok))
      const b = v128.load(at(WY, j))
      v128.store(at(WY, j), v128.bitselect(f64x2.add(b, wy), b, ok))
      if (gid) {
        const c = v128.load(at(wg, j))
        v128.store(at(wg, j), v128.bitselect(f64x2.add(c, wv), c, ok))
        const d = v128.load(at(wyg, j))
        v128.store(at(wyg, j), v128.bitselect(f64x2.add(d, wy), d, ok))
      }
    }
    for (; j < w; j++) {
      const y = load<f64>(at(row, j))
      if (isNaN(y)) continue
      if (y < 0) store<f64>(at(neg, j), load<f64>(at(neg, j)) + 1)
      store<f64>(at(n, j), load<f64>(at(n, j)) + 1)
      store<f64>(at(W, j), load<f64>(at(W, j)) + wi)
      store<f64>(at(WY, j), load<f64>(at(WY, j)) + wi * y)
      if (gid) {
        store<f64>(at(wg, j), load<f64>(at(wg, j)) + wi)
        store<f64>(at(wyg, j), load<f64>(at(wyg, j)) + wi * y)
      }
    }
  }
}

/**
 * Pass 2 of the weighted or grouped measures, rows left out as in groupedSums. Reads at s: mean,
 * ln mean (w each), ln mean_g (G·w); writes after them: ss, tSum, lSum, zero (w each), then
 * T_g, L_g, zero_g (G·w each): ss += w(y − mean)²; where y > 0, tSum += w·y(ln y − ln mean),
 * lSum += w(ln mean − ln y) and the same with the group's mean into T_g, L_g; where y ≤ 0 with
 * w > 0, zero = zero_g = 1.
 */
export function groupedLogs(
  data: usize,
  rows: i32,
  cols: i32,
  from: i32,
  to: i32,
  unitW: usize,
  gid: usize,
  G: i32,
  s: usize,
): void {
  const w = to - from
  const mean = s
  const lnMean = at(s, w)
  const lnMeanG = at(s, 2 * w)
  const ss = at(s, (2 + G) * w)
  const tSum = at(ss, w)
  const lSum = at(ss, 2 * w)
  const zr = at(ss, 3 * w)
  const tg = at(ss, 4 * w)
  const lg = at(tg, G * w)
  const zg = at(lg, G * w)
  memory.fill(ss, 0, (<usize>((4 + 3 * G) * w)) << 3)
  const zero = f64x2.splat(0)
  const one = f64x2.splat(1)
  for (let i = 0; i < rows; i++) {
    const wi = unitW ? load<f64>(at(unitW, i)) : 1.0
    const g = gid ? load<i32>(gid + ((<usize>i) << 2)) : 0
    if (isNaN(wi) || g < 0) continue
    const wv = f64x2.splat(wi)
    const row = data + ((<usize>(i * cols + from)) << 3)
    const lmg = at(lnMeanG, g * w)
    const tgr = at(tg, g * w)
    const lgr = at(lg, g * w)
    const zgr = at(zg, g * w)
    let j = 0
    for (; j + 2 <= w; j += 2) {
      const y = v128.load(at(row, j))
      const ok = f64x2.eq(y, y)
      const d = f64x2.sub(y, v128.load(at(mean, j)))
      const sv = v128.load(at(ss, j))
      v128.store(at(ss, j), v128.bitselect(f64x2.add(sv, f64x2.mul(f64x2.mul(wv, d), d)), sv, ok))
      const pos = f64x2.gt(y, zero)
      if (v128.any_true(pos)) {
        const ly = logExact(y, pos)
        const wy = f64x2.mul(wv, y)
        const lm = v128.load(at(lnMean, j))
        const tv = v128.load(at(tSum, j))
        v128.store(at(tSum, j), v128.bitselect(f64x2.add(tv, f64x2.mul(wy, f64x2.sub(ly, lm))), tv, pos))
        const lv = v128.load(at(lSum, j))
        v128.store(at(lSum, j), v128.bitselect(f64x2.add(lv, f64x2.mul(wv, f64x2.sub(lm, ly))), lv, pos))
        if (gid) {
          const lmgv = v128.load(at(lmg, j))
          const a = v128.load(at(tgr, j))
          v128.store(at(tgr, j), v128.bitselect(f64x2.add(a, f64x2.mul(wy, f64x2.sub(ly, lmgv))), a, pos))
          const b = v128.load(at(lgr, j))
          v128.store(at(lgr, j), v128.bitselect(f64x2.add(b, f64x2.mul(wv, f64x2.sub(lmgv, ly))), b, pos))
        }
      }
      const nonPos = v128.andnot(ok, pos)
      if (wi > 0 && v128.any_true(nonPos)) {
        v128.store(at(zr, j), v128.bitselect(one, v128.load(at(zr, j)), nonPos))
        v128.store(at(zgr, j), v128.bitselect(one, v128.load(at(zgr, j)), nonPos))
      }
    }
    for (; j < w; j++) {
      const y = load<f64>(at(row, j))
      if (isNaN(y)) continue
      const d = y - load<f64>(at(mean, j))
      store<f64>(at(ss, j), load<f64>(at(ss, j)) + wi * d * d)
      if (y > 0) {
        const ly = logScalar(y)
        const lm = load<f64>(at(lnMean, j))
        store<f64>(at(tSum, j), load<f64>(at(tSum, j)) + wi * y * (ly - lm))
        store<f64>(at(lSum, j), load<f64>(at(lSum, j)) + wi * (lm - ly))
        if (gid) {
          const lmgv = load<f64>(at(lmg, j))
          store<f64>(at(tgr, j), load<f64>(at(tgr, j)) + wi * y * (ly - lmgv))
          store<f64>(at(lgr, j), load<f64>(at(lgr, j)) + wi * (lmgv - ly))
        }
      } else if (wi > 0) {
        store<f64>(at(zr, j), 1)
        store<f64>(at(zgr, j), 1)
      }
    }
  }
}

