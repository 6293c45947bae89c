import { describe, expect, it } from 'vitest'
import { secondAxisSeries, seriesSize } from './axes.ts'

describe('secondAxisSeries', () => {
  it('puts the national GDP on a second axis, away from the provinces', () => {
    // illustrative sizes of the order seen on /indicators/gdp (100 million yuan), not figures
    const sizes = new Map([
      ['CN', 1_349_084],
      ['14', 25_500],
      ['34', 50_600],
      ['36', 34_200],
      ['41', 63_600],
      ['42', 60_000],
      ['43', 53_200],
    ])
    expect([...secondAxisSeries(sizes)]).toEqual(['CN'])
  })

  it('keeps series of similar size on one axis', () => {
    const rates = new Map([
      ['CN', 67],
      ['42', 65.5],
      ['14', 64.9],
      ['41', 58.4],
    ])
    expect(secondAxisSeries(rates).size).toBe(0)
    expect(secondAxisSeries(new Map([['CN', 10]])).size).toBe(0)
  })

  it('cuts at the widest jump: the nation and the macro-regions above the provinces', () => {
    const sizes = new Map([
      ['CN', 1_300_000],
      ['CENTRAL', 290_000],
      ['42', 60_000],
      ['14', 25_000],
    ])
    expect([...secondAxisSeries(sizes)].sort()).toEqual(['CENTRAL', 'CN'])
  })

  it('ignores series with no figures', () => {
    expect([
      ...secondAxisSeries(
        new Map([
          ['CN', 0],
          ['42', 5],
          ['14', 100],
        ]),
      ),
    ]).toEqual(['14'])
    expect(seriesSize([null, -3, 2])).toBe(3)
    expect(seriesSize([null])).toBe(0)
  })
})
