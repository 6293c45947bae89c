import { readFileSync } from 'node:fs'
import { parse } from 'csv-parse/sync'
import { createInstance, type TFunction } from 'i18next'
import { describe, expect, it } from 'vitest'
import { foreignText } from '../../../e2e/language.ts'
import { unitNames } from '../../statistics/units.ts'
import type { WarningCode } from '../../supervision/warnings.ts'
import { en } from './en.ts'
import { chineseNumeral, outlineNumber, splitBilingual, unitName, warningText } from './words.ts'
import { zhCN } from './zh-CN.ts'

async function tIn(lng: 'zh-CN' | 'en'): Promise<TFunction> {
  const i18n = createInstance()
  await i18n.init({ resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } }, lng })
  return i18n.t
}

const csv = (path: string) =>
  parse(readFileSync(path, 'utf8'), { columns: true, bom: true }) as Record<string, string>[]

describe('outline numbers', () => {
  it('read Chinese numerals up to 99', () => {
    expect(['一', '九', '十', '十四', '二十', '九十九'].map(chineseNumeral)).toEqual([1, 9, 10, 14, 20, 99])
    expect(['', '百', 'a', '十十'].map(chineseNumeral)).toEqual([undefined, undefined, undefined, undefined])
  })

  it('follow the page language: 一、（一） in Chinese, 1. (1) in English', () => {
    expect(['一', '(一)', '(十一)', '1'].map((n) => outlineNumber(n, 'zh-CN'))).toEqual([
      '一、',
      '（一）',
      '（十一）',
      '1.',
    ])
    expect(['一', '(一)', '(十一)', '1', '（三）'].map((n) => outlineNumber(n, 'en'))).toEqual([
      '1.',
      '(1)',
      '(11)',
      '1.',
      '(3)',
    ])
    expect(outlineNumber(undefined, 'en')).toBe('')
  })
})

describe('bilingual metadata', () => {
  it('splits the plans’ “中文 (English)” issuer into its two names', () => {
    const issuer = JSON.parse(readFileSync('data/policy/central-2021.json', 'utf8')).issuer as string
    expect(splitBilingual(issuer)).toEqual({
      zh: '中共中央、国务院',
      en: 'CPC Central Committee; State Council',
    })
    expect(splitBilingual('中共湖北省委')).toEqual({ zh: '中共湖北省委', en: '' })
  })
})

describe('units', () => {
  const units = [
    ...new Set([...csv('data/indicators.csv'), ...csv('data/derived-indicators.csv')].map((r) => r.unit!)),
  ]
  it('every unit of the built-in catalogue has a Chinese name with no English word in it', async () => {
    const t = await tIn('zh-CN')
    // the catalogue files name some units by code (percent, yuan_100m_2015): the API sends their names with them
    for (const unit of units) {
      const zh = unitName({ unit, ...unitNames(unit) }, 'zh-CN', t)
      expect(foreignText(zh, 'zh-CN'), `${unit} → ${zh}`).toEqual([])
    }
    expect(unitName({ unit: 'tce per 10k yuan (2015 prices)' }, 'zh-CN', t)).toBe(
      '吨标准煤/万元（2015年价格）',
    )
  })

  it('the API’s names come first; a unit outside the list is shown as written', async () => {
    const t = await tIn('en')
    expect(unitName({ unit: '亿元', unitZh: '亿元', unitEn: '100 million yuan' }, 'en', t)).toBe(
      '100 million yuan',
    )
    expect(unitName({ unit: 'widgets' }, 'en', t)).toBe('widgets')
    // the sharing terms write their units in Chinese
    expect(unitName({ unit: '万元' }, 'en', t)).toBe('10k yuan')
  })
})

describe('warnings in words', () => {
  // a Record over WarningCode: a new kind of warning fails the typecheck until it is listed here
  const CODES: Record<WarningCode, true> = {
    near_deadline: true,
    behind_schedule: true,
    past_deadline: true,
    milestone_near: true,
    milestone_missed: true,
  }
  for (const lng of ['zh-CN', 'en'] as const)
    it(`every kind is said in ${lng}, with its figures and the milestone’s name`, async () => {
      const t = await tIn(lng)
      for (const code of Object.keys(CODES)) {
        const text = warningText(
          { code, daysLeft: -12, expected: 62.4, actual: 0, milestoneId: 'm1' },
          [{ id: 'm1', name: '平台挂牌' }],
          t,
          lng,
        )
        expect(text).not.toBe(code)
        expect(foreignText(text.replace('平台挂牌', ''), lng), text).toEqual([])
      }
      const behind = warningText(
        { code: 'behind_schedule', daysLeft: 30, expected: 62.4, actual: 40 },
        [],
        t,
        lng,
      )
      expect(behind).toContain('40%')
      expect(behind).toContain('62%')
      // the server's sentence comes first
      const sent = {
        code: 'near_deadline',
        daysLeft: 3,
        expected: 0,
        actual: 0,
        messageZh: '甲',
        messageEn: 'A',
      }
      expect(warningText(sent, [], t, lng)).toBe(lng === 'en' ? 'A' : '甲')
    })
})
