/**
 * Targets as plans state them, and past figures they sit beside (issue 19): future targets are
 * proposed in Chinese and English, in a preamble's prose as in numbered items; base-year values,
 * outturns and "as of" figures are never proposed. The passages are written for these tests in the
 * style of provincial five-year plans and English policy documents; their numbers are parser inputs,
 * not statistics.
 */
import { describe, expect, it } from 'vitest'
import { draftToTree } from '../draft.ts'
import { parsePolicyText } from './index.ts'
import { clauseTargets, type Proposal, paragraphTargets } from './targets.ts'

const brief = (ps: Proposal[]) => ps.map((p) => [p.form, p.value, p.unit, p.deadline])
const para = (text: string) => brief(paragraphTargets(text, 'N', 1))

describe('future targets are proposed', () => {
  it('Chinese: 到…达到, 力争, 提高到, a change against a base year', () => {
    expect(para('到2027年，全市数字经济核心产业增加值占地区生产总值比重达到12%。')).toEqual([
      ['level', 12, '%', 2027],
    ])
    expect(para('力争到2030年，全省森林覆盖率稳定在60%以上。')).toEqual([['level', 60, '%', 2030]])
    expect(para('到“十四五”末，全省高新技术企业数量增加到1.5万家。')).toEqual([['level', 1.5, '万家', 2025]])
    const base = clauseTargets('到2025年，单位地区生产总值二氧化碳排放较2020年降低18%。', 'N', 1)
    expect(base.map((p) => [p.form, p.value, p.base, p.deadline])).toEqual([['change', -18, 2020, 2025]])
    const onBase = clauseTargets('到2025年，城镇化率在2020年基础上提高5个百分点。', 'N', 1)
    expect(onBase.map((p) => [p.form, p.value, p.base])).toEqual([['change', 5, 2020]])
  })

  it('English: by … will reach, increase to X by Y, investment of X billion yuan by Y', () => {
    expect(para('By 2026, the share of clean energy in power generation will reach 45 per cent.')).toEqual([
      ['level', 45, '%', 2026],
    ])
    expect(para('The share of the service sector should increase to 55% by 2025.')).toEqual([
      ['level', 55, '%', 2025],
    ])
    expect(para('The region will attract investment of 80 billion yuan by 2010.')).toEqual([
      ['level', 80, 'billion yuan', 2010],
    ])
    expect(para('Complete fixed-asset investment of 1.2 trillion yuan by the year 2012.')).toEqual([
      ['level', 1.2, 'trillion yuan', 2012],
    ])
    expect(para('Forest cover should rise to 40 per cent by the end of 2030.')).toEqual([
      ['level', 40, '%', 2030],
    ])
  })
})

describe('past figures are not proposed', () => {
  it('an outturn, a base-year value, an "as of" figure, a figure already reached (Chinese)', () => {
    expect(para('2020年，全省地区生产总值达到3.9万亿元，常住人口城镇化率达到57.2%。')).toEqual([])
    expect(para('2020年全省地区生产总值为3.9万亿元。')).toEqual([])
    expect(para('截至2023年底，全省累计建成5G基站9万个。')).toEqual([])
    expect(para('全省研发经费投入强度已达到1.9%。')).toEqual([])
    expect(para('“十三五”以来，全省粮食产量稳定在650亿斤以上。')).toEqual([])
    expect(para('单位地区生产总值能耗比2015年下降了16%。')).toEqual([])
    expect(para('上半年，全省规模以上工业增加值较上年增长7.1%。')).toEqual([])
    expect(para('上半年，全省规模以上工业增加值增长7.1%，社会消费品零售总额增长6%。')).toEqual([])
  })

  it('beside a target in the same sentence or clause, only the target is proposed (Chinese)', () => {
    expect(para('2020年全省居民人均可支配收入为2.6万元，到2025年达到3.5万元。')).toEqual([
      ['level', 3.5, '万元', 2025],
    ])
    expect(para('常住人口城镇化率由2020年的57.2%提高到2025年的62%。')).toEqual([['level', 62, '%', 2025]])
    expect(para('研发经费投入强度已达到1.9%，力争到2025年提高到2.3%。')).toEqual([['level', 2.3, '%', 2025]])
  })

  it('English: "in 2011 reached", "was", "had reached", a base-year value after the number', () => {
    expect(para('In 2011 the region’s output reached 10 trillion yuan.')).toEqual([])
    expect(para('In 2011, the region’s output reached 10 trillion yuan.')).toEqual([])
    expect(para('The urbanization rate was 52 per cent.')).toEqual([])
    expect(para('Investment had reached 900 billion yuan.')).toEqual([])
    expect(para('Grain output has reached 60 million tonnes.')).toEqual([])
    expect(para('Raise the urbanization rate from 52% in 2020 to 60% by 2025.')).toEqual([
      ['level', 60, '%', 2025],
    ])
    expect(
      para('In 2020, output reached 4 trillion yuan, and it will reach 6 trillion yuan by 2025.'),
    ).toEqual([['level', 6, 'trillion yuan', 2025]])
  })
})

describe('a whole document: targets in the preamble and in the items, past figures in neither', () => {
  it('Chinese five-year-plan style', () => {
    const d = parsePolicyText(
      [
        '某省国民经济和社会发展第十四个五年规划纲要（测试文本）',
        '“十三五”时期，全省经济实力显著增强，2020年全省地区生产总值为4.2万亿元，常住人口城镇化率达到58.8%，研发经费投入强度已达到2.1%。',
        '展望未来，到2025年，全省地区生产总值力争达到6万亿元，常住人口城镇化率提高到63%，单位地区生产总值能耗比2020年下降13.5%。',
        '一、发展目标',
        '（一）经济发展',
        '地区生产总值年均增长6%左右。2020年全省居民人均可支配收入为2.5万元。',
        '（二）绿色发展',
        '到2025年，森林覆盖率达到42%。2020年森林覆盖率为40.1%。',
      ].join('\n'),
      { lang: 'zh', fileName: 'plan.txt', planId: 'P' },
    )
    expect(d.proposals.map((p) => [p.nodeId, p.line, p.form, p.value, p.unit, p.deadline])).toEqual([
      ['P', 3, 'level', 6, '万亿元', 2025],
      ['P', 3, 'level', 63, '%', 2025],
      ['P', 3, 'change', -13.5, '%', 2025],
      ['P-1-1', 5, 'change', 6, '%', null],
      ['P-1-2', 7, 'level', 42, '%', 2025],
    ])
    // the preamble's targets become proposals of the plan itself
    expect(draftToTree(d).targets.map((t) => [t.id, t.target.form, t.proposal])).toEqual([
      ['P#0', 'level', true],
      ['P#1', 'level', true],
      ['P#2', 'change', true],
    ])
  })

  it('English policy-document style', () => {
    const d = parsePolicyText(
      [
        'Development Plan of the Province (test text)',
        'In 2020, the province’s GDP reached 4.2 trillion yuan and the urbanization rate was 58.8 per cent. By 2025, GDP will reach 6 trillion yuan, and energy consumption per unit of GDP will be reduced by 13.5% compared with 2020.',
        'I. Main goals',
        '1. Investment. The province will complete fixed-asset investment of 1,500 billion yuan by 2025. Investment had reached 900 billion yuan in 2020.',
        '2. Urbanization. Raise the urbanization rate from 58.8% in 2020 to 65% by 2025.',
      ].join('\n'),
      { lang: 'en', fileName: 'plan.txt', planId: 'P' },
    )
    expect(d.proposals.map((p) => [p.nodeId, p.form, p.value, p.unit, p.deadline, p.base])).toEqual([
      ['P', 'level', 6, 'trillion yuan', 2025, null],
      ['P', 'change', -13.5, '%', 2025, 2020],
      ['P-1-1', 'level', 1500, 'billion yuan', 2025, null],
      ['P-1-2', 'level', 65, '%', 2025, null],
    ])
  })
})
