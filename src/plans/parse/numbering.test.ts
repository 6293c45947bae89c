/** Numbering tokens: every style the parser knows, full- and half-width, and lines that only look numbered. */
import { describe, expect, it } from 'vitest'
import { toHalfWidth } from './normalize-text.ts'
import { cnNumber, readToken, romanNumber, sameFamily } from './numbering.ts'

const tok = (s: string) => readToken(toHalfWidth(s))

describe('readToken', () => {
  it('reads the Chinese styles, full-width and half-width alike', () => {
    expect(tok('第一篇 总论')).toMatchObject({ shape: 'pian', value: 1, rest: '总论' })
    expect(tok('第三章 绿色发展')).toMatchObject({ shape: 'chapter', value: 3, rest: '绿色发展' })
    expect(tok('第二节 目标')).toMatchObject({ shape: 'section', value: 2 })
    expect(tok('第十二条 本办法自发布之日起施行。')).toMatchObject({ shape: 'article', value: 12 })
    expect(tok('第一，促进制造业高质量发展')).toMatchObject({ shape: 'ordinal', value: 1, text: '第一，' })
    expect(tok('第二,加快自主创新')).toMatchObject({ shape: 'ordinal', value: 2 })
    expect(tok('一、总体要求')).toMatchObject({ shape: 'dun', value: 1, text: '一、', rest: '总体要求' })
    expect(tok('十一、保障措施')).toMatchObject({ shape: 'dun', value: 11 })
    expect(tok('（十二）共建生态屏障')).toMatchObject({ shape: 'paren-cn', value: 12, text: '(十二)' })
    expect(tok('(十二)共建生态屏障')).toMatchObject({ shape: 'paren-cn', value: 12 })
    expect(tok('１．创新驱动')).toMatchObject({ shape: 'arabic', value: 1, text: '1.' })
    expect(tok('2、协调发展')).toMatchObject({ shape: 'arabic', value: 2 })
    expect(tok('（３）优化环境')).toMatchObject({ shape: 'paren-ar', value: 3, text: '(3)' })
    expect(tok('②加强保障')).toMatchObject({ shape: 'circled', value: 2 })
    expect(tok('(b)健全机制')).toMatchObject({ shape: 'alpha', value: 2 })
    expect(tok('三是深化改革。')).toMatchObject({ shape: 'shi', value: 3, rest: '深化改革。' })
    expect(tok('2.3 产业布局')).toMatchObject({ shape: 'decimal2', value: 3 })
    expect(tok('1.2.4 Transport')).toMatchObject({ shape: 'decimal3', value: 4 })
  })

  it('reads the English styles', () => {
    expect(tok('Part II Main tasks')).toMatchObject({ shape: 'pian', value: 2 })
    expect(tok('Chapter 3: Green development')).toMatchObject({ shape: 'chapter', value: 3 })
    expect(tok('Article 5 Scope')).toMatchObject({ shape: 'article', value: 5 })
    expect(tok('IV. Green development')).toMatchObject({ shape: 'roman', value: 4 })
    expect(tok('Third, adhere to openness')).toMatchObject({
      shape: 'en-ordinal',
      value: 3,
      rest: 'adhere to openness',
    })
    expect(tok('Secondly: innovation')).toMatchObject({ shape: 'en-ordinal', value: 2 })
    expect(tok('(1) Guiding ideas.')).toMatchObject({ shape: 'paren-ar', value: 1 })
    expect(tok('12. Safeguards')).toMatchObject({ shape: 'arabic', value: 12 })
  })

  it('does not take years, decimals, quantities or a bare number for headings', () => {
    expect(tok('2025年目标')).toBeNull()
    expect(tok('1.5倍')).toBeNull()
    expect(tok('5G网络全覆盖')).toBeNull()
    expect(tok('2025. The year')).toBeNull()
    expect(tok('一、')).toBeNull()
    expect(tok('In 2025, the region')).toBeNull()
    expect(tok('Firstly-built parks')).toBeNull()
  })
})

describe('numerals', () => {
  it('Chinese numerals as printed in headings', () => {
    expect([
      cnNumber('一'),
      cnNumber('十'),
      cnNumber('十四'),
      cnNumber('二十'),
      cnNumber('二十三'),
      cnNumber('一百'),
    ]).toEqual([1, 10, 14, 20, 23, 100])
    expect(cnNumber('甲')).toBeNull()
  })
  it('Roman numerals with subtraction', () => {
    expect([
      romanNumber('I'),
      romanNumber('IV'),
      romanNumber('IX'),
      romanNumber('XIV'),
      romanNumber('XL'),
    ]).toEqual([1, 4, 9, 14, 40])
  })
  it('first-level Chinese styles and bracketed styles are families', () => {
    expect(sameFamily('ordinal', 'dun')).toBe(true)
    expect(sameFamily('paren-cn', 'paren-ar')).toBe(true)
    expect(sameFamily('paren-cn', 'alpha')).toBe(true)
    expect(sameFamily('dun', 'paren-cn')).toBe(false)
  })
})
