/**
 * Reading a composite-index input (shared by `composite` and `uncertainty`): the data CSV (first
 * column the unit id; the indicator columns named in the meta; other columns — denominators,
 * groups — read only when named) and the meta CSV (COINr's iMeta layout, hierarchy.ts).
 * Without --meta (allowed for `uncertainty` only) every column after the unit id is an indicator
 * of one index, higher is better unless named by --cost, equal meta weights.
 */
import { readFile } from 'node:fs/promises'
import { basename } from 'node:path'
import {
  buildHierarchy,
  type Hierarchy,
  type MetaRow,
  metaFromTable,
} from '../../methods/composite/hierarchy.ts'
import type { Imputation } from '../../methods/composite/prepare.ts'
import { IMPUTATIONS } from '../../methods/composite/prepare.ts'
import { createMatrix, type Matrix } from '../../methods/matrix.ts'
import {
  choice,
  csvTextToTable,
  directionsOf,
  list,
  loadMatrix,
  numberOption,
  optionalString,
  requireString,
  usage,
} from './shared.ts'
import type { MethodArgs } from './types.ts'
import { methodInput } from './weights-options.ts'

export interface CompositeInput {
  raw: Matrix
  hierarchy: Hierarchy
  denominators?: Record<string, number[]>
  groups?: string[]
}

const MISSING = new Set(['', 'na', 'nan', 'null', '-'])

const read = async (path: string) =>
  readFile(path, 'utf8').catch(() => {
    throw usage(`${path}: cannot read the file`)
  })

export async function compositeInput(args: MethodArgs, metaRequired = true): Promise<CompositeInput> {
  const metaPath = metaRequired ? requireString(args, 'meta') : optionalString(args, 'meta')
  if (!metaPath) return flatInput(args)
  const dataPath = requireString(args, 'input')
  const data = csvTextToTable(await read(dataPath), basename(dataPath))
  const meta = csvTextToTable(await read(metaPath), basename(metaPath))
  const hierarchy = methodInput(() =>
    buildHierarchy(metaFromTable(meta.header, meta.rows, basename(metaPath))),
  )
  const file = basename(dataPath)
  if (data.rows.length === 0) throw usage(`${file}: no data rows`)
  const numberColumn = (name: string, why: string) => {
    const j = data.header.indexOf(name)
    if (j < 0) throw usage(`${file}: no column "${name}" (${why})`)
    return data.rows.map((r) => {
      const v = (r.cells[j] ?? '').trim()
      if (MISSING.has(v.toLowerCase())) return Number.NaN
      const n = Number(v)
      if (!Number.isFinite(n)) throw usage(`${file}:${r.line}:${name}: "${v}" is not a number`)
      return n
    })
  }
  const codes = hierarchy.indicators.map((r) => r.code)
  const raw = createMatrix(
    data.rows.map((r) => r.cells[0] ?? ''),
    codes,
  )
  codes.forEach((c, j) => {
    numberColumn(c, `an indicator of ${basename(metaPath)}`).forEach((v, i) => {
      raw.data[i * codes.length + j] = v
    })
  })
  const denomNames = [
    ...new Set(hierarchy.indicators.map((r) => r.denominator).filter((d): d is string => !!d)),
  ]
  const denominate = choice(args, 'denominate', ['yes', 'none'] as const, 'yes') === 'yes'
  const denominators =
    denominate && denomNames.length > 0
      ? Object.fromEntries(
          denomNames.map((d) => [d, numberColumn(d, `a denominator in ${basename(metaPath)}`)]),
        )
      : undefined
  const group = optionalString(args, 'group')
  let groups: string[] | undefined
  if (group) {
    const j = data.header.indexOf(group)
    if (j < 0) throw usage(`${file}: no column "${group}" for --group`)
    groups = data.rows.map((r) => (r.cells[j] ?? '').trim())
  }
  return { raw, hierarchy, ...(denominators ? { denominators } : {}), ...(groups ? { groups } : {}) }
}

async function flatInput(args: MethodArgs): Promise<CompositeInput> {
  const { matrix } = await loadMatrix(args)
  if (matrix.cols === 0) throw usage('--input: no indicator columns')
  const directions = directionsOf(args, matrix)
  const rows: MetaRow[] = matrix.columns.map((code, j) => ({
    code,
    level: 1,
    parent: 'Index',
    weight: 1,
    direction: directions[j]!,
    denominator: null,
  }))
  if (matrix.columns.includes('Index')) throw usage('--input: a column is named "Index"; give a --meta file')
  rows.push({ code: 'Index', level: 2, parent: null, weight: 1, direction: 'higher', denominator: null })
  return { raw: matrix, hierarchy: methodInput(() => buildHierarchy(rows)) }
}

export function rangeOption(args: MethodArgs): [number, number] {
  const text = optionalString(args, 'range') ?? '0,100'
  const [a, b, ...rest] = list(text).map(Number)
  if (rest.length > 0 || !(Number.isFinite(a) && Number.isFinite(b) && a! < b!))
    throw usage(`--range "${text}": expected a,b with a < b`)
  return [a!, b!]
}

/** The preparation options shared by both commands, checked. */
export function prepareOptions(args: MethodArgs, input: CompositeInput) {
  const impute: Imputation = choice(args, 'impute', IMPUTATIONS, 'none')
  if (impute.startsWith('group-') && !input.groups) throw usage(`--impute ${impute} needs --group <col>`)
  const minData = numberOption(args, 'minData', 2 / 3)!
  if (!(minData >= 0 && minData <= 1)) throw usage('--min-data must be between 0 and 1')
  const winmax = numberOption(args, 'winmax', 5)!
  if (!(Number.isInteger(winmax) && winmax >= 0)) throw usage('--winmax must be a whole number ≥ 0')
  return {
    impute,
    minData,
    screenRule: choice(args, 'screen', ['byNA', 'byzeros', 'byNAandzeros'] as const, 'byNA'),
    treat: choice(args, 'treat', ['winsorise', 'none'] as const, 'winsorise'),
    treatOptions: { winmax },
    range: rangeOption(args),
    ...(input.groups ? { groups: input.groups } : {}),
    ...(input.denominators ? { denominators: input.denominators } : {}),
  }
}

/** The options both commands document for the preparation steps. */
export const PREPARE_OPTIONS = [
  { flags: '--impute <how>', description: `${IMPUTATIONS.join(', ')}`, default: 'none' },
  { flags: '--group <col>', description: 'group column for group-mean / group-median imputation' },
  {
    flags: '--min-data <share>',
    description: 'minimum share of present indicators a unit needs; default 2/3 (COINr Screen); 0 keeps all',
  },
  { flags: '--screen <rule>', description: 'byNA, byzeros or byNAandzeros', default: 'byNA' },
  { flags: '--treat <how>', description: 'winsorise (COINr default) or none', default: 'winsorise' },
  { flags: '--winmax <n>', description: 'most points winsorised per indicator', default: '5' },
  { flags: '--range <a,b>', description: 'min-max target range', default: '0,100' },
  { flags: '--denominate <yes|none>', description: 'divide by the meta Denominator columns', default: 'yes' },
]
