/**
 * SDMX-CSV, read and written: the 2.0 form (`STRUCTURE,STRUCTURE_ID,ACTION,…`) and the 1.0 form
 * (`DATAFLOW,…`) of the SDMX technical working group's field guide. The cross-domain concepts
 * REF_AREA, TIME_PERIOD, OBS_VALUE, UNIT_MEASURE and OBS_STATUS map onto a long table's region,
 * period, value, unit and vintage; the indicator dimension is the column INDICATOR unless a
 * mapping names another (`SERIES=indicator`). Each row is turned into a long row and checked by
 * the long check, so the rules stay in one place. Pure.
 */
import { quoted } from '../../files/bad-input.ts'
import type { Vintage } from '../vintage.ts'
import {
  type Collector,
  type ImportContext,
  longRowCheck,
  type RowCheck,
  type TableHead,
} from './validate.ts'

export const SDMX_CSV_MEDIA_TYPE = 'application/vnd.sdmx.data+csv; version=2.0.0'

/** The long-table role of each SDMX concept jueqi reads (lower case). */
const CONCEPTS: Record<string, string> = {
  ref_area: 'region',
  indicator: 'indicator',
  time_period: 'period',
  obs_value: 'value',
  unit_measure: 'unit',
  vintage: 'vintage',
  source: 'source',
  note: 'note',
}
const ROLES = ['region', 'indicator', 'period', 'value', 'unit', 'source', 'note', 'vintage'] as const

/** Roles whose cells are codes, written `CODE: label` when labels=both. */
const CODED = new Set(['region', 'indicator', 'unit', 'vintage'])
const codeOf = (text: string) => {
  const m = /^([^:]+?): /.exec(text.trim())
  return m ? m[1]! : text.trim()
}

/** OBS_STATUS (SDMX code list CL_OBS_STATUS) ↔ vintage, where one means the other. */
const STATUS_VINTAGE: Record<string, Vintage> = { P: 'preliminary', A: 'final' }
export const VINTAGE_STATUS: Partial<Record<Vintage, string>> = { preliminary: 'P', final: 'A' }

export function sdmxVersion(header: string[]): '2.0' | '1.0' | undefined {
  const first = (header[0] ?? '').trim().toUpperCase()
  if (first === 'STRUCTURE' && header.some((h) => h.trim().toUpperCase() === 'STRUCTURE_ID')) return '2.0'
  if (first === 'DATAFLOW') return '1.0'
  return undefined
}

/**
 * The per-row check of an SDMX-CSV table. `map` names other columns' roles (column → role,
 * e.g. { SERIES: 'indicator' }). A row with ACTION D (delete) is refused: a release adds figures.
 */
export function sdmxRowCheck(
  t: TableHead,
  ctx: ImportContext,
  c: Collector,
  map: Record<string, string> = {},
): RowCheck | undefined {
  const roles = { ...CONCEPTS }
  for (const [col, role] of Object.entries(map)) roles[col.trim().toLowerCase()] = role.trim().toLowerCase()
  // with labels=both a header reads `REF_AREA:Reference area` and a cell `CN-HB: Hubei`: the id is before the colon
  const upper = t.header.map((h) => h.split(':')[0]!.trim().toLowerCase())
  const at = Object.fromEntries(ROLES.map((r) => [r, upper.findIndex((h) => roles[h] === r)])) as Record<
    (typeof ROLES)[number],
    number
  >
  const iStatus = upper.indexOf('obs_status')
  const iAction = upper.indexOf('action')
  const long: TableHead = {
    ...t,
    header: [...ROLES],
    columnLabels: ROLES.map((r) => (at[r] >= 0 ? t.columnLabels[at[r]]! : r.toUpperCase())),
  }
  const check = longRowCheck(long, ctx, c)
  if (!check) return undefined
  const cells: string[] = new Array(ROLES.length)
  return (line, row) => {
    if (shortRow(t, c, line, row)) return
    const value = at.value >= 0 ? (row[at.value] ?? '').trim() : ''
    // an observation without a value (OBS_STATUS M, O, L…) is a missing figure, not a zero
    if (value === '' || value.toUpperCase() === 'NAN') return
    if (iAction >= 0 && codeOf(row[iAction] ?? '').toUpperCase() === 'D') {
      c.at(t, line)
      c.issue(
        'bad_action',
        'ACTION D (delete) cannot be imported: a release adds figures',
        t.columnLabels[iAction],
      )
      return
    }
    ROLES.forEach((r, i) => {
      const text = at[r] >= 0 ? (row[at[r]] ?? '') : ''
      cells[i] = CODED.has(r) ? codeOf(text) : text
    })
    if (!cells[7] && iStatus >= 0) {
      const status = codeOf(row[iStatus] ?? '').toUpperCase()
      cells[7] = STATUS_VINTAGE[status] ?? ''
    }
    check(line, cells)
  }
}

/** A row with fewer cells than its header names is malformed (a truncated line). */
function shortRow(t: TableHead, c: Collector, line: number, row: string[]): boolean {
  if (row.length >= t.header.length) return false
  c.at(t, line)
  c.issue(
    'missing_column',
    `the row has ${row.length} cells but the header ${t.header.length} columns; ${quoted(t.header[row.length] ?? '')} is missing`,
    t.columnLabels[row.length],
  )
  return true
}

/** jueqi's dataflow: regions × indicators × years; agency JUEQI, version 1.0. */
export const SDMX_DATAFLOW = 'JUEQI:DF_REGIONAL(1.0)'

export interface SdmxFigure {
  region: string
  indicator: string
  period: number
  value: number | null
  unit: string
  source: string
  note: string
  vintage: string | null
}

/**
 * Figures as SDMX-CSV records (header first): one observation per series key and period, so the
 * caller passes preferred figures only. VINTAGE, SOURCE and NOTE are jueqi's own attributes;
 * OBS_STATUS says P or A where the vintage means one of them. A figure without a value is left
 * out (missing is not a figure).
 */
export function sdmxCsvRecords(rows: readonly SdmxFigure[], version: '2.0' | '1.0' = '2.0'): string[][] {
  const lead = version === '2.0' ? ['STRUCTURE', 'STRUCTURE_ID', 'ACTION'] : ['DATAFLOW']
  const leadCells = version === '2.0' ? ['dataflow', SDMX_DATAFLOW, 'I'] : [SDMX_DATAFLOW]
  const header = [...lead, 'REF_AREA', 'INDICATOR', 'TIME_PERIOD', 'OBS_VALUE', 'UNIT_MEASURE', 'OBS_STATUS']
  const out = [[...header, 'VINTAGE', 'SOURCE', 'NOTE']]
  for (const r of rows) {
    if (r.value === null || !Number.isFinite(r.value)) continue
    const status = r.vintage ? (VINTAGE_STATUS[r.vintage as Vintage] ?? '') : ''
    out.push([
      ...leadCells,
      r.region,
      r.indicator,
      String(r.period),
      String(r.value),
      r.unit,
      status,
      r.vintage ?? '',
      r.source,
      r.note,
    ])
  }
  return out
}
