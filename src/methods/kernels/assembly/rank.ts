// Competition ranks of a score vector (1 = highest; equal scores share the smallest rank, i.e.
// 1 + the number of strictly higher scores; NaN unranked), as src/methods/uncertainty.ts
// RadixRanker gives them: units ordered by the order-preserving 64-bit keys of −score (NaN as +∞,
// last; −0 as 0) with an LSD radix sort (Knuth, TAOCP vol. 3, §5.2.5) of two 11-bit digits on the
// high words reduced to 22 bits, an insertion pass on the whole key, and a full 64-bit radix sort
// when that pass would move too much. Ranks depend only on the scores, so they equal RadixRanker's.

// @ts-ignore: decorator
@inline
function q(base: usize, i: i32): usize {
  return base + ((<usize>i) << 3)
}
// @ts-ignore: decorator
@inline
function w(base: usize, i: i32): usize {
  return base + ((<usize>i) << 2)
}

export function rankScratchBytes(n: i32): i32 {
  return 24 * n + 2 * 2048 * 4 + 64
}

/** Ranks of scores[0..n) into out[offset + i·stride]; `scratch` holds rankScratchBytes(n) bytes. */
export function rankInto(scores: usize, n: i32, out: usize, offset: i32, stride: i32, scratch: usize): void {
  const keys = scratch
  let order = q(keys, n)
  let spare = w(order, n)
  const hk = w(spare, n)
  const c0 = w(hk, n)
  const c1 = c0 + (2048 << 2)
  let kMin: u32 = 0xffffffff
  let kMax: u32 = 0
  for (let i = 0; i < n; i++) {
    const v = load<f64>(q(scores, i))
    const x = isNaN(v) ? Infinity : v == 0 ? 0.0 : -v
    const b = reinterpret<u64>(x)
    const k = b & 0x8000000000000000 ? ~b : b | 0x8000000000000000
    store<u64>(q(keys, i), k)
    const h = <u32>(k >> 32)
    store<u32>(w(hk, i), h)
    if (h < kMin) kMin = h
    if (h > kMax) kMax = h
  }
  const span = kMax - kMin
  const bits = 32 - <i32>clz(span)
  const shift = bits > 22 ? bits - 22 : 0
  memory.fill(c0, 0, 4096 << 2)
  for (let i = 0; i < n; i++) {
    const k = (load<u32>(w(hk, i)) - kMin) >> shift
    store<u32>(w(hk, i), k)
    store<u32>(w(c0, k & 2047), load<u32>(w(c0, k & 2047)) + 1)
    store<u32>(w(c1, k >> 11), load<u32>(w(c1, k >> 11)) + 1)
  }
  prefix(c0)
  prefix(c1)
  for (let i = 0; i < n; i++) {
    const d = load<u32>(w(hk, i)) & 2047
    const p = load<u32>(w(c0, d))
    store<u32>(w(c0, d), p + 1)
    store<i32>(w(spare, p), i)
  }
  for (let p = 0; p < n; p++) {
    const i = load<i32>(w(spare, p))
    const d = load<u32>(w(hk, i)) >> 11
    const at = load<u32>(w(c1, d))
    store<u32>(w(c1, d), at + 1)
    store<i32>(w(order, at), i)
  }
  if (!insertion(keys, order, n, 4 * <i64>n)) {
    for (let i = 0; i < n; i++) store<i32>(w(order, i), i)
    for (let sh: u64 = 0; sh < 64; sh += 11) {
      memory.fill(c0, 0, 2048 << 2)
      for (let i = 0; i < n; i++) {
        const d = <u32>((load<u64>(q(keys, i)) >> sh) & 2047)
        store<u32>(w(c0, d), load<u32>(w(c0, d)) + 1)
      }
      if (load<u32>(w(c0, <u32>((load<u64>(keys) >> sh) & 2047))) == <u32>n) continue
      prefix(c0)
      for (let p = 0; p < n; p++) {
        const i = load<i32>(w(order, p))
        const d = <u32>((load<u64>(q(keys, i)) >> sh) & 2047)
        const at = load<u32>(w(c0, d))
        store<u32>(w(c0, d), at + 1)
        store<i32>(w(spare, at), i)
      }
      const t = order
      order = spare
      spare = t
    }
  }
  let rank: f64 = 1
  for (let p = 0; p < n; p++) {
    const i = load<i32>(w(order, p))
    const o = q(out, offset + i * stride)
    if (isNaN(load<f64>(q(scores, i)))) {
      store<f64>(o, NaN)
      continue
    }
    if (p > 0 && load<u64>(q(keys, i)) != load<u64>(q(keys, load<i32>(w(order, p - 1))))) rank = <f64>(p + 1)
    store<f64>(o, rank)
  }
}

function prefix(c: usize): void {
  let total: u32 = 0
  for (let d = 0; d < 2048; d++) {
    const x = load<u32>(w(c, d))
    store<u32>(w(c, d), total)
    total += x
  }
}

/** Orders `order` by the whole key; false (order partly sorted, still a permutation) after more than `budget` moves. */
function insertion(keys: usize, order: usize, n: i32, budget: i64): bool {
  let moves: i64 = 0
  for (let p = 1; p < n; p++) {
    const i = load<i32>(w(order, p))
    const k = load<u64>(q(keys, i))
    let j = p - 1
    if (!(load<u64>(q(keys, load<i32>(w(order, j)))) > k)) continue
    while (j >= 0) {
      const o = load<i32>(w(order, j))
      if (!(load<u64>(q(keys, o)) > k)) break
      store<i32>(w(order, j + 1), o)
      j--
    }
    store<i32>(w(order, j + 1), i)
    moves += p - 1 - j
    if (moves > budget) return false
  }
  return true
}
