/** The methods page and the command help come from one source and stay in step; every method is reachable. */
import { execFile } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'
import { methodsMarkdown } from './docs.ts'
import { METHODS } from './registry.ts'

const run = promisify(execFile)

describe('method documentation', () => {
  it('lists all twelve methods the issue names, in the CLI and on the docs page', async () => {
    const names = [
      'normalize',
      'entropy',
      'critic',
      'topsis',
      'coupling',
      'obstacle',
      'disparity',
      'convergence',
      'progress',
      'forecast',
      'composite',
      'uncertainty',
    ]
    expect(METHODS.map((m) => m.name).sort()).toEqual([...names].sort())
    const { stdout } = await run(process.execPath, ['bin/jueqi.mjs', 'method', '--help'])
    for (const n of names) expect(stdout).toContain(n)
    const topsis = await run(process.execPath, ['bin/jueqi.mjs', 'method', 'topsis', '--help'])
    expect(topsis.stdout).toContain('--weighting <where>')
    expect(topsis.stdout).toContain('closeness C_i = D⁻_i / (D⁺_i + D⁻_i)')
  })

  it('docs/methods.md is the generated text (run `npm run docs:methods` after changing a method)', () => {
    expect(readFileSync('docs/methods.md', 'utf8')).toBe(methodsMarkdown())
  })
})
