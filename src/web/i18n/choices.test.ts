/**
 * The index page labels each sensitivity factor with t(`index.choices.${name}`), the name being the
 * uncertainty analysis's own (its Choice). Every such name needs a label in both languages, or the
 * page falls back to the raw name ("scheme" in a Chinese page).
 */
import { createInstance } from 'i18next'
import { describe, expect, it } from 'vitest'
import type { Choice } from '../../methods/uncertainty.ts'
import { en } from './en.ts'
import { zhCN } from './zh-CN.ts'

// a Record over Choice: adding a factor to the analysis fails the typecheck until it is listed here
const FACTORS: Record<Choice, true> = { normalize: true, scheme: true, aggregation: true, perturb: true }

describe('sensitivity factor names', () => {
  for (const lng of ['zh-CN', 'en'] as const)
    it(`are translated in ${lng}`, async () => {
      const i18n = createInstance()
      await i18n.init({ resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } }, lng })
      for (const f of Object.keys(FACTORS)) {
        expect(i18n.exists(`index.choices.${f}`, { fallbackLng: false }), `${f} (${lng})`).toBe(true)
        // in Chinese, Chinese: not the raw name
        if (lng === 'zh-CN') expect(i18n.t(`index.choices.${f}`)).toMatch(/^[\u4e00-\u9fff]+$/)
      }
    })

  it('has no label for a factor the analysis does not have', () => {
    expect(Object.keys(zhCN.index.choices).sort()).toEqual(Object.keys(FACTORS).sort())
    expect(Object.keys(en.index.choices).sort()).toEqual(Object.keys(FACTORS).sort())
  })
})
