/** Reading a composite-index input: data CSV (units × columns) and its meta CSV (COINr iMeta layout). */
import { readFile } from 'node:fs/promises'
import { basename } from 'node:path'
import { buildHierarchy, type Hierarchy, metaFromTable } from '../../methods/composite/hierarchy.ts'
import { createMatrix, type Matrix } from '../../methods/matrix.ts'
import { csvTextToTable, optionalString, requireString, usage } from './shared.ts'
import type { MethodArgs } from './types.ts'
import { methodInput } from './weights-options.ts'

export interface CompositeInput {
  raw: Matrix
  hierarchy: Hierarchy
  denominators?: Record<string, number[]>
  groups?: string[]
}

const read = async (path: string) =>
  readFile(path, 'utf8').catch(() => {
    throw usage(`${path}: cannot read the file`)
  })

export async function compositeInput(args: MethodArgs): Promise<CompositeInput> {
  const dataPath = requireString(args, 'input')
  const metaPath = requireString(args, 'meta')
  const data = csvTextToTable(await read(dataPath), basename(dataPath))
  const meta = csvTextToTable(await read(metaPath), basename(metaPath))
  const hierarchy = methodInput(() =>
    buildHierarchy(metaFromTable(meta.header, meta.rows, basename(metaPath))),
  )
  const file = basename(dataPath)
  const numberColumn = (name: string) => {
    const j = data.header.indexOf(name)
    if (j < 0) throw usage(`${file}: no column "${name}" (named in ${basename(metaPath)})`)
    return data.rows.map((r) => {
      const v = (r.cells[j] ?? '').trim()
      if (v === '' || /^(na|nan)$/i.test(v)) return Number.NaN
      const n = Number(v)
      if (!Number.isFinite(n)) throw usage(`${file}:${r.line}:${name}: "${v}" is not a number`)
      return n
    })
  }
  const codes = hierarchy.indicators.map((r) => r.code)
  const units = data.rows.map((r) => r.cells[0] ?? '')
  const raw = createMatrix(units, codes)
  codes.forEach((c, j) => {
    numberColumn(c).forEach((v, i) => {
      raw.data[i * codes.length + j] = v
    })
  })
  const denomNames = [
    ...new Set(hierarchy.indicators.map((r) => r.denominator).filter((d): d is string => !!d)),
  ]
  const useDenoms = optionalString(args, 'denominate') !== 'none' && denomNames.length > 0
  const denominators = useDenoms ? Object.fromEntries(denomNames.map((d) => [d, numberColumn(d)])) : undefined
  const group = optionalString(args, 'group')
  let groups: string[] | undefined
  if (group) {
    const j = data.header.indexOf(group)
    if (j < 0) throw usage(`${file}: no column "${group}" for --group`)
    groups = data.rows.map((r) => r.cells[j] ?? '')
  }
  return { raw, hierarchy, ...(denominators ? { denominators } : {}), ...(groups ? { groups } : {}) }
}

export function rangeOption(args: MethodArgs): [number, number] {
  const text = optionalString(args, 'range') ?? '0,100'
  const [a, b] = text.split(',').map(Number)
  if (!(Number.isFinite(a) && Number.isFinite(b) && a! < b!))
    throw usage(`--range "${text}": expected a,b with a < b`)
  return [a!, b!]
}
