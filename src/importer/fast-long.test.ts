/**
 * The byte reading of a bulk CSV must give exactly what the cell reading gives: the same rows
 * taken with the same values, and every other row handed to the general check with the same
 * cells and line. Checked on generated files that mix plain rows with every kind of row the fast
 * path must decline (unknown names, other spellings of numbers, spaces, quotes, blank lines).
 */
import { parse } from 'csv-parse/sync'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { ImportContext } from '../statistics/import/validate.ts'
import type { Indicator } from '../statistics/indicators.ts'
import { buildRegionLookup } from '../statistics/region-lookup.ts'
import { CellSet } from './cell-set.ts'
import { CsvRecords } from './csv-bytes.ts'
import { type FastFeed, FastLongCheck, numberAt, plainNumber } from './fast-long.ts'

describe('numberAt', () => {
  it('reads bytes to the same double as plainNumber (Number()) for any plain spelling', () => {
    const digits = fc.string({ unit: fc.constantFrom('0', '1', '2', '5', '7', '9'), maxLength: 20 })
    const spelled = fc
      .tuple(fc.constantFrom('', '-', '+'), digits, fc.constantFrom('', '.'), digits)
      .map(([s, a, d, b]) => `${s}${a}${d}${b}`)
    const any = fc.oneof(
      spelled,
      fc.string({ unit: fc.constantFrom('1', '.', '-', 'e', ',', ' '), maxLength: 8 }),
    )
    fc.assert(
      fc.property(any, (s) => {
        const got = numberAt(Buffer.from(`x${s}y`, 'latin1'), 1, 1 + s.length)
        expect(Object.is(got, plainNumber(s)) || got === plainNumber(s)).toBe(true)
      }),
      { numRuns: 5_000 },
    )
    // the fast path's edges: 15 significant digits and 22 decimals, and just past them
    for (const s of ['999999999999999', '9999999999999999', '0.0000000000000000000001', '-0', '5.', '.5'])
      expect(numberAt(Buffer.from(s), 0, s.length)).toBe(Number(s))
  })
})

const unit = (key: string, u: string): Indicator => ({ key, unit: u, formula: null }) as unknown as Indicator
const ctx: ImportContext = {
  resolveRegion: buildRegionLookup([
    { code: '42', level: 'province', nameZh: '湖北省', nameEn: 'Hubei' },
    { code: '43', level: 'province', nameZh: '湖南省', nameEn: 'Hunan' },
    { code: '420100', level: 'prefecture', nameZh: '武汉市', nameEn: 'Wuhan' },
  ]),
  indicators: new Map([
    ['gdp', unit('gdp', '100 million yuan')],
    ['pop', unit('pop', '10k persons')],
  ]),
  periodRange: [2000, 2030],
}

type Event = unknown[]

/** Read a file through `read`, recording every row taken and every call of the general check. */
function events(read: (fast: FastLongCheck, general: (l: number, c: string[]) => void) => void) {
  const out: Event[] = []
  const feed: FastFeed = {
    line: 0,
    cells: new CellSet(ctx.periodRange),
    add: (...args) => out.push(['add', ...args]),
  }
  const header = ['region', 'indicator', 'period', 'value', 'unit', 'source', 'note']
  const general = (line: number, cells: string[]) => out.push(['general', line, ...cells])
  const fast = new FastLongCheck(header, ctx, feed, (code) => code !== '43', general)
  read(fast, general)
  return out
}

/** the cell reading: csv-parse's records, each to the cell check */
function byCells(text: string) {
  return events((fast) => {
    const records = parse(text, {
      bom: true,
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
    }) as unknown as { record: string[]; info: { lines: number } }[]
    for (const r of records.slice(1)) fast.strings(r.info.lines, r.record)
  })
}

/** the byte reading, as feedCsv does it, fed in pieces of `piece` bytes */
function byBytes(text: string, piece: number) {
  return events((fast) => {
    let header = true
    const records = new CsvRecords(
      (line, cells) => {
        if (header) header = false
        else fast.strings(line, cells)
      },
      () => (header ? undefined : fast.bytes),
    )
    const bytes = Buffer.from(text, 'utf8')
    for (let i = 0; i < bytes.length; i += piece) records.push(bytes.subarray(i, i + piece))
    records.end()
  })
}

describe('FastLongCheck', () => {
  it('takes the same rows as bytes as it takes as cells, and hands the rest on unchanged', () => {
    const cell = <T>(common: T[], rare: T[]) =>
      fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...common) }, fc.constantFrom(...rare))
    const row = fc
      .tuple(
        cell(['42', '420100'], ['湖北省', ' 42', 'Hunan', '43', '99', '']),
        cell(['gdp'], ['pop', 'GDP', 'gdp ', 'nope']),
        cell(['2020', '2021'], ['1999', '2031', '2020年', ' 2020', '20']),
        cell(
          ['1.5', '12', '-3.25', '0.1'],
          ['1,234', '"1,234.5"', '1e3', '', ' 7 ', '+.5', '00012.50', '12345678901234567'],
        ),
        cell(['100 million yuan'], ['亿元', '10k persons', ' 100 million yuan', 'yuan']),
        cell(['SYNTHETIC'], ['other', '"quoted, source"', ' padded ', '源\u3000']),
        cell([''], ['a note', 'revised figure', '"two\nlines"']),
        fc.constantFrom(0, 0, 0, 0, 1, -1),
      )
      .map(([r, i, p, v, u, s, n, extra]) => {
        const cells = [r, i, p, v, u, s, n]
        if (extra > 0) cells.push('x')
        if (extra < 0) cells.pop()
        return cells.join(',')
      })
    const file = fc.tuple(
      fc.array(fc.oneof({ weight: 9, arbitrary: row }, fc.constantFrom('', '  ')), {
        minLength: 1,
        maxLength: 40,
      }),
      fc.constantFrom('\n', '\r\n'),
      fc.boolean(),
      fc.integer({ min: 1, max: 64 }),
    )
    fc.assert(
      fc.property(file, ([rows, eol, bom, piece]) => {
        const text = `${bom ? '\ufeff' : ''}region,indicator,period,value,unit,source,note${eol}${rows.join(eol)}${eol}`
        expect(byBytes(text, piece)).toEqual(byCells(text))
      }),
      { numRuns: 1_000 },
    )
  })

  it('really takes plain rows as bytes, and declines a row the cells reading would refuse', () => {
    const text =
      'region,indicator,period,value,unit,source,note\n42,gdp,2020,1.5,100 million yuan,S,\n43,gdp,2020,2,100 million yuan,S,\n'
    let taken = 0
    const got = events((fast) => {
      let header = true
      const records = new CsvRecords(
        (line, cells) => {
          if (header) header = false
          else fast.strings(line, cells)
        },
        () => (header ? undefined : fast.bytes),
      )
      records.push(Buffer.from(text))
      records.end()
      taken = fast.taken
    })
    expect(taken).toBe(1)
    // Hunan is outside the allowed regions: the general check gets it, with its line
    expect(got).toEqual([
      ['add', 2, '42', 'gdp', 2020, 1.5, '100 million yuan', 'S', '', null],
      ['general', 3, '43', 'gdp', '2020', '2', '100 million yuan', 'S', ''],
    ])
  })
})
