import { describe, expect, it } from 'vitest'
import { ObservationBatch } from './observation-batch.ts'
import { copyLines } from './release-writer.ts'

describe('copyLines', () => {
  it('escapes tabs, line breaks and backslashes, writes null as \\N, also when neighbouring rows differ', () => {
    const b = new ObservationBatch(1)
    const row = { region: '42', indicator: 'gdp', period: 2020, value: 1.5, unit: '亿元', vintage: null }
    b.push({ ...row, source: 'a\tb', note: '' })
    b.push({ ...row, source: 'a\tb', note: 'x\\y\nz', vintage: 'final' })
    b.push({ ...row, source: 'plain', note: '', value: -0.25 })
    expect(copyLines(7, b, 10).split('\n')).toEqual([
      '7\t42\tgdp\t2020\t1.5\t亿元\ta\\tb\t\t\\N\t10',
      '7\t42\tgdp\t2020\t1.5\t亿元\ta\\tb\tx\\\\y\\nz\tfinal\t11',
      '7\t42\tgdp\t2020\t-0.25\t亿元\tplain\t\t\\N\t12',
      '',
    ])
  })
})
