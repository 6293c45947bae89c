// The obstacle degree of src/methods/obstacle.ts over a standardised matrix, two rows per vector:
// per row the factor shortfalls f_j = w_j (1 − x_j) (x in [0, 1]; rounding within 1e-9 outside it
// clamped; a NaN cell makes the row missing, a value farther out makes it out of range) summed in
// column order, then f_j / Σ f. Each row's sum in the same order as the JavaScript, so the same bits.

const SLACK: f64 = 1e-9

/**
 * out[i·cols + j] = f_ij (pass 1) and then f_ij / total_i for rows that are neither missing nor out
 * of range with total_i > 0. totals: rows doubles (Σ f); flags: rows doubles, 1 = missing, 2 = out
 * of range (missing wins), 0 = neither.
 */
export function obstacleRows(data: usize, rows: i32, cols: i32, w: usize, out: usize, totals: usize, flags: usize): void {
  for (let i = 0; i < rows; i++) {
    const at = (<usize>(i * cols)) << 3
    let total: f64 = 0
    let missing = false
    let outside = false
    for (let j = 0; j < cols; j++) {
      const o = (<usize>j) << 3
      const x = load<f64>(data + at + o)
      if (x >= 0 && x <= 1) {
        const f = load<f64>(w + o) * (1 - x)
        store<f64>(out + at + o, f)
        total += f
      } else if (isNaN(x)) missing = true
      else if (x < -SLACK || x > 1 + SLACK) outside = true
      else {
        const f = load<f64>(w + o) * (x < 0 ? 1 : 0)
        store<f64>(out + at + o, f)
        total += f
      }
    }
    store<f64>(totals + ((<usize>i) << 3), total)
    store<f64>(flags + ((<usize>i) << 3), missing ? 1 : outside ? 2 : 0)
    if (missing || outside || !(total > 0)) continue
    const inv = f64x2.splat(1 / total)
    let j = 0
    for (; j + 2 <= cols; j += 2) {
      const p = out + at + ((<usize>j) << 3)
      v128.store(p, f64x2.mul(v128.load(p), inv))
    }
    for (; j < cols; j++) {
      const p = out + at + ((<usize>j) << 3)
      store<f64>(p, load<f64>(p) * (1 / total))
    }
  }
}
