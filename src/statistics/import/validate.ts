/**
 * Turning a table read from a file into observations, or into the complete list of what is
 * wrong with it. Pure: the catalogue is passed in. Nothing is stored unless the list is empty.
 *
 * Two layouts are read:
 * - long: one figure a row, columns region, indicator, period (or year), value, unit, and
 *   optionally source, note, vintage (extra columns such as region_name_zh are ignored);
 * - wide (yearbook): regions as rows, years as columns, one indicator per sheet (the sheet name,
 *   or the file's indicator given by the caller), unit from the catalogue unless stated.
 */
import { excerpt, quoted } from '../../files/bad-input.ts'
import { location, type SourceTable } from '../../files/table.ts'
import type { Indicator } from '../indicators.ts'
import type { ObservationInput } from '../observation.ts'
import { sameUnit, unitConversion, unitNames } from '../units.ts'
import { Vintage, vintageFromNote } from '../vintage.ts'
import { bodySkip, isTransposedHeader, type SkippedRow, type SkipReason, yearOf } from './published.ts'

/** How many issues a check lists; the rest are counted (a message says how many more). */
export const MAX_LISTED_ISSUES = 1_000

/** What can be wrong with an imported file; each has a Chinese sentence in i18n/import-messages.ts. */
export const IMPORT_ISSUE_CODES = [
  'missing_column',
  'unknown_region',
  'unknown_indicator',
  'derived_indicator',
  'not_a_number',
  'unit_mismatch',
  'duplicate_cell',
  'period_out_of_range',
  'bad_period_header',
  'bad_vintage',
  'empty',
  'out_of_scope',
  'extra_cell',
  'not_finite',
  'bad_character',
  'no_header',
  'bad_action',
] as const

export interface ImportIssue {
  location: string
  code: (typeof IMPORT_ISSUE_CODES)[number]
  /** English */
  message: string
  /** the values the message names (the offending text, the indicator, the unit…), for other languages */
  params?: Record<string, string | number>
}

export interface ImportContext {
  resolveRegion(ref: string): string | undefined
  indicators: ReadonlyMap<string, Indicator>
  /** inclusive */
  periodRange: [number, number]
  /** read the vintage from the note when the file has no vintage column (the built-in data) */
  vintageFromNotes?: boolean
}

export interface ValidatedTable {
  rows: ObservationInput[]
  issues: ImportIssue[]
}

const LONG_COLUMNS = {
  region: ['region', 'region_code', '地区', '地区代码'],
  indicator: ['indicator', '指标'],
  period: ['period', 'year', '年份', '时期'],
  value: ['value', '数值', '值'],
  unit: ['unit', '单位'],
  source: ['source', '来源'],
  note: ['note', '备注', '注释'],
  vintage: ['vintage', '版本'],
} as const

export type LongColumn = keyof typeof LONG_COLUMNS

/** Which column of a header holds what, by the names a long table may use. */
export function findColumns(header: string[]): Partial<Record<LongColumn, number>> {
  const lower = header.map((h) => h.trim().toLowerCase())
  const out: Partial<Record<LongColumn, number>> = {}
  for (const [key, names] of Object.entries(LONG_COLUMNS) as [LongColumn, readonly string[]][]) {
    const i = lower.findIndex((h) => names.includes(h))
    if (i >= 0) out[key] = i
  }
  return out
}

export function isLongLayout(t: SourceTable): boolean {
  const c = findColumns(t.header)
  return c.indicator !== undefined && c.value !== undefined && c.period !== undefined
}

/** "1,234.5" and "−3.2" are numbers as printed in yearbooks; "", "—" and "abc" are not. */
export function parseNumber(text: string): number | undefined {
  const t = text.trim().replace(/,/g, '').replace(/^[−–]/, '-')
  if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(t)) return undefined
  return Number(t)
}

const parsePeriod = yearOf

/**
 * Checks rows one at a time and keeps the issues. Rows it accepts go to `emit` (a list for a
 * whole table, a database batch for a stream). It knows which table and line it is on (`at`),
 * so a location string is only built when there is something to report. Duplicate cells are
 * tracked here unless the caller leaves that to the store (`trackDuplicates: false`, for files
 * too large to key in memory).
 */
export class Collector {
  readonly rows: ObservationInput[] = []
  readonly issues: ImportIssue[] = []
  private readonly seen = new Map<string, string>()
  private table: TableHead = { file: '', header: [], columnLabels: [] }
  private line = 1
  constructor(
    private readonly ctx: ImportContext,
    private readonly emit: (row: ObservationInput) => void = (row) => this.rows.push(row),
    private readonly trackDuplicates = true,
  ) {}

  at(table: TableHead, line: number) {
    this.table = table
    this.line = line
  }

  /** every issue found, listed or not */
  count = 0

  issue(code: ImportIssue['code'], message: string, column?: string, params?: ImportIssue['params']) {
    this.count++
    // a file of bad rows must not build a list as long as itself: past the cap issues are only counted
    if (this.issues.length < MAX_LISTED_ISSUES)
      this.issues.push({
        location: location(this.table, this.line, column),
        code,
        message,
        ...(params ? { params } : {}),
      })
  }

  /** an issue found outside the row checks (its location made by the caller) */
  push(issue: ImportIssue) {
    this.count++
    if (this.issues.length < MAX_LISTED_ISSUES) this.issues.push(issue)
  }

  /** rows read and set aside (titles, unit rows, footnotes), for the dry run; the first MAX_LISTED_ISSUES */
  readonly skipped: SkippedRow[] = []

  skip(reason: SkipReason, cells: string[], line = this.line) {
    if (this.skipped.length < MAX_LISTED_ISSUES)
      this.skipped.push({
        location: location(this.table, line),
        reason,
        text: cells.filter((x) => x.trim() !== '').join(' | '),
      })
  }

  /** issues found but not listed */
  get unlisted(): number {
    return this.count - this.issues.length
  }

  indicator(ref: string, column?: string): Indicator | undefined {
    const ind = this.ctx.indicators.get(ref.trim())
    if (!ind)
      this.issue('unknown_indicator', `unknown indicator ${quoted(ref)}`, column, { value: excerpt(ref) })
    else if (ind.formula) {
      this.issue(
        'derived_indicator',
        `indicator ${quoted(ref)} is derived (${ind.formula}); import its inputs instead`,
        column,
        { value: ref },
      )
    } else return ind
    return undefined
  }

  /** The key of the one indicator a table names in words (`地区生产总值`, or its English name), if exactly one. */
  indicatorNamed(name: string): string | undefined {
    const want = name.replace(/\s+/g, '').toLowerCase()
    const plain = (s: string) => s.replace(/\s+/g, '').toLowerCase()
    const found = [...this.ctx.indicators.values()].filter(
      (i) =>
        plain(i.nameZh) === want ||
        plain(i.nameZh.replace(/[（(].*[)）]$/, '')) === want ||
        plain(i.nameEn) === want,
    )
    return found.length === 1 ? found[0]!.key : undefined
  }

  region(ref: string, column?: string): string | undefined {
    const code = this.ctx.resolveRegion(ref.trim())
    if (!code) this.issue('unknown_region', `unknown region ${quoted(ref)}`, column, { value: excerpt(ref) })
    return code
  }

  period(p: number | undefined, text: string, column?: string): number | undefined {
    const [lo, hi] = this.ctx.periodRange
    if (p === undefined)
      this.issue('period_out_of_range', `${quoted(text)} is not a year`, column, {
        value: excerpt(text),
        lo,
        hi,
      })
    else if (p < lo || p > hi)
      this.issue('period_out_of_range', `period ${p} is outside ${lo}–${hi}`, column, { value: p, lo, hi })
    else return p
    return undefined
  }

  value(text: string, column?: string): number | undefined {
    const v = parseNumber(text)
    if (v === undefined)
      this.issue('not_a_number', `${quoted(text)} is not a number`, column, { value: excerpt(text) })
    else if (!Number.isFinite(v))
      this.issue(
        'not_finite',
        `${quoted(text)} is beyond the largest number a figure can hold (±1.8e308)`,
        column,
        { value: excerpt(text) },
      )
    else if (v === 0 && /[1-9]/.test(text.replace(/e.*$/i, '')))
      this.issue('not_finite', `${quoted(text)} is too small to hold; it would be stored as 0`, column, {
        value: excerpt(text),
      })
    else return v
    return undefined
  }

  unit(unit: string, ind: Indicator, column?: string): boolean {
    if (sameUnit(unit, ind.unit)) return true
    this.issue(
      'unit_mismatch',
      `unit ${quoted(unit)} does not match indicator ${ind.key} (${ind.unit})`,
      column,
      {
        value: excerpt(unit),
        indicator: ind.nameZh,
        unit: unitNames(ind.unit).unitZh,
      },
    )
    return false
  }

  /** A cell is region × indicator × period × source: two sources may disagree, one source may not repeat itself. */
  add(row: ObservationInput, column?: string) {
    if (this.trackDuplicates) {
      const key = `${row.region}\u0000${row.indicator}\u0000${row.period}\u0000${row.source}`
      const first = this.seen.get(key)
      if (first) {
        this.issue(
          'duplicate_cell',
          `${row.region} ${row.indicator} ${row.period} already given at ${first}`,
          column,
          { first },
        )
        return
      }
      this.seen.set(key, location(this.table, this.line, column))
    }
    this.emit(row)
  }
}

export type TableHead = Pick<
  SourceTable,
  'file' | 'sheet' | 'header' | 'columnLabels' | 'headerLine' | 'statedUnit' | 'statedIndicator'
>
export type RowCheck = (line: number, cells: string[]) => void

/** The per-row check of a long table, or undefined (and a missing_column issue) when a column is missing. */
export function longRowCheck(t: TableHead, ctx: ImportContext, c: Collector): RowCheck | undefined {
  const col = findColumns(t.header)
  const before = c.count
  c.at(t, 1)
  for (const name of ['region', 'indicator', 'period', 'value', 'unit'] as const) {
    if (col[name] === undefined)
      c.issue('missing_column', `missing column "${name}"`, undefined, { value: name })
  }
  if (c.count > before) return undefined
  const label = Object.fromEntries(
    Object.keys(LONG_COLUMNS).map((k) => [k, t.columnLabels[col[k as LongColumn] ?? -1] ?? k]),
  ) as Record<LongColumn, string>
  const cell = (cells: string[], k: LongColumn) => (col[k] === undefined ? '' : (cells[col[k]!] ?? '').trim())
  return (line, cells) => {
    c.at(t, line)
    const region = c.region(cell(cells, 'region'), label.region)
    const ind = c.indicator(cell(cells, 'indicator'), label.indicator)
    const periodText = cell(cells, 'period')
    const period = c.period(parsePeriod(periodText), periodText, label.period)
    const value = c.value(cell(cells, 'value'), label.value)
    const unitOk = ind ? c.unit(cell(cells, 'unit'), ind, label.unit) : false
    const note = cell(cells, 'note')
    const vintage = readVintage(c, cell(cells, 'vintage'), note, label.vintage, ctx)
    if (region && ind && period !== undefined && value !== undefined && unitOk && vintage !== false) {
      c.add({
        region,
        indicator: ind.key,
        period,
        value,
        unit: ind.unit,
        source: cell(cells, 'source'),
        note,
        vintage,
      })
    }
  }
}

export function validateLong(t: SourceTable, ctx: ImportContext, c = new Collector(ctx)): ValidatedTable {
  const check = longRowCheck(t, ctx, c)
  if (!check) return c
  for (const { line, cells } of t.rows) check(line, cells)
  if (t.rows.length === 0) {
    c.at(t, 1)
    c.issue('empty', 'the table has a header but no rows')
  }
  return c
}

function readVintage(
  c: Collector,
  text: string,
  note: string,
  where: string,
  ctx: ImportContext,
): Vintage | null | false {
  if (text) {
    if ((Vintage as readonly string[]).includes(text)) return text as Vintage
    c.issue('bad_vintage', `vintage "${text}" is not one of ${Vintage.join(', ')}`, where, {
      value: text,
      allowed: Vintage.join(', '),
    })
    return false
  }
  return ctx.vintageFromNotes ? vintageFromNote(note) : null
}

export interface WideOptions {
  /** the indicator of the whole table; defaults to the sheet name */
  indicator?: string
  unit?: string
  source?: string
}

/**
 * The per-row check of a wide (yearbook) table, or undefined when its header is unusable: regions
 * as rows and years as columns, or transposed (years as rows, regions as columns). Blank rows and
 * footnotes below the table are set aside, not read as regions; `…`, `—`, `-` and empty cells are
 * missing figures, not zeros and not errors.
 */
export function wideRowCheck(t: TableHead, c: Collector, opts: WideOptions = {}): RowCheck | undefined {
  const before = c.count
  c.at(t, t.headerLine ?? 1)
  const named = t.statedIndicator === undefined ? undefined : c.indicatorNamed(t.statedIndicator)
  const ind = c.indicator(opts.indicator ?? named ?? t.sheet ?? t.statedIndicator ?? '')
  const conversion = ind ? statedConversion(t, c, ind, opts) : undefined
  const transposed = isTransposedHeader(t.header)
  const columns = transposed ? regionColumns(t, c) : yearColumns(t, c)
  if (c.count > before || !ind || !conversion) return undefined
  const figure = figureCheck(c, ind, conversion, opts.source ?? '')
  let afterNote = false
  return (line, cells) => {
    c.at(t, line)
    const skip = bodySkip(cells, afterNote)
    if (skip) {
      afterNote ||= skip === 'footnote'
      c.skip(skip, cells)
      return
    }
    const first = cells[0] ?? ''
    if (transposed) {
      const period = c.period(yearOf(first), first, t.columnLabels[0])
      columns.forEach((region, i) => {
        if (region !== undefined) figure(region as string, period, cells[i] ?? '', t.columnLabels[i])
      })
    } else {
      const region = c.region(first, t.columnLabels[0])
      columns.forEach((year, i) => {
        if (year !== undefined) figure(region, year as number, cells[i] ?? '', t.columnLabels[i])
      })
    }
  }
}

/** The year of each column of a wide header (undefined for the region column and blank columns). */
function yearColumns(t: TableHead, c: Collector): (number | undefined)[] {
  return t.header.map((h, i) => {
    if (i === 0) return undefined
    const y = yearOf(h)
    if (y === undefined && h.trim())
      c.issue('bad_period_header', `column header ${quoted(h)} is not a year`, t.columnLabels[i], {
        value: excerpt(h),
      })
    return y === undefined ? undefined : c.period(y, String(y), t.columnLabels[i])
  })
}

/** The region of each column of a transposed header. */
function regionColumns(t: TableHead, c: Collector): (string | undefined)[] {
  return t.header.map((h, i) => (i === 0 || !h.trim() ? undefined : c.region(h, t.columnLabels[i])))
}

/** Marks that stand for a figure not available: `…`, `...`, `—`, `–`, `-`, `－`, `..` */
const NOT_AVAILABLE = /^(?:[-—–－…]+|\.{2,3})$/

/** One cell of a wide table: missing, a figure (converted into the indicator's unit), or an issue. */
function figureCheck(c: Collector, ind: Indicator, [times, over]: readonly [number, number], source: string) {
  const note = times === over ? '' : `converted into ${ind.unit} (× ${times} ÷ ${over})`
  return (
    region: string | undefined,
    period: number | undefined,
    raw: string,
    column: string | undefined,
  ) => {
    const text = raw.trim()
    if (text === '' || NOT_AVAILABLE.test(text)) return
    const v = c.value(text, column)
    if (!region || period === undefined || v === undefined) return
    // multiply first: 12345600 万元 × 10⁴ ÷ 10⁸ is 1234.56 exactly as printed, × 10⁻⁴ is not
    const value = times === over ? v : (v * times) / over
    c.add({ region, indicator: ind.key, period, value, unit: ind.unit, source, note, vintage: null }, column)
  }
}

/**
 * The unit a table states (its unit row, else --unit) as a conversion into the indicator's unit;
 * undefined, with an issue naming the unit row, when no stated factor links them.
 */
function statedConversion(
  t: TableHead,
  c: Collector,
  ind: Indicator,
  opts: WideOptions,
): readonly [number, number] | undefined {
  const stated = t.statedUnit ?? (opts.unit ? { text: opts.unit, line: t.headerLine ?? 1 } : undefined)
  if (!stated) return [1, 1]
  const conversion = unitConversion(stated.text, ind.unit)
  if (!conversion) {
    c.at(t, stated.line)
    c.issue(
      'unit_mismatch',
      `unit ${quoted(stated.text)} does not match indicator ${ind.key} (${ind.unit}), and no stated factor converts one into the other`,
      'column' in stated ? stated.column : undefined,
    )
    c.at(t, t.headerLine ?? 1)
  }
  return conversion
}

export function validateWide(
  t: SourceTable,
  ctx: ImportContext,
  opts: WideOptions = {},
  c = new Collector(ctx),
): ValidatedTable {
  const check = wideRowCheck(t, c, opts)
  if (check) for (const { line, cells } of t.rows) check(line, cells)
  return c
}

/** Validate every table of a file with the layout each one has; a cell repeated across sheets is a duplicate too. */
export function validateTables(
  tables: SourceTable[],
  ctx: ImportContext,
  wide: WideOptions = {},
): ValidatedTable {
  const c = new Collector(ctx)
  for (const t of tables) {
    if (isLongLayout(t)) validateLong(t, ctx, c)
    else validateWide(t, ctx, wide, c)
  }
  return c
}
