/**
 * `jueqi sharing`: the statistics-sharing ledger from the command line — list agreements, record
 * a file of outputs as a release, allocate a release, and print or save the reconciliation. It
 * runs as the operator of the installation, recorded as such in the audit trail.
 */
import { writeFile } from 'node:fs/promises'
import { extname } from 'node:path'
import { Command } from 'commander'
import type { Db } from '../store/db.ts'
import type { StoredAgreement } from '../store/sharing.ts'
import { openSeededStore, type StoreOptions, withStoreOptions } from './context.ts'
import { CliError } from './errors.ts'

const operator = () => `cli:${process.env.USER ?? 'operator'}`

async function agreementOr2(db: Db, id: string): Promise<StoredAgreement> {
  const { getAgreement } = await import('../store/sharing.ts')
  const a = await getAgreement(db, id)
  if (!a) throw new CliError(`--agreement ${id}: no such agreement`, 2)
  return a
}

const ledger = async <T>(fn: () => Promise<T>): Promise<T> => {
  try {
    return await fn()
  } catch (e) {
    const { LedgerError } = await import('../store/sharing-runs.ts')
    if (e instanceof LedgerError) throw new CliError(e.message, 1)
    throw e
  }
}

export function sharingCommand(): Command {
  const cmd = new Command('sharing').description(
    'cross-regional statistics-sharing ledger (跨区域经济统计分成)',
  )
  cmd.addCommand(
    withStoreOptions(new Command('list'))
      .description('list the agreements: id, park, origin → host, state, versions')
      .action(async (opts: StoreOptions) => {
        const { listAgreements } = await import('../store/sharing.ts')
        const { agreementState } = await import('../sharing/versions.ts')
        const store = await openSeededStore(opts)
        try {
          console.log(['id', 'park', 'origin', 'host', 'state', 'versions'].join('\t'))
          for (const a of await listAgreements(store.db))
            console.log(
              [
                a.id,
                a.parkName.zh,
                a.originRegion,
                a.hostRegion,
                agreementState(a.versions),
                a.versions.length,
              ].join('\t'),
            )
        } finally {
          await store.close()
        }
      }),
  )
  cmd.addCommand(
    withStoreOptions(new Command('record'))
      .description(
        'record a CSV/XLSX file of outputs (project, metric, period, amount[, kind, central, source, note]) as a new release',
      )
      .requiredOption('--agreement <id>', 'the agreement')
      .requiredOption('--file <path>', 'CSV or XLSX file')
      .requiredOption('--name <name>', 'name of the release, e.g. "2024年统计年报"')
      .requiredOption('--published-on <yyyy-mm-dd>', 'the day the figures were published')
      .action(
        async (
          opts: StoreOptions & { agreement: string; file: string; name: string; publishedOn: string },
        ) => {
          if (!/^\d{4}-\d{2}-\d{2}$/.test(opts.publishedOn))
            throw new CliError(`--published-on "${opts.publishedOn}": expected YYYY-MM-DD`, 2)
          const { readCsvTable } = await import('../files/csv.ts')
          const { readXlsxTables } = await import('../files/xlsx.ts')
          const { recordsFromTable } = await import('../files/sharing-records.ts')
          const { checkRecords } = await import('../sharing/outputs.ts')
          const { insertRelease } = await import('../store/sharing.ts')
          const { appendAudit } = await import('../store/audit.ts')
          const ext = extname(opts.file).toLowerCase()
          const tables = ext === '.xlsx' ? await readXlsxTables(opts.file) : [await readCsvTable(opts.file)]
          const parsed = tables.map(recordsFromTable)
          const errors = parsed.flatMap((p) => p.errors)
          if (errors.length) throw new CliError(`nothing recorded:\n${errors.slice(0, 30).join('\n')}`, 1)
          const records = parsed.flatMap((p) => p.records)
          const store = await openSeededStore(opts)
          try {
            const a = await agreementOr2(store.db, opts.agreement)
            const bad = checkRecords(records, a.versions)
            if (bad.length)
              throw new CliError(`${opts.file}: nothing recorded:\n${bad.slice(0, 30).join('\n')}`, 1)
            const at = new Date().toISOString()
            const r = await store.db.transaction(async (tx) => {
              const rel = await insertRelease(
                tx,
                {
                  agreementId: a.id,
                  name: opts.name,
                  publishedOn: opts.publishedOn,
                  recordedBy: operator(),
                  recordedAt: at,
                  sourceFile: opts.file,
                },
                records,
              )
              await appendAudit(tx, {
                action: 'sharing.outputs.recorded',
                objectType: 'agreement',
                objectId: a.id,
                region: a.hostRegion,
                actor: operator(),
                at,
                details: { releaseId: rel.id, rows: records.length, file: opts.file },
              })
              return rel
            })
            console.log(`release ${r.id}: ${records.length} records of ${a.id}`)
          } finally {
            await store.close()
          }
        },
      ),
  )
  cmd.addCommand(
    withStoreOptions(new Command('allocate'))
      .description(
        'allocate a release (default: the newest) under the versions in force; saved as a new allocation',
      )
      .requiredOption('--agreement <id>', 'the agreement')
      .option('--release <n>', 'the release of outputs to allocate')
      .action(async (opts: StoreOptions & { agreement: string; release?: string }) => {
        const release = opts.release === undefined ? undefined : Number(opts.release)
        if (release !== undefined && !Number.isInteger(release))
          throw new CliError(`--release "${opts.release}": expected a number`, 2)
        const { runAllocation } = await import('../store/sharing-runs.ts')
        const store = await openSeededStore(opts)
        try {
          const a = await agreementOr2(store.db, opts.agreement)
          const saved = await ledger(() =>
            runAllocation(store.db, a, {
              ...(release ? { releaseId: release } : {}),
              by: operator(),
              at: new Date().toISOString(),
            }),
          )
          console.log(
            `allocation ${saved.id}: release ${saved.releaseId}, versions ${saved.versions.join(', ')}`,
          )
          console.log(
            [
              'project',
              'metric',
              'period',
              'amount',
              `origin ${a.originRegion}`,
              `host ${a.hostRegion}`,
              'notes',
            ].join('\t'),
          )
          for (const r of saved.result.rows)
            console.log(
              [r.projectId, r.metric, r.period, r.amount, r.origin, r.host, r.notes.join(',')].join('\t'),
            )
        } finally {
          await store.close()
        }
      }),
  )
  cmd.addCommand(
    withStoreOptions(new Command('reconcile'))
      .description(
        'reconcile an allocation (default: the newest) against the newest records; TSV, JSON or XLSX',
      )
      .requiredOption('--agreement <id>', 'the agreement')
      .option('--allocation <n>', 'the allocation')
      .option('--format <fmt>', 'tsv, json or xlsx', 'tsv')
      .option('--out <path>', 'write to a file (required for xlsx)')
      .action(
        async (
          opts: StoreOptions & { agreement: string; allocation?: string; format: string; out?: string },
        ) => {
          if (!['tsv', 'json', 'xlsx'].includes(opts.format))
            throw new CliError(`--format "${opts.format}": expected tsv, json or xlsx`, 2)
          if (opts.format === 'xlsx' && !opts.out)
            throw new CliError('--format xlsx needs --out <file.xlsx>', 2)
          const { runReconciliation } = await import('../store/sharing-runs.ts')
          const { reconciliationXlsx } = await import('../files/reconciliation-xlsx.ts')
          const { metricName } = await import('../sharing/agreement.ts')
          const store = await openSeededStore(opts)
          try {
            const a = await agreementOr2(store.db, opts.agreement)
            const r = await ledger(() =>
              runReconciliation(store.db, a, opts.allocation ? Number(opts.allocation) : undefined),
            )
            let text: string | Buffer
            if (opts.format === 'json') text = `${JSON.stringify(r, null, 2)}\n`
            else if (opts.format === 'xlsx') {
              const names = new Map(
                a.versions.flatMap((v) => v.terms.metrics.map((m) => [m.metric, metricName(m).zh] as const)),
              )
              text = await reconciliationXlsx(r, (m) => names.get(m) ?? m)
            } else {
              const lines = [
                ['period', 'state', 'metric', 'allocated', 'origin', 'host', 'recorded', 'difference'].join(
                  '\t',
                ),
              ]
              for (const p of r.periods)
                for (const l of p.lines)
                  lines.push(
                    [
                      p.period,
                      p.state,
                      l.metric,
                      l.allocated,
                      l.origin,
                      l.host,
                      l.recorded,
                      l.difference,
                    ].join('\t'),
                  )
              lines.push(`# regional totals balance: ${r.balanced ? 'yes' : 'NO'}`)
              for (const s of r.settlements)
                lines.push(`# settlement due ${s.due} for ${s.projectId}: shortfall ${s.shortfall}`)
              text = `${lines.join('\n')}\n`
            }
            if (opts.out) await writeFile(opts.out, text)
            else process.stdout.write(text)
          } finally {
            await store.close()
          }
        },
      ),
  )
  return cmd
}
