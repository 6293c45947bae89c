// The two passes of src/methods/topsis.ts topsisScores over the raw matrix, with normalize's
// per-column form applied to each cell (formCell): y = 1/x/inv when inv ≠ 0, else (c − x)/d when
// flipped, else (x − c)/d, plus e when e ≠ 0. The same operations in the same order per column
// (pass 1) and per row (pass 2), so the results are the same bit for bit.

// @ts-ignore: decorator
@inline
function at(base: usize, k: i32): usize {
  return base + ((<usize>k) << 3)
}

/** Five arrays of `cols` doubles at `forms`: c, d, e, flip (0/1), inv. */
// @ts-ignore: decorator
@inline
function form(x: v128, c: v128, d: v128, e: v128, flip: v128, inv: v128): v128 {
  const zero = f64x2.splat(0)
  const y = v128.bitselect(
    f64x2.div(f64x2.div(f64x2.splat(1), x), inv),
    v128.bitselect(f64x2.div(f64x2.sub(c, x), d), f64x2.div(f64x2.sub(x, c), d), f64x2.ne(flip, zero)),
    f64x2.ne(inv, zero),
  )
  return v128.bitselect(y, f64x2.add(y, e), f64x2.eq(e, zero))
}

// @ts-ignore: decorator
@inline
function formScalar(x: f64, c: f64, d: f64, e: f64, flip: f64, inv: f64): f64 {
  const y = inv != 0 ? 1 / x / inv : flip != 0 ? (c - x) / d : (x - c) / d
  return e == 0 ? y : y + e
}

/** hi[j], lo[j]: max and min over rows of column j's (formed, when useForms) values, NaN skipped. */
export function topsisRanges(data: usize, rows: i32, cols: i32, forms: usize, useForms: i32, hi: usize, lo: usize): void {
  for (let j = 0; j < cols; j++) {
    store<f64>(at(hi, j), -Infinity)
    store<f64>(at(lo, j), Infinity)
  }
  const c = forms
  const d = at(forms, cols)
  const e = at(forms, 2 * cols)
  const flip = at(forms, 3 * cols)
  const inv = at(forms, 4 * cols)
  for (let i = 0; i < rows; i++) {
    const row = data + ((<usize>(i * cols)) << 3)
    let j = 0
    for (; j + 2 <= cols; j += 2) {
      let v = v128.load(at(row, j))
      if (useForms)
        v = form(v, v128.load(at(c, j)), v128.load(at(d, j)), v128.load(at(e, j)), v128.load(at(flip, j)), v128.load(at(inv, j)))
      const h = v128.load(at(hi, j))
      const l = v128.load(at(lo, j))
      v128.store(at(hi, j), v128.bitselect(v, h, f64x2.gt(v, h)))
      v128.store(at(lo, j), v128.bitselect(v, l, f64x2.lt(v, l)))
    }
    for (; j < cols; j++) {
      let v = load<f64>(at(row, j))
      if (useForms)
        v = formScalar(v, load<f64>(at(c, j)), load<f64>(at(d, j)), load<f64>(at(e, j)), load<f64>(at(flip, j)), load<f64>(at(inv, j)))
      if (v > load<f64>(at(hi, j))) store<f64>(at(hi, j), v)
      if (v < load<f64>(at(lo, j))) store<f64>(at(lo, j), v)
    }
  }
}

/**
 * Per row: sp = Σ_j f_j (v − best_j)², sm = Σ_j f_j (v − worst_j)² in column order, two rows per
 * vector. `cw` holds best, worst, f (three arrays of cols); writes sp and sm (rows each) at `out`.
 */
export function topsisDistances(
  data: usize,
  rows: i32,
  cols: i32,
  forms: usize,
  useForms: i32,
  cw: usize,
  out: usize,
): void {
  const c = forms
  const d = at(forms, cols)
  const e = at(forms, 2 * cols)
  const flip = at(forms, 3 * cols)
  const inv = at(forms, 4 * cols)
  const best = cw
  const worst = at(cw, cols)
  const f = at(cw, 2 * cols)
  const sp = out
  const sm = at(out, rows)
  const rowBytes = (<usize>cols) << 3
  let i = 0
  for (; i + 2 <= rows; i += 2) {
    const r0 = data + (<usize>i) * rowBytes
    const r1 = r0 + rowBytes
    let p = f64x2.splat(0)
    let m = f64x2.splat(0)
    for (let j = 0; j < cols; j++) {
      const o = (<usize>j) << 3
      let v = v128.load64_lane(r1 + o, v128.load64_splat(r0 + o), 1)
      if (useForms)
        v = form(
          v,
          v128.load64_splat(c + o),
          v128.load64_splat(d + o),
          v128.load64_splat(e + o),
          v128.load64_splat(flip + o),
          v128.load64_splat(inv + o),
        )
      const fj = v128.load64_splat(f + o)
      const a = f64x2.sub(v, v128.load64_splat(best + o))
      const b = f64x2.sub(v, v128.load64_splat(worst + o))
      p = f64x2.add(p, f64x2.mul(f64x2.mul(fj, a), a))
      m = f64x2.add(m, f64x2.mul(f64x2.mul(fj, b), b))
    }
    v128.store(at(sp, i), p)
    v128.store(at(sm, i), m)
  }
  for (; i < rows; i++) {
    const row = data + (<usize>i) * rowBytes
    let p: f64 = 0
    let m: f64 = 0
    for (let j = 0; j < cols; j++) {
      let v = load<f64>(at(row, j))
      if (useForms)
        v = formScalar(v, load<f64>(at(c, j)), load<f64>(at(d, j)), load<f64>(at(e, j)), load<f64>(at(flip, j)), load<f64>(at(inv, j)))
      const fj = load<f64>(at(f, j))
      const a = v - load<f64>(at(best, j))
      const b = v - load<f64>(at(worst, j))
      p += fj * a * a
      m += fj * b * b
    }
    store<f64>(at(sp, i), p)
    store<f64>(at(sm, i), m)
  }
}

/**
 * Weighted sums of formed cells over runs of adjacent columns, per row: out[i·S + s] =
 * Σ_{j in run s} w_j · (NaN ? miss_j : (x − c_j)/d_j + e_j), j ascending, two rows per vector (the
 * subsystem scores of a min-max matrix with missing cells imputed). `forms`: c, d, e, miss, w
 * (five arrays of cols); `starts`: S + 1 i32 column starts.
 */
export function formedRunSums(data: usize, rows: i32, cols: i32, forms: usize, starts: usize, S: i32, out: usize): void {
  const c = forms
  const d = at(forms, cols)
  const e = at(forms, 2 * cols)
  const miss = at(forms, 3 * cols)
  const wt = at(forms, 4 * cols)
  const rowBytes = (<usize>cols) << 3
  let i = 0
  for (; i + 2 <= rows; i += 2) {
    const r0 = data + (<usize>i) * rowBytes
    const r1 = r0 + rowBytes
    for (let s = 0; s < S; s++) {
      let acc = f64x2.splat(0)
      const end = load<i32>(starts + ((<usize>(s + 1)) << 2))
      for (let j = load<i32>(starts + ((<usize>s) << 2)); j < end; j++) {
        const o = (<usize>j) << 3
        const x = v128.load64_lane(r1 + o, v128.load64_splat(r0 + o), 1)
        const y = f64x2.add(f64x2.div(f64x2.sub(x, v128.load64_splat(c + o)), v128.load64_splat(d + o)), v128.load64_splat(e + o))
        const v = v128.bitselect(y, v128.load64_splat(miss + o), f64x2.eq(x, x))
        acc = f64x2.add(acc, f64x2.mul(v128.load64_splat(wt + o), v))
      }
      store<f64>(at(out, i * S + s), f64x2.extract_lane(acc, 0))
      store<f64>(at(out, (i + 1) * S + s), f64x2.extract_lane(acc, 1))
    }
  }
  for (; i < rows; i++) {
    const row = data + (<usize>i) * rowBytes
    for (let s = 0; s < S; s++) {
      let acc: f64 = 0
      const end = load<i32>(starts + ((<usize>(s + 1)) << 2))
      for (let j = load<i32>(starts + ((<usize>s) << 2)); j < end; j++) {
        const x = load<f64>(at(row, j))
        acc += load<f64>(at(wt, j)) * (isNaN(x) ? load<f64>(at(miss, j)) : (x - load<f64>(at(c, j))) / load<f64>(at(d, j)) + load<f64>(at(e, j)))
      }
      store<f64>(at(out, i * S + s), acc)
    }
  }
}

/** out = every cell of the matrix through its column's form (normalize.ts normalizeRows), two columns per vector. */
export function formMatrix(data: usize, rows: i32, cols: i32, forms: usize, out: usize): void {
  const c = forms
  const d = at(forms, cols)
  const e = at(forms, 2 * cols)
  const flip = at(forms, 3 * cols)
  const inv = at(forms, 4 * cols)
  for (let i = 0; i < rows; i++) {
    const k = i * cols
    let j = 0
    for (; j + 2 <= cols; j += 2)
      v128.store(
        at(out, k + j),
        form(v128.load(at(data, k + j)), v128.load(at(c, j)), v128.load(at(d, j)), v128.load(at(e, j)), v128.load(at(flip, j)), v128.load(at(inv, j))),
      )
    for (; j < cols; j++)
      store<f64>(
        at(out, k + j),
        formScalar(load<f64>(at(data, k + j)), load<f64>(at(c, j)), load<f64>(at(d, j)), load<f64>(at(e, j)), load<f64>(at(flip, j)), load<f64>(at(inv, j))),
      )
  }
}
