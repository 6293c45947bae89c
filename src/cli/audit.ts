/** `jueqi audit verify | log`: check the hash chain; read the trail by object, user and time. */
import { Command } from 'commander'
import { verifyChain } from '../supervision/audit.ts'
import { openSeededStore, type StoreOptions, withStoreOptions } from './context.ts'
import { CliError } from './errors.ts'

export function auditCommand(): Command {
  const cmd = new Command('audit').description('the tamper-evident audit trail')
  cmd.addCommand(
    withStoreOptions(new Command('verify'))
      .description('check every entry of the hash chain; exit 1 naming the first bad entry')
      .option('--anchor <seq:hash>', 'a checkpoint kept outside the database (catches a rewritten tail)')
      .action(async (opts: StoreOptions & { anchor?: string }) => {
        const anchor = opts.anchor ? parseAnchor(opts.anchor) : undefined
        const { readAuditChain } = await import('../store/audit.ts')
        const store = await openSeededStore(opts)
        try {
          const chain = await readAuditChain(store.db)
          const check = verifyChain(chain, anchor)
          if (!check.ok) {
            const e = chain.find((x) => x.seq === check.firstBadSeq)
            const what = e ? ` (${e.action} ${e.objectType} ${e.objectId} by ${e.actor} at ${e.at})` : ''
            throw new CliError(`audit chain broken at entry ${check.firstBadSeq}: ${check.reason}${what}`, 1)
          }
          const last = chain.at(-1)
          console.log(
            `audit chain intact: ${check.count} entries${last ? `; checkpoint ${last.seq}:${last.hash}` : ''}`,
          )
        } finally {
          await store.close()
        }
      }),
  )
  cmd.addCommand(
    withStoreOptions(new Command('log'))
      .description('entries as JSON lines, filtered by object, user and time')
      .option('--object <type:id>', 'e.g. task:T-1')
      .option('--actor <user>')
      .option('--from <iso>')
      .option('--to <iso>')
      .option('--limit <n>', 'at most n entries', '1000')
      .action(
        async (
          opts: StoreOptions & { object?: string; actor?: string; from?: string; to?: string; limit: string },
        ) => {
          const [objectType, objectId] = opts.object ? opts.object.split(':', 2) : []
          const { queryAudit } = await import('../store/audit.ts')
          const store = await openSeededStore(opts)
          try {
            const rows = await queryAudit(store.db, {
              ...(objectType ? { objectType } : {}),
              ...(objectId ? { objectId } : {}),
              ...(opts.actor ? { actor: opts.actor } : {}),
              ...(opts.from ? { from: opts.from } : {}),
              ...(opts.to ? { to: opts.to } : {}),
              limit: Number(opts.limit),
            })
            for (const r of rows) console.log(JSON.stringify(r))
          } finally {
            await store.close()
          }
        },
      ),
  )
  return cmd
}

function parseAnchor(text: string) {
  const m = /^(\d+):([0-9a-f]{64})$/.exec(text)
  if (!m) throw new CliError(`--anchor "${text}": expected <seq>:<64 hex digits>`, 2)
  return { seq: Number(m[1]), hash: m[2]! }
}
