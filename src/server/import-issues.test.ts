import { describe, expect, it } from 'vitest'
import { IMPORT_ISSUES_ZH, RECORD_PROBLEMS_ZH } from '../i18n/import-messages.ts'
import { latinWords } from '../i18n/script.ts'
import { RECORD_PROBLEMS } from '../sharing/outputs.ts'
import { IMPORT_ISSUE_CODES } from '../statistics/import/validate.ts'
import { importIssuesText } from './import-issues.ts'

describe('import issues in both languages', () => {
  it('has a Chinese sentence for every issue code, with no English words', () => {
    expect(Object.keys(IMPORT_ISSUES_ZH).sort()).toEqual([...IMPORT_ISSUE_CODES].sort())
    expect(Object.keys(RECORD_PROBLEMS_ZH).sort()).toEqual([...RECORD_PROBLEMS].sort())
    for (const zh of [...Object.values(IMPORT_ISSUES_ZH), ...Object.values(RECORD_PROBLEMS_ZH)])
      expect(latinWords(zh.replace(/\{\w+\}/g, '')), zh).toEqual([])
  })
  it('names each place and fills the blanks', () => {
    const text = importIssuesText(
      [
        {
          location: 'upload.csv:3:value',
          code: 'not_a_number',
          message: '"abc" is not a number',
          params: { value: 'abc' },
        },
        {
          location: 'upload.csv:4:unit',
          code: 'unit_mismatch',
          message: 'unit "yuan" does not match indicator gdp (100 million yuan)',
          params: { value: 'yuan', indicator: '地区生产总值', unit: '亿元' },
        },
      ],
      (l) => l.replace('upload', 'hubei'),
    )
    expect(text['zh-CN']).toBe(
      'hubei.csv:3:value：“abc”不是数字；hubei.csv:4:unit：单位“yuan”与指标“地区生产总值”的单位（亿元）不符',
    )
    expect(text.en).toBe(
      'hubei.csv:3:value: "abc" is not a number; hubei.csv:4:unit: unit "yuan" does not match indicator gdp (100 million yuan)',
    )
  })
})
