/**
 * `jueqi user list|add|disable|enable|reset-password|set-role`: the account use cases of
 * src/app/users.ts at the terminal. Writes run as `--as USER` (checked like the API) or as the
 * operator of the installation (recorded as cli:<login name>).
 */
import { Command } from 'commander'
import type { Actor, GrantableRole } from '../app/users.ts'
import type { Db } from '../store/db.ts'
import { openSeededStore, type StoreOptions, withStoreOptions } from './context.ts'
import { CliError } from './errors.ts'

/** The roles an account may be given (every one but the anonymous public). */
/** The roles an account may be given (app/users.ts GRANTABLE_ROLES; written out so --help loads no store, tested equal). */
export const ROLES: readonly GrantableRole[] = [
  'national_planner',
  'provincial_officer',
  'statistician',
  'park_admin',
  'reviewer',
  'admin',
]

interface ActOpts extends StoreOptions {
  as?: string
}

interface GrantOpts extends ActOpts {
  role: string
  region: string
  park?: string
  name?: string
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = []
  for await (const c of process.stdin) chunks.push(c as Buffer)
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '')
}

function roleOf(role: string): GrantableRole {
  if (!(ROLES as readonly string[]).includes(role))
    throw new CliError(`--role must be one of ${ROLES.join(', ')}`, 2)
  return role as GrantableRole
}

/** Open the store, resolve the actor, run; a use case's refusal becomes a CLI error. */
async function withActor(opts: ActOpts, run: (db: Db, actor: Actor) => Promise<void>): Promise<void> {
  const { Refusal } = await import('../app/errors.ts')
  const { actingUser } = await import('./acting-user.ts')
  const store = await openSeededStore(opts)
  try {
    const user = await actingUser(store.db, opts.as)
    const actor: Actor = user
      ? { kind: 'user', user }
      : { kind: 'operator', name: `cli:${process.env.USER ?? 'operator'}` }
    await run(store.db, actor)
  } catch (e) {
    if (e instanceof Refusal) throw new CliError(e.message)
    throw e
  } finally {
    await store.close()
  }
}

const acting = (cmd: Command) =>
  withStoreOptions(cmd).option('--as <username>', 'act as this administrator (default: the operator)')

function listCmd(): Command {
  return acting(new Command('list'))
    .description('the accounts: user name, display name, role, region scope, park, status (tab-separated)')
    .action(async (opts: ActOpts) =>
      withActor(opts, async (db, actor) => {
        const { listUsers } = await import('../app/users.ts')
        const { regionNames } = await import('../store/regions.ts')
        const names = new Map((await regionNames(db)).map((r) => [r.code, r.nameZh]))
        for (const u of await listUsers({ db, actor })) {
          const grants = u.grants.map(
            (g) => `${g.role}\t${g.regionCode} ${names.get(g.regionCode) ?? ''}\t${g.parkId ?? ''}`,
          )
          console.log(
            [u.username, u.displayName, grants.join('; ') || '-', u.disabled ? 'disabled' : 'active'].join(
              '\t',
            ),
          )
        }
      }),
    )
}

function addCmd(): Command {
  return acting(new Command('add'))
    .description(
      'create a user with one role for a region scope (CN = national); prints a generated password once unless --password-stdin',
    )
    .argument('<username>')
    .requiredOption('--role <role>', ROLES.join(' | '))
    .option('--region <code>', 'region scope of the role (CN for national)', 'CN')
    .option('--park <id>', 'park id, for park_admin')
    .option('--name <display>', 'display name')
    .option('--password-stdin', 'read the password from standard input')
    .action(async (username: string, opts: GrantOpts & { passwordStdin?: boolean }) => {
      const role = roleOf(opts.role)
      const password = opts.passwordStdin ? await readStdin() : undefined
      await withActor(opts, async (db, actor) => {
        const { createUser } = await import('../app/users.ts')
        const r = await createUser({
          db,
          actor,
          input: {
            username,
            role,
            regionCode: opts.region,
            parkId: opts.park ?? null,
            ...(opts.name ? { displayName: opts.name } : {}),
            ...(password === undefined ? {} : { password }),
          },
        })
        console.log(`created user ${r.user.username} (${role} for ${opts.region})`)
        if (r.password) console.log(`password (shown once): ${r.password}`)
      })
    })
}

function disableCmd(disabled: boolean): Command {
  return acting(new Command(disabled ? 'disable' : 'enable'))
    .description(
      disabled ? 'disable an account: it cannot sign in and its sessions end' : 'enable an account again',
    )
    .argument('<username>')
    .action(async (username: string, opts: ActOpts) =>
      withActor(opts, async (db, actor) => {
        const { setDisabled } = await import('../app/users.ts')
        const r = await setDisabled({ db, actor, input: { username, disabled } })
        const what = disabled ? 'disabled' : 'enabled'
        console.log(r.changed ? `${username} ${what}` : `${username} was already ${what}`)
      }),
    )
}

function resetCmd(): Command {
  return acting(new Command('reset-password'))
    .description('a new password for an account, printed once unless --password-stdin; its sessions end')
    .argument('<username>')
    .option('--password-stdin', 'read the new password from standard input')
    .action(async (username: string, opts: ActOpts & { passwordStdin?: boolean }) => {
      const password = opts.passwordStdin ? await readStdin() : undefined
      await withActor(opts, async (db, actor) => {
        const { resetPassword } = await import('../app/users.ts')
        const r = await resetPassword({
          db,
          actor,
          input: { username, ...(password === undefined ? {} : { password }) },
        })
        console.log(`password of ${username} reset`)
        if (r.password) console.log(`password (shown once): ${r.password}`)
      })
    })
}

function setRoleCmd(): Command {
  return acting(new Command('set-role'))
    .description("set an account's one role and region scope (replaces its grants)")
    .argument('<username>')
    .requiredOption('--role <role>', ROLES.join(' | '))
    .option('--region <code>', 'region scope of the role (CN for national)', 'CN')
    .option('--park <id>', 'park id, for park_admin')
    .option('--name <display>', 'new display name')
    .action(async (username: string, opts: GrantOpts) => {
      const role = roleOf(opts.role)
      await withActor(opts, async (db, actor) => {
        const { setGrant } = await import('../app/users.ts')
        await setGrant({
          db,
          actor,
          input: {
            username,
            role,
            regionCode: opts.region,
            parkId: opts.park ?? null,
            ...(opts.name ? { displayName: opts.name } : {}),
          },
        })
        console.log(`${username} is now ${role} for ${opts.region}`)
      })
    })
}

export function userCommand(): Command {
  return new Command('user')
    .description('manage accounts: list, add, disable, enable, reset-password, set-role')
    .addCommand(listCmd())
    .addCommand(addCmd())
    .addCommand(disableCmd(true))
    .addCommand(disableCmd(false))
    .addCommand(resetCmd())
    .addCommand(setRoleCmd())
}
