/**
 * The long-layout row check for the bulk of a CSV: what the general check would accept, taken
 * with lookups cached by the text the file writes and no object per row; any row it is not sure
 * of goes to the general check, which names the problem exactly as it always has.
 *
 * Rows come as cells (`strings`) or, for quote-free lines, as the bytes of the line (`bytes`):
 * a cell whose bytes equal the row before's keeps what was read from it then, so a sorted
 * export (one region's indicators and years in a run) decodes and looks up a region, an
 * indicator, a unit or a source only when it changes.
 */
import { findColumns, type ImportContext, type RowCheck } from '../statistics/import/validate.ts'
import type { Indicator } from '../statistics/indicators.ts'
import { sameUnit } from '../statistics/units.ts'
import { Vintage, vintageFromNote } from '../statistics/vintage.ts'
import type { CellSet } from './cell-set.ts'
import type { ByteRowCheck } from './csv-bytes.ts'

/** Where an accepted row goes (import-file.ts's BatchFeed). */
export interface FastFeed {
  line: number
  readonly cells: CellSet
  add(
    line: number,
    region: string,
    indicator: string,
    period: number,
    value: number,
    unit: string,
    source: string,
    note: string,
    vintage: string | null,
  ): void
}

interface KnownRegion {
  code: string
  id: number
  allowed: boolean
}
interface KnownIndicator {
  ind: Indicator
  id: number
  units: Map<string, boolean>
}
/** Caches keep what a file writes, so they stay small for a sound file; a broken one stops adding. */
const MAX_CACHED = 100_000
const VINTAGES = new Set<string>(Vintage)
const COMMA = 44

export class FastLongCheck {
  private readonly iRegion: number
  private readonly iIndicator: number
  private readonly iPeriod: number
  private readonly iValue: number
  private readonly iUnit: number
  private readonly iSource: number
  private readonly iNote: number
  private readonly iVintage: number
  private readonly columns: number
  private readonly regions = new Map<string, KnownRegion>()
  private readonly indicators = new Map<string, KnownIndicator>()
  private lastSource = ''
  private lastSourceId: number
  // the byte reading's state: cell starts of the line, and what the row before's cells gave
  private readonly starts: Int32Array
  private readonly seen: LastBytes[]
  private region: KnownRegion | undefined
  private indicator: KnownIndicator | undefined
  private unitOk = false
  /** rows taken as bytes */
  taken = 0
  /** the indicator unitOk was checked against */
  private unitFor: KnownIndicator | undefined
  private source = ''
  private note = ''
  private vintageText = ''

  constructor(
    header: string[],
    private readonly ctx: ImportContext,
    private readonly feed: FastFeed,
    private readonly allowed: ((code: string) => boolean) | undefined,
    private readonly general: RowCheck,
  ) {
    const col = findColumns(header)
    this.iRegion = col.region!
    this.iIndicator = col.indicator!
    this.iPeriod = col.period!
    this.iValue = col.value!
    this.iUnit = col.unit!
    this.iSource = col.source ?? -1
    this.iNote = col.note ?? -1
    this.iVintage = col.vintage ?? -1
    this.columns = header.length
    this.lastSourceId = feed.cells.sourceId('')
    this.starts = new Int32Array(this.columns + 1)
    this.seen = Array.from({ length: this.columns }, () => new LastBytes())
  }

  /** a row read as cells */
  readonly strings: RowCheck = (line, row) => {
    const r = this.knownRegion(row[this.iRegion] ?? '')
    const k = this.knownIndicator(row[this.iIndicator] ?? '')
    const period = year(row[this.iPeriod] ?? '')
    const value = plainNumber(row[this.iValue] ?? '')
    const vintageText = this.iVintage < 0 ? '' : (row[this.iVintage] ?? '')
    const [lo, hi] = this.ctx.periodRange
    if (
      r === undefined ||
      !r.allowed ||
      k === undefined ||
      period < lo ||
      period > hi ||
      value === undefined ||
      !this.unitMatches(k, row[this.iUnit] ?? '') ||
      (vintageText !== '' && !VINTAGES.has(vintageText))
    ) {
      this.feed.line = line
      return this.general(line, row)
    }
    const source = this.iSource < 0 ? '' : (row[this.iSource] ?? '')
    const note = this.iNote < 0 ? '' : (row[this.iNote] ?? '')
    this.accept(line, r, k, period, value, source, note, vintageText)
  }

  /**
   * A quote-free line as bytes [start, end): true when the row was taken; false hands it back,
   * untouched, to be read as cells (another cell count, a doubtful value, an unknown name).
   */
  readonly bytes: ByteRowCheck = (buf, start, end, line) => {
    const st = this.starts
    const last = this.columns - 1
    let n = 0
    st[0] = start
    for (let i = start; i < end; i++) {
      if (buf[i] === COMMA) {
        if (n === last) return false
        st[++n] = i + 1
      }
    }
    if (n !== last) return false
    st[this.columns] = end + 1
    const period = yearAt(buf, st[this.iPeriod]!, st[this.iPeriod + 1]! - 1)
    const [lo, hi] = this.ctx.periodRange
    if (period < lo || period > hi) return false
    const value = numberAt(buf, st[this.iValue]!, st[this.iValue + 1]! - 1)
    if (value === undefined) return false
    const regionNew = this.changed(buf, this.iRegion)
    const indicatorNew = this.changed(buf, this.iIndicator)
    if (regionNew) this.region = this.knownRegion(this.text(buf, this.iRegion))
    if (indicatorNew) this.indicator = this.knownIndicator(this.text(buf, this.iIndicator))
    const r = this.region
    const k = this.indicator
    if (r === undefined || !r.allowed || k === undefined) return false
    if (this.changed(buf, this.iUnit) || this.unitFor !== k) {
      this.unitOk = this.unitMatches(k, this.text(buf, this.iUnit))
      this.unitFor = k
    }
    if (!this.unitOk) return false
    if (this.iVintage >= 0 && this.changed(buf, this.iVintage))
      this.vintageText = this.text(buf, this.iVintage)
    if (this.vintageText !== '' && !VINTAGES.has(this.vintageText)) return false
    if (this.iSource >= 0 && this.changed(buf, this.iSource)) this.source = this.text(buf, this.iSource)
    if (this.iNote >= 0 && this.changed(buf, this.iNote)) this.note = this.text(buf, this.iNote)
    this.accept(line, r, k, period, value, this.source, this.note, this.vintageText)
    this.taken++
    return true
  }

  private accept(
    line: number,
    r: KnownRegion,
    k: KnownIndicator,
    period: number,
    value: number,
    source: string,
    note: string,
    vintageText: string,
  ) {
    const cells = this.feed.cells
    if (source !== this.lastSource) {
      this.lastSource = source
      this.lastSourceId = cells.sourceId(source)
    }
    cells.addIds(r.id, k.id, period, this.lastSourceId)
    const vintage =
      vintageText !== '' ? vintageText : this.ctx.vintageFromNotes ? vintageFromNote(note) : null
    this.feed.add(line, r.code, k.ind.key, period, value, k.ind.unit, source, note, vintage)
  }

  /** whether cell i's bytes differ from the row before's (and remember them) */
  private changed(buf: Buffer, i: number): boolean {
    return this.seen[i]!.update(buf, this.starts[i]!, this.starts[i + 1]! - 1)
  }

  /** cell i as the cell reader gives it: decoded and trimmed */
  private text(buf: Buffer, i: number): string {
    return buf.toString('utf8', this.starts[i]!, this.starts[i + 1]! - 1).trim()
  }

  private knownRegion(text: string): KnownRegion | undefined {
    let r = this.regions.get(text)
    if (r === undefined) {
      const code = this.ctx.resolveRegion(text)
      if (code === undefined || this.regions.size >= MAX_CACHED) return undefined
      r = { code, id: this.feed.cells.regionId(code), allowed: !this.allowed || this.allowed(code) }
      this.regions.set(text, r)
    }
    return r
  }

  private knownIndicator(text: string): KnownIndicator | undefined {
    let k = this.indicators.get(text)
    if (k === undefined) {
      const ind = this.ctx.indicators.get(text)
      if (!ind || ind.formula || this.indicators.size >= MAX_CACHED) return undefined
      k = { ind, id: this.feed.cells.indicatorId(ind.key), units: new Map() }
      this.indicators.set(text, k)
    }
    return k
  }

  private unitMatches(k: KnownIndicator, text: string): boolean {
    let ok = k.units.get(text)
    if (ok === undefined) {
      ok = sameUnit(text, k.ind.unit)
      if (k.units.size < 1_000) k.units.set(text, ok)
    }
    return ok
  }
}

/** The bytes a cell had in the row before. */
class LastBytes {
  private bytes = new Uint8Array(32)
  private length = -1
  /** true if buf[from, to) differs from the bytes kept, which it then replaces */
  update(buf: Buffer, from: number, to: number): boolean {
    const n = to - from
    const kept = this.bytes
    if (n === this.length) {
      let k = 0
      while (k < n && kept[k] === buf[from + k]) k++
      if (k === n) return false
    }
    if (n > kept.length) this.bytes = new Uint8Array(Math.max(n, kept.length * 2))
    const into = this.bytes
    for (let k = 0; k < n; k++) into[k] = buf[from + k]!
    this.length = n
    return true
  }
}

/** A four-digit year, or -1 (the general check reads "2020年" and names what is wrong). */
function year(s: string): number {
  if (s.length !== 4) return -1
  let y = 0
  for (let i = 0; i < 4; i++) {
    const d = s.charCodeAt(i) - 48
    if (d < 0 || d > 9) return -1
    y = y * 10 + d
  }
  return y
}

/** The same, from bytes [from, to). */
function yearAt(buf: Buffer, from: number, to: number): number {
  if (to - from !== 4) return -1
  let y = 0
  for (let i = from; i < to; i++) {
    const d = buf[i]! - 48
    if (d < 0 || d > 9) return -1
    y = y * 10 + d
  }
  return y
}

/**
 * A number written plainly, [+-]digits[.digits], or undefined: what parseNumber reads the same
 * way (thousands separators, exponents and other spellings go to the general check).
 */
export function plainNumber(s: string): number | undefined {
  const n = s.length
  if (n === 0 || n > 30) return undefined
  let i = 0
  const c0 = s.charCodeAt(0)
  if (c0 === 45 || c0 === 43) i = 1
  let digits = 0
  let dot = false
  for (; i < n; i++) {
    const c = s.charCodeAt(i)
    if (c >= 48 && c <= 57) digits++
    else if (c === 46 && !dot) dot = true
    else return undefined
  }
  return digits > 0 ? Number(s) : undefined
}

const POW10 = Array.from({ length: 23 }, (_, i) => 10 ** i)

/**
 * plainNumber of bytes [from, to), with the same result. With at most 15 significant digits and
 * 22 decimals, digits / 10^decimals divides two exactly represented doubles, so its one rounding
 * is the correctly rounded value Number() gives (Clinger 1990, "How to read floating point
 * numbers accurately", the fast path); anything longer is read by Number().
 */
export function numberAt(buf: Buffer, from: number, to: number): number | undefined {
  const n = to - from
  if (n === 0 || n > 30) return undefined
  let i = from
  const c0 = buf[from]!
  const negative = c0 === 45
  if (negative || c0 === 43) i++
  let digits = 0
  let significant = 0
  let decimals = 0
  let dot = false
  let m = 0
  for (; i < to; i++) {
    const c = buf[i]!
    if (c >= 48 && c <= 57) {
      digits++
      if (dot) decimals++
      if (m !== 0 || c !== 48) significant++
      m = m * 10 + (c - 48)
    } else if (c === 46 && !dot) dot = true
    else return undefined
  }
  if (digits === 0) return undefined
  if (significant > 15 || decimals > 22) return Number(buf.toString('latin1', from, to))
  const v = m / POW10[decimals]!
  return negative ? -v : v
}
