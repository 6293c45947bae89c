/**
 * The index structure from a meta table. The ASEM counts are those COINr prints for the same
 * iMeta (bluefoxr/COINr b9682034635df03279896b6cb025cd3534f82cbb, docs/articles/overview.html,
 * print(ASEM): "Level 1 Indicator: 49 indicators … Level 2 Pillar: 8 groups (ConEcFin, Instit,
 * P2P, ...) Level 3 Sub-index: 2 groups (Conn, Sust) Level 4 Index: 1 groups (Index)").
 */
import { describe, expect, it } from 'vitest'
import { MethodInputError } from '../weights.ts'
import { asemHierarchy as h } from './asem-fixture.ts'
import { buildHierarchy, metaFromTable } from './hierarchy.ts'

const table = (text: string) => {
  const [head, ...lines] = text.trim().split('\n')
  return metaFromTable(
    head!.split(','),
    lines.map((l, k) => ({ line: k + 2, cells: l.split(',') })),
    'meta.csv',
  )
}

describe('hierarchy', () => {
  it('COINr’s ASEM iMeta: 49 indicators, 8 pillars, 2 sub-indices (Conn, Sust), one index', () => {
    expect(h.indicators).toHaveLength(49)
    expect(h.levels.map((l) => l.nodes.length)).toEqual([8, 2, 1])
    expect(h.levels[1]!.nodes.map((n) => n.code).sort()).toEqual(['Conn', 'Sust'])
    expect(h.levels[0]!.nodes.map((n) => n.code)).toEqual(
      expect.arrayContaining(['ConEcFin', 'Instit', 'P2P']),
    )
    expect(h.top).toBe('Index')
    expect(h.byCode.get('CO2')!.direction).toBe('lower')
    expect(h.byCode.get('Flights')!.denominator).toBe('Population')
  })

  it('reads lower-case headers, higher/lower directions and empty weights as 1', () => {
    const rows = table('code,parent,level,weight,direction\na,I,1,,higher\nb,I,1,2,-1\nI,,2,,\n')
    const x = buildHierarchy(rows)
    expect(x.byCode.get('a')).toMatchObject({ weight: 1, direction: 'higher' })
    expect(x.byCode.get('b')).toMatchObject({ weight: 2, direction: 'lower' })
  })

  it('refuses broken tables with a message naming the row', () => {
    const bad = (text: string, msg: string | RegExp) => {
      expect(() => buildHierarchy(table(text))).toThrow(MethodInputError)
      expect(() => buildHierarchy(table(text))).toThrow(msg)
    }
    bad('iCode,Parent,Level,Weight,Direction\na,I,1,1,1\na,I,1,1,1\nI,,2,1,\n', 'appears twice')
    bad('iCode,Parent,Level,Weight,Direction\na,I,1,1,1\nI,,2,1,\nJ,,2,1,\n', 'one top code expected')
    bad('iCode,Parent,Level,Weight,Direction\na,I,1,1,1\nb,,1,1,1\nI,,2,1,\n', '"b" has no parent')
    bad('iCode,Parent,Level,Weight,Direction\na,I,1,1,1\nI,a,2,1,\n', 'the index has none')
    bad('iCode,Parent,Level,Weight,Direction\na,I,1,1,\nI,,2,1,\n', 'meta.csv:2:direction')
    bad('iCode,Parent,Level,Weight,Direction\na,I,1,-1,1\nI,,2,1,\n', 'meta.csv:2:weight')
    bad('iCode,Parent,Level,Weight,Direction\na,I,x,1,1\nI,,2,1,\n', 'meta.csv:2:level')
    bad(
      'iCode,Parent,Level,Weight,Direction\na,P,1,1,1\nP,I,2,1,\nQ,I,2,1,\nI,,3,1,\n',
      'aggregate "Q" has no children',
    )
    bad('iCode,Parent,Level,Weight,Direction\na,I,1,1,1\n', 'no aggregate')
    expect(() => table('code,level\na,1\n')).toThrow('no "parent" column')
  })
})
