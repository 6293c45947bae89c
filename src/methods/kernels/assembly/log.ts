// The natural logarithm exactly as V8's Math.log computes it: fdlibm's e_log.c (Sun Microsystems
// 1993; V8 src/base/ieee754.cc `log`), so a kernel's sums equal the JavaScript ones bit for bit.
// logScalar is the whole routine; logPair evaluates its main branch on two lanes at once and is
// exact for lanes that `logSpecial` does not flag (positive normal finite x with |x/2^k − 1| ≥ 2^-20);
// callers take flagged lanes through logScalar.

const ln2_hi: f64 = 6.93147180369123816490e-01 // 3fe62e42 fee00000
const ln2_lo: f64 = 1.90821492927058770002e-10 // 3dea39ef 35793c76
const two54: f64 = 1.80143985094819840000e16 // 43500000 00000000
const Lg1: f64 = 6.666666666666735130e-01
const Lg2: f64 = 3.999999999940941908e-01
const Lg3: f64 = 2.857142874366239149e-01
const Lg4: f64 = 2.222219843214978396e-01
const Lg5: f64 = 1.818357216161805012e-01
const Lg6: f64 = 1.531383769920937332e-01
const Lg7: f64 = 1.479819860511658591e-01

// The vector constants live in memory (CONSTANTS, written once by initConstants): V8 builds each
// v128.const from immediates with three or four instructions at every use, a table load is one.
export const CONSTANTS: usize = 1024
const I_MANT: i32 = 0 // 0x000fffff
const I_95F64: i32 = 1
const I_100000: i32 = 2
const I_1023: i32 = 3
const I_3FF00000: i32 = 4
const I_LOW: i32 = 5 // 0xffffffff
const F_ONE: i32 = 6
const F_TWO: i32 = 7
const F_LG1: i32 = 8 // … F_LG7 = 14
const I_6147A: i32 = 15
const I_6B851: i32 = 16
const F_HALF: i32 = 17
const F_LN2HI: i32 = 18
const F_LN2LO: i32 = 19
const I_MINNORM: i32 = 20 // 0x00100000
const I_EXPMAX: i32 = 21 // 0x7ff00000
const I_TWO: i32 = 22
const I_THREE: i32 = 23

// @ts-ignore: decorator
@inline
function K(i: i32): v128 {
  return v128.load(CONSTANTS + ((<usize>i) << 4))
}

function put(i: i32, v: v128): void {
  v128.store(CONSTANTS + ((<usize>i) << 4), v)
}

/** Writes the constant table (once per memory, before any kernel runs). */
export function initConstants(): void {
  put(I_MANT, i64x2.splat(0x000fffff))
  put(I_95F64, i64x2.splat(0x95f64))
  put(I_100000, i64x2.splat(0x100000))
  put(I_1023, i64x2.splat(1023))
  put(I_3FF00000, i64x2.splat(0x3ff00000))
  put(I_LOW, i64x2.splat(0xffffffff))
  put(F_ONE, f64x2.splat(1.0))
  put(F_TWO, f64x2.splat(2.0))
  put(F_LG1, f64x2.splat(Lg1))
  put(F_LG1 + 1, f64x2.splat(Lg2))
  put(F_LG1 + 2, f64x2.splat(Lg3))
  put(F_LG1 + 3, f64x2.splat(Lg4))
  put(F_LG1 + 4, f64x2.splat(Lg5))
  put(F_LG1 + 5, f64x2.splat(Lg6))
  put(F_LG1 + 6, f64x2.splat(Lg7))
  put(I_6147A, i64x2.splat(0x6147a))
  put(I_6B851, i64x2.splat(0x6b851))
  put(F_HALF, f64x2.splat(0.5))
  put(F_LN2HI, f64x2.splat(ln2_hi))
  put(F_LN2LO, f64x2.splat(ln2_lo))
  put(I_MINNORM, i64x2.splat(0x00100000))
  put(I_EXPMAX, i64x2.splat(0x7ff00000))
  put(I_TWO, i64x2.splat(2))
  put(I_THREE, i64x2.splat(3))
}

// @ts-ignore: decorator
@inline
function withHigh(x: f64, hi: i32): f64 {
  return reinterpret<f64>((reinterpret<u64>(x) & 0xffffffff) | (<u64>(<u32>hi) << 32))
}

export function logScalar(x: f64): f64 {
  let hx = <i32>(reinterpret<u64>(x) >> 32)
  const lx = <u32>reinterpret<u64>(x)
  let k: i32 = 0
  if (hx < 0x00100000) {
    if (((hx & 0x7fffffff) | lx) == 0) return -Infinity // log(±0) = −∞
    if (hx < 0) return NaN // log(−x) = NaN
    k -= 54
    x *= two54 // subnormal: scale up
    hx = <i32>(reinterpret<u64>(x) >> 32)
  }
  if (hx >= 0x7ff00000) return x + x
  k += (hx >> 20) - 1023
  hx &= 0x000fffff
  const i0 = (hx + 0x95f64) & 0x100000
  x = withHigh(x, hx | (i0 ^ 0x3ff00000)) // normalise x or x/2
  k += i0 >> 20
  const f = x - 1.0
  let dk: f64
  if ((0x000fffff & (2 + hx)) < 3) {
    // −2^-20 ≤ f < 2^-20
    if (f == 0.0) {
      if (k == 0) return 0.0
      dk = <f64>k
      return dk * ln2_hi + dk * ln2_lo
    }
    const R = f * f * (0.5 - 0.33333333333333333 * f)
    if (k == 0) return f - R
    dk = <f64>k
    return dk * ln2_hi - ((R - dk * ln2_lo) - f)
  }
  const s = f / (2.0 + f)
  dk = <f64>k
  const z = s * s
  let i = hx - 0x6147a
  const w = z * z
  const j = 0x6b851 - hx
  const t1 = w * (Lg2 + w * (Lg4 + w * Lg6))
  const t2 = z * (Lg1 + w * (Lg3 + w * (Lg5 + w * Lg7)))
  i |= j
  const R = t2 + t1
  if (i > 0) {
    const hfsq = 0.5 * f * f
    if (k == 0) return f - (hfsq - s * (hfsq + R))
    return dk * ln2_hi - ((hfsq - (s * (hfsq + R) + dk * ln2_lo)) - f)
  }
  if (k == 0) return f - s * (f - R)
  return dk * ln2_hi - ((s * (f - R) - dk * ln2_lo) - f)
}

/** Lanes logPair cannot take: not a positive normal finite number, or |f| < 2^-20 (fdlibm's short series). */
// @ts-ignore: decorator
@inline
export function logSpecial(x: v128): v128 {
  const hx = i64x2.shr_u(x, 32)
  const outside = v128.or(i64x2.lt_s(hx, K(I_MINNORM)), i64x2.ge_s(hx, K(I_EXPMAX)))
  const near1 = i64x2.lt_s(v128.and(i64x2.add(hx, K(I_TWO)), K(I_MANT)), K(I_THREE))
  return v128.or(outside, near1)
}

/**
 * fdlibm's main branch on two lanes. For k = 0 its separate formulas equal the general ones with
 * dk = 0 exactly (0·c = 0, 0 − y = −y and −(a − b) = b − a are exact), so one expression serves.
 */
// @ts-ignore: decorator
@inline
export function logPair(x: v128): v128 {
  const hx = i64x2.shr_u(x, 32)
  const hxm = v128.and(hx, K(I_MANT))
  const i0 = v128.and(i64x2.add(hxm, K(I_95F64)), K(I_100000))
  const k = i64x2.add(i64x2.sub(i64x2.shr_u(hx, 20), K(I_1023)), i64x2.shr_u(i0, 20))
  const high = v128.or(hxm, v128.xor(i0, K(I_3FF00000)))
  const xn = v128.or(v128.and(x, K(I_LOW)), i64x2.shl(high, 32))
  const f = f64x2.sub(xn, K(F_ONE))
  const s = f64x2.div(f, f64x2.add(K(F_TWO), f))
  const dk = f64x2.convert_low_i32x4_s(i8x16.shuffle(k, k, 0, 1, 2, 3, 8, 9, 10, 11, 0, 1, 2, 3, 8, 9, 10, 11))
  const z = f64x2.mul(s, s)
  const w = f64x2.mul(z, z)
  const t1 = f64x2.mul(w, f64x2.add(K(F_LG1 + 1), f64x2.mul(w, f64x2.add(K(F_LG1 + 3), f64x2.mul(w, K(F_LG1 + 5))))))
  const t2 = f64x2.mul(
    z,
    f64x2.add(
      K(F_LG1),
      f64x2.mul(w, f64x2.add(K(F_LG1 + 2), f64x2.mul(w, f64x2.add(K(F_LG1 + 4), f64x2.mul(w, K(F_LG1 + 6)))))),
    ),
  )
  const R = f64x2.add(t2, t1)
  // fdlibm's i = (hx − 0x6147a) | (0x6b851 − hx) > 0, on the masked high word (both terms fit in 21 bits)
  const ij = v128.or(i64x2.sub(hxm, K(I_6147A)), i64x2.sub(K(I_6B851), hxm))
  const big = i64x2.gt_s(ij, i64x2.splat(0))
  const hfsq = f64x2.mul(K(F_HALF), f64x2.mul(f, f))
  const dkHi = f64x2.mul(dk, K(F_LN2HI))
  const dkLo = f64x2.mul(dk, K(F_LN2LO))
  const a = f64x2.sub(dkHi, f64x2.sub(f64x2.sub(hfsq, f64x2.add(f64x2.mul(s, f64x2.add(hfsq, R)), dkLo)), f))
  const b = f64x2.sub(dkHi, f64x2.sub(f64x2.sub(f64x2.mul(s, f64x2.sub(f, R)), dkLo), f))
  return v128.bitselect(a, b, big)
}

/** ln of both lanes, exact for every lane (flagged lanes recomputed by logScalar). */
// @ts-ignore: decorator
@inline
export function logExact(x: v128, active: v128): v128 {
  let l = logPair(x)
  if (v128.any_true(v128.and(active, logSpecial(x)))) {
    l = f64x2.replace_lane(l, 0, logScalar(f64x2.extract_lane(x, 0)))
    l = f64x2.replace_lane(l, 1, logScalar(f64x2.extract_lane(x, 1)))
  }
  return l
}

/** Lanes of `l` (logPair of x) recomputed by logScalar where `active` and logSpecial flag them (callers test first). */
// @ts-ignore: decorator
@inline
export function logFix(x: v128, l: v128, active: v128): v128 {
  if (!v128.any_true(v128.and(active, logSpecial(x)))) return l
  return f64x2.replace_lane(
    f64x2.replace_lane(l, 0, logScalar(f64x2.extract_lane(x, 0))),
    1,
    logScalar(f64x2.extract_lane(x, 1)),
  )
}

/** dst[i] = ln src[i] for i < n (a test hook: every lane through the vector path where it applies). */
export function logArray(src: usize, dst: usize, n: i32): void {
  let i = 0
  const all = i64x2.splat(-1)
  for (; i + 2 <= n; i += 2) {
    const p = (<usize>i) << 3
    v128.store(dst + p, logExact(v128.load(src + p), all))
  }
  for (; i < n; i++) store<f64>(dst + ((<usize>i) << 3), logScalar(load<f64>(src + ((<usize>i) << 3))))
}

