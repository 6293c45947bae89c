/**
 * One import, end to end: read the file (CSV streamed, XLSX whole), check every row, and write
 * the valid rows into a new release inside one transaction while reading. At the end the store
 * looks for duplicate cells; any issue at all rolls the transaction back, so an import is
 * all-or-nothing and earlier releases are never touched.
 */
import { createReadStream, existsSync, statSync } from 'node:fs'
import { basename, extname } from 'node:path'
import { parse } from 'csv-parse'
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
import type { Progress } from '../store/observations.ts'
import { regionNames } from '../store/regions.ts'
import { type ReleaseInput, type RowSink, writeRelease } from '../store/release-writer.ts'
import { findRelease, type ReleaseRow } from '../store/releases.ts'
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
  const outcome = await writeRelease(store, release, async (sink) => {
    const feed = new BatchFeed(sink, locations)
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
        })
      },
      false,
    )
    if (ext === '.xlsx') await feedWorkbook(path, ctx, c, feed, heads, opts)
    else await feedCsv(path, ctx, c, feed, heads, opts)
    await feed.flush()
    note(c.issues)
    return { commit: c.issues.length === 0 && !opts.dryRun }
  })
  note(
    outcome.duplicates.map((d) => ({
      location: where(d.seq),
      code: 'duplicate_cell' as const,
      message: `the same region, indicator, period and source were given at ${where(d.firstSeq)}`,
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

/** Valid rows wait here until a batch is full; each remembers where in the file it came from. */
class BatchFeed {
  private pending: ObservationInput[] = []
  private where: number[] = []
  table = 0
  line = 0
  constructor(
    private readonly sink: RowSink,
    private readonly locations: SeqLocations,
  ) {}
  push(row: ObservationInput) {
    this.pending.push(row)
    this.where.push(this.table, this.line)
  }
  get full() {
    return this.pending.length >= BATCH
  }
  async flush() {
    if (this.pending.length === 0) return
    for (let i = 0; i < this.where.length; i += 2) this.locations.add(this.where[i]!, this.where[i + 1]!)
    const rows = this.pending
    this.pending = []
    this.where = []
    await this.sink.write(rows)
  }
}

function checkFor(t: TableHead, ctx: ImportContext, c: Collector, opts: WideOptions): RowCheck | undefined {
  return isLongLayout(t as SourceTable) ? longRowCheck(t, ctx, c) : wideRowCheck(t, c, opts)
}
type TableHead = Parameters<typeof longRowCheck>[0]

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
  const parser = createReadStream(path).pipe(
    parse({ bom: true, info: true, relax_column_count: true, skip_empty_lines: true, trim: true }),
  )
  let check: RowCheck | undefined
  let head = true
  let rows = 0
  try {
    for await (const { record, info } of parser as AsyncIterable<{
      record: string[]
      info: { lines: number; bytes: number }
    }>) {
      if (head) {
        head = false
        const header = record.map((h) => h.trim())
        heads.push({ file, header, columnLabels: header.map((h, i) => h || `column ${i + 1}`) })
        check = checkFor(heads[0]!, ctx, c, opts)
        if (!check) return
        continue
      }
      rows++
      feed.line = info.lines
      check!(info.lines, record)
      if (feed.full) {
        await feed.flush()
        opts.onProgress?.(info.bytes, total)
      }
    }
  } catch (e) {
    throw new ImportRefused(`${file}: not a readable CSV file: ${(e as Error).message}`)
  }
  opts.onProgress?.(total, total)
  c.at({ file, header: [], columnLabels: [] }, 1)
  if (head) c.issue('empty', 'the file is empty')
  else if (rows === 0) c.issue('empty', 'the table has a header but no rows')
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
        await feed.flush()
        opts.onProgress?.(done, total)
      }
    }
  }
  c.at({ file: basename(path), header: [], columnLabels: [] }, 1)
  if (total === 0) c.issue('empty', 'the workbook has no rows')
}
