/**
 * parsePolicyText on small texts written for each rule: level by order of first appearance,
 * restarts and run-on numbering, mixed numerals, gaps and repeats, embedded headings, page noise,
 * English styles, bad input; and a property: any outline printed in the usual Chinese styles (with
 * page noise and full-width brackets) parses back to the same outline and ids.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { type DraftNode, decodeText, PolicyParseError, parsePolicyText } from './index.ts'

const outline = (n: DraftNode, depth = 0): string[] =>
  n.children.flatMap((c) => [`${'  '.repeat(depth)}${c.number} ${c.title}`, ...outline(c, depth + 1)])
const parse = (text: string, lang: 'zh' | 'en' = 'zh') =>
  parsePolicyText(text, { lang, fileName: 't.txt', planId: 'T' })
const find = (n: DraftNode, id: string): DraftNode | undefined =>
  n.id === id ? n : n.children.map((c) => find(c, id)).find(Boolean)

describe('the tree', () => {
  it('takes levels from the order in which numbering styles first appear, and restarts numbering under a new parent', () => {
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
        '1. 先进制造业',
      ].join('\n'),
    )
    expect(outline(d.tree)).toEqual([
      '一 总体要求',
      '  (一) 指导思想',
      '  (二) 主要目标',
      '    1. 创新驱动',
      '    2. 协调发展',
      '二 重点任务',
      '  (一) 建设现代产业体系',
      '    1. 先进制造业',
    ])
    expect(find(d.tree, 'T-1-2-2')).toMatchObject({ kind: 'measure', title: '协调发展', line: 6 })
    expect(find(d.tree, 'T-2-1')).toMatchObject({ kind: 'item', number: '(一)', line: 8 })
    expect(find(d.tree, 'T-1')).toMatchObject({ kind: 'part', number: '一' })
    expect(find(d.tree, 'T-1-1')!.body).toBe('坚持新发展理念。')
    expect(d.title).toBe('关于推动高质量发展的意见')
    expect(d.nodeCount).toBe(8)
    expect(d.unplaced).toEqual([])
  })

  it('a deeper style seen first under one part keeps its level in the next part', () => {
    const d = parse(['一、甲', '1. 甲一', '二、乙', '(一) 乙一', '1. 乙一一'].join('\n'))
    // 1. appeared before (一), so it is level 2 and (一) level 3; the second part's (一) has no
    // level-2 parent open, so it is placed one level down, never two
    expect(outline(d.tree)).toEqual(['一 甲', '  1. 甲一', '二 乙', '  (一) 乙一', '    1. 乙一一'])
  })

  it('keeps item numbers that run on across parts (as the 2021 Opinions number its items)', () => {
    const d = parse(['一、甲', '(一)子一', '(二)子二', '二、乙', '(三)子三', '(四)子四'].join('\n'))
    expect(outline(d.tree)).toEqual([
      '一 甲',
      '  (一) 子一',
      '  (二) 子二',
      '二 乙',
      '  (三) 子三',
      '  (四) 子四',
    ])
    expect(find(d.tree, 'T-2-3')).toBeDefined()
  })

  it('reads a level numbered in mixed styles (machine translation) as one level', () => {
    const d = parse(
      [
        '第一，制造业',
        '（一）结构升级',
        '(2)深度融合',
        '(c)承接转移',
        '四、综合实力',
        '(1)强大市场',
        '(二)城乡协调',
      ].join('\n'),
    )
    expect(outline(d.tree)).toEqual([
      '第一 制造业',
      '  (一) 结构升级',
      '  (2) 深度融合',
      '  (c) 承接转移',
      '四 综合实力',
      '  (1) 强大市场',
      '  (二) 城乡协调',
    ])
    expect(d.warnings).toEqual([expect.stringContaining('四 follows 第一; 2–3 missing')])
  })

  it('lists numbers that do not fit as unplaced with their line, keeps their text in the body, and warns about gaps', () => {
    const d = parse(['一、甲', '二、乙', '二、乙的重复', '五、戊', '三、倒退', '十、太远'].join('\n'))
    expect(outline(d.tree)).toEqual(['一 甲', '二 乙', '五 戊'])
    expect(d.unplaced.map((u) => u.line)).toEqual([3, 5, 6])
    expect(d.unplaced[0]!.reason).toContain('expected 3')
    expect(d.warnings).toEqual(['line 4: 五 follows 二; 3–4 missing'])
    expect(find(d.tree, 'T-2')!.body).toBe('二、乙的重复')
  })

  it('leaves an inline enumeration (一是, ①) before the first heading in the preamble, and takes it as measures after', () => {
    const d = parse(
      [
        '意见如下：一是坚持创新；二是坚持协调。',
        '一、总体要求',
        '（一）原则。一是坚持创新；二是坚持开放。',
      ].join('\n'),
    )
    expect(outline(d.tree)).toEqual(['一 总体要求', '  (一) 原则', '    一是 坚持创新', '    二是 坚持开放'])
    expect(d.preamble).toContain('一是坚持创新')
  })

  it('finds headings embedded in running text, the heading being the first sentence', () => {
    const d = parse(
      '前言。一、总体要求。（一）指导思想。坚持新发展理念。（二）主要目标。到2030年，基本实现现代化。二、重点任务。（三）加快建设现代化产业体系。坚持实体经济。',
    )
    expect(outline(d.tree)).toEqual([
      '一 总体要求',
      '  (一) 指导思想',
      '  (二) 主要目标',
      '二 重点任务',
      '  (三) 加快建设现代化产业体系',
    ])
    expect(find(d.tree, 'T-2-3')!.body).toBe('坚持实体经济。')
  })

  it('removes page noise and joins the lines a page break cut', () => {
    const d = parse(
      [
        '省委文件',
        '一、总体要求',
        '坚持稳中求进工作总基调，推动',
        '— 3 —',
        '省委文件',
        '高质量发展。',
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
    expect(d.tree.children[2]!.line).toBe(12)
  })

  it('reads English documents: Roman parts, numbered and bracketed items, ordinals in running text', () => {
    const a = parse(
      [
        'Guideline on the Central Region',
        'I. General requirements',
        '1. Guiding ideas',
        '2. Main goals',
        'II. Tasks',
        '1. Manufacturing',
      ].join('\n'),
      'en',
    )
    expect(outline(a.tree)).toEqual([
      'I. General requirements',
      '  1. Guiding ideas',
      '  2. Main goals',
      'II. Tasks',
      '  1. Manufacturing',
    ])
    expect(a.title).toBe('Guideline on the Central Region')
    const b = parse(
      'Opinions. First, general requirements (1) Guiding ideas. Text. (2) Main goals. By 2025, R&D intensity will reach the national average. Second, innovation (3) Advanced manufacturing. More text.',
      'en',
    )
    expect(outline(b.tree)).toEqual([
      'First general requirements',
      '  (1) Guiding ideas',
      '  (2) Main goals',
      'Second innovation',
      '  (3) Advanced manufacturing',
    ])
    expect(b.proposals).toEqual([
      expect.objectContaining({ nodeId: 'T-1-2', deadline: 2025, form: 'reference' }),
    ])
  })

  it('reads chapters, sections and decimal numbering', () => {
    const d = parse(
      ['第一章 总则', '第一节 目标', '1.1 发展基础', '1.2 面临形势', '第二节 原则', '第二章 任务'].join('\n'),
    )
    expect(outline(d.tree)).toEqual([
      '第一章 总则',
      '  第一节 目标',
      '    1.1 发展基础',
      '    1.2 面临形势',
      '  第二节 原则',
      '第二章 任务',
    ])
  })
})

describe('target proposals in the draft', () => {
  it('proposes change, increment and level targets with the node they belong to', () => {
    const d = parse(
      [
        '一、目标',
        '到2025年，单位地区生产总值能耗下降13.5%，常住人口城镇化率年均提高1个百分点，研发经费投入强度达到2.5%以上。',
      ].join('\n'),
    )
    expect(d.proposals.map((p) => [p.nodeId, p.form, p.value, p.unit, p.deadline])).toEqual([
      ['T-1', 'change', -13.5, '%', 2025],
      ['T-1', 'increment', 1, '个百分点', 2025],
      ['T-1', 'level', 2.5, '%', 2025],
    ])
  })
})

describe('bad input', () => {
  it('refuses an empty file, naming it', () => {
    expect(() => parse('  \n ')).toThrow(PolicyParseError)
    expect(() => parse('')).toThrow('t.txt: the file is empty')
  })
  it('refuses text decoded with the wrong encoding (replacement characters), saying what to do', () => {
    expect(() => parse(`一、总体要求\n${'\uFFFD'.repeat(40)}abc`)).toThrow(
      /t\.txt: the file is not UTF-8 .*line 2.*--encoding gbk/,
    )
  })
  it('refuses binary content', () => {
    expect(() => parse('PK\u0003\u0004\u0000\u0000\u0014\u0000binary')).toThrow(
      /t\.txt: this is not a text file/,
    )
  })
  it('refuses a text without numbered structure, naming the file', () => {
    expect(() => parse('这是一段没有编号的文字。\n还有一段。')).toThrow(/t\.txt: no numbered structure found/)
    expect(() => parse('说明\n三、孤立的编号')).not.toThrow()
  })
})

describe('decodeText', () => {
  // GBK bytes of "一、总体要求", from: python3 -c "print('一、总体要求'.encode('gbk').hex())"
  const gbk = Uint8Array.from(Buffer.from('d2bba1a2d7dccce5d2aac7f3', 'hex'))
  it('decodes GBK on request, and refuses it as UTF-8 with the advice to pass --encoding gbk', () => {
    expect(decodeText(gbk, { fileName: 'g.txt', encoding: 'gbk' })).toBe('一、总体要求')
    expect(() => decodeText(gbk, { fileName: 'g.txt' })).toThrow(
      'g.txt: the file is not UTF-8 (line 1); convert it or pass --encoding gbk',
    )
  })
  it('decodes UTF-8 without its byte-order mark, and UTF-16 with one', () => {
    const utf8 = new TextEncoder().encode('\uFEFF一、甲')
    expect(decodeText(utf8, { fileName: 'u.txt' })).toBe('一、甲')
    const utf16 = Uint8Array.from([0xff, 0xfe, ...Buffer.from('一、甲', 'utf16le')])
    expect(decodeText(utf16, { fileName: 'w.txt' })).toBe('一、甲')
    expect(() => decodeText(utf8, { fileName: 'u.txt', encoding: 'latin9' })).toThrow(/unknown encoding/)
  })
})

describe('property: printed outlines parse back', () => {
  const CN = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二']
  const styles = [
    (k: number) => `${CN[k - 1]}、`,
    (k: number) => `（${CN[k - 1]}）`,
    (k: number) => `${k}．`,
    (k: number) => `(${k})`,
  ]
  const title = fc.constantFrom('加快发展', '深化改革', '扩大开放', '保护生态', '改善民生', '强化保障')
  // an outline: up to 4 parts, each with up to 3 items, each with up to 3 measures
  const outlineArb = fc.array(fc.array(fc.array(title, { maxLength: 3 }), { maxLength: 3 }), {
    minLength: 1,
    maxLength: 4,
  })

  it('recovers every node, its id and its line, with page numbers and running headers between the lines', () => {
    fc.assert(
      fc.property(outlineArb, title, fc.boolean(), (parts, t, noise) => {
        const lines: string[] = []
        const expected: string[] = []
        parts.forEach((items, i) => {
          lines.push(`${styles[0]!(i + 1)}${t}`)
          expected.push(`T-${i + 1}`)
          items.forEach((measures, j) => {
            lines.push(`${styles[1]!(j + 1)}${t}。正文。`)
            expected.push(`T-${i + 1}-${j + 1}`)
            measures.forEach((m, k) => {
              lines.push(`${styles[2]!(k + 1)}${m}。`)
              expected.push(`T-${i + 1}-${j + 1}-${k + 1}`)
            })
          })
          if (noise) lines.push(`— ${i + 1} —`, '某某市人民政府', '')
        })
        const d = parse(lines.join('\n'))
        const ids: string[] = []
        const walk = (n: DraftNode) => {
          for (const c of n.children) {
            ids.push(c.id)
            expect(lines[c.line - 1]).toContain(c.title)
            walk(c)
          }
        }
        walk(d.tree)
        expect(ids).toEqual(expected)
        expect(d.unplaced).toEqual([])
      }),
      { numRuns: 200 },
    )
  })
})
