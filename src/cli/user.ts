import { randomBytes } from 'node:crypto'
import { Command } from 'commander'
import { openSeededStore, type StoreOptions, withStoreOptions } from './context.ts'
import { CliError } from './errors.ts'

export const ROLES = [
  'national_planner',
  'provincial_officer',
  'statistician',
  'park_admin',
  'reviewer',
  'admin',
] as const

interface AddOpts extends StoreOptions {
  role: string
  region: string
  park?: string
  name?: string
  passwordStdin?: boolean
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = []
  for await (const c of process.stdin) chunks.push(c as Buffer)
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '')
}

export function userCommand(): Command {
  const add = withStoreOptions(new Command('add'))
    .description(
      'create a user with one role for a region scope (CN = national); prints a generated password unless --password-stdin',
    )
    .argument('<username>')
    .requiredOption('--role <role>', ROLES.join(' | '))
    .option('--region <code>', 'region scope of the role (CN for national)', 'CN')
    .option('--park <id>', 'park id, for park_admin')
    .option('--name <display>', 'display name')
    .option('--password-stdin', 'read the password from standard input')
    .action(async (username: string, opts: AddOpts) => {
      const { hashPassword, passwordProblem } = await import('../access/passwords.ts')
      const { createUser, findUserByName } = await import('../store/users.ts')
      if (!(ROLES as readonly string[]).includes(opts.role))
        throw new CliError(`--role must be one of ${ROLES.join(', ')}`)
      if (!/^[a-z0-9][a-z0-9._-]{1,63}$/i.test(username))
        throw new CliError('a user name has 2–64 letters, digits, ".", "_" or "-"')
      const generated = !opts.passwordStdin
      const password = generated ? randomBytes(15).toString('base64url') : await readStdin()
      const problem = passwordProblem(password)
      if (problem) throw new CliError(problem)
      const store = await openSeededStore(opts)
      try {
        if (await findUserByName(store.db, username)) throw new CliError(`user "${username}" exists already`)
        const user = await createUser(store.db, {
          username,
          displayName: opts.name ?? username,
          passwordHash: await hashPassword(password),
          grants: [{ role: opts.role, regionCode: opts.region, parkId: opts.park ?? null }],
          actor: `cli:${process.env.USER ?? 'operator'}`,
        })
        console.log(`created user ${user.username} (${opts.role} for ${opts.region})`)
        if (generated) console.log(`password (shown once): ${password}`)
      } finally {
        await store.close()
      }
    })
  return new Command('user').description('manage users').addCommand(add)
}
