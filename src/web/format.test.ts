import { describe, expect, it } from 'vitest'
import { changeOf, escapeHtml, formatPercent, formatValue } from './format.ts'

describe('formatValue', () => {
  it('prints zero as 0, never -0, in both languages', () => {
    for (const lang of ['zh-CN', 'en']) for (const v of [-0, 0]) expect(formatValue(v, lang)).toBe('0')
  })

  it('never prints a non-zero estimate as 0: two significant digits below 1', () => {
    // the β of a 167.6-year half-life: ln 2 / 167.6 ≈ 0.0041 per year
    expect(formatValue(-Math.LN2 / 167.6, 'en')).toBe('-0.0041')
    expect(formatValue(0.00052, 'zh-CN')).toBe('0.00052')
    expect(formatValue(-0.006, 'en')).toBe('-0.006')
    expect(formatValue(0.123, 'en')).toBe('0.12')
    expect(formatValue(0.5, 'en')).toBe('0.5')
  })

  it('prints estimates below 10⁻⁴ in scientific form', () => {
    expect(formatValue(0.0000412, 'en')).toBe('4.1×10⁻⁵')
    expect(formatValue(-0.0000001, 'zh-CN')).toBe('-1×10⁻⁷')
    expect(formatValue(2.5e-12, 'en')).toBe('2.5×10⁻¹²')
  })

  it('keeps the sign of a negative value', () => {
    expect(formatValue(-0.25, 'zh-CN')).toBe('-0.25')
    expect(formatValue(-150.26, 'en')).toBe('-150.3')
    expect(formatValue(-1234.5, 'en')).toBe('-1,235')
  })

  it('groups thousands and keeps fewer decimals as values grow', () => {
    expect(formatValue(1234567.8, 'en')).toBe('1,234,568')
    expect(formatValue(123.456, 'zh-CN')).toBe('123.5')
    expect(formatValue(2.5, 'en')).toBe('2.5')
    expect(formatValue(1.004, 'en')).toBe('1')
  })
})

describe('changeOf', () => {
  it('a change that rounds to zero at the precision of the values has no direction', () => {
    expect(changeOf(64.321, 64.318, 'en')).toEqual({ direction: 0, text: '0' })
    expect(changeOf(1_349_084.2, 1_349_084.4, 'en')).toEqual({ direction: 0, text: '0' })
    expect(changeOf(5, 5, 'zh-CN')).toEqual({ direction: 0, text: '0' })
    // floating-point noise from a derived figure
    expect(changeOf(0.1 + 0.2, 0.3, 'en')).toEqual({ direction: 0, text: '0' })
  })

  it('a real change keeps its direction and magnitude', () => {
    expect(changeOf(64.5, 63.9, 'en')).toEqual({ direction: 1, text: '0.6' })
    expect(changeOf(1200, 1250, 'en')).toEqual({ direction: -1, text: '50' })
    expect(changeOf(0.0045, 0.0041, 'en')).toEqual({ direction: 1, text: '0.0004' })
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
