// The disparity measures of src/methods/disparity.ts (CV, Theil T and L with their decomposition
// between and within groups, Gini), computed row by row over a row-major matrix two columns per
// vector instead of column by column, with the same operations in the same order per column as
// the per-column formulas, so the results are the same bit for bit. The unweighted, ungrouped case
// is the weighted one with unit weights and one group (w·y = y, w·d·d = d·d: the same bits).
import { logExact, logFix, logPair, logScalar, logSpecial } from './log'
import { sortF64, sortScratchBytes } from './sort'

// @ts-ignore: decorator
@inline
function at(base: usize, k: i32): usize {
  return base + ((<usize>k) << 3)
}

/**
 * Columns giniColumns gathers at once: all of them while their cells fit in 8 MB, so that each
 * row is read whole and in order (a tile of a few columns reads a short piece of every row, a
 * stride the hardware's prefetch does not follow), and at least 32.
 */
function giniTile(rows: i32, w: i32): i32 {
  return min(w, max(32, (1 << 23) / (8 * (rows + 1))))
}

/**
 * Gini of each column in [from, to) whose want_j ≠ 0 (PySAL _gini: Σ (2i − n − 1) y_(i) / (n Σ y),
 * i = 1..n over the sorted non-NaN cells), with Σ y = sum_j. Reads want and sum (two arrays of w at s),
 * writes gini (a third); rows whose byte at rowOk is 0 are left out (rowOk = 0: none). Columns are
 * gathered giniTile at a time, and a NaN is dropped as it is gathered (its slot is written,
 * then overwritten by the next cell: no branch). `scratch` holds giniScratchBytes(rows, to − from).
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
  const tile = giniTile(rows, w)
  const count = scratch
  const cells = at(scratch, tile)
  const sortScratch = at(cells, tile * (rows + 1))
  const stride = (<usize>cols) << 3
  const lane = (<usize>(rows + 1)) << 3
  for (let j0 = 0; j0 < w; j0 += tile) {
    const m = min(tile, w - j0)
    memory.fill(count, 0, (<usize>tile) << 3)
    let p = data + ((<usize>(from + j0)) << 3)
    for (let i = 0; i < rows; i++, p += stride) {
      if (rowOk && load<u8>(rowOk + i) == 0) continue
      let y = cells
      for (let c = 0; c < m; c++, y += lane) {
        const v = load<f64>(p + ((<usize>c) << 3))
        const k = load<i64>(at(count, c))
        store<f64>(y + (<usize>k << 3), v)
        store<i64>(at(count, c), k + select<i64>(1, 0, v == v))
      }
    }
    for (let c = 0; c < m; c++) {
      const j = j0 + c
      if (load<f64>(at(want, j)) == 0) continue
      const y = cells + (<usize>c) * lane
      const n = <i32>load<i64>(at(count, c))
      sortF64(y, n, sortScratch)
      let acc: f64 = 0
      for (let i = 0; i < n; i++) acc += <f64>(2 * (i + 1) - n - 1) * load<f64>(at(y, i))
      store<f64>(at(gini, j), acc / (<f64>n * load<f64>(at(sum, j))))
    }
  }
}

/** Bytes of scratch giniColumns needs for `rows` rows and `w` columns. */
export function giniScratchBytes(rows: i32, w: i32): i32 {
  return 8 * giniTile(rows, w) * (rows + 2) + sortScratchBytes(rows) + 64
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
    const marks = wi > 0
    let j = 0
    // two pairs per step: the logarithms' constants loaded once for both, the rare lanes needing
    // fdlibm's other branches tested once
    for (; j + 4 <= w; j += 4) {
      const y0 = v128.load(at(row, j))
      const y1 = v128.load(at(row, j + 2))
      const pos0 = f64x2.gt(y0, zero)
      const pos1 = f64x2.gt(y1, zero)
      let l0 = logPair(y0)
      let l1 = logPair(y1)
      if (v128.any_true(v128.or(v128.and(pos0, logSpecial(y0)), v128.and(pos1, logSpecial(y1))))) {
        l0 = logFix(y0, l0, pos0)
        l1 = logFix(y1, l1, pos1)
      }
      groupedStep(y0, l0, pos0, j, wv, marks, mean, lnMean, lmg, ss, tSum, lSum, zr, tgr, lgr, zgr, gid)
      groupedStep(y1, l1, pos1, j + 2, wv, marks, mean, lnMean, lmg, ss, tSum, lSum, zr, tgr, lgr, zgr, gid)
    }
    for (; j + 2 <= w; j += 2) {
      const y = v128.load(at(row, j))
      const pos = f64x2.gt(y, zero)
      groupedStep(y, logExact(y, pos), pos, j, wv, marks, mean, lnMean, lmg, ss, tSum, lSum, zr, tgr, lgr, zgr, gid)
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


/** One pair of groupedLogs' columns: the sums of y, given its logarithms ly where pos. */
// @ts-ignore: decorator
@inline
function groupedStep(
  y: v128,
  ly: v128,
  pos: v128,
  j: i32,
  wv: v128,
  marks: bool,
  mean: usize,
  lnMean: usize,
  lmg: usize,
  ss: usize,
  tSum: usize,
  lSum: usize,
  zr: usize,
  tgr: usize,
  lgr: usize,
  zgr: usize,
  gid: usize,
): void {
  const ok = f64x2.eq(y, y)
  const d = f64x2.sub(y, v128.load(at(mean, j)))
  const sv = v128.load(at(ss, j))
  v128.store(at(ss, j), v128.bitselect(f64x2.add(sv, f64x2.mul(f64x2.mul(wv, d), d)), sv, ok))
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
  const nonPos = v128.andnot(ok, pos)
  if (marks && v128.any_true(nonPos)) {
    const one = f64x2.splat(1)
    v128.store(at(zr, j), v128.bitselect(one, v128.load(at(zr, j)), nonPos))
    v128.store(at(zgr, j), v128.bitselect(one, v128.load(at(zgr, j)), nonPos))
  }
}

/** The measures' block (groupedPrep, groupedFinish): ten arrays of w, then T_g and L_g (w·G, j·G + g). */
const N = 0
const MEAN = 1
const CV = 2
const THEIL_T = 3
const THEIL_L = 4
const GINI = 5
const BETWEEN_T = 6
const WITHIN_T = 7
const BETWEEN_L = 8
const WITHIN_L = 9
const MEASURES = 10

/**
 * Between groupedSums and groupedLogs, for each column c of the w: n into the measures' block at
 * res (every other measure NaN); the column is wanted when it has no negative, n > 0, W > 0 and
 * mean = WY/W > 0 (mean stored once W > 0). For a wanted column: mean, ln mean and ln(WY_g/W_g) into
 * pass 2's inputs at p2 (w, w, g1·w), and want = 1, sum = WY into the Gini's block at gw (want, sum,
 * gini: w each). p1 is groupedSums' output over g1 groups; G = the groups of the decomposition
 * (0: none).
 */
export function groupedPrep(w: i32, g1: i32, G: i32, p1: usize, p2: usize, gw: usize, res: usize): void {
  const nan = f64.NaN
  for (let k = 0; k < MEASURES * w + 2 * G * w; k++) store<f64>(at(res, k), nan)
  for (let c = 0; c < w; c++) {
    const n = load<f64>(at(p1, c))
    const W = load<f64>(at(p1, 2 * w + c))
    const WY = load<f64>(at(p1, 3 * w + c))
    store<f64>(at(res, N * w + c), n)
    store<f64>(at(gw, c), 0)
    store<f64>(at(gw, w + c), WY)
    if (load<f64>(at(p1, w + c)) > 0 || n == 0 || !(W > 0)) continue
    const mean = WY / W
    store<f64>(at(res, MEAN * w + c), mean)
    if (!(mean > 0)) continue // all zero: no relative dispersion is defined
    store<f64>(at(gw, c), 1)
    store<f64>(at(p2, c), mean)
    store<f64>(at(p2, w + c), logScalar(mean))
    for (let g = 0; g < g1; g++)
      store<f64>(
        at(p2, (2 + g) * w + c),
        logScalar(load<f64>(at(p1, (4 + g1 + g) * w + c)) / load<f64>(at(p1, (4 + g) * w + c))),
      )
  }
}

/**
 * After groupedLogs (and giniColumns, when unweighted), the measures of each wanted column into
 * res: CV (population or, sample ≠ 0, sample sd), Theil T and L, the Gini from gw (weighted = 0),
 * and with G > 0 groups each group's T and L and the decomposition (disparity.ts decompose).
 */
export function groupedFinish(
  w: i32,
  g1: i32,
  G: i32,
  sample: i32,
  weighted: i32,
  p1: usize,
  p2: usize,
  gw: usize,
  res: usize,
): void {
  const o2 = at(p2, (2 + g1) * w)
  const gT = at(res, MEASURES * w)
  const gL = at(gT, G * w)
  for (let c = 0; c < w; c++) {
    if (load<f64>(at(gw, c)) == 0) continue
    const n = load<f64>(at(p1, c))
    const W = load<f64>(at(p1, 2 * w + c))
    const WY = load<f64>(at(p1, 3 * w + c))
    const mean = load<f64>(at(p2, c))
    const ss = load<f64>(at(o2, c))
    const variance = sample ? (n > 1 ? (ss * n) / (W * (n - 1)) : f64.NaN) : ss / W
    store<f64>(at(res, CV * w + c), Math.sqrt(variance) / mean)
    store<f64>(at(res, THEIL_T * w + c), load<f64>(at(o2, w + c)) / WY)
    store<f64>(at(res, THEIL_L * w + c), load<f64>(at(o2, 3 * w + c)) != 0 ? f64.NaN : load<f64>(at(o2, 2 * w + c)) / W)
    if (!weighted) store<f64>(at(res, GINI * w + c), load<f64>(at(gw, 2 * w + c)))
    if (G == 0) continue
    let betweenT: f64 = 0
    let withinT: f64 = 0
    let betweenL: f64 = 0
    let withinL: f64 = 0
    for (let g = 0; g < G; g++) {
      const Wg = load<f64>(at(p1, (4 + g) * w + c))
      if (!(Wg > 0)) continue // no unit of this group in this column
      const WYg = load<f64>(at(p1, (4 + G + g) * w + c))
      const P = Wg / W
      const S = WYg / WY
      const meanG = WYg / Wg
      const Tg = WYg > 0 ? load<f64>(at(o2, (4 + g) * w + c)) / WYg : f64.NaN
      const Lg = load<f64>(at(o2, (4 + 2 * G + g) * w + c)) != 0 ? f64.NaN : load<f64>(at(o2, (4 + G + g) * w + c)) / Wg
      store<f64>(at(gT, c * G + g), Tg)
      store<f64>(at(gL, c * G + g), Lg)
      if (S > 0) {
        betweenT += S * logScalar(meanG / mean)
        withinT += S * Tg
      }
      betweenL += P * logScalar(mean / meanG) // +∞ when the group's mean is 0: L is undefined
      withinL += P * Lg
    }
    const finite = isFinite(betweenL)
    store<f64>(at(res, BETWEEN_T * w + c), betweenT)
    store<f64>(at(res, WITHIN_T * w + c), withinT)
    store<f64>(at(res, BETWEEN_L * w + c), finite ? betweenL : f64.NaN)
    store<f64>(at(res, WITHIN_L * w + c), finite ? withinL : f64.NaN)
  }
}
