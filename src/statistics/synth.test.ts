import { describe, expect, it } from 'vitest'
import { synthIndicators, synthPanel, synthRevision } from './synth.ts'

const units = Array.from({ length: 40 }, (_, i) => ({
  code: `4201${String(i).padStart(2, '0')}`,
  province: i < 20 ? '42' : '43',
  macro: 'CENTRAL',
}))
const opts = { indicators: 5, years: 10, lastYear: 2024, seed: 7 }

describe('synthetic panel', () => {
  it('is the same for the same seed and different for another', () => {
    const a = [...synthPanel(units, opts)]
    expect([...synthPanel(units, opts)]).toEqual(a)
    expect([...synthPanel(units, { ...opts, seed: 8 })]).not.toEqual(a)
  })
  it('has the asked shape with a few missing cells, positive values and a rising trend on average', () => {
    const rows = [...synthPanel(units, opts)]
    const full = 40 * 5 * 10
    expect(rows.length).toBeLessThan(full)
    expect(rows.length).toBeGreaterThan(full * 0.9)
    expect(rows.every((r) => r.value > 0 && r.period >= 2015 && r.period <= 2024)).toBe(true)
    const mean = (y: number) => rows.filter((r) => r.period === y).reduce((s, r) => s + Math.log(r.value), 0)
    expect(mean(2024) / rows.filter((r) => r.period === 2024).length).toBeGreaterThan(
      mean(2015) / rows.filter((r) => r.period === 2015).length,
    )
  })
  it('revises only the last two years, and labels every indicator synthetic', () => {
    const rev = [...synthRevision(synthPanel(units, opts), { ...opts, revised: 0.5 })]
    expect(rev.length).toBeGreaterThan(0)
    expect(rev.every((r) => r.period >= 2023)).toBe(true)
    expect(
      synthIndicators(3, 7).every((i) => /SYNTHETIC/.test(i.nameEn) && /SYNTHETIC/.test(i.definition)),
    ).toBe(true)
  })
})
