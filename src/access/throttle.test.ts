import { describe, expect, it } from 'vitest'
import { signInWait, THROTTLE } from './throttle.ts'

const now = new Date('2026-12-07T10:00:00Z')
const ago = (s: number) => new Date(now.getTime() - s * 1000)
const none = { count: 0, last: null }

describe('signInWait', () => {
  it('lets the first five failures of a pair go without waiting', () => {
    expect(signInWait({ count: 4, last: ago(0) }, none, now)).toBe(0)
  })
  it('doubles the wait after each further failure, from the latest one, up to 15 minutes', () => {
    expect(signInWait({ count: 5, last: ago(0) }, none, now)).toBe(30)
    expect(signInWait({ count: 5, last: ago(10) }, none, now)).toBe(20)
    expect(signInWait({ count: 6, last: ago(0) }, none, now)).toBe(60)
    expect(signInWait({ count: 7, last: ago(0) }, none, now)).toBe(120)
    expect(signInWait({ count: 30, last: ago(0) }, none, now)).toBe(THROTTLE.maxWaitSeconds)
    expect(signInWait({ count: 5, last: ago(31) }, none, now)).toBe(0)
  })
  it('an address failing for many names waits out the window', () => {
    expect(signInWait(none, { count: 49, last: ago(0) }, now)).toBe(0)
    expect(signInWait(none, { count: 50, last: ago(60) }, now)).toBe(15 * 60 - 60)
  })
})
