import { describe, expect, it } from 'vitest'
import { fromColumns, toColumns } from './columns.ts'
import { mulberry32 } from './synth.ts'

interface Row {
  region: string
  period: number
  value: number
  note: string
  vintage: string | null
  coverage: { members: number; withData: number } | null
}
const FIELDS = ['region', 'period', 'value', 'note', 'vintage', 'coverage'] as const

describe('toColumns / fromColumns', () => {
  it('sends a field once when every row has it, and gives the rows back as they were', () => {
    const rows: Row[] = [
      { region: '42', period: 2020, value: 1.5, note: '', vintage: null, coverage: null },
      { region: '43', period: 2020, value: 2, note: '', vintage: 'revised', coverage: null },
      {
        region: 'CN',
        period: 2020,
        value: 3.25,
        note: '',
        vintage: null,
        coverage: { members: 31, withData: 30 },
      },
    ]
    const c = toColumns(rows, FIELDS)
    expect(c.length).toBe(3)
    expect(c.constant).toEqual({ period: 2020, note: '' })
    expect(Object.keys(c.columns)).toEqual(['region', 'value', 'vintage', 'coverage'])
    expect(c.columns.vintage).toEqual([null, 'revised', null])
    expect(fromColumns(c)).toEqual(rows)
  })

  it('keeps an object field a column even when every row holds equal objects', () => {
    const cov = { members: 6, withData: 6 }
    const rows: Row[] = [0, 1].map((i) => ({
      region: `4${i}`,
      period: 2020,
      value: i,
      note: '',
      vintage: null,
      coverage: { ...cov },
    }))
    expect(toColumns(rows, FIELDS).columns.coverage).toEqual([cov, cov])
  })

  it('round-trips seeded random tables, JSON in between', () => {
    const rand = mulberry32(20261202)
    for (let t = 0; t < 50; t++) {
      const n = Math.floor(rand() * 40)
      const rows: Row[] = Array.from({ length: n }, () => ({
        region: rand() < 0.5 ? '42' : `4${Math.floor(rand() * 3)}`,
        period: 2000 + Math.floor(rand() * (rand() < 0.5 ? 1 : 20)),
        value: Math.round(rand() * 1e6) / 1e3,
        note: rand() < 0.9 ? '' : 'x',
        vintage: rand() < 0.7 ? null : 'preliminary',
        coverage: rand() < 0.8 ? null : { members: 31, withData: 29 },
      }))
      const wire = JSON.parse(JSON.stringify(toColumns(rows, FIELDS)))
      expect(fromColumns<Row>(wire)).toEqual(rows)
    }
  })

  it('gives no rows as empty columns', () => {
    const c = toColumns([] as Row[], FIELDS)
    expect(c).toEqual({ length: 0, constant: {}, columns: Object.fromEntries(FIELDS.map((f) => [f, []])) })
    expect(fromColumns(c)).toEqual([])
  })

  it('refuses a column whose length is not the table’s', () => {
    expect(() => fromColumns<Row>({ length: 2, constant: {}, columns: { region: ['42'] } })).toThrow(
      'column "region" has 1 values for 2 rows',
    )
  })
})
