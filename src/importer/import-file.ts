/**
 * One import, end to end: read the file (CSV streamed, XLSX whole), check every row, and write
 * the valid rows into a new release inside one transaction while reading. At the end the store
 * looks for duplicate cells; any issue at all rolls the transaction back, so an import is
 * all-or-nothing and earlier releases are never touched.
 */
import { createReadStream, existsSync, statSync } from 'node:fs'
import { basename, extname } from 'node:path'
import { BadInput, quoted } from '../files/bad-input.ts'
import type { SourceTable } from '../files/table.ts'
import { location } from '../files/table.ts'
import { columnLetter, readXlsxTables } from '../files/xlsx.ts'
import type { SkippedRow } from '../statistics/import/published.ts'
import { sdmxRowCheck, sdmxVersion } from '../statistics/import/sdmx.ts'
import {
  Collector,
  type ImportContext,
  type ImportIssue,
  isLongLayout,
  longRowCheck,
  MAX_LISTED_ISSUES,
  type RowCheck,
  type WideOptions,
  wideRowCheck,
} from '../statistics/import/validate.ts'
import { ISO_3166_2_CN } from '../statistics/iso-3166-cn.ts'
import type { ObservationInput } from '../statistics/observation.ts'
import { buildRegionLookup } from '../statistics/region-lookup.ts'
import type { Store } from '../store/db.ts'
import { indicatorMap } from '../store/indicators.ts'
import { ObservationBatch } from '../store/observation-batch.ts'
import type { Progress } from '../store/observations.ts'
import { regionNames } from '../store/regions.ts'
import { type ReleaseInput, type RowSink, writeRelease } from '../store/release-writer.ts'
import { findRelease, type ReleaseRow } from '../store/releases.ts'
import { CellSet } from './cell-set.ts'
import { CsvRecords } from './csv-bytes.ts'
import { CsvSyntaxError } from './csv-split.ts'
import { FastLongCheck } from './fast-long.ts'
import { SeqLocations } from './seq-locations.ts'
import { TableStart } from './table-start.ts'
import { type Encoding, looksLikeGbk, toUtf8, Utf8Check } from './text-encoding.ts'

export interface ImportOptions extends WideOptions {
  release: string
  /** publication date of the release (ISO); default today */
  publishedOn?: string
  description?: string
  dryRun?: boolean
  synthetic?: boolean
  periodRange?: [number, number]
  /** read the vintage from notes (the built-in dataset states it in words) */
  vintageFromNotes?: boolean
  kind?: string
  onProgress?: Progress
  /** whose regions the rows may be for (an uploading statistician's); a row outside is an issue */
  regionAllowed?: (code: string) => boolean
  /** start the release in approval (written with it, in one transaction) */
  approval?: ReleaseInput['approval']
  /** the CSV's text encoding (default UTF-8, checked; GBK/GB18030/Big5 decoded) */
  encoding?: Encoding
  /** SDMX-CSV: other columns' roles, column → role (`SERIES` → `indicator`) */
  map?: Record<string, string>
  /** rows from which a release gets a partition of its own (store default; tests set it low) */
  partitionRows?: number
}

/** How many figures a sheet (or CSV file) gave an indicator: what the dry run says it recognised. */
export interface TableCount {
  sheet?: string
  indicator: string
  cells: number
}

export type ImportResult =
  | {
      ok: true
      dryRun: boolean
      rows: number
      release?: ReleaseRow
      /** rows read and set aside: titles, unit rows, blank rows, footnotes */
      skipped: SkippedRow[]
      counts: TableCount[]
    }
  | { ok: false; issues: ImportIssue[]; moreIssues: number }

/** A refusal before any row is read (bad options, missing file, name taken) or of a file that cannot be read. */
export class ImportRefused extends BadInput {}
const BATCH = 5_000

export async function importContext(
  store: Store,
  opts: Pick<ImportOptions, 'periodRange' | 'vintageFromNotes'>,
): Promise<ImportContext> {
  return {
    resolveRegion: await regionLookup(store),
    indicators: await indicatorMap(store.db),
    periodRange: opts.periodRange ?? [1949, new Date().getFullYear()],
    vintageFromNotes: opts.vintageFromNotes,
  }
}

/** Region names and codes of the store, and ISO 3166-2:CN codes (`CN-HB`) of the regions it has. */
async function regionLookup(store: Store) {
  const regions = await regionNames(store.db)
  const have = new Set(regions.map((r) => r.code))
  return buildRegionLookup(
    regions,
    Object.fromEntries(Object.entries(ISO_3166_2_CN).filter(([, code]) => have.has(code))),
  )
}

export async function importFile(store: Store, path: string, opts: ImportOptions): Promise<ImportResult> {
  const publishedOn = opts.publishedOn ?? new Date().toISOString().slice(0, 10)
  if (!/^\d{4}-\d{2}-\d{2}$/.test(publishedOn) || Number.isNaN(Date.parse(publishedOn))) {
    throw new ImportRefused(`--published must be a date YYYY-MM-DD, not "${publishedOn}"`)
  }
  if (!opts.release.trim()) throw new ImportRefused('a release needs a name (--release)')
  if (!existsSync(path)) throw new ImportRefused(`${path}: no such file`)
  if (statSync(path).isDirectory()) throw new ImportRefused(`${path}: is a folder, not a file`)
  const ext = extname(path).toLowerCase()
  if (!['.csv', '.txt', '.xlsx'].includes(ext))
    throw new ImportRefused(`${path}: cannot import "${ext}" files; use .csv or .xlsx`)
  if (await findRelease(store.db, opts.release)) {
    throw new ImportRefused(
      `release "${opts.release}" exists already; a revision is a new release with its own name`,
    )
  }
  const release: ReleaseInput = {
    name: opts.release,
    publishedOn,
    kind: opts.kind ?? (opts.synthetic ? 'synthetic' : 'import'),
    synthetic: opts.synthetic ?? false,
    description: opts.description ?? '',
    sourceFile: basename(path),
    ...(opts.approval ? { approval: opts.approval } : {}),
  }
  const ctx = await importContext(store, opts)
  const locations = new SeqLocations()
  const heads: TableHead[] = []
  const where = (seq: number) => {
    const at = locations.at(seq)
    return at
      ? location(heads[at.table] ?? { file: basename(path) }, at.line)
      : `${basename(path)}: row ${seq + 1}`
  }
  const issues: ImportIssue[] = []
  const skipped: SkippedRow[] = []
  let counts: TableCount[] = []
  let more = 0
  const note = (list: ImportIssue[]) => {
    for (const i of list)
      if (issues.length < MAX_LISTED_ISSUES) issues.push(i)
      else more++
  }
  const outcome = await writeRelease(
    store,
    release,
    async (sink) => {
      const feed = new BatchFeed(sink, locations, new CellSet(ctx.periodRange))
      let c: Collector | undefined
      const allowed = opts.regionAllowed
      c = new Collector(
        ctx,
        (row) => {
          if (!allowed || allowed(row.region)) return feed.push(row)
          c?.push({
            location: location(heads[feed.table] ?? { file: basename(path) }, feed.line, 'region'),
            code: 'out_of_scope',
            message: `region ${row.region} is outside the regions you may load`,
            params: { value: row.region },
          })
        },
        false,
      )
      if (ext === '.xlsx') await feedWorkbook(path, ctx, c, feed, heads, opts)
      else await feedCsv(path, ctx, c, feed, heads, opts)
      await feed.flush()
      skipped.push(...c.skipped)
      counts = feed.counts(heads)
      note(c.issues)
      more += c.unlisted
      return { commit: c.count === 0 && !opts.dryRun, duplicatesPossible: feed.cells.unsure }
    },
    opts.partitionRows === undefined ? {} : { partitionRows: opts.partitionRows },
  )
  note(
    outcome.duplicates.map((d) => ({
      location: where(d.seq),
      code: 'duplicate_cell' as const,
      message: `the same region, indicator, period and source were given at ${where(d.firstSeq)}`,
      params: { first: where(d.firstSeq) },
    })),
  )
  if (issues.length > 0) return { ok: false, issues, moreIssues: more }
  if (outcome.rows === 0)
    return {
      ok: false,
      issues: [{ location: basename(path), code: 'empty', message: 'the file holds no figures' }],
      moreIssues: 0,
    }
  return {
    ok: true,
    dryRun: opts.dryRun ?? false,
    rows: outcome.rows,
    release: outcome.release,
    skipped,
    counts,
  }
}

/**
 * Valid rows wait here until a batch is full; each remembers where in the file it came from, and
 * its cell is marked in a bitmap so that the store only searches for duplicates when there are.
 */
class BatchFeed {
  private batch = new ObservationBatch(BATCH)
  private readonly ready: ObservationBatch[] = []
  private readonly spare: ObservationBatch[] = []
  table = 0
  line = 0
  constructor(
    private readonly sink: RowSink,
    private readonly locations: SeqLocations,
    readonly cells: CellSet,
  ) {}
  /** figures per table and indicator; a run of rows of one indicator is counted without a map lookup */
  private readonly tally: Map<string, number>[] = []
  private runIndicator = ''
  private runTable = 0
  private run = 0
  private count(indicator: string) {
    if (indicator === this.runIndicator && this.table === this.runTable) {
      this.run++
      return
    }
    this.settle()
    this.runIndicator = indicator
    this.runTable = this.table
    this.run = 1
  }
  private settle() {
    if (this.run === 0) return
    let t = this.tally[this.runTable]
    if (!t) {
      t = new Map()
      this.tally[this.runTable] = t
    }
    t.set(this.runIndicator, (t.get(this.runIndicator) ?? 0) + this.run)
    this.run = 0
  }
  counts(heads: { sheet?: string }[]): TableCount[] {
    this.settle()
    return this.tally.flatMap((t, i) =>
      [...t].map(([indicator, cells]) => ({
        ...(heads[i]?.sheet ? { sheet: heads[i]!.sheet } : {}),
        indicator,
        cells,
      })),
    )
  }
  /** a row checked by the general path (the table and line are this.table, this.line) */
  push(row: ObservationInput) {
    this.count(row.indicator)
    this.cells.add(row.region, row.indicator, row.period, row.source)
    this.locations.add(this.table, this.line)
    this.batch.push(row)
    if (this.batch.length >= BATCH) this.rotate()
  }
  /** a row checked by the fast path, its cell already marked */
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
  ) {
    this.count(indicator)
    this.locations.add(this.table, line)
    this.batch.add(region, indicator, period, value, unit, source, note, vintage)
    if (this.batch.length >= BATCH) this.rotate()
  }
  get full() {
    return this.ready.length > 0
  }
  private rotate() {
    this.ready.push(this.batch)
    this.batch = this.spare.pop() ?? new ObservationBatch(BATCH)
  }
  /** write the full batches */
  async drain() {
    for (let b = this.ready.shift(); b; b = this.ready.shift()) {
      await this.sink.writeBatch(b)
      b.clear()
      this.spare.push(b)
    }
  }
  /** write everything */
  async flush() {
    if (this.batch.length > 0) this.rotate()
    await this.drain()
  }
}

function checkFor(t: TableHead, ctx: ImportContext, c: Collector, opts: ImportOptions): RowCheck | undefined {
  if (sdmxVersion(t.header)) return sdmxRowCheck(t, ctx, c, opts.map)
  return isLongLayout(t as SourceTable) ? longRowCheck(t, ctx, c) : wideRowCheck(t, c, opts)
}
type TableHead = Parameters<typeof longRowCheck>[0]

/** CSV is read in chunks of this many bytes; each chunk's rows are written before the next is read. */
const CHUNK = 256 * 1024

async function feedCsv(
  path: string,
  ctx: ImportContext,
  c: Collector,
  feed: BatchFeed,
  heads: TableHead[],
  opts: ImportOptions,
) {
  const file = basename(path)
  const total = statSync(path).size
  let head: TableHead | undefined
  let check: RowCheck | undefined
  let fast: FastLongCheck | undefined
  let rows = 0
  const start = new TableStart({ file }, c, (i, header) => header?.[i] || `column ${i + 1}`)
  let lastLine = 1
  const onRow = (line: number, cells: string[]) => {
    if (!head) {
      lastLine = line
      head = start.offer(line, cells)
      if (!head) return
      heads.push(head)
      const general = checkFor(head, ctx, c, opts)
      if (general && isLongLayout(head as SourceTable)) {
        fast = new FastLongCheck(head.header, ctx, feed, opts.regionAllowed, general)
        check = fast.strings
      } else check = general
      return
    }
    if (!check) return
    rows++
    if (cells.length > head.header.length && extraCell(head, c, line, cells)) return
    feed.line = line
    check!(line, cells)
  }
  const records = new CsvRecords(onRow, () => fast?.bytes)
  const stream = createReadStream(path, { highWaterMark: CHUNK })
  let bytes = 0
  const encoding = opts.encoding ?? 'utf-8'
  const utf8 = encoding === 'utf-8' ? new Utf8Check() : undefined
  const decode = encoding === 'utf-8' ? undefined : toUtf8(encoding)
  try {
    for await (const raw of stream as AsyncIterable<Buffer>) {
      if (bytes === 0) refuseOtherEncodings(file, raw)
      const nul = raw.indexOf(0)
      if (nul >= 0) throw new ImportRefused(await nulMessage(path, bytes + nul))
      const bad = utf8?.push(raw) ?? -1
      if (bad >= 0) throw new ImportRefused(await notUtf8Message(path, bad))
      const chunk = decode ? decodeOrRefuse(decode, raw, file, encoding, bytes) : raw
      bytes += raw.length
      records.push(chunk)
      if (head && !check) break
      if (feed.full) {
        await feed.drain()
        opts.onProgress?.(bytes, total)
      }
    }
    if ((utf8?.end() ?? -1) >= 0) throw new ImportRefused(await notUtf8Message(path, bytes - 1))
    if (decode) records.push(decodeOrRefuse(decode, undefined, file, encoding, bytes))
    if (!head || check) records.end()
  } catch (e) {
    if (e instanceof CsvSyntaxError) throw new ImportRefused(`${file}: not a readable CSV file: ${e.message}`)
    throw e
  } finally {
    stream.destroy()
  }
  if (head && !check) return
  opts.onProgress?.(total, total)
  c.at({ file, header: [], columnLabels: [] }, 1)
  if (!head && start.passed > 0) start.noHeader(lastLine)
  else if (!head) c.issue('empty', 'the file is empty')
  else if (rows + (fast?.taken ?? 0) === 0) c.issue('empty', 'the table has a header but no rows')
}

/** A row with a value past the header's last column (an unquoted comma in a number, say) is refused. */
function extraCell(t: TableHead, c: Collector, line: number, cells: string[]): boolean {
  for (let i = t.header.length; i < cells.length; i++) {
    if (cells[i] === '') continue
    c.at(t, line)
    c.issue(
      'extra_cell',
      `the row has ${cells.length} cells but the header ${t.header.length} columns; ${quoted(cells[i]!)} is past the last one (a comma inside an unquoted value?)`,
      `column ${i + 1}`,
      { value: cells[i]!, cells: cells.length, columns: t.header.length },
    )
    return true
  }
  return false
}

async function feedWorkbook(
  path: string,
  ctx: ImportContext,
  c: Collector,
  feed: BatchFeed,
  heads: TableHead[],
  opts: ImportOptions,
) {
  const tables = await readXlsxTables(path)
  const total = tables.reduce((n, t) => n + t.rows.length, 0)
  let done = 0
  for (const whole of tables) {
    const t = findHead(whole, c)
    if (!t) continue
    feed.table = heads.push(t) - 1
    const check = checkFor(t, ctx, c, opts)
    if (!check) continue
    for (const { line, cells } of t.rows) {
      feed.line = line
      check(line, cells)
      done++
      if (feed.full) {
        await feed.drain()
        opts.onProgress?.(done, total)
      }
    }
  }
  c.at({ file: basename(path), header: [], columnLabels: [] }, 1)
  if (total === 0) c.issue('empty', 'the workbook has no rows')
}

/** A sheet with its header found below any title and unit rows (undefined, with an issue, when there is none). */
function findHead(t: SourceTable, c: Collector): SourceTable | undefined {
  const all = [{ line: t.headerLine ?? 1, cells: t.header }, ...t.rows]
  const start = new TableStart(t, c, (i) => t.columnLabels[i] ?? columnLetter(i + 1))
  for (let i = 0; i < all.length; i++) {
    const head = start.offer(all[i]!.line, all[i]!.cells)
    if (head) return { ...head, rows: all.slice(i + 1) }
  }
  start.noHeader(all.at(-1)?.line ?? 1)
  return undefined
}

/** UTF-16 and UTF-32 files announce themselves by a byte-order mark; they are refused with a way out. */
function refuseOtherEncodings(file: string, head: Buffer) {
  const bom = [
    ['UTF-32LE', [0xff, 0xfe, 0x00, 0x00]],
    ['UTF-32BE', [0x00, 0x00, 0xfe, 0xff]],
    ['UTF-16LE', [0xff, 0xfe]],
    ['UTF-16BE', [0xfe, 0xff]],
  ] as const
  for (const [name, bytes] of bom)
    if (bytes.every((b, i) => head[i] === b))
      throw new ImportRefused(
        `${file}: the file is in ${name}; save it as UTF-8 (CSV UTF-8 in Excel) and import again`,
      )
}

/** Where a NUL byte stands (line and byte), read again only on this error path. */
async function nulMessage(path: string, offset: number): Promise<string> {
  let line = 1
  let seen = 0
  for await (const chunk of createReadStream(path, {
    highWaterMark: CHUNK,
    end: offset,
  }) as AsyncIterable<Buffer>) {
    const upto = Math.min(chunk.length, offset - seen)
    for (let i = chunk.indexOf(10); i >= 0 && i < upto; i = chunk.indexOf(10, i + 1)) line++
    seen += chunk.length
  }
  return `${basename(path)}:${line}: a NUL byte (\\0) at byte ${offset + 1}; a CSV text file holds none (is it a binary file, or UTF-16 without its byte-order mark?)`
}

/** A chunk decoded to UTF-8 (or the decoder's end when `raw` is undefined), or a refusal naming the encoding. */
function decodeOrRefuse(
  decoder: ReturnType<typeof toUtf8>,
  raw: Buffer | undefined,
  file: string,
  encoding: Encoding,
  at: number,
): Buffer {
  try {
    return raw ? decoder.push(raw) : decoder.end()
  } catch {
    throw new ImportRefused(
      `${file}: not valid ${encoding.toUpperCase()} text (after byte ${at.toLocaleString('en')}); check --encoding`,
    )
  }
}

/** Where the first byte that is not UTF-8 stands, and a hint when the file reads as GBK. */
async function notUtf8Message(path: string, offset: number): Promise<string> {
  let line = 1
  let seen = 0
  const head: Buffer[] = []
  // the lines before the bad byte are counted; the bytes up to 64 KiB past it are the sample the GBK guess reads
  const end = offset + 64 * 1024
  for await (const chunk of createReadStream(path, { highWaterMark: CHUNK, end }) as AsyncIterable<Buffer>) {
    const upto = Math.max(0, Math.min(chunk.length, offset - seen))
    for (let i = chunk.indexOf(10); i >= 0 && i < upto; i = chunk.indexOf(10, i + 1)) line++
    seen += chunk.length
    head.push(chunk)
  }
  const file = basename(path)
  const where = `${file}:${line}: byte ${(offset + 1).toLocaleString('en')} is not UTF-8`
  return looksLikeGbk(Buffer.concat(head))
    ? `${where}; the file looks like GBK (GB18030) — re-run with --encoding gbk, or save it as CSV UTF-8`
    : `${where}; save the file as CSV UTF-8, or give its encoding with --encoding gbk|gb18030|big5`
}
