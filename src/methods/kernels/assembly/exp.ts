// e^x exactly as V8's Math.exp computes it: fdlibm's e_exp.c (Sun Microsystems 1993, as FreeBSD
// msun and V8 src/base/ieee754.cc `exp` carry it), so kernels that aggregate geometric means give
// the JavaScript results bit for bit.

const o_threshold: f64 = 7.09782712893383973096e2
const u_threshold: f64 = -7.45133219101941108420e2
const ln2HI: f64 = 6.93147180369123816490e-1
const ln2LO: f64 = 1.90821492927058770002e-10
const invln2: f64 = 1.44269504088896338700
const P1: f64 = 1.66666666666666019037e-1
const P2: f64 = -2.77777777770155933842e-3
const P3: f64 = 6.61375632143793436117e-5
const P4: f64 = -1.65339022054652515390e-6
const P5: f64 = 4.13813679705723846039e-8
const huge: f64 = 1.0e300
const twom1000: f64 = 9.33263618503218878990e-302
const two1023: f64 = 8.98846567431157953865e307 // 0x1p1023

export function expScalar(x: f64): f64 {
  // V8 returns Math.E itself for e^1 (fdlibm's formula gives one unit in the last place more)
  if (x == 1.0) return 2.718281828459045
  let hx = <u32>(reinterpret<u64>(x) >> 32)
  const xsb = <i32>((hx >> 31) & 1)
  hx &= 0x7fffffff
  let hi: f64 = 0
  let lo: f64 = 0
  let k: i32 = 0
  if (hx >= 0x40862e42) {
    if (hx >= 0x7ff00000) {
      const lx = <u32>reinterpret<u64>(x)
      if (((hx & 0xfffff) | lx) != 0) return x + x // NaN
      return xsb == 0 ? x : 0.0 // exp(±∞) = ∞, 0
    }
    if (x > o_threshold) return huge * huge
    if (x < u_threshold) return twom1000 * twom1000
  }
  if (hx > 0x3fd62e42) {
    // |x| > 0.5 ln2
    if (hx < 0x3ff0a2b2) {
      // and |x| < 1.5 ln2
      hi = xsb == 0 ? x - ln2HI : x + ln2HI
      lo = xsb == 0 ? ln2LO : -ln2LO
      k = 1 - xsb - xsb
    } else {
      k = <i32>(invln2 * x + (xsb == 0 ? 0.5 : -0.5))
      hi = x - <f64>k * ln2HI // exact here
      lo = <f64>k * ln2LO
    }
    x = hi - lo
  } else if (hx < 0x3e300000) {
    // |x| < 2^-28
    if (huge + x > 1.0) return 1.0 + x
  } else k = 0
  const t = x * x
  const twopk =
    k >= -1021
      ? reinterpret<f64>(<u64>(<u32>(0x3ff00000 + (k << 20))) << 32)
      : reinterpret<f64>(<u64>(<u32>(0x3ff00000 + ((k + 1000) << 20))) << 32)
  const c = x - t * (P1 + t * (P2 + t * (P3 + t * (P4 + t * P5))))
  if (k == 0) return 1.0 - ((x * c) / (c - 2.0) - x)
  const y = 1.0 - ((lo - (x * c) / (2.0 - c)) - hi)
  if (k >= -1021) {
    if (k == 1024) return y * 2.0 * two1023
    return y * twopk
  }
  return y * twopk * twom1000
}

/** dst[i] = e^src[i] for i < n (a test hook). */
export function expArray(src: usize, dst: usize, n: i32): void {
  for (let i = 0; i < n; i++) store<f64>(dst + ((<usize>i) << 3), expScalar(load<f64>(src + ((<usize>i) << 3))))
}
