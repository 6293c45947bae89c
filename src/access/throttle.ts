/**
 * When a sign-in must wait. Failures are counted per (user name, client address) pair, so an attacker
 * elsewhere cannot lock a person out of their account, and a whole office behind one NAT address is
 * not locked out by one person's typos. After FREE_TRIES failures of a pair, each further try waits
 * twice as long as the last (30 s, 1 min, 2 min … at most 15 min) after the latest failure. An address
 * that fails for many names (password spraying) waits out the window. An administrator can clear a
 * user's failures (`unlock`).
 */
export const THROTTLE = {
  /** failures of one pair before the first wait */
  freeTries: 5,
  firstWaitSeconds: 30,
  maxWaitSeconds: 15 * 60,
  /** failures from one address, any user names, in the window */
  addressFailures: 50,
  windowMinutes: 15,
} as const

export interface FailureStats {
  count: number
  /** the latest failure, or null */
  last: Date | null
}

/** Seconds to wait before the next try (0: go ahead). */
export function signInWait(pair: FailureStats, address: FailureStats, now: Date): number {
  const waits: number[] = []
  if (pair.count >= THROTTLE.freeTries && pair.last) {
    const wait = Math.min(
      THROTTLE.firstWaitSeconds * 2 ** (pair.count - THROTTLE.freeTries),
      THROTTLE.maxWaitSeconds,
    )
    waits.push(wait - (now.getTime() - pair.last.getTime()) / 1000)
  }
  if (address.count >= THROTTLE.addressFailures && address.last)
    waits.push(THROTTLE.windowMinutes * 60 - (now.getTime() - address.last.getTime()) / 1000)
  return Math.max(0, Math.ceil(Math.max(0, ...waits)))
}

export const pairKey = (username: string, address: string) => `pair:${username.toLowerCase()}|${address}`
export const addressKey = (address: string) => `ip:${address}`
