/**
 * One import, end to end: read the file (CSV streamed, XLSX whole), check every row, and write
 * the valid rows into a new release inside one transaction while reading. At the end the store
 * looks for duplicate cells; any issue at all rolls the transaction back, so an import is
 * all-or-nothing and earlier releases are never touched.
 */
import { createReadStream, existsSync, statSync } from 'node:fs'
import { basename, extname } from 'node:path'
import type { SourceTable } from '../files/table.ts'
import { location } from '../files/table.ts'
import { readXlsxTables } from '../files/xlsx.ts'
import {
  Collector,
  type ImportContext,
  type ImportIssue,
  isLongLayout,
  longRowCheck,
  type RowCheck,
  type WideOptions,
  wideRowCheck,
} from '../statistics/import/validate.ts'
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
  /** rows from which a release gets a partition of its own (store default; tests set it low) */
  partitionRows?: number
}

export type ImportResult =
  | { ok: true; dryRun: boolean; rows: number; release?: ReleaseRow }
  | { ok: false; issues: ImportIssue[]; moreIssues: number }

/** A refusal before any row is read (bad options, missing file, name taken). */
export class ImportRefused extends Error {}

/** How many issues are listed; the rest are counted. */
export const MAX_LISTED_ISSUES = 1_000
const BATCH = 5_000

export async function importContext(
  store: Store,
  opts: Pick<ImportOptions, 'periodRange' | 'vintageFromNotes'>,
): Promise<ImportContext> {
  return {
    resolveRegion: buildRegionLookup(await regionNames(store.db)),
    indicators: await indicatorMap(store.db),
    periodRange: opts.periodRange ?? [1949, new Date().getFullYear()],
    vintageFromNotes: opts.vintageFromNotes,
  }
}

export async function importFile(store: Store, path: string, opts: ImportOptions): Promise<ImportResult> {
  const publishedOn = opts.publishedOn ?? new Date().toISOString().slice(0, 10)
  if (!/^\d{4}-\d{2}-\d{2}$/.test(publishedOn) || Number.isNaN(Date.parse(publishedOn))) {
    throw new ImportRefused(`--published must be a date YYYY-MM-DD, not "${publishedOn}"`)
  }
  if (!opts.release.trim()) throw new ImportRefused('a release needs a name (--release)')
  if (!existsSync(path)) throw new ImportRefused(`${path}: no such file`)
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
          c?.issues.push({
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
      note(c.issues)
      return { commit: c.issues.length === 0 && !opts.dryRun, duplicatesPossible: feed.cells.unsure }
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
  return { ok: true, dryRun: opts.dryRun ?? false, rows: outcome.rows, release: outcome.release }
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
  /** a row checked by the general path (the table and line are this.table, this.line) */
  push(row: ObservationInput) {
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

function checkFor(t: TableHead, ctx: ImportContext, c: Collector, opts: WideOptions): RowCheck | undefined {
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
  const onRow = (line: number, cells: string[]) => {
    if (!head) {
      const header = cells.map((h) => h.trim())
      head = { file, header, columnLabels: header.map((h, i) => h || `column ${i + 1}`) }
      heads.push(head)
      const general = checkFor(head, ctx, c, opts)
      if (general && isLongLayout(head as SourceTable)) {
        fast = new FastLongCheck(header, ctx, feed, opts.regionAllowed, general)
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
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      bytes += chunk.length
      records.push(chunk)
      if (head && !check) break
      if (feed.full) {
        await feed.drain()
        opts.onProgress?.(bytes, total)
      }
    }
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
  if (!head) c.issue('empty', 'the file is empty')
  else if (rows + (fast?.taken ?? 0) === 0) c.issue('empty', 'the table has a header but no rows')
}

/** A row with a value past the header's last column (an unquoted comma in a number, say) is refused. */
function extraCell(t: TableHead, c: Collector, line: number, cells: string[]): boolean {
  for (let i = t.header.length; i < cells.length; i++) {
    if (cells[i] === '') continue
    c.at(t, line)
    c.issue(
      'extra_cell',
      `the row has ${cells.length} cells but the header ${t.header.length} columns; "${cells[i]}" is past the last one (a comma inside an unquoted value?)`,
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
  for (const t of tables) {
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
