import { describe, expect, it } from 'vitest'
import { hasCjk, latinWords } from '../i18n/script.ts'
import { unitOf } from '../statistics/units.ts'
import { loadBuiltinIndicators } from './seed.ts'

/** Proper names and citation words a Chinese text may keep in Latin letters. */
const ZH_ALLOWED = ['Guan', 'Shan', 'jueqi', 'synth']

describe('the built-in catalogue in both languages', async () => {
  const catalogue = await loadBuiltinIndicators()
  it('has 35 indicators, each with a unit of the closed list', () => {
    expect(catalogue).toHaveLength(35)
    for (const i of catalogue) expect(unitOf(i.unit), i.key).toBeDefined()
  })
  it('gives every definition, source series and break note in zh and en, each in its own script', () => {
    for (const i of catalogue) {
      for (const zh of [i.definitionZh, i.sourceSeriesZh, ...i.breaks.map((b) => b.noteZh)]) {
        expect(zh, i.key).not.toBe('')
        expect(latinWords(zh, ZH_ALLOWED), `${i.key}: ${zh}`).toEqual([])
      }
      for (const en of [i.definitionEn, i.sourceSeriesEn, ...i.breaks.map((b) => b.noteEn)]) {
        expect(en, i.key).not.toBe('')
        expect(hasCjk(en ?? ''), `${i.key}: ${en}`).toBe(false)
      }
    }
  })
})
