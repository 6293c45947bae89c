/**
 * `jueqi assess --synthetic` as a command, on PostgreSQL (the path the benchmark runs): the JSON
 * it prints (load_ms, compute_ms and each step), the dense panel it writes with --write-panel
 * (the very array the store reader gives), the saved run; the text summary of a --sequential
 * --dry-run; the options it refuses.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest'
import { loadSyntheticPanel } from '../evaluation/run-panel-assessment.ts'
import { seedStore } from '../importer/seed.ts'
import { openStore } from '../store/db.ts'
import { getEvaluation } from '../store/evaluations.ts'
import { listRegions } from '../store/regions.ts'
import { createDatabase } from '../testing/postgres.ts'
import { CliError } from './errors.ts'
import { buildProgram } from './main.ts'
import { loadSynthetic, writeSynthetic } from './synth.ts'

const o = { indicators: 6, years: 3, lastYear: 2024, seed: 11 }
let url: string
const dir = mkdtempSync(join(tmpdir(), 'jueqi-assess-cli-'))

beforeAll(async () => {
  url = await createDatabase(inject('pgUrl'), `t_cli_${process.pid}_${Date.now()}`)
  const store = await openStore({ kind: 'postgres', url })
  try {
    await seedStore(store)
    const units = (await listRegions(store.db, { level: 'county' }))
      .slice(0, 12)
      .map((c) => ({ code: c.code, province: c.code.slice(0, 2), macro: 'CN' }))
    await loadSynthetic(store, await writeSynthetic(join(dir, 'panel.csv'), units, o), o)
  } finally {
    await store.close()
  }
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

async function run(args: string[]): Promise<string[]> {
  const log = vi.spyOn(console, 'log').mockImplementation(() => {})
  const err = vi.spyOn(console, 'error').mockImplementation(() => {})
  try {
    await buildProgram().parseAsync(['node', 'jueqi', 'assess', ...args])
    return log.mock.calls.map((c) => String(c[0]))
  } finally {
    log.mockRestore()
    err.mockRestore()
  }
}

describe('jueqi assess --synthetic', () => {
  it('prints load_ms and compute_ms by step as JSON, writes the dense panel, saves the run', async () => {
    const file = join(dir, 'dense.f64')
    const lines = await run([
      '--synthetic',
      '--database-url',
      url,
      '--json',
      '--draws',
      '20',
      '--seed',
      '2',
      '--write-panel',
      file,
    ])
    expect(lines).toHaveLength(1)
    const out = JSON.parse(lines[0]!)
    expect([out.units, out.indicators, out.years, out.year, out.draws]).toEqual([12, 6, 3, 2024, 20])
    expect(out.load_ms).toBeGreaterThan(0)
    expect(out.compute_ms).toBeGreaterThan(0)
    expect(Object.keys(out.steps_ms)).toEqual([
      'entropy',
      'impute',
      'topsis',
      'coupling',
      'obstacle',
      'disparity',
      'uncertainty',
    ])
    expect(Object.keys(out.load_steps_ms)).toEqual(['meta', 'read', 'assemble'])
    expect(out.summary.synthetic).toBe(true)
    const store = await openStore({ kind: 'postgres', url })
    try {
      const { panel } = await loadSyntheticPanel(store)
      const bytes = readFileSync(file)
      expect(bytes.length).toBe(panel.data.byteLength)
      expect(
        Buffer.compare(bytes, Buffer.from(panel.data.buffer, panel.data.byteOffset, panel.data.byteLength)),
      ).toBe(0)
      const saved = await getEvaluation(store.db, out.id)
      expect(saved?.kind).toBe('assess-synthetic')
      expect(saved?.stamp).toMatchObject({ inputHash: out.inputHash, method: 'assess-synthetic' })
      expect(await getEvaluation(store.db, 'latest')).toBeUndefined()
    } finally {
      await store.close()
    }
    // one thread, not saved, as text: the same index
    const text = await run([
      '--synthetic',
      '--database-url',
      url,
      '--draws',
      '20',
      '--seed',
      '2',
      '--sequential',
      '--dry-run',
    ])
    expect(text.join('\n')).toMatch(/load_ms [\d.]+ .*compute_ms [\d.]+ \(entropy [\d.]+, impute/)
    expect(text.join('\n')).toContain('on 1 thread(s)')
    expect(text.join('\n')).toContain(`1. ${out.summary.topsis.top[0].unit}`)
    expect(text.at(-1)).toBe('not saved (--dry-run)')
  })

  it('refuses --synthetic options without --synthetic, and --as-of with it', async () => {
    await expect(run(['--database-url', url, '--json'])).rejects.toThrow(CliError)
    await expect(run(['--synthetic', '--database-url', url, '--as-of', '2024-01-01'])).rejects.toThrow(
      /--as-of does not apply/,
    )
    await expect(run(['--synthetic', '--database-url', url, '--year', '1990'])).rejects.toThrow(
      /no synthetic data for 1990/,
    )
  })
})
