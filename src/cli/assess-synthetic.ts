/**
 * `jueqi assess --synthetic`: the full evaluation over the SYNTHETIC county panel
 * (evaluation/run-panel-assessment.ts), timed as load and compute, saved as a run of kind
 * `assess-synthetic` (never what `latest` returns unless asked for by kind). Prints a short
 * summary, or JSON with `--json`.
 */
import { writeFile } from 'node:fs/promises'
import {
  ASSESS_SYNTHETIC_KIND,
  type PanelAssessOptions,
  runPanelAssessment,
} from '../evaluation/run-panel-assessment.ts'
import { closeSharedPool, sharedPool } from '../methods/parallel/index.ts'
import { MethodInputError } from '../methods/weights.ts'
import { saveEvaluation } from '../store/evaluations.ts'
import { openSeededStore, type StoreOptions } from './context.ts'
import { CliError } from './errors.ts'

export interface SyntheticOpts extends StoreOptions {
  level: string
  json?: boolean
  sequential?: boolean
  writePanel?: string
  dryRun?: boolean
}

const ms = (x: number) => Math.round(x * 10) / 10

export async function assessSynthetic(opts: SyntheticOpts, o: PanelAssessOptions): Promise<void> {
  const log = opts.json ? () => {} : (m: string) => console.error(m)
  const store = await openSeededStore(opts, log)
  // the pool starts while the panel loads; its start-up is reported apart from the compute
  const pool = opts.sequential ? null : sharedPool()
  try {
    const run = await runPanelAssessment(store, { ...o, level: opts.level }, pool, async ({ panel }) => {
      if (opts.writePanel)
        await writeFile(
          opts.writePanel,
          new Uint8Array(panel.data.buffer, panel.data.byteOffset, panel.data.byteLength),
        )
    }).catch((e: unknown) => {
      if (e instanceof MethodInputError) throw new CliError(e.message, 2)
      throw e
    })
    const poolMs = pool ? await pool.ready : null
    const saved = opts.dryRun
      ? null
      : await saveEvaluation(store.db, {
          kind: ASSESS_SYNTHETIC_KIND,
          asOf: null,
          stamp: run.stamp,
          results: { ...run.results, timing: run.timing },
        })
    const { results: r, timing } = run
    const out = {
      kind: ASSESS_SYNTHETIC_KIND,
      id: saved?.id ?? null,
      synthetic: true,
      units: r.units,
      indicators: r.indicators,
      years: r.years.length,
      firstYear: r.years[0],
      year: r.year,
      draws: r.uncertainty.draws,
      cells: r.cells,
      subsystems: r.subsystems.length,
      threads: pool ? pool.size + 1 : 1,
      load_ms: ms(timing.load_ms),
      load_steps_ms: Object.fromEntries(Object.entries(timing.load_steps_ms).map(([k, v]) => [k, ms(v)])),
      compute_ms: ms(timing.compute_ms),
      steps_ms: Object.fromEntries(Object.entries(timing.steps_ms).map(([k, v]) => [k, ms(v)])),
      pool_ms: poolMs === null ? null : ms(poolMs),
      releases: run.stamp.releases,
      inputHash: run.stamp.inputHash,
    }
    if (opts.json) {
      console.log(JSON.stringify({ ...out, summary: r }))
      return
    }
    console.log(
      `SYNTHETIC panel: ${r.units} ${r.level} units × ${r.indicators} indicators × ${r.years.length} years (${r.years[0]}–${r.years.at(-1)}), ${r.cells} values (${r.missing} missing); releases read: ${run.stamp.releases.join('; ')}`,
    )
    console.log(
      `load_ms ${out.load_ms} (${Object.entries(out.load_steps_ms)
        .map(([k, v]) => `${k} ${v}`)
        .join(', ')})  compute_ms ${out.compute_ms} (${Object.entries(out.steps_ms)
        .map(([k, v]) => `${k} ${v}`)
        .join(
          ', ',
        )}) on ${out.threads} thread(s)${out.pool_ms === null ? '' : `; worker pool start-up ${out.pool_ms} ms, overlapping the load`}`,
    )
    console.log(
      `index ${r.year} (TOPSIS, entropy weights): top ${r.topsis.top
        .slice(0, 5)
        .map((u) => `${u.rank}. ${u.unit}`)
        .join(', ')}`,
    )
    console.log(saved ? `saved evaluation run ${saved.id} (${run.stamp.inputHash})` : 'not saved (--dry-run)')
  } finally {
    await store.close()
    if (pool) await closeSharedPool()
  }
}
