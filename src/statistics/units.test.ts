import { describe, expect, it } from 'vitest'
import { sameUnit } from './units.ts'

describe('units', () => {
  it('treats spellings of one unit as equal', () => {
    expect(sameUnit('pp', 'percentage points')).toBe(true)
    expect(sameUnit('% of GDP', '%')).toBe(true)
    expect(sameUnit('亿元', '100 million yuan')).toBe(true)
  })
  it('refuses different units', () => {
    expect(sameUnit('yuan', '100 million yuan')).toBe(false)
    expect(sameUnit('%', '% y/y')).toBe(false)
  })
})
