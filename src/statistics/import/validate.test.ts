import { describe, expect, it } from 'vitest'
import type { SourceTable } from '../../files/table.ts'
import { Indicator } from '../indicators.ts'
import { isLongLayout, parseNumber, validateLong, validateTables, validateWide } from './validate.ts'

const indicators = new Map(
  [
    Indicator.parse({
      key: 'gdp',
      nameZh: 'GDP',
      nameEn: 'GDP',
      unit: '100 million yuan',
      direction: 'higher',
      aggregation: 'sum',
    }),
    Indicator.parse({
      key: 'ratio',
      nameZh: 'r',
      nameEn: 'r',
      unit: '%',
      direction: 'higher',
      aggregation: 'none',
      formula: 'gdp / gdp',
    }),
  ].map((i) => [i.key, i]),
)
const ctx = {
  resolveRegion: (r: string) => ({ '42': '42', 湖北省: '42', '43': '43' })[r],
  indicators,
  periodRange: [1949, 2030] as [number, number],
}
const table = (header: string[], rows: string[][], sheet?: string): SourceTable => ({
  file: 'f.csv',
  sheet,
  header,
  columnLabels: header,
  rows: rows.map((cells, i) => ({ line: i + 2, cells })),
})

describe('import validation', () => {
  it('reads yearbook numbers and refuses what is not one', () => {
    expect(parseNumber('1,234.5')).toBe(1234.5)
    expect(parseNumber('−3.2')).toBe(-3.2)
    expect(parseNumber('12x')).toBeUndefined()
    expect(parseNumber('')).toBeUndefined()
  })

  it('lists every problem of a long table with its location', () => {
    const t = table(
      ['region', 'indicator', 'year', 'value', 'unit'],
      [
        ['42', 'gdp', '2020', '1', '亿元'],
        ['99', 'gdp', '2020', '1', '100 million yuan'],
        ['42', 'nope', '2020', '1', 'x'],
        ['42', 'gdp', '1800', 'abc', 'yuan'],
        ['42', 'ratio', '2020', '1', '%'],
        ['42', 'gdp', '2020', '2', '100 million yuan'],
      ],
    )
    expect(isLongLayout(t)).toBe(true)
    const r = validateLong(t, ctx)
    expect(r.rows).toHaveLength(1)
    expect(r.rows[0]).toMatchObject({
      region: '42',
      indicator: 'gdp',
      period: 2020,
      value: 1,
      unit: '100 million yuan',
    })
    expect(r.issues.map((i) => `${i.location} ${i.code}`)).toEqual([
      'f.csv:3:region unknown_region',
      'f.csv:4:indicator unknown_indicator',
      'f.csv:5:year period_out_of_range',
      'f.csv:5:value not_a_number',
      'f.csv:5:unit unit_mismatch',
      'f.csv:6:indicator derived_indicator',
      'f.csv:7 duplicate_cell',
    ])
  })

  it('names a missing column instead of guessing', () => {
    const r = validateLong(table(['region', 'indicator', 'year', 'value'], [['42', 'gdp', '2020', '1']]), ctx)
    expect(r.issues).toEqual([
      {
        location: 'f.csv:1',
        code: 'missing_column',
        message: 'missing column "unit"',
        params: { value: 'unit' },
      },
    ])
  })

  it('reads a wide sheet and skips empty and dash cells', () => {
    const t = table(
      ['地区', '2019年', '2020'],
      [
        ['湖北省', '1', '—'],
        ['43', '', '2'],
      ],
      'gdp',
    )
    expect(isLongLayout(t)).toBe(false)
    const r = validateWide(t, ctx)
    expect(r.issues).toEqual([])
    expect(r.rows.map((x) => [x.region, x.period, x.value])).toEqual([
      ['42', 2019, 1],
      ['43', 2020, 2],
    ])
  })

  it('finds a cell repeated across two sheets of one workbook', () => {
    const a = table(['地区', '2019'], [['42', '1']], 'gdp')
    const b = table(['region', 'indicator', 'year', 'value', 'unit'], [['42', 'gdp', '2019', '1', '亿元']])
    const r = validateTables([a, b], ctx)
    expect(r.issues.map((i) => i.code)).toEqual(['duplicate_cell'])
  })
})
