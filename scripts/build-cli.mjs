/**
 * The CLI as built JavaScript, so that `jueqi` starts without compiling TypeScript (src/cli/README.md).
 *
 * esbuild bundles src/cli/main.ts into dist/cli/<id>/ with code splitting, so the modules a command
 * imports lazily stay separate chunks that load only when that command runs; packages are not
 * bundled (they load from node_modules as before). dist/cli/current.json then names the build and
 * every file it was built from with its size and modification time. bin/jueqi.mjs runs the build
 * only while all of them are unchanged (`currentBuild`, one stat per file) and builds again
 * otherwise (`buildCli`, 1–2 s once), so a source edit never runs stale code.
 *
 * Plain JavaScript, because it decides whether TypeScript has to be compiled. `npm ci` runs it as
 * `prepare`; `node scripts/build-cli.mjs` by hand.
 */
import { readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { join, relative, sep } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

const ROOT = fileURLToPath(new URL('..', import.meta.url))
export const CLI_BUILD_DIR = join(ROOT, 'dist', 'cli')
const MANIFEST = join(CLI_BUILD_DIR, 'current.json')
const ENTRY = 'src/cli/main.ts'
/** What shapes the build besides the sources it bundles. */
const SETTINGS = ['scripts/build-cli.mjs', 'tsconfig.json', 'package.json']
/**
 * A build is removed this long after another replaced it: a process started from it may still be
 * loading the chunks of its command (all of them load when the command starts).
 */
const KEEP_MS = 10 * 60_000

const stamp = (file) => {
  const s = statSync(join(ROOT, file))
  return `${s.size}:${s.mtimeMs}`
}

/** The built entry (a file URL) if it was built from the files as they are now, else null. */
export function currentBuild() {
  try {
    const m = JSON.parse(readFileSync(MANIFEST, 'utf8'))
    for (const [file, s] of Object.entries(m.inputs)) if (stamp(file) !== s) return null
    const entry = join(CLI_BUILD_DIR, m.id, 'main.js')
    statSync(entry) // still there
    return pathToFileURL(entry).href
  } catch {
    return null // no build yet, or a file it was built from is gone
  }
}

/**
 * Builds the CLI and makes it current; returns the built entry as currentBuild does. Throws when
 * esbuild does (a syntax error: running from the sources then reports it as tsx would).
 */
export async function buildCli() {
  const started = Date.now()
  const { build } = await import('esbuild')
  const id = `${started.toString(36)}-${process.pid}`
  const outdir = join(CLI_BUILD_DIR, id)
  const result = await build({
    absWorkingDir: ROOT,
    entryPoints: { main: ENTRY },
    outdir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    keepNames: true,
    sourcemap: 'linked',
    metafile: true,
    logLevel: 'silent',
    plugins: [sourceImportMetaUrl(outdir)],
  })
  const inputs = Object.fromEntries(
    [...Object.keys(result.metafile.inputs), ...SETTINGS].map((f) => [f, stamp(f)]),
  )
  // a file saved while esbuild read it may be in the build as it was before: leave the build stale
  const racing = Object.values(inputs).some((s) => Number(s.split(':')[1]) > started - 2000)
  if (!racing) {
    const previous = manifestId()
    const tmp = `${MANIFEST}.${process.pid}`
    writeFileSync(tmp, `${JSON.stringify({ id, builtAt: new Date(started).toISOString(), inputs })}\n`)
    renameSync(tmp, MANIFEST) // atomic: a process starting now reads the old manifest or the new one
    // the replaced build's clock for KEEP_MS starts now
    if (previous && previous !== id) touch(join(CLI_BUILD_DIR, previous))
  }
  pruneOldBuilds(id)
  return pathToFileURL(join(outdir, 'main.js')).href
}

/**
 * Bundled code runs from dist/cli/<id>/, so each source's `import.meta.url` becomes its own file's
 * address again: `new URL('<path from the build to the source>', import.meta.url).href`. Paths read
 * next to a source (migrations, data/, dist/web/, the worker pool's worker.mjs) then stay right.
 */
function sourceImportMetaUrl(outdir) {
  return {
    name: 'source-import-meta-url',
    setup(b) {
      b.onLoad({ filter: /\.[cm]?[jt]sx?$/ }, async (args) => {
        const text = await readFile(args.path, 'utf8')
        if (!text.includes('import.meta')) return undefined
        const other = /import\.meta\.(dirname|filename|resolve)/.exec(text)
        if (other) throw new Error(`${args.path}: import.meta.${other[1]} is not supported in the CLI build`)
        const rel = relative(outdir, args.path).split(sep).join('/')
        const url = `new URL(${JSON.stringify(rel)}, import.meta.url).href`
        const loader = /\.[cm]?tsx?$/.test(args.path) ? 'ts' : 'js'
        return { contents: text.replaceAll('import.meta.url', url), loader }
      })
    },
  }
}

function manifestId() {
  try {
    return JSON.parse(readFileSync(MANIFEST, 'utf8')).id
  } catch {
    return null
  }
}

function touch(path) {
  try {
    const now = new Date()
    utimesSync(path, now, now)
  } catch {
    // already removed
  }
}

/** Removes the builds (and unfinished manifests) replaced or left more than KEEP_MS ago. */
function pruneOldBuilds(ours) {
  const keep = new Set([ours, manifestId(), 'current.json'])
  for (const e of readdirSync(CLI_BUILD_DIR, { withFileTypes: true })) {
    const path = join(CLI_BUILD_DIR, e.name)
    if (keep.has(e.name)) continue
    try {
      if (Date.now() - statSync(path).mtimeMs > KEEP_MS) rmSync(path, { recursive: true, force: true })
    } catch {
      // another process removed it first
    }
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  try {
    const t = performance.now()
    await buildCli()
    const note = currentBuild() ? '' : ' (a source changed while it was built: the next start builds again)'
    console.log(`jueqi: CLI built into dist/cli in ${Math.round(performance.now() - t)} ms${note}`)
  } catch (e) {
    // never fail `npm ci` for this: bin/jueqi.mjs then runs the sources through tsx
    console.warn(`jueqi: CLI not built (it will run from the TypeScript sources): ${e.message ?? e}`)
  }
}
