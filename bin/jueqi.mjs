#!/usr/bin/env node
// Runs the CLI's built JavaScript (dist/cli, see scripts/build-cli.mjs) when it was built from the
// sources as they are now, building it again first when not; if it cannot be built, runs the
// TypeScript sources through tsx (as JUEQI_CLI=tsx always does). Either way the same code runs.
import { buildCli, currentBuild } from '../scripts/build-cli.mjs'

async function fromBuild() {
  if (process.env.JUEQI_CLI === 'tsx') return null
  try {
    return await import(currentBuild() ?? (await buildCli()))
  } catch {
    return null // e.g. a syntax error in a source: tsx reports it below
  }
}

async function fromSources() {
  const { register } = await import('tsx/esm/api')
  register()
  return import('../src/cli/main.ts')
}

const { main } = (await fromBuild()) ?? (await fromSources())
await main(process.argv)
