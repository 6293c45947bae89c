import { describe, expect, it } from 'vitest'
import { CellSet } from './cell-set.ts'
import { SeqLocations } from './seq-locations.ts'

describe('CellSet', () => {
  it('tells a repeated cell from one that differs in any of region, indicator, period or source', () => {
    const s = new CellSet([2000, 2030])
    for (let r = 0; r < 3000; r++) s.add(`r${r}`, 'gdp', 2000 + (r % 31), 'A')
    s.add('r1', 'gdp', 2001, 'B')
    s.add('r1', 'pop', 2001, 'A')
    s.add('r1', 'gdp', 2002, 'A')
    expect(s.unsure).toBe(false)
    s.add('r2999', 'gdp', 2000 + (2999 % 31), 'A')
    expect(s).toMatchObject({ repeated: true, unsure: true })
  })

  it('gives up (and so leaves the search to the store) past its memory budget', () => {
    const s = new CellSet([2000, 2030], 4096)
    for (let i = 0; i < 10; i++) s.add('42', `ind${i}`, 2000, 'A')
    expect(s).toMatchObject({ gaveUp: true, repeated: false, unsure: true })
  })
})

describe('SeqLocations', () => {
  it('finds the table and line of every row, one or several rows a line', () => {
    const l = new SeqLocations()
    const want: [number, number][] = []
    const add = (table: number, line: number) => {
      l.add(table, line)
      want.push([table, line])
    }
    for (let line = 2; line < 50; line++) if (line !== 7) add(0, line)
    for (let line = 60; line < 64; line++) for (let k = 0; k < 3; k++) add(0, line)
    add(1, 2)
    add(1, 2)
    add(1, 5)
    expect(want.map((_, seq) => l.at(seq))).toEqual(want.map(([table, line]) => ({ table, line })))
    expect(l.at(want.length)).toBeUndefined()
    expect(l.at(-1)).toBeUndefined()
  })
})
