/**
 * `jueqi assess`: evaluate every target and the index on the stored data and save the stamped run;
 * with `--synthetic`, the full evaluation over the SYNTHETIC county panel instead (assess-synthetic.ts).
 */
import { Command } from 'commander'
import { openSeededStore, type StoreOptions, withStoreOptions } from './context.ts'
import { CliError } from './errors.ts'

interface Opts extends StoreOptions {
  year?: string
  draws: string
  seed: string
  asOf?: string
  dryRun?: boolean
  synthetic?: boolean
  level: string
  json?: boolean
  sequential?: boolean
  writePanel?: string
}

export function assessCommand(): Command {
  return withStoreOptions(new Command('assess'))
    .description(
      'run all plan targets and the high-quality development index on the stored data; save the run',
    )
    .option(
      '--year <year>',
      "index year (default: the latest year every concept has data for; with --synthetic the panel's latest)",
    )
    .option('--draws <n>', 'uncertainty draws', '200')
    .option('--seed <n>', 'random seed of the uncertainty analysis', '1')
    .option('--as-of <date>', 'use only releases published by this date')
    .option('--dry-run', 'print the summary without saving the run')
    .option(
      '--synthetic',
      'evaluate the SYNTHETIC panel (indicators synthetic_NNN from `jueqi synth --load`) instead: entropy weights on the pooled panel, TOPSIS, coupling of five subsystems, obstacle degree, disparity of every indicator × year by province, rank uncertainty; prints load_ms and compute_ms; saved as kind assess-synthetic, never the latest run the web app shows',
    )
    .option('--level <level>', 'with --synthetic: region level of the units', 'county')
    .option('--json', 'with --synthetic: print the summary and timings as JSON')
    .option(
      '--sequential',
      'with --synthetic: one thread (default: the worker pool of src/methods/parallel for entropy, disparity and uncertainty; JUEQI_THREADS sets its size)',
    )
    .option(
      '--write-panel <file>',
      'with --synthetic: also write the dense panel as little-endian float64 [year][unit][indicator] (the benchmark gives it to NumPy)',
    )
    .addHelpText(
      'after',
      `
Examples:
  jueqi synth --units 500 --indicators 40 --years 20 --load
  jueqi assess --synthetic                       # index year = the panel's latest
  jueqi assess --synthetic --year 2023 --draws 400 --seed 7 --json`,
    )
    .action(async (opts: Opts) => {
      const draws = Number(opts.draws)
      const seed = Number(opts.seed)
      const year = opts.year === undefined ? undefined : Number(opts.year)
      if (!Number.isInteger(draws) || draws < 2) throw new CliError('--draws must be a whole number ≥ 2', 2)
      if (!Number.isInteger(seed)) throw new CliError('--seed must be a whole number', 2)
      if (year !== undefined && !Number.isInteger(year))
        throw new CliError(`--year "${opts.year}" is not a year`, 2)
      if (opts.asOf && !/^\d{4}-\d{2}-\d{2}$/.test(opts.asOf))
        throw new CliError('--as-of must be YYYY-MM-DD', 2)
      if (opts.synthetic) {
        if (opts.asOf) throw new CliError('--as-of does not apply to --synthetic', 2)
        const { assessSynthetic } = await import('./assess-synthetic.ts')
        return assessSynthetic(opts, { draws, seed, ...(year !== undefined ? { year } : {}) })
      }
      for (const [flag, set] of [
        ['--json', opts.json],
        ['--sequential', opts.sequential],
        ['--write-panel', opts.writePanel],
      ] as const)
        if (set) throw new CliError(`${flag} needs --synthetic`, 2)
      const { runAssessment } = await import('../evaluation/run-assessment.ts')
      const { saveEvaluation } = await import('../store/evaluations.ts')
      const store = await openSeededStore(opts)
      try {
        const run = await runAssessment(store.db, {
          draws,
          seed,
          ...(year !== undefined ? { year } : {}),
          ...(opts.asOf ? { asOf: opts.asOf } : {}),
        })
        const { results } = run
        const counts = new Map<string, number>()
        for (const p of results.plans)
          for (const s of p.statuses) if (s.indicator) counts.set(s.status, (counts.get(s.status) ?? 0) + 1)
        console.log(
          `plans: ${results.plans.map((p) => p.planId).join(', ')}; measured target statuses: ${[...counts].map(([k, v]) => `${k} ${v}`).join(', ')}`,
        )
        if (results.index) {
          const ix = results.index
          const best = ix.units
            .map((u, i) => [u, ix.rank[i]!] as const)
            .sort((a, b) => a[1] - b[1])
            .slice(0, 5)
          console.log(
            `index ${results.year}: ${ix.units.length} provinces; top ${best.map(([u, r]) => `${r}. ${u}`).join(', ')}`,
          )
        } else console.log('index: no year has data for every concept')
        if (opts.dryRun) return
        const saved = await saveEvaluation(store.db, {
          kind: 'assess',
          asOf: opts.asOf ?? null,
          stamp: run.stamp,
          results,
        })
        console.log(`saved evaluation run ${saved.id} (${run.stamp.inputHash})`)
      } finally {
        await store.close()
      }
    })
}
