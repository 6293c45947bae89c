// Ascending sort of a double array: an LSD radix sort (Knuth, TAOCP vol. 3, §5.2.5) of two 11-bit
// digits on the high words' order-preserving keys (Herf 2001, "Radix Tricks") less the smallest,
// reduced to 22 bits, then an insertion pass for values sharing a key; when too many do (values
// agreeing in their first ~20 significant bits), an LSD radix sort on the whole 64-bit key. Either
// way every value ends in exact order (−0 before +0, as TypedArray sort).
// Values must not be NaN. Scratch: sortScratchBytes(n).

// @ts-ignore: decorator
@inline
function f(base: usize, i: i32): usize {
  return base + ((<usize>i) << 3)
}
// @ts-ignore: decorator
@inline
function u(base: usize, i: i32): usize {
  return base + ((<usize>i) << 2)
}

export function sortScratchBytes(n: i32): i32 {
  return 24 * n + 4 * 4096 + 64
}

/** a after b in ascending order, with +0 after −0 (equal values otherwise keep their order). */
// @ts-ignore: decorator
@inline
function after(a: f64, b: f64): bool {
  return a > b || (a == b && reinterpret<i64>(a) > reinterpret<i64>(b))
}

/** Insertion sort of v[0..n); false (v partly sorted, still a permutation) after more than `budget` moves. */
function insertion(v: usize, n: i32, budget: i64): bool {
  let moves: i64 = 0
  for (let i = 1; i < n; i++) {
    const x = load<f64>(f(v, i))
    let j = i - 1
    if (!after(load<f64>(f(v, j)), x)) continue
    while (j >= 0 && after(load<f64>(f(v, j)), x)) {
      store<f64>(f(v, j + 1), load<f64>(f(v, j)))
      j--
    }
    store<f64>(f(v, j + 1), x)
    moves += i - 1 - j
    if (moves > budget) return false
  }
  return true
}

// @ts-ignore: decorator
@inline
function highKey(x: f64): u32 {
  const hi = <u32>(reinterpret<u64>(x) >> 32)
  return hi & 0x80000000 ? ~hi : hi | 0x80000000
}

export function sortF64(v: usize, n: i32, scratch: usize): void {
  if (n < 64) {
    insertion(v, n, i64.MAX_VALUE)
    return
  }
  // two LSD passes of 11 bits on the high words' keys less the smallest, shifted to 22 bits
  const a = scratch
  const ka = f(a, n)
  const kb = u(ka, n)
  const c0 = u(kb, n)
  const c1 = c0 + (2048 << 2)
  let kMin: u32 = 0xffffffff
  let kMax: u32 = 0
  for (let i = 0; i < n; i++) {
    const k = highKey(load<f64>(f(v, i)))
    store<u32>(u(ka, i), k)
    if (k < kMin) kMin = k
    if (k > kMax) kMax = k
  }
  const span = kMax - kMin
  const bits = 32 - <i32>clz(span)
  const shift = bits > 22 ? bits - 22 : 0
  memory.fill(c0, 0, 4096 << 2)
  for (let i = 0; i < n; i++) {
    const k = (load<u32>(u(ka, i)) - kMin) >> shift
    store<u32>(u(ka, i), k)
    store<u32>(u(c0, k & 2047), load<u32>(u(c0, k & 2047)) + 1)
    store<u32>(u(c1, k >> 11), load<u32>(u(c1, k >> 11)) + 1)
  }
  prefix(c0)
  prefix(c1)
  const second = bits - shift > 11
  // pass 1: by the low digit into a (values) and kb (keys); pass 2: by the high digit back into v
  for (let i = 0; i < n; i++) {
    const k = load<u32>(u(ka, i))
    const p = load<u32>(u(c0, k & 2047))
    store<u32>(u(c0, k & 2047), p + 1)
    store<u32>(u(kb, p), k)
    store<f64>(f(a, p), load<f64>(f(v, i)))
  }
  if (second)
    for (let i = 0; i < n; i++) {
      const k = load<u32>(u(kb, i))
      const p = load<u32>(u(c1, k >> 11))
      store<u32>(u(c1, k >> 11), p + 1)
      store<f64>(f(v, p), load<f64>(f(a, i)))
    }
  else memory.copy(v, a, (<usize>n) << 3)
  // values sharing a key (the same first ~20 significant bits) are in input order: put them in order
  if (insertion(v, n, 4 * <i64>n)) return
  radix64(v, n, scratch)
}

function prefix(c: usize): void {
  let total: u32 = 0
  for (let d = 0; d < 2048; d++) {
    const x = load<u32>(u(c, d))
    store<u32>(u(c, d), total)
    total += x
  }
}

/** LSD radix on the 64-bit order-preserving keys, 11-bit digits (digits every key shares are skipped). */
function radix64(v: usize, n: i32, scratch: usize): void {
  let src = scratch
  let dst = f(scratch, n)
  const count = dst + ((<usize>n) << 3)
  for (let i = 0; i < n; i++) {
    const x = load<u64>(f(v, i))
    store<u64>(f(src, i), x & 0x8000000000000000 ? ~x : x | 0x8000000000000000)
  }
  for (let shift: u64 = 0; shift < 64; shift += 11) {
    memory.fill(count, 0, 2048 << 2)
    for (let i = 0; i < n; i++) {
      const d = <u32>((load<u64>(f(src, i)) >> shift) & 2047)
      store<u32>(u(count, d), load<u32>(u(count, d)) + 1)
    }
    const first = <u32>((load<u64>(src) >> shift) & 2047)
    if (load<u32>(u(count, first)) == <u32>n) continue
    let total: u32 = 0
    for (let d = 0; d < 2048; d++) {
      const x = load<u32>(u(count, d))
      store<u32>(u(count, d), total)
      total += x
    }
    for (let i = 0; i < n; i++) {
      const k = load<u64>(f(src, i))
      const d = <u32>((k >> shift) & 2047)
      const p = load<u32>(u(count, d))
      store<u32>(u(count, d), p + 1)
      store<u64>(f(dst, p), k)
    }
    const t = src
    src = dst
    dst = t
  }
  for (let i = 0; i < n; i++) {
    const k = load<u64>(f(src, i))
    store<u64>(f(v, i), k & 0x8000000000000000 ? k & 0x7fffffffffffffff : ~k)
  }
}

/** Test hook: sorts v[0..n) with scratch at `scratch`. */
export function sortArray(v: usize, n: i32, scratch: usize): void {
  sortF64(v, n, scratch)
}
