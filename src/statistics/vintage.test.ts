import { describe, expect, it } from 'vitest'
import { vintageFromNote, vintageRank } from './vintage.ts'

describe('vintage', () => {
  it('reads the vintage a built-in note states', () => {
    expect(vintageFromNote('REVISED 2023 value (column 修订后2023年R&D经费投入强度)')).toBe('revised')
    expect(vintageFromNote('PRELIMINARY estimate; final bulletin says 2.69 (kept both).')).toBe('preliminary')
    expect(vintageFromNote('First-published communiqué level (two pages agree)')).toBe('first_published')
    expect(vintageFromNote('Final bulletin figure; +8.9% y/y.')).toBe('final')
    expect(vintageFromNote('')).toBeNull()
  })
  it('ranks revised before final before first-published before preliminary', () => {
    const order = ['preliminary', null, 'revised', 'first_published'].sort(
      (a, b) => vintageRank(a) - vintageRank(b),
    )
    expect(order).toEqual(['revised', null, 'first_published', 'preliminary'])
  })
})
