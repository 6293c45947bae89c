/** `jueqi plan`: list, export and assess the plans held in the store. */
import { writeFile } from 'node:fs/promises'
import { Command } from 'commander'
import { statusLabel } from '../plans/assess.ts'
import { planToMarkdown } from '../plans/markdown.ts'
import { planStatuses } from '../store/plan-status.ts'
import { getPlanVersion, listPlans } from '../store/plans.ts'
import { openSeededStore, type StoreOptions, withStoreOptions } from './context.ts'
import { CliError } from './errors.ts'

async function withStore<T>(
  opts: StoreOptions,
  fn: (s: Awaited<ReturnType<typeof openSeededStore>>) => Promise<T>,
) {
  const store = await openSeededStore(opts)
  try {
    return await fn(store)
  } finally {
    await store.close()
  }
}

async function emit(text: string, out?: string) {
  if (out) await writeFile(out, text)
  else process.stdout.write(text)
}

export function planCommand(): Command {
  const cmd = new Command('plan').description(
    'plans as data: list, export, assess targets (import: see plan import)',
  )
  cmd.addCommand(
    withStoreOptions(new Command('list'))
      .description('the plans held, with their published and newest versions')
      .action(async (opts: StoreOptions) =>
        withStore(opts, async (s) => {
          for (const p of await listPlans(s.db))
            console.log(
              `${p.planId}\t${p.level}\tpublished v${p.publishedVersion ?? '-'}\tnewest v${p.latestVersion}\t${p.titleZh}`,
            )
        }),
      ),
  )
  cmd.addCommand(
    withStoreOptions(new Command('export'))
      .description('write a plan (current published version, or --version N) as JSON or Markdown')
      .argument('<id>', 'plan id, e.g. C21')
      .option('--version <n>', 'a given version')
      .option('--format <fmt>', 'json or md', 'json')
      .option('--lang <lang>', 'Markdown titles: zh or en', 'zh')
      .option('--out <file>', 'output file (default stdout)')
      .action(
        async (
          id: string,
          opts: StoreOptions & { version?: string; format: string; lang: string; out?: string },
        ) => {
          if (!['json', 'md'].includes(opts.format))
            throw new CliError(`--format "${opts.format}": expected json or md`, 2)
          if (!['zh', 'en'].includes(opts.lang))
            throw new CliError(`--lang "${opts.lang}": expected zh or en`, 2)
          const version = opts.version === undefined ? 'published' : Number(opts.version)
          if (typeof version === 'number' && !(Number.isInteger(version) && version > 0))
            throw new CliError(`--version "${opts.version}" is not a version number`, 2)
          await withStore(opts, async (s) => {
            const row = await getPlanVersion(s.db, id, version)
            if (!row)
              throw new CliError(
                `no plan "${id}"${typeof version === 'number' ? ` version ${version}` : ''}`,
                1,
              )
            const text =
              opts.format === 'json'
                ? `${JSON.stringify({ planId: row.planId, version: row.version, state: row.state, level: row.level, region: row.regionCode, tree: row.tree }, null, 2)}\n`
                : planToMarkdown(row.tree, opts.lang as 'zh' | 'en')
            await emit(text, opts.out)
          })
        },
      ),
  )
  cmd.addCommand(
    withStoreOptions(new Command('status'))
      .description("each target's status per region, with the method that gave it (tab-separated)")
      .argument('<id>', 'plan id')
      .option('--as-of <date>', 'what was known on this date')
      .option('--lang <lang>', 'zh or en', 'zh')
      .action(async (id: string, opts: StoreOptions & { asOf?: string; lang: string }) =>
        withStore(opts, async (s) => {
          const row = await getPlanVersion(s.db, id)
          if (!row) throw new CliError(`no published plan "${id}"`, 1)
          console.log(
            ['target', 'region', 'status', 'label', 'current', 'method', 'missing/reason'].join('\t'),
          )
          for (const st of await planStatuses(s.db, row.tree, opts.asOf)) {
            if (!st.indicator) continue
            const cur = st.currentYear ? `${+(st.currentValue ?? 0).toFixed(4)} (${st.currentYear})` : ''
            const why = st.missing.length ? `missing: ${st.missing.join('; ')}` : st.reason
            const label = statusLabel(st, opts.lang === 'en' ? 'en' : 'zh')
            console.log([st.targetId, st.region, st.status, label, cur, st.method, why].join('\t'))
          }
        }),
      ),
  )
  return cmd
}
