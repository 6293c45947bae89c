/**
 * `jueqi` starts at once: it runs its build (scripts/build-cli.mjs) while that is current, and
 * `--help`, every `<command> --help` and `method entropy` load no package but commander and
 * csv-parse (every command imports its store, server and file modules in its action). What a
 * process loads is recorded by a module resolve hook in the child (`--import`), not timed.
 */
import { execFile } from 'node:child_process'
import { readFileSync, utimesSync, writeFileSync } from 'node:fs'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildProgram } from './main.ts'

const run = promisify(execFile)
const MEXICO = '../shared/data/reference/mexico.csv'
const MANIFEST = 'dist/cli/current.json'
/** What the command definitions and the method commands may load. */
const LIGHT = ['commander', 'csv-parse']
let dir: string

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'jueqi-startup-'))
  writeFileSync(
    join(dir, 'hooks.mjs'),
    `import { appendFileSync } from 'node:fs'
export async function resolve(specifier, context, next) {
  const r = await next(specifier, context)
  appendFileSync(process.env.JUEQI_TRACE, r.url + '\\n')
  return r
}\n`,
  )
  writeFileSync(
    join(dir, 'register.mjs'),
    `import { register } from 'node:module'\nregister('./hooks.mjs', import.meta.url)\n`,
  )
  await run(process.execPath, ['bin/jueqi.mjs', '--help']) // builds the CLI if a source changed
})
afterAll(async () => rm(dir, { recursive: true, force: true }))

let traces = 0
/** Runs `jueqi args…` and returns the packages and the source files it loaded. */
async function loaded(args: string[], env: Record<string, string> = {}) {
  const trace = join(dir, `trace-${++traces}.txt`)
  writeFileSync(trace, '')
  const { stdout } = await run(
    process.execPath,
    ['--import', join(dir, 'register.mjs'), 'bin/jueqi.mjs', ...args],
    { env: { ...process.env, ...env, JUEQI_TRACE: trace } },
  )
  const urls = (await readFile(trace, 'utf8')).split('\n').filter(Boolean)
  const packages = new Set(
    urls.flatMap((u) => {
      const m = /\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(u)
      return m ? [m[1]!] : []
    }),
  )
  const sources = urls.filter((u) => u.includes('/src/')).map((u) => u.replace(/.*\/src\//, 'src/'))
  return { packages: [...packages].sort(), sources, stdout }
}

describe('jueqi start-up', () => {
  const commands = buildProgram().commands.map((c) => c.name())

  it('knows every command (a new one is checked here too)', () => {
    expect(commands).toEqual(expect.arrayContaining(['serve', 'import', 'method', 'user', 'sharing']))
  })

  it('runs --help from the build, loading only commander and csv-parse', async () => {
    const r = await loaded(['--help'])
    expect(r.packages).toContain('commander')
    expect(r.packages.filter((p) => !LIGHT.includes(p))).toEqual([])
    expect(r.sources).toEqual([]) // nothing compiled from src/: the build ran
    expect(r.stdout).toContain('Commands:')
  })

  it.each(commands)('runs `%s --help` without loading the store, the server or file libraries', async (c) => {
    const r = await loaded([c, '--help'])
    expect(r.packages.filter((p) => !LIGHT.includes(p))).toEqual([])
    expect(r.stdout).toContain(`Usage: jueqi ${c}`)
  })

  it('runs a method on a small CSV loading only commander and csv-parse', async () => {
    const r = await loaded(['method', 'entropy', '--input', MEXICO])
    expect(r.packages).toEqual(LIGHT)
    const out = JSON.parse(r.stdout) as { weights: number[] }
    expect(out.weights.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12)
  })

  it('keeps the sources as light when they run through tsx (JUEQI_CLI=tsx)', async () => {
    const fromSources = await loaded(['--help'], { JUEQI_CLI: 'tsx' })
    expect(fromSources.packages.filter((p) => !['tsx', 'esbuild', ...LIGHT].includes(p))).toEqual([])
    expect(fromSources.sources).toContain('src/cli/main.ts')
    expect(fromSources.sources.filter((s) => /^src\/(store|server|importer|evaluation)\//.test(s))).toEqual(
      [],
    )
    const fromBuild = await loaded(['--help'])
    expect(fromBuild.stdout).toBe(fromSources.stdout)
  })

  it('builds again when a source it was built from changes, and never runs the old build', async () => {
    const before = JSON.parse(readFileSync(MANIFEST, 'utf8')) as {
      id: string
      inputs: Record<string, string>
    }
    expect(Object.keys(before.inputs)).toContain('src/cli/errors.ts')
    // a new modification time, as an edit gives (the content stays; older than the build's 2 s guard)
    const t = new Date(Date.now() - 5_000)
    utimesSync('src/cli/errors.ts', t, t)
    const r = await loaded(['--help'])
    expect(r.stdout).toContain('Commands:')
    const after = JSON.parse(readFileSync(MANIFEST, 'utf8')) as { id: string }
    expect(after.id).not.toBe(before.id)
  })
})
