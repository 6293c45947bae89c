/**
 * Ascending sort of many short Float64Arrays (a Gini per indicator × year sorts thousands of
 * columns of a few thousand values). V8's Float64Array.prototype.sort costs ~70 ns per value at
 * n ≈ 3,000; this one is a least-significant-digit radix sort (Knuth, TAOCP vol. 3, §5.2.5) on a
 * 32-bit key taken from each double's high word, followed by one insertion pass that puts values
 * sharing a high word (equal to ~6 significant digits) in exact order.
 *
 * Key: IEEE 754 doubles order like sign-magnitude integers, so flipping every bit of a negative
 * value's high word and only the sign bit of a non-negative one gives an unsigned key in the same
 * order (Herf 2001, "Radix Tricks"). Digits of 11, 11 and 10 bits; a digit that is the same for
 * every value (typically the exponent's) costs one histogram and no pass. If the insertion pass
 * has to move values far (many values agreeing in their first 20 mantissa bits), it gives up and
 * the native sort finishes, so the worst case stays O(n log n).
 *
 * Values must not be NaN (callers drop missing cells first). Scratch buffers are reused: no
 * allocation per call once the sorter has grown to the longest array.
 */
export class FloatSorter {
  private a = new Float64Array(0)
  private aw = new Uint32Array(0)
  private b = new Float64Array(0)
  private ka = new Uint32Array(0)
  private kb = new Uint32Array(0)
  private readonly count = new Uint32Array(3 * 2048)

  /** Sorts `v` in place, ascending. */
  sort(v: Float64Array): void {
    const n = v.length
    if (n < 64) {
      insertion(v, n, Number.POSITIVE_INFINITY)
      return
    }
    this.grow(n)
    if (this.bucketSort(v)) return
    this.radixSort(v)
  }

  /**
   * One distribution pass into 4,096 buckets spanning [min key, max key], then insertion: about
   * 3 passes over the data when the keys spread out (values spread over a log-like scale, as
   * regional figures do); false when too many values crowd into few buckets (an outlier
   * stretching the range), leaving v sorted or not but intact as a multiset.
   */
  private bucketSort(v: Float64Array): boolean {
    const n = v.length
    const { a, aw, ka, count } = this
    a.set(v)
    let kMin = 0xffffffff
    let kMax = 0
    for (let i = 0; i < n; i++) {
      const hi = aw[2 * i + 1]!
      const k = (hi & 0x80000000 ? ~hi : hi | 0x80000000) >>> 0
      ka[i] = k
      if (k < kMin) kMin = k
      if (k > kMax) kMax = k
    }
    const span = kMax - kMin
    let shift = 0
    while (span / 2 ** shift >= 4096) shift++
    const scale = 2 ** -shift // a power of two: the product is exact
    const c = count.subarray(0, 4096)
    c.fill(0)
    for (let i = 0; i < n; i++) {
      const d = ((ka[i]! - kMin) * scale) >>> 0
      ka[i] = d
      c[d]!++
    }
    let total = 0
    for (let d = 0; d < 4096; d++) {
      const x = c[d]!
      c[d] = total
      total += x
    }
    for (let i = 0; i < n; i++) v[c[ka[i]!]!++] = a[i]!
    return insertion(v, n, 4 * n)
  }

  /** LSD radix on the whole 32-bit key (three passes), then insertion; native sort if that fails. */
  private radixSort(v: Float64Array): void {
    const n = v.length
    const { a, aw, count } = this
    a.set(v)
    count.fill(0)
    let ka = this.ka
    for (let i = 0; i < n; i++) {
      const hi = aw[2 * i + 1]!
      const k = (hi & 0x80000000 ? ~hi : hi | 0x80000000) >>> 0
      ka[i] = k
      count[k & 2047]!++
      count[2048 + ((k >>> 11) & 2047)]!++
      count[4096 + (k >>> 22)]!++
    }
    let src = a
    let dst = this.b
    let kb = this.kb
    for (let pass = 0; pass < 3; pass++) {
      const base = pass * 2048
      const shift = pass * 11
      const mask = pass === 2 ? 1023 : 2047
      if (count[base + ((ka[0]! >>> shift) & mask)] === n) continue // one bucket: the digit is constant
      let total = 0
      for (let d = 0; d <= mask; d++) {
        const c = count[base + d]!
        count[base + d] = total
        total += c
      }
      for (let i = 0; i < n; i++) {
        const k = ka[i]!
        const at = count[base + ((k >>> shift) & mask)]!++
        kb[at] = k
        dst[at] = src[i]!
      }
      const t = src
      src = dst
      dst = t
      const u = ka
      ka = kb
      kb = u
    }
    v.set(src.subarray(0, n))
    // values with the same key are in input order: exact order needs a short insertion pass
    if (!insertion(v, n, 8 * n)) v.sort()
  }

  private grow(n: number): void {
    if (this.a.length >= n) return
    this.a = new Float64Array(n)
    this.aw = new Uint32Array(this.a.buffer)
    this.b = new Float64Array(n)
    this.ka = new Uint32Array(n)
    this.kb = new Uint32Array(n)
  }
}

/** Insertion sort of v[0..n); false (and v partly sorted) once more than `budget` moves were needed. */
function insertion(v: Float64Array, n: number, budget: number): boolean {
  let moves = 0
  for (let i = 1; i < n; i++) {
    const x = v[i]!
    let j = i - 1
    if (!(v[j]! > x)) continue
    while (j >= 0 && v[j]! > x) {
      v[j + 1] = v[j]!
      j--
    }
    v[j + 1] = x
    moves += i - 1 - j
    if (moves > budget) return false
  }
  return true
}
