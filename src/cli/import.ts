import { existsSync, statSync } from 'node:fs'
import { Command } from 'commander'
import { ImportRefused, importFile } from '../importer/import-file.ts'
import { openSeededStore, type StoreOptions, withStoreOptions } from './context.ts'
import { CliError } from './errors.ts'
import { progressBar } from './progress.ts'

interface Opts extends StoreOptions {
  release: string
  published?: string
  description?: string
  dryRun?: boolean
  indicator?: string
  unit?: string
  source?: string
}

export function importCommand(): Command {
  return withStoreOptions(new Command('import'))
    .description(
      'import a CSV or XLSX file as a new release. Long layout: columns region, indicator, period (or year), value, unit[, source, note, vintage]. Wide (yearbook) layout: regions as rows, years as columns, one indicator per sheet (sheet name) or --indicator. All-or-nothing: any bad row rejects the file and every problem is listed as file:row:column.',
    )
    .argument('<file>', '.csv or .xlsx file')
    .requiredOption('--release <name>', 'name of the new release, e.g. "NBS yearbook 2025"')
    .option('--published <date>', 'publication date of the release, YYYY-MM-DD (default today)')
    .option('--description <text>', 'what the release is')
    .option('--indicator <key>', 'indicator of a wide CSV (XLSX sheets are named after their indicator)')
    .option('--unit <unit>', 'unit of a wide table, checked against the indicator')
    .option('--source <text>', 'source of a wide table')
    .option('--dry-run', 'validate only; store nothing')
    .action(async (file: string, opts: Opts) => {
      // a bar for files of more than a few thousand rows (progress is counted in bytes for CSV)
      const showBarAbove = existsSync(file) && statSync(file).size > 64 * 1024 ? 0 : Number.POSITIVE_INFINITY
      const store = await openSeededStore(opts)
      let bar: ReturnType<typeof progressBar> | undefined
      try {
        const result = await importFile(store, file, {
          release: opts.release,
          publishedOn: opts.published,
          description: opts.description,
          dryRun: opts.dryRun,
          indicator: opts.indicator,
          unit: opts.unit,
          source: opts.source,
          onProgress: (done, total) => {
            bar ??= progressBar('importing', total, showBarAbove)
            bar.update(done)
          },
        })
        bar?.stop()
        if (!result.ok) {
          for (const i of result.issues) console.error(`${i.location}: ${i.message}`)
          if (result.moreIssues > 0) console.error(`… and ${result.moreIssues} more`)
          const n = result.issues.length + result.moreIssues
          throw new CliError(`${file}: rejected, ${n} problem(s); nothing was stored`, 2)
        }
        console.log(
          result.dryRun
            ? `${file}: ${result.rows} rows are valid (dry run; nothing stored)`
            : `${file}: release "${result.release?.name}" created with ${result.rows} rows`,
        )
      } catch (e) {
        if (e instanceof ImportRefused) throw new CliError(e.message, 2)
        throw e
      } finally {
        await store.close()
      }
    })
}
