import { expScalar } from './exp'
import { logScalar } from './log'

// The blocked multiply-add of src/methods/composite/aggregate.ts (runSums): the rank-uncertainty
// draws' weighted sums, four draws (lanes) at a time as two vectors, four rows at a time, each
// (row, lane) summed in the same order with the same operations, so the sums are the same bit for bit.

/**
 * acc[(r·A + parent)·4 + b] += Σ_{j in run} w[j·4 + b] · t[(i0 + r)·cols + j] for rows r < n (n ≤ 4),
 * lanes b < 4 and each run (start, end, parent: nRuns triples of i32 at `runs`) of columns.
 */
export function runSums(
  t: usize,
  cols: i32,
  i0: i32,
  n: i32,
  runs: usize,
  nRuns: i32,
  w: usize,
  A: i32,
  acc: usize,
): void {
  const rowBytes = (<usize>cols) << 3
  const r0 = t + (<usize>i0) * rowBytes
  if (n == 4) {
    const r1 = r0 + rowBytes
    const r2 = r1 + rowBytes
    const r3 = r2 + rowBytes
    const o1 = (<usize>A) << 5
    for (let r = 0; r < nRuns; r++) {
      const q = runs + ((<usize>r) * 12)
      const end = load<i32>(q, 4)
      let a0l = f64x2.splat(0)
      let a0h = f64x2.splat(0)
      let a1l = f64x2.splat(0)
      let a1h = f64x2.splat(0)
      let a2l = f64x2.splat(0)
      let a2h = f64x2.splat(0)
      let a3l = f64x2.splat(0)
      let a3h = f64x2.splat(0)
      for (let j = load<i32>(q); j < end; j++) {
        const wq = w + ((<usize>j) << 5)
        const wl = v128.load(wq)
        const wh = v128.load(wq, 16)
        const c = (<usize>j) << 3
        const v0 = v128.load64_splat(r0 + c)
        const v1 = v128.load64_splat(r1 + c)
        const v2 = v128.load64_splat(r2 + c)
        const v3 = v128.load64_splat(r3 + c)
        a0l = f64x2.add(a0l, f64x2.mul(wl, v0))
        a0h = f64x2.add(a0h, f64x2.mul(wh, v0))
        a1l = f64x2.add(a1l, f64x2.mul(wl, v1))
        a1h = f64x2.add(a1h, f64x2.mul(wh, v1))
        a2l = f64x2.add(a2l, f64x2.mul(wl, v2))
        a2h = f64x2.add(a2h, f64x2.mul(wh, v2))
        a3l = f64x2.add(a3l, f64x2.mul(wl, v3))
        a3h = f64x2.add(a3h, f64x2.mul(wh, v3))
      }
      const p = acc + ((<usize>load<i32>(q, 8)) << 5)
      add(p, a0l, a0h)
      add(p + o1, a1l, a1h)
      add(p + 2 * o1, a2l, a2h)
      add(p + 3 * o1, a3l, a3h)
    }
    return
  }
  for (let row = 0; row < n; row++) {
    const base = r0 + (<usize>row) * rowBytes
    const o = acc + (((<usize>(row * A)) << 5))
    for (let r = 0; r < nRuns; r++) {
      const q = runs + ((<usize>r) * 12)
      const end = load<i32>(q, 4)
      let al = f64x2.splat(0)
      let ah = f64x2.splat(0)
      for (let j = load<i32>(q); j < end; j++) {
        const wq = w + ((<usize>j) << 5)
        const v = v128.load64_splat(base + ((<usize>j) << 3))
        al = f64x2.add(al, f64x2.mul(v128.load(wq), v))
        ah = f64x2.add(ah, f64x2.mul(v128.load(wq, 16), v))
      }
      add(o + ((<usize>load<i32>(q, 8)) << 5), al, ah)
    }
  }
}

// @ts-ignore: decorator
@inline
function add(p: usize, lo: v128, hi: v128): void {
  v128.store(p, f64x2.add(v128.load(p), lo))
  v128.store(p, f64x2.add(v128.load(p, 16), hi), 16)
}

/**
 * One block of four draws over every row, as aggregate.ts aggregateLanes: per four rows, the
 * indicator sums by runSums (and the presence-weight sums from `mask`, or `indicatorSums` when no
 * cell is missing), then each row's means bottom-up (finishRow): mean = a/s, exp(a/s) or s/a for
 * how = 0 (arithmetic), 1 (geometric), 2 (harmonic); a top aggregate's mean goes to
 * out[b·rows + i], another's is added to its parent as w·(mean, ln mean or 1/mean). `parents`:
 * A i32 (−1 = top); wAgg: A·4 weights; acc and wsum: 4·A·4 doubles of scratch.
 */
export function aggregateRows(
  t: usize,
  mask: usize,
  rows: i32,
  cols: i32,
  runs: usize,
  nRuns: i32,
  w: usize,
  A: i32,
  parents: usize,
  how: i32,
  wAgg: usize,
  indicatorSums: usize,
  out: usize,
  acc: usize,
  wsum: usize,
): void {
  const rowBytes = (<usize>A) << 5
  for (let i0 = 0; i0 < rows; i0 += 4) {
    const n = min(4, rows - i0)
    memory.fill(acc, 0, rowBytes << 2)
    runSums(t, cols, i0, n, runs, nRuns, w, A, acc)
    if (mask != 0) {
      memory.fill(wsum, 0, rowBytes << 2)
      runSums(mask, cols, i0, n, runs, nRuns, w, A, wsum)
    } else for (let r = 0; r < n; r++) memory.copy(wsum + (<usize>r) * rowBytes, indicatorSums, rowBytes)
    for (let r = 0; r < n; r++)
      finishRow(A, parents, how, wAgg, acc + (<usize>r) * rowBytes, wsum + (<usize>r) * rowBytes, out, rows, i0 + r)
  }
}

function finishRow(
  A: i32,
  parents: usize,
  how: i32,
  wAgg: usize,
  acc: usize,
  wsum: usize,
  out: usize,
  rows: i32,
  i: i32,
): void {
  for (let k = 0; k < A; k++) {
    const parent = load<i32>(parents + ((<usize>k) << 2))
    for (let b = 0; b < 4; b++) {
      const at = (<usize>(k * 4 + b)) << 3
      const s = load<f64>(wsum + at)
      const a = load<f64>(acc + at)
      const mean = s == 0 ? NaN : how == 0 ? a / s : how == 1 ? expScalar(a / s) : s / a
      if (parent < 0) {
        store<f64>(out + ((<usize>(b * rows + i)) << 3), mean)
        continue
      }
      if (isNaN(mean)) continue
      const wk = load<f64>(wAgg + at)
      const q = (<usize>(parent * 4 + b)) << 3
      store<f64>(acc + q, load<f64>(acc + q) + wk * (how == 0 ? mean : how == 1 ? logScalar(mean) : 1 / mean))
      store<f64>(wsum + q, load<f64>(wsum + q) + wk)
    }
  }
}
