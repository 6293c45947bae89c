/** COINr's ASEM example inputs (../shared/data/reference, converted from COINr's data/*.rda) for tests. */
import { readFileSync } from 'node:fs'
import { csvTextToTable } from '../../files/csv.ts'
import { createMatrix, type Matrix } from '../matrix.ts'
import { buildHierarchy, type Hierarchy, metaFromTable } from './hierarchy.ts'

const ref = (f: string) =>
  readFileSync(new URL(`../../../../shared/data/reference/${f}`, import.meta.url), 'utf8')

export const asemData = csvTextToTable(ref('ASEM_iData.csv'), 'ASEM_iData.csv')
const metaTable = csvTextToTable(ref('ASEM_iMeta.csv'), 'ASEM_iMeta.csv')
export const asemHierarchy: Hierarchy = buildHierarchy(
  metaFromTable(metaTable.header, metaTable.rows, 'ASEM_iMeta.csv'),
)

export function asemColumn(name: string): number[] {
  const j = asemData.header.indexOf(name)
  if (j < 0) throw new Error(`no column ${name}`)
  return asemData.rows.map((r) => (r.cells[j] === '' ? Number.NaN : Number(r.cells[j])))
}

export const asemUnits = asemData.rows.map((r) => r.cells[asemData.header.indexOf('uCode')]!)

/** The 49 indicators, rows as in ASEM_iData (units by uCode). */
export function asemRaw(): Matrix {
  const codes = asemHierarchy.indicators.map((r) => r.code)
  const raw = createMatrix(asemUnits, codes)
  codes.forEach((c, j) => {
    asemColumn(c).forEach((v, i) => {
      raw.data[i * codes.length + j] = v
    })
  })
  return raw
}

export const asemDenominators = Object.fromEntries(
  ['Area', 'Energy', 'GDP', 'Population'].map((d) => [d, asemColumn(d)]),
)
