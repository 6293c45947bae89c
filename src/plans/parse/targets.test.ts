/** Target proposals: each comparator kind in Chinese and English, deadlines, dates that are no deadline, past figures, indicator guesses. */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import {
  type CatalogueName,
  clauseTargets,
  findDeadline,
  guessIndicator,
  paragraphTargets,
  sentences,
} from './targets.ts'

/** The project's indicator catalogue (key, name_zh, name_en), ../shared/data/indicators.csv. */
const catalogue: CatalogueName[] = readFileSync(
  new URL('../../../../shared/data/indicators.csv', import.meta.url),
  'utf8',
)
  .split('\n')
  .slice(1)
  .filter(Boolean)
  .map((l) => l.split(','))
  .map(([key, name_zh, name_en]) => ({ key: key!, name_zh: name_zh ?? '', name_en: name_en ?? '' }))

const one = (s: string) => {
  const ps = clauseTargets(s, 'N', 1, catalogue)
  expect(ps, s).toHaveLength(1)
  return ps[0]!
}

describe('deadlines', () => {
  it('reads the usual forms, and takes a date for no deadline', () => {
    expect(findDeadline('到2025年，')?.year).toBe(2025)
    expect(findDeadline('力争到2030年底')?.year).toBe(2030)
    expect(findDeadline('2027年前完成')?.year).toBe(2027)
    expect(findDeadline('到“十四五”末')?.year).toBe(2025)
    expect(findDeadline('十五五期末')?.year).toBe(2030)
    expect(findDeadline('By 2025, the region')?.year).toBe(2025)
    expect(findDeadline('by the end of 2035')?.year).toBe(2035)
    expect(findDeadline('by the end of the 14th Five-Year Plan period')?.year).toBe(2025)
    expect(findDeadline('2024年3月20日下午')).toBeNull()
    expect(findDeadline('in 2024 the region grew')).toBeNull()
  })
})

describe('comparator kinds', () => {
  it('reach a reference', () => {
    expect(one('到2025年，研发经费投入强度达到全国平均水平。')).toMatchObject({
      form: 'reference',
      deadline: 2025,
      reference: '全国平均水平',
      indicator: 'rd_intensity',
      value: null,
    })
    expect(one('By 2025, R&D intensity should reach the national average.')).toMatchObject({
      form: 'reference',
      deadline: 2025,
      reference: 'national average',
      indicator: 'rd_intensity',
    })
  })

  it('a fixed level, with its number and unit', () => {
    expect(one('研发经费投入强度达到2.5%。')).toMatchObject({
      form: 'level',
      value: 2.5,
      unit: '%',
      deadline: null,
    })
    expect(one('到2025年，常住人口城镇化率超过65%。')).toMatchObject({
      form: 'level',
      value: 65,
      unit: '%',
      deadline: 2025,
      indicator: 'urbanization_rate',
    })
    expect(one('By 2030, the urbanization rate will exceed 70 per cent.')).toMatchObject({
      form: 'level',
      value: 70,
      unit: '%',
    })
  })

  it('a change against a base, signed, with the base year', () => {
    expect(one('单位地区生产总值能耗比2020年下降13.5%。')).toMatchObject({
      form: 'change',
      value: -13.5,
      unit: '%',
      base: 2020,
      indicator: 'energy_intensity_change',
    })
    expect(one('到2025年，一般公共预算收入增长20%。')).toMatchObject({
      form: 'change',
      value: 20,
      deadline: 2025,
      annual: false,
    })
    expect(one('地区生产总值年均增长6.5%。')).toMatchObject({ form: 'change', value: 6.5, annual: true })
    expect(one('By 2025, energy consumption per unit of GDP will be reduced by 13.5%.')).toMatchObject({
      form: 'change',
      value: -13.5,
    })
  })

  it('an annual increment in percentage points', () => {
    expect(one('常住人口城镇化率每年提高1个百分点。')).toMatchObject({
      form: 'increment',
      value: 1,
      unit: '个百分点',
      annual: true,
    })
    expect(one('The urbanization rate should rise by 1 percentage point a year.')).toMatchObject({
      form: 'increment',
      value: 1,
      unit: '个百分点',
    })
  })

  it('in step with another quantity', () => {
    expect(one('到2025年，居民人均可支配收入与经济增长基本同步。')).toMatchObject({
      form: 'in_step',
      reference: '经济增长',
      // "…收入…增长" matches the income-growth names best (9 bigrams); nominal comes first in the catalogue
      indicator: 'disposable_income_growth_nominal',
    })
    expect(one('Incomes will grow in step with economic growth by 2025.')).toMatchObject({
      form: 'in_step',
      deadline: 2025,
    })
  })

  it('qualitative: a deadline without a number', () => {
    expect(one('到2035年，现代化经济体系基本建成。')).toMatchObject({
      form: 'qualitative',
      deadline: 2035,
      value: null,
    })
  })
})

describe('what gives no proposal', () => {
  it('a sentence without deadline or comparator, a date, a past figure, a number glued to letters', () => {
    expect(clauseTargets('坚持新发展理念，推动高质量发展。', 'N', 1)).toEqual([])
    expect(clauseTargets('2024年3月20日下午，座谈会在长沙召开。', 'N', 1)).toEqual([])
    expect(clauseTargets('2020年地区生产总值增长3.6%。', 'N', 1)).toEqual([])
    expect(clauseTargets('全省经济总量同比增长7%。', 'N', 1)).toEqual([])
    expect(clauseTargets('近年来经济总量稳定在全国21%。', 'N', 1)).toEqual([])
    expect(clauseTargets('加快5G基站建设。', 'N', 1)).toEqual([])
  })
})

describe('sentences and paragraphs', () => {
  it('one proposal per clause that states a target, the deadline carried through the sentence (not marked inferred)', () => {
    const ps = clauseTargets(
      '到2025年，单位地区生产总值能耗下降13.5%，常住人口城镇化率年均提高1个百分点。',
      'N',
      3,
      catalogue,
    )
    expect(ps.map((p) => [p.form, p.value, p.deadline, p.deadlineInferred, p.indicator])).toEqual([
      ['change', -13.5, 2025, false, 'energy_intensity_change'],
      ['increment', 1, 2025, false, 'urbanization_rate_change_pp'],
    ])
    expect(ps[1]!.sentence).toContain('到2025年')
    expect(ps[1]!.line).toBe(3)
  })

  it('a paragraph that opens with its deadline sets it for the next sentences; one that quotes it mid-sentence does not', () => {
    const a = paragraphTargets(
      'By 2025, innovation capacity will improve. The urbanization rate should rise by 1 percentage point a year.',
      'N',
      1,
    )
    expect(a.map((p) => [p.form, p.deadline, p.deadlineInferred])).toEqual([
      ['qualitative', 2025, false],
      ['increment', 2025, true],
    ])
    const b = paragraphTargets('意见提出，到2035年基本实现现代化。产业集群占全国比重达到27%。', 'N', 1)
    expect(b.map((p) => [p.form, p.deadline])).toEqual([
      ['qualitative', 2035],
      ['level', null],
    ])
  })

  it('splits sentences at Chinese and English stops, not at decimal points', () => {
    expect(sentences('强度达到2.5%。城镇化率提高。Rate is 2.5 per cent. Next one!')).toEqual([
      '强度达到2.5%。',
      '城镇化率提高。',
      'Rate is 2.5 per cent.',
      'Next one!',
    ])
  })
})

describe('guessIndicator', () => {
  it('matches a catalogue name by its character bigrams (Chinese) or words (English), preferring the fuller match', () => {
    expect(guessIndicator('全社会研发经费投入强度达到全国平均水平', catalogue)).toBe('rd_intensity')
    expect(guessIndicator('常住人口城镇化率超过65%', catalogue)).toBe('urbanization_rate')
    expect(guessIndicator('货物进出口总额增长10%', catalogue)).toBe('trade_total_growth')
    expect(guessIndicator('the urbanization rate of the resident population', catalogue)).toBe(
      'urbanization_rate',
    )
    expect(guessIndicator('建设美丽乡村', catalogue)).toBeNull()
    expect(guessIndicator('研发经费投入强度', [])).toBeNull()
  })
})
