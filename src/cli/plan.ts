/** `jueqi plan`: list, export and assess the plans held in the store. */
import { readFile, writeFile } from 'node:fs/promises'
import { basename } from 'node:path'
import { Command } from 'commander'
import type { parsePolicyText } from '../plans/parse/index.ts'
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
    'plans as data: import a policy text, list, export, target statuses',
  )
  cmd.addCommand(planImportCommand())
  cmd.addCommand(
    withStoreOptions(new Command('list'))
      .description('the plans held, with their published and newest versions')
      .action(async (opts: StoreOptions) =>
        withStore(opts, async (s) => {
          const { listPlans } = await import('../store/plans.ts')
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
          const { getPlanVersion } = await import('../store/plans.ts')
          const { planToMarkdown } = await import('../plans/markdown.ts')
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
          const { getPlanVersion } = await import('../store/plans.ts')
          const { planStatuses } = await import('../store/plan-status.ts')
          const { statusLabel } = await import('../plans/assess.ts')
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

interface ImportOpts extends StoreOptions {
  lang: string
  id?: string
  level: string
  region: string
  encoding: string
  dryRun?: boolean
  out?: string
}

/** `jueqi plan import <file>`: a numbered policy text → a draft plan version (not public until published). */
export function planImportCommand(): Command {
  return withStoreOptions(new Command('import'))
    .description(
      'parse a numbered policy document (.txt, .md, .docx) into a draft plan with target proposals',
    )
    .argument('<file>', 'the policy text')
    .option('--lang <lang>', 'zh or en', 'zh')
    .option('--id <id>', 'plan id (default: from the file name)')
    .option('--level <level>', 'national, provincial or symposium', 'provincial')
    .option('--region <code>', 'region of the plan (CN, CENTRAL, a province code)', 'CN')
    .option('--encoding <enc>', 'utf-8 or gbk', 'utf-8')
    .option('--dry-run', 'parse and report without saving')
    .option('--out <file>', 'also write the draft as JSON')
    .action(async (file: string, opts: ImportOpts) => {
      if (!['zh', 'en'].includes(opts.lang)) throw new CliError(`--lang "${opts.lang}": expected zh or en`, 2)
      if (!['national', 'provincial', 'symposium'].includes(opts.level))
        throw new CliError(`--level "${opts.level}": expected national, provincial or symposium`, 2)
      if (!['utf-8', 'utf8', 'gbk', 'gb18030'].includes(opts.encoding.toLowerCase()))
        throw new CliError(`--encoding "${opts.encoding}": expected utf-8 or gbk`, 2)
      const { docxText } = await import('../files/docx.ts')
      const { PolicyParseError, parsePolicyText } = await import('../plans/parse/index.ts')
      const { draftToTree } = await import('../plans/draft.ts')
      const bytes = await readFile(file).catch(() => {
        throw new CliError(`${file}: cannot read the file`, 2)
      })
      const name = basename(file)
      let text: string
      try {
        text = /\.docx$/i.test(file)
          ? await docxText(bytes, name)
          : new TextDecoder(opts.encoding.toLowerCase() === 'gbk' ? 'gbk' : opts.encoding).decode(bytes)
      } catch (e) {
        throw new CliError((e as Error).message, 2)
      }
      const id =
        opts.id ??
        (name
          .replace(/\.[^.]+$/, '')
          .replace(/[^A-Za-z0-9_-]+/g, '-')
          .replace(/^-+|-+$/g, '')
          .slice(0, 40) ||
          'DRAFT')
      let draft: ReturnType<typeof parsePolicyText>
      try {
        draft = parsePolicyText(text, { lang: opts.lang as 'zh' | 'en', fileName: name, planId: id })
      } catch (e) {
        if (e instanceof PolicyParseError) throw new CliError(e.message, 2)
        throw e
      }
      const tree = draftToTree(draft)
      console.log(
        `${name}: ${draft.nodeCount} nodes, ${draft.proposals.length} target proposals, ${draft.unplaced.length} unplaced lines`,
      )
      for (const u of draft.unplaced) console.log(`  unplaced line ${u.line}: ${u.reason} — ${u.text}`)
      for (const w of draft.warnings) console.log(`  warning: ${w}`)
      if (opts.out) await writeFile(opts.out, `${JSON.stringify({ ...draft, tree }, null, 2)}\n`)
      if (opts.dryRun) return
      const { PlanMetaSchema } = await import('../plans/model.ts')
      const { insertPlanVersion } = await import('../store/plans.ts')
      await withStore(opts, async (s) => {
        const meta = PlanMetaSchema.parse({
          id,
          level: opts.level,
          region: opts.region,
          issuer: '',
          date: null,
        })
        const row = await insertPlanVersion(s.db, {
          meta,
          tree,
          state: 'draft',
          note: `imported from ${name}`,
        })
        console.log(`saved draft plan ${id} version ${row.version} (not public until published)`)
      })
    })
}
