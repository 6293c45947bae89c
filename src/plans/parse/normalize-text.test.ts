/** Cleaning: widths, page noise, running headers, page markers, broken lines, embedded headings, line numbers. */
import { describe, expect, it } from 'vitest'
import { cleanLines, isPageNumber, splitEmbedded, toHalfWidth } from './normalize-text.ts'
import { readToken } from './numbering.ts'

const clean = (lines: string[]) => cleanLines(toHalfWidth(lines.join('\n')), (s) => readToken(s) !== null)
const texts = (lines: string[]) => clean(lines).map((l) => l.text)

describe('toHalfWidth', () => {
  it('turns full-width digits, letters, brackets and ％ to half width and keeps Chinese punctuation', () => {
    expect(toHalfWidth('（一）研发投入强度达到２．５％，ＧＤＰ增长。')).toBe(
      '(一)研发投入强度达到2.5%，GDP增长。',
    )
    expect(toHalfWidth('一、\u3000总体要求')).toBe('一、 总体要求')
  })
})

describe('page noise', () => {
  it('recognises page-number lines in their usual forms', () => {
    for (const s of [
      '— 3 —',
      '- 12 -',
      '-3-',
      '7',
      '第 3 页 共 12 页',
      '第3页/共12页',
      '共12页 第3页',
      'Page 3 of 12',
      'page 4',
      '3 / 12',
    ])
      expect(isPageNumber(s), s).toBe(true)
    for (const s of ['一、总体要求', '2025年', '3. Tasks', '第三章 目标'])
      expect(isPageNumber(s), s).toBe(false)
  })

  it('drops page numbers and a running header repeated on every page, and joins the sentence broken by the page', () => {
    const out = texts([
      '某某省人民政府文件',
      '一、总体要求',
      '坚持稳中求进工作总基调，推动',
      '— 2 —',
      '某某省人民政府文件',
      '高质量发展。',
      '二、重点任务',
      '第 3 页 共 9 页',
      '某某省人民政府文件',
      '三、保障措施',
    ])
    expect(out).toEqual([
      '一、总体要求',
      '坚持稳中求进工作总基调，推动高质量发展。',
      '二、重点任务',
      '三、保障措施',
    ])
  })

  it('drops a footer that appears only twice when it stands next to page numbers', () => {
    const out = texts([
      '一、甲',
      '正文一。',
      '内部资料 注意保存',
      '- 1 -',
      '二、乙',
      '正文二。',
      '内部资料 注意保存',
      '- 2 -',
    ])
    expect(out).toEqual(['一、甲', '正文一。', '二、乙', '正文二。'])
  })

  it('removes page numbers printed at the start of each page and joins the broken sentences (a run of N、 markers)', () => {
    const page = '推动中部地区高质量发展，加快建设现代化产业体系，坚持把发展经济的着力点放在实体经济上，推动'
    const out = clean([`1、${page}`, `2、制造业${page}`, `3、数字经济${page}`, '4、和实体经济深度融合。'])
    expect(out).toHaveLength(1)
    expect(out[0]!.text).toBe(`${page}制造业${page}数字经济${page}和实体经济深度融合。`)
    expect(out[0]!.no).toBe(1)
  })

  it('keeps a short numbered list whose items end their sentences', () => {
    expect(texts(['1、加强组织领导。', '2、强化要素保障。', '3、营造良好氛围。'])).toEqual([
      '1、加强组织领导。',
      '2、强化要素保障。',
      '3、营造良好氛围。',
    ])
  })

  it('treats a lone page number inside a sentence as noise, but never a first item "1、"', () => {
    expect(texts(['二、重点任务', '加快建设现代化', '12、产业体系。'])).toEqual([
      '二、重点任务',
      '加快建设现代化产业体系。',
    ])
    expect(texts(['关于推动高质量发展的意见', '1、总体要求'])).toEqual([
      '关于推动高质量发展的意见',
      '1、总体要求',
    ])
  })
})

describe('broken lines', () => {
  it('joins lines broken mid-sentence, but not across a blank line (a paragraph break)', () => {
    expect(texts(['The region should raise', 'its R&D intensity.', '', 'Next paragraph'])).toEqual([
      'The region should raise its R&D intensity.',
      'Next paragraph',
    ])
    expect(texts(['标题行', '', '正文第一段。'])).toEqual(['标题行', '正文第一段。'])
  })

  it('never joins a numbered heading to the line before it; joins a heading that filled the line width', () => {
    const body = '坚持创新驱动发展，全面塑造发展新优势，推动'
    expect(texts(['一、总体要求', body, '二、主要目标'])).toEqual(['一、总体要求', body, '二、主要目标'])
    // a hard-wrapped text: the heading fills the line, so its end is on the next line
    const wrapped = texts([
      '（一）加快建设以先进制造业为支撑的现代化',
      '产业体系。坚持把发展经济的着力点放在实体',
      '经济上，推进新型工业化，加快建设制造强省',
      '质量强省，推动制造业高端化智能化绿色化。',
      '（二）推进数字产业化和产业数字化，加快建',
      '设数字中国示范区，推动数字经济和实体经济',
      '深度融合。',
    ])
    expect(wrapped).toHaveLength(2)
    expect(wrapped[0]).toMatch(/^\(一\)加快建设以先进制造业为支撑的现代化产业体系。坚持/)
    expect(wrapped[1]).toBe(
      '(二)推进数字产业化和产业数字化，加快建设数字中国示范区，推动数字经济和实体经济深度融合。',
    )
  })
})

describe('embedded headings', () => {
  it('starts a new line at a numbering after a sentence stop or a bracketed Chinese numeral', () => {
    expect(splitEmbedded('…发展格局。（三）加快建设现代化产业体系。坚持…').split('\n')).toEqual([
      '…发展格局。',
      '（三）加快建设现代化产业体系。坚持…',
    ])
    expect(splitEmbedded('中部崛起(一)着力构建现代产业体系。').split('\n')).toEqual([
      '中部崛起',
      '(一)着力构建现代产业体系。',
    ])
    expect(
      splitEmbedded('now proposed. First, general requirements (1) Guiding ideas. Text.').split('\n'),
    ).toEqual(['now proposed.', 'First, general requirements', '(1) Guiding ideas. Text.'])
    expect(splitEmbedded('Plenary Sessions. II. Tasks').split('\n')).toEqual([
      'Plenary Sessions.',
      'II. Tasks',
    ])
    // not inside a sentence
    expect(splitEmbedded('the 19th Central, Fourth, Five Plenary Sessions')).not.toContain('\n')
    expect(splitEmbedded('增长(1.5倍)')).not.toContain('\n')
  })

  it('keeps the source line number of each piece', () => {
    const out = clean([
      '前言。',
      '一、总体要求。（一）指导思想。坚持新发展理念。（二）主要目标。',
      '二、任务',
    ])
    expect(out.map((l) => [l.no, l.text])).toEqual([
      [1, '前言。'],
      [2, '一、总体要求。'],
      [2, '(一)指导思想。坚持新发展理念。'],
      [2, '(二)主要目标。'],
      [3, '二、任务'],
    ])
  })
})
