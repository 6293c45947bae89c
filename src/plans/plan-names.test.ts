import { describe, expect, it } from 'vitest'
import { hasCjk } from '../i18n/script.ts'
import { numberInEnglish, planIssuer, withEnglishNumbers } from './plan-names.ts'

describe('plan facts in both languages', () => {
  it('reads the issuer from issuer_zh/issuer_en, or from a stored "中文 (English)" issuer', () => {
    expect(planIssuer({ issuer_zh: '中共湖北省委', issuer_en: 'CPC Hubei Provincial Committee' })).toEqual({
      issuerZh: '中共湖北省委',
      issuerEn: 'CPC Hubei Provincial Committee',
    })
    expect(planIssuer({ issuer: '中共中央、国务院 (CPC Central Committee; State Council)' })).toEqual({
      issuerZh: '中共中央、国务院',
      issuerEn: 'CPC Central Committee and State Council',
    })
    expect(planIssuer({ issuer: '某委员会 (Some Committee)' }).issuerEn).toBe('Some Committee')
    expect(planIssuer({})).toEqual({ issuerZh: '', issuerEn: '' })
  })
  it('writes outline numbers in Arabic digits for English', () => {
    expect(['一', '(一)', '（十二）', '二十三', '1.', 'C21-1'].map(numberInEnglish)).toEqual([
      '1',
      '(1)',
      '(12)',
      '23',
      '1.',
      'C21-1',
    ])
    type Node = { number: string; number_en?: string; children: Node[] }
    const tree = withEnglishNumbers<Node>({ number: '三', children: [{ number: '(七)', children: [] }] })
    expect(tree.number_en).toBe('3')
    expect(tree.children[0]).toMatchObject({ number: '(七)', number_en: '(7)' })
    expect(hasCjk(JSON.stringify(tree))).toBe(true)
    expect(hasCjk(JSON.stringify(tree.children.map((c) => c.number_en)))).toBe(false)
  })
})
