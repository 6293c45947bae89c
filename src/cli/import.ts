import { existsSync, statSync } from 'node:fs'
import { basename } from 'node:path'
import { Command } from 'commander'
import type { User } from '../supervision/roles.ts'
import { openSeededStore, type StoreOptions, withStoreOptions } from './context.ts'
import { CliError } from './errors.ts'
import type { progressBar } from './progress.ts'

interface Opts extends StoreOptions {
  release: string
  published?: string
  description?: string
  dryRun?: boolean
  indicator?: string
  unit?: string
  source?: string
  as?: string
  region?: string
  encoding?: string
  map?: Record<string, string>
}

/** `--map SERIES=indicator`, repeatable: a column of an SDMX-CSV file and the role it plays. */
function columnRole(text: string, prev: Record<string, string> = {}): Record<string, string> {
  const m = /^([^=]+)=(region|indicator|period|value|unit|source|note|vintage)$/i.exec(text.trim())
  if (!m)
    throw new CliError(
      `--map ${text}: write COLUMN=role, the role one of region, indicator, period, value, unit, source, note, vintage`,
      2,
    )
  return { ...prev, [m[1]!.trim()]: m[2]!.toLowerCase() }
}

export function importCommand(): Command {
  return withStoreOptions(new Command('import'))
    .description(
      'import a CSV or XLSX file as a new release. SDMX-CSV 2.0 (STRUCTURE,STRUCTURE_ID,ACTION,…) and 1.0 (DATAFLOW,…) are recognised by their header; REF_AREA may be a GB/T 2260 or an ISO 3166-2:CN code (CN-HB). Long layout: columns region, indicator, period (or year), value, unit[, source, note, vintage]. Wide (yearbook) layout: regions as rows, years as columns (or transposed: years as rows), one indicator per sheet (sheet name) or --indicator; title, unit (单位：…), blank and footnote rows (注：, 资料来源：, 数据来源：) around the table are skipped and listed, and a stated unit is converted where the factor is known (亿元↔万元, 万人↔人). All-or-nothing: any bad row rejects the file and every problem is listed as file:row:column.',
    )
    .argument('<file>', '.csv or .xlsx file')
    .requiredOption('--release <name>', 'name of the new release, e.g. "NBS yearbook 2025"')
    .option('--published <date>', 'publication date of the release, YYYY-MM-DD (default today)')
    .option('--description <text>', 'what the release is')
    .option('--indicator <key>', 'indicator of a wide CSV (XLSX sheets are named after their indicator)')
    .option('--unit <unit>', 'unit of a wide table, checked against the indicator')
    .option('--source <text>', 'source of a wide table')
    .option('--encoding <enc>', 'text encoding of a CSV: utf-8 (default, checked), gbk, gb18030 or big5')
    .option(
      '--map <COLUMN=role>',
      'SDMX-CSV: the role of a column (default INDICATOR=indicator; REF_AREA, TIME_PERIOD, OBS_VALUE, UNIT_MEASURE, OBS_STATUS map by themselves); repeatable',
      columnRole,
    )
    .option('--dry-run', 'validate only; store nothing')
    .option(
      '--as <username>',
      'load as this account: every row must be in its regions, and the release starts in approval',
    )
    .option(
      '--region <code>',
      "with --as: the region the release covers (default: the account's first statistics region)",
    )
    .action(async (file: string, opts: Opts) => {
      // a bar for files of more than a few thousand rows (progress is counted in bytes for CSV)
      const showBarAbove = existsSync(file) && statSync(file).size > 64 * 1024 ? 0 : Number.POSITIVE_INFINITY
      const { parseEncoding } = await import('../importer/text-encoding.ts')
      const encoding = parseEncoding(opts.encoding)
      if (opts.encoding !== undefined && !encoding)
        throw new CliError(`--encoding "${opts.encoding}": expected utf-8, gbk, gb18030 or big5`, 2)
      const { importFile } = await import('../importer/import-file.ts')
      const { appendAudit } = await import('../store/audit.ts')
      const { actingUser } = await import('./acting-user.ts')
      const { progressBar } = await import('./progress.ts')
      const { SKIP_REASONS } = await import('../statistics/import/published.ts')
      const store = await openSeededStore(opts)
      let bar: ReturnType<typeof progressBar> | undefined
      try {
        const user = await actingUser(store.db, opts.as)
        const scoped: Partial<Awaited<ReturnType<typeof scopeFor>>> = user
          ? await scopeFor(user, opts.region)
          : {}
        const result = await importFile(store, file, {
          ...scoped,
          release: opts.release,
          publishedOn: opts.published,
          description: opts.description,
          dryRun: opts.dryRun,
          ...(encoding ? { encoding } : {}),
          indicator: opts.indicator,
          unit: opts.unit,
          source: opts.source,
          ...(opts.map ? { map: opts.map } : {}),
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
        if (user && result.release && scoped.approval) {
          const base = {
            objectType: 'release' as const,
            objectId: String(result.release.id),
            region: scoped.approval.regionCode,
            actor: user.id,
            at: scoped.approval.updatedAt,
          }
          await store.db.transaction(async (tx) => {
            await appendAudit(tx, {
              ...base,
              action: 'release.imported',
              details: { rows: result.rows, file: basename(file) },
            })
            await appendAudit(tx, { ...base, action: 'release.submitted', details: {} })
          })
        }
        for (const k of result.skipped)
          console.log(`${k.location}: skipped, ${SKIP_REASONS[k.reason]}: ${k.text}`)
        if (result.dryRun)
          for (const n of result.counts)
            console.log(`${n.sheet ? `[${n.sheet}] ` : ''}${n.indicator}: ${n.cells} cells`)
        console.log(
          result.dryRun
            ? `${file}: ${result.rows} rows are valid (dry run; nothing stored)`
            : `${file}: release "${result.release?.name}" created with ${result.rows} rows${user ? ', pending approval' : ''}`,
        )
      } finally {
        await store.close()
      }
    })
}

/** The permission check and the approval start for an import made on behalf of an account. */
async function scopeFor(user: User, regionOpt?: string) {
  const { can, DENY_MESSAGES } = await import('../supervision/permissions.ts')
  const { defaultApprovalChain, releaseStatus, startApproval, submit } = await import(
    '../supervision/approval.ts'
  )
  const region =
    regionOpt ??
    user.grants.find((g) => g.role === 'statistician' || g.role === 'provincial_officer')?.regions[0]
  if (!region)
    throw new CliError(
      `--as ${user.id}: the account loads no statistics (no statistician role); give --region`,
      2,
    )
  const d = can(user, 'observation.import', { kind: 'release', regionCode: region, state: 'draft' })
  if (!d.allowed)
    throw new CliError(
      `--as ${user.id}: not allowed to load statistics for ${region}: ${DENY_MESSAGES[d.reason]}`,
      2,
    )
  const at = new Date().toISOString()
  const s = submit(startApproval({ levels: defaultApprovalChain(region), acceptAtTop: true }), user.id, at)
  if (!s.ok) throw new CliError(s.message, 2)
  return {
    regionAllowed: (code: string) =>
      can(user, 'observation.import', { kind: 'release', regionCode: code, state: 'draft' }).allowed &&
      (code === region || code.startsWith(region)),
    approval: { regionCode: region, status: releaseStatus(s.state), state: s.state, updatedAt: at },
  }
}
