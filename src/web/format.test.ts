import { describe, expect, it } from 'vitest'
import { escapeHtml, formatPercent, formatValue } from './format.ts'

describe('formatValue', () => {
  it('prints a value that rounds to zero as 0, never -0, in both languages', () => {
    for (const lang of ['zh-CN', 'en'])
      for (const v of [-0.0000001, -0.004, -0, 0, 0.0000001, -0.04999 / 100])
        expect(formatValue(v, lang), `${v} (${lang})`).toBe('0')
  })

  it('keeps the sign of a negative value that does not round to zero', () => {
    expect(formatValue(-0.006, 'en')).toBe('-0.01')
    expect(formatValue(-0.25, 'zh-CN')).toBe('-0.25')
    expect(formatValue(-150.26, 'en')).toBe('-150.3')
    expect(formatValue(-1234.5, 'en')).toBe('-1,235')
  })

  it('groups thousands and keeps fewer decimals as values grow', () => {
    expect(formatValue(1234567.8, 'en')).toBe('1,234,568')
    expect(formatValue(123.456, 'zh-CN')).toBe('123.5')
    expect(formatValue(2.5, 'en')).toBe('2.5')
    expect(formatValue(0.123, 'en')).toBe('0.12')
  })
})

describe('formatPercent', () => {
  it('prints a share as a whole percentage, and one that rounds to zero as 0%, never -0%', () => {
    for (const lang of ['zh-CN', 'en']) {
      expect(formatPercent(0.123, lang)).toBe('12%')
      expect(formatPercent(-0.126, lang)).toBe('-13%')
      for (const v of [-0.004, -0, 0, 0.004]) expect(formatPercent(v, lang), `${v} (${lang})`).toBe('0%')
    }
  })
})

describe('escapeHtml', () => {
  it('escapes the characters HTML gives meaning to', () => {
    expect(escapeHtml(`<b title="x">'&'</b>`)).toBe('&lt;b title=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/b&gt;')
  })
})
