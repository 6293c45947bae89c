/**
 * Exact decimal amounts for the ledger. An amount is a decimal string with at most four places
 * in the unit of its metric, held as a bigint count of 0.0001 units, so sums never drift as
 * floats do. A share is a decimal in [0, 1] with at most six places, or a fraction "1/3", held as
 * an exact ratio; a share of an amount is truncated toward zero to 0.0001 and the party that
 * takes the rest (the host) receives the remainder, which keeps every split exact.
 */
import { z } from 'zod'

export const SCALE = 4
const UNIT = 10n ** BigInt(SCALE)

export const amountSchema = z
  .string()
  .trim()
  .regex(/^-?\d{1,16}(\.\d{1,4})?$/, { message: 'expected a decimal amount with at most 4 decimal places' })

export const nonNegativeAmountSchema = amountSchema.refine((s) => !s.startsWith('-'), {
  message: 'expected an amount of zero or more',
})

/** '12.5' → 125000n (units of 0.0001). */
export function toUnits(amount: string): bigint {
  const s = amount.trim()
  const neg = s.startsWith('-')
  const [int = '0', frac = ''] = (neg ? s.slice(1) : s).split('.')
  const units = BigInt(int) * UNIT + BigInt(frac.padEnd(SCALE, '0').slice(0, SCALE) || '0')
  return neg ? -units : units
}

/** 125000n → '12.5' (trailing zeros dropped, no exponent ever). */
export function fromUnits(units: bigint): string {
  const neg = units < 0n
  const abs = neg ? -units : units
  const int = abs / UNIT
  const frac = (abs % UNIT).toString().padStart(SCALE, '0').replace(/0+$/, '')
  return `${neg ? '-' : ''}${int}${frac ? `.${frac}` : ''}`
}

export interface Ratio {
  num: bigint
  den: bigint
}

export const shareSchema = z
  .string()
  .trim()
  .regex(/^(\d(\.\d{1,6})?|\d{1,9}\/[1-9]\d{0,8})$/, {
    message: 'expected a share such as 0.5, 0.35 or 1/3',
  })
  .refine(
    (s) => {
      const r = parseShare(s)
      return r.num >= 0n && r.num <= r.den
    },
    { message: 'a share lies between 0 and 1' },
  )

/** '0.35' → 35/100; '1/3' → 1/3. */
export function parseShare(share: string): Ratio {
  const s = share.trim()
  if (s.includes('/')) {
    const [n = '0', d = '1'] = s.split('/')
    return { num: BigInt(n), den: BigInt(d) }
  }
  const [int = '0', frac = ''] = s.split('.')
  const den = 10n ** BigInt(frac.length)
  return { num: BigInt(int) * den + BigInt(frac || '0'), den }
}

/** a × num / den, truncated toward zero (bigint division truncates toward zero). */
export const mulDiv = (a: bigint, num: bigint, den: bigint): bigint => (a * num) / den

export const sum = (xs: Iterable<bigint>): bigint => {
  let s = 0n
  for (const x of xs) s += x
  return s
}

export const minBig = (a: bigint, b: bigint) => (a < b ? a : b)
export const maxBig = (a: bigint, b: bigint) => (a > b ? a : b)
