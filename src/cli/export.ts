import { writeFile } from 'node:fs/promises'
import { Command } from 'commander'
import { csvSafeCast } from '../files/spreadsheet-safe.ts'
import type { FigureRow } from '../store/figures.ts'
import { openSeededStore, type StoreOptions, withStoreOptions } from './context.ts'
import { CliError } from './errors.ts'

interface Opts extends StoreOptions {
  indicator: string
  region?: string
  level?: string
  from?: string
  to?: string
  asOf?: string
  format: 'csv' | 'xlsx' | 'json' | 'sdmx-csv' | 'sdmx-csv-1'
  out?: string
  preferredOnly?: boolean
}

const FORMATS: Opts['format'][] = ['csv', 'xlsx', 'json', 'sdmx-csv', 'sdmx-csv-1']

const COLUMNS: (keyof FigureRow)[] = [
  'region',
  'indicator',
  'period',
  'value',
  'unit',
  'source',
  'note',
  'vintage',
  'release',
  'releaseDate',
  'preferred',
  'derived',
  'synthetic',
  'computedAt',
]

export function exportCommand(): Command {
  return withStoreOptions(new Command('export'))
    .description('export observations (stored, derived and rolled up) as CSV, XLSX, JSON or SDMX-CSV')
    .requiredOption('--indicator <keys>', 'indicator key(s), comma-separated')
    .option('--region <codes>', 'region code(s), comma-separated')
    .option('--level <level>', 'all regions of a level: nation, macro, province, prefecture, county')
    .option('--from <year>')
    .option('--to <year>')
    .option('--as-of <date>', 'what was known on this date')
    .option('--preferred-only', 'one row per cell (the preferred one)')
    .option(
      '--format <fmt>',
      'csv, xlsx, json, sdmx-csv (SDMX-CSV 2.0; preferred figures, one per cell) or sdmx-csv-1 (SDMX-CSV 1.0)',
      'csv',
    )
    .option('--out <file>', 'output file (default stdout; required for xlsx)')
    .action(async (opts: Opts) => {
      if (!FORMATS.includes(opts.format)) throw new CliError(`--format must be ${FORMATS.join(', ')}`)
      if (opts.format === 'xlsx' && !opts.out) throw new CliError('--format xlsx needs --out <file.xlsx>')
      const year = (v: string | undefined, name: string) => {
        if (v === undefined) return undefined
        if (!/^\d{4}$/.test(v)) throw new CliError(`--${name} must be a year, not "${v}"`)
        return Number(v)
      }
      const { getFigures, UnknownIndicatorError } = await import('../store/figures.ts')
      const store = await openSeededStore(opts)
      try {
        const rows = await getFigures(store.db, {
          indicators: opts.indicator.split(','),
          regions: opts.region?.split(','),
          level: opts.level,
          from: year(opts.from, 'from'),
          to: year(opts.to, 'to'),
          asOf: opts.asOf,
          // an SDMX dataset holds one observation per series key and period
          preferredOnly: opts.preferredOnly || opts.format.startsWith('sdmx'),
        })
        await write(rows, opts)
      } catch (e) {
        if (e instanceof UnknownIndicatorError) throw new CliError(e.message)
        throw e
      } finally {
        await store.close()
      }
    })
}

async function write(rows: FigureRow[], opts: Opts) {
  if (opts.format === 'xlsx') {
    const { default: ExcelJS } = await import('exceljs')
    const wb = new ExcelJS.Workbook()
    const ws = wb.addWorksheet('observations')
    ws.columns = COLUMNS.map((k) => ({ header: k, key: k, width: k === 'source' || k === 'note' ? 40 : 14 }))
    ws.addRows(rows)
    ws.getRow(1).font = { bold: true }
    await wb.xlsx.writeFile(opts.out!)
    console.error(`${rows.length} rows written to ${opts.out}`)
    return
  }
  const { stringify } = await import('csv-stringify/sync')
  const { sdmxCsvRecords } = await import('../statistics/import/sdmx.ts')
  const text = opts.format.startsWith('sdmx')
    ? stringify(sdmxCsvRecords(rows, opts.format === 'sdmx-csv' ? '2.0' : '1.0'))
    : opts.format === 'json'
      ? `${JSON.stringify(rows, null, 1)}\n`
      : stringify(rows, { header: true, columns: COLUMNS as string[], cast: csvSafeCast })
  if (opts.out) await writeFile(opts.out, text)
  else process.stdout.write(text)
}
