/** The policy-text parser on small texts written for each rule: numbering styles, widths, noise, embedded headings, bad input. */
import { describe, expect, it } from 'vitest'
import { type DraftNode, PolicyParseError, parsePolicyText } from './index.ts'
import { cnNumber, readToken } from './numbering.ts'

const outline = (n: DraftNode, depth = 0): string[] =>
  n.children.flatMap((c) => [`${'  '.repeat(depth)}${c.number} ${c.title}`, ...outline(c, depth + 1)])
const parse = (text: string, lang: 'zh' | 'en' = 'zh') =>
  parsePolicyText(text, { lang, fileName: 't.txt', planId: 'T' })

describe('numbering tokens', () => {
  it('reads Chinese and English numbering, full and half width', () => {
    expect(readToken('一、总体要求')).toMatchObject({ shape: 'dun', value: 1 })
    expect(readToken('(十二)共建生态屏障')).toMatchObject({ shape: 'paren-cn', value: 12 })
    expect(readToken('第三章 绿色发展')).toMatchObject({ shape: 'chapter', value: 3 })
    expect(readToken('(3)优化环境')).toMatchObject({ shape: 'paren-ar', value: 3 })
    expect(readToken('②加强保障')).toMatchObject({ shape: 'circled', value: 2 })
    expect(readToken('IV. Green development')).toMatchObject({ shape: 'roman', value: 4 })
    expect(readToken('Third, adhere to openness')).toMatchObject({ shape: 'en-ordinal', value: 3 })
    expect(readToken('2025年目标')).toBeNull()
    expect(readToken('1.5倍')).toBeNull()
    expect([cnNumber('十'), cnNumber('十四'), cnNumber('二十三'), cnNumber('一百')]).toEqual([
      10, 14, 23, 100,
    ])
  })
})

describe('parsePolicyText', () => {
  it('builds the tree by order of first appearance, with full-width brackets, and splits title from body', () => {
    const d = parse(
      [
        '关于推动高质量发展的意见',
        '一、总体要求',
        '（一）指导思想。坚持新发展理念。',
        '（二）主要目标。到2025年，研发经费投入强度达到全国平均水平。',
        '1．创新驱动',
        '2．协调发展',
        '二、重点任务',
        '（一）建设现代产业体系。',
      ].join('\n'),
    )
    expect(outline(d.tree)).toEqual([
      '一 总体要求',
      '  (一) 指导思想',
      '  (二) 主要目标',
      '    1 创新驱动',
      '    2 协调发展',
      '二 重点任务',
      '  (一) 建设现代产业体系',
    ])
    expect(d.tree.children[0]!.children[0]!.body).toBe('坚持新发展理念。')
    expect(d.title).toBe('关于推动高质量发展的意见')
    expect(d.proposals).toEqual([
      expect.objectContaining({ deadline: 2025, form: 'reference', nodeId: 'T-1-2' }),
    ])
  })

  it('removes page numbers and running headers, joins broken lines, and treats a page number inside a sentence as noise', () => {
    const d = parse(
      [
        '省委文件',
        '一、总体要求',
        '坚持稳中求进工作总基调，推动',
        '高质量发展。',
        '— 3 —',
        '省委文件',
        '二、重点任务',
        '加快建设现代化',
        '12、产业体系。',
        '第 4 页 共 9 页',
        '省委文件',
        '三、保障措施',
      ].join('\n'),
    )
    expect(outline(d.tree)).toEqual(['一 总体要求', '二 重点任务', '三 保障措施'])
    expect(d.tree.children[0]!.body).toBe('坚持稳中求进工作总基调，推动高质量发展。')
    expect(d.tree.children[1]!.body).toBe('加快建设现代化产业体系。')
  })

  it('finds headings embedded in running text, and items numbered on across parts (English)', () => {
    const d = parse(
      'Opinions. First, general requirements (1) Guiding ideas. Text. (2) Main goals. By 2025, R&D intensity will reach the national average. Second, innovation (3) Advanced manufacturing. More text.',
      'en',
    )
    expect(outline(d.tree)).toEqual([
      'First general requirements',
      '  (1) Guiding ideas',
      '  (2) Main goals',
      'Second innovation',
      '  (3) Advanced manufacturing',
    ])
    expect(d.proposals[0]).toMatchObject({ deadline: 2025, form: 'reference' })
  })

  it('lists numbers that do not fit, and warns about a gap', () => {
    const d = parse(['一、甲', '二、乙', '二、乙的重复', '五、戊'].join('\n'))
    expect(outline(d.tree)).toEqual(['一 甲', '二 乙', '五 戊'])
    expect(d.unplaced).toEqual([
      expect.objectContaining({ line: 3, reason: expect.stringContaining('expected 3') }),
    ])
    expect(d.warnings[0]).toContain('3–4 missing')
  })

  it('proposes change, increment and level targets with their numbers', () => {
    const d = parse(
      [
        '一、目标',
        '到2025年，单位地区生产总值能耗下降13.5%，常住人口城镇化率年均提高1个百分点，研发经费投入强度达到2.5%以上。',
      ].join('\n'),
    )
    const forms = d.proposals.map((p) => [p.form, p.value, p.unit])
    expect(forms).toEqual([
      ['change', -13.5, '%'],
      ['increment', 1, '个百分点'],
      ['level', 2.5, '%'],
    ])
  })

  it('refuses an empty file, a file that is not UTF-8, and a text without numbering, naming the file', () => {
    expect(() => parse('  \n ')).toThrow(PolicyParseError)
    expect(() => parse('\uFFFD'.repeat(50) + 'abc')).toThrow(/not UTF-8.*--encoding gbk/)
    expect(() => parse('这是一段没有编号的文字。\n还有一段。')).toThrow(/t.txt: no numbered structure/)
  })
})
