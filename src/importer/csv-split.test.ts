import { parse } from 'csv-parse/sync'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { CsvSplitter, CsvSyntaxError } from './csv-split.ts'

/** All records of a text fed in pieces of `piece` characters, as [line, cells]. */
function split(text: string, piece = text.length || 1): [number, string[]][] {
  const out: [number, string[]][] = []
  const s = new CsvSplitter((line, cells) => out.push([line, [...cells]]))
  for (let i = 0; i < text.length; i += piece) s.push(text.slice(i, i + piece))
  s.end()
  return out
}

/** What the streaming importer read before: csv-parse with the same options. */
function reference(text: string): [number, string[]][] {
  return (
    parse(text, {
      bom: true,
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
    }) as unknown as { record: string[]; info: { lines: number } }[]
  ).map((r) => [r.info.lines, r.record])
}

describe('CsvSplitter', () => {
  it('splits plain lines, trims cells, keeps empty cells and skips blank lines', () => {
    expect(split('a,b,c\n 1 , ,3\n\n   \n4,5,\n,,\n')).toEqual([
      [1, ['a', 'b', 'c']],
      [2, ['1', '', '3']],
      [5, ['4', '5', '']],
      [6, ['', '', '']],
    ])
  })

  it('reads CRLF and lone-CR line ends, a BOM, and a last line without its end', () => {
    expect(split('\ufeffa,b\r\n1,2\r\n\r\n3,4')).toEqual([
      [1, ['a', 'b']],
      [2, ['1', '2']],
      [4, ['3', '4']],
    ])
    expect(split('a,b\r1,2\r3,4\r')).toEqual([
      [1, ['a', 'b']],
      [2, ['1', '2']],
      [3, ['3', '4']],
    ])
  })

  it('reads quoted fields: commas, doubled quotes and line breaks inside, numbered by their last line', () => {
    const text = 'region,note\n42,"a, b"\n43,"he said ""no"""\n44,"two\nlines"\n45,plain\n'
    expect(split(text)).toEqual([
      [1, ['region', 'note']],
      [2, ['42', 'a, b']],
      [3, ['43', 'he said "no"']],
      [5, ['44', 'two\nlines']],
      [6, ['45', 'plain']],
    ])
    // the same however the text is cut into pieces
    for (const piece of [1, 2, 3, 7, 16]) expect(split(text, piece)).toEqual(split(text))
  })

  it('refuses a quote inside an unquoted value and an unclosed quote, naming the line', () => {
    expect(() => split('a,b\n1,2\n3,ab"c\n')).toThrow(CsvSyntaxError)
    expect(() => split('a,b\n1,2\n3,ab"c\n')).toThrow(/^line 3: Invalid Opening Quote.*cell 2/)
    expect(() => split('a,b\n1,"open\n2,3\n')).toThrow(/^line 2: a quote opened on this line is not closed/)
  })

  it('reads what csv-parse reads, line numbers included, for any mix of cells', () => {
    const cell = fc.oneof(
      fc.constantFrom('', ' ', '42', '1.5', '  x  ', 'gdp', '亿元', '-3'),
      fc.string({ unit: fc.constantFrom('a', '1', ' ', '.', '-', '中'), maxLength: 6 }),
      fc
        .string({ unit: fc.constantFrom('a', ',', '"', '\n', ' ', '1'), maxLength: 6 })
        .map((s) => `"${s.replaceAll('"', '""')}"`),
    )
    const row = fc.array(cell, { minLength: 1, maxLength: 5 }).map((cells) => cells.join(','))
    const file = fc.tuple(
      fc.array(row, { minLength: 1, maxLength: 12 }),
      fc.constantFrom('\n', '\r\n'),
      fc.boolean(),
      fc.boolean(),
      fc.integer({ min: 1, max: 20 }),
    )
    fc.assert(
      fc.property(file, ([rows, eol, bom, lastEol, piece]) => {
        const text = `${bom ? '\ufeff' : ''}${rows.join(eol)}${lastEol ? eol : ''}`
        expect(split(text, piece)).toEqual(reference(text))
      }),
      { numRuns: 500 },
    )
  })
})
