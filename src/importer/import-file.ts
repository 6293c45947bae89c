/**
 * One import, end to end: read the file (CSV or XLSX), validate every row against the
 * catalogue, and only if nothing is wrong create the release with all its rows in one
 * transaction. The earlier releases are never touched.
 */
import { existsSync } from 'node:fs'
import { extname } from 'node:path'
import { readCsvTable } from '../files/csv.ts'
import type { SourceTable } from '../files/table.ts'
import { readXlsxTables } from '../files/xlsx.ts'
import { type ImportIssue, validateTables, type WideOptions } from '../statistics/import/validate.ts'
import { buildRegionLookup } from '../statistics/region-lookup.ts'
import type { Store } from '../store/db.ts'
import { indicatorMap } from '../store/indicators.ts'
import { createReleaseWithRows, type Progress } from '../store/observations.ts'
import { regionNames } from '../store/regions.ts'
import { findRelease, type ReleaseRow } from '../store/releases.ts'

export interface ImportOptions extends WideOptions {
  release: string
  /** publication date of the release (ISO); default today */
  publishedOn?: string
  description?: string
  dryRun?: boolean
  synthetic?: boolean
  periodRange?: [number, number]
  onProgress?: Progress
}

export type ImportResult =
  | { ok: true; dryRun: boolean; rows: number; release?: ReleaseRow }
  | { ok: false; issues: ImportIssue[] }

export class ImportRefused extends Error {}

export async function readTables(path: string): Promise<SourceTable[]> {
  if (!existsSync(path)) throw new ImportRefused(`${path}: no such file`)
  const ext = extname(path).toLowerCase()
  if (ext === '.csv' || ext === '.txt') return [await readCsvTable(path)]
  if (ext === '.xlsx') return readXlsxTables(path)
  throw new ImportRefused(`${path}: cannot import "${ext}" files; use .csv or .xlsx`)
}

export async function importFile(store: Store, path: string, opts: ImportOptions): Promise<ImportResult> {
  const publishedOn = opts.publishedOn ?? new Date().toISOString().slice(0, 10)
  if (!/^\d{4}-\d{2}-\d{2}$/.test(publishedOn) || Number.isNaN(Date.parse(publishedOn))) {
    throw new ImportRefused(`--published must be a date YYYY-MM-DD, not "${publishedOn}"`)
  }
  if (!opts.release.trim()) throw new ImportRefused('a release needs a name (--release)')
  if (await findRelease(store.db, opts.release)) {
    throw new ImportRefused(
      `release "${opts.release}" exists already; a revision is a new release with its own name`,
    )
  }
  const tables = await readTables(path)
  const { db } = store
  const result = validateTables(
    tables,
    {
      resolveRegion: buildRegionLookup(await regionNames(db)),
      indicators: await indicatorMap(db),
      periodRange: opts.periodRange ?? [1949, new Date().getFullYear()],
    },
    opts,
  )
  if (result.issues.length > 0) return { ok: false, issues: result.issues }
  if (result.rows.length === 0)
    return { ok: false, issues: [{ location: path, code: 'empty', message: 'the file holds no figures' }] }
  if (opts.dryRun) return { ok: true, dryRun: true, rows: result.rows.length }
  const release = await createReleaseWithRows(
    db,
    {
      name: opts.release,
      publishedOn,
      kind: opts.synthetic ? 'synthetic' : 'import',
      synthetic: opts.synthetic ?? false,
      description: opts.description ?? '',
      sourceFile: path,
    },
    result.rows,
    opts.onProgress,
  )
  return { ok: true, dryRun: false, rows: result.rows.length, release }
}
