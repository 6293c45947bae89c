import { AGGREGATIONS } from '../../methods/composite/aggregate.ts'
import { COMPOSITE_NORMALIZATIONS, WEIGHT_SCHEMES } from '../../methods/composite/pipeline.ts'
import { toRows } from '../../methods/matrix.ts'
import { uncertainty } from '../../methods/uncertainty.ts'
import { compositeInput, PREPARE_OPTIONS, prepareOptions } from './composite-input.ts'
import { cliStamp, list, numberOption, optionalString, usage } from './shared.ts'
import type { MethodArgs, MethodCommand } from './types.ts'
import { methodInput } from './weights-options.ts'

export const uncertaintyMethod: MethodCommand = {
  name: 'uncertainty',
  summary: 'rank uncertainty and sensitivity of a composite index (seeded Monte-Carlo, COINr-style)',
  help: `Input: as \`composite\` (--input data CSV, --meta meta CSV, and its preparation options
--impute, --group, --min-data, --screen, --treat, --winmax, --range, --denominate, applied once).
Without --meta every column after the unit id is an indicator of one index (equal weights;
--cost <cols> names the lower-is-better ones).

Declared choices, each a comma-separated list; every draw takes one option of each uniformly:
  --normalize minmax,zscore,…   --scheme meta,equal,entropy   --aggregation arithmetic,geometric,…
  --perturb δ: every weight × U(1 − δ, 1 + δ), then relative among siblings (COINr's weight noise)
A list of one option (or δ = 0) fixes that choice. --draws N (default 200), --seed S (default 1):
mulberry32 generator, the same seed gives the same output.
A choice that cannot be applied is refused with an error, never skipped: a geometric or harmonic
mean over a normalisation that has a value ≤ 0 (min-max onto a range starting at 0, z-scores).

Design (COINr get_sensitivity, SA_type "SA"; Saltelli et al. 2010): d = number of varying
choices, N = ⌊N_draws/(d+2)⌋ base rows; matrices A, B of uniforms and, per choice i, A with
column i from B; remaining draws (all of them if N < 2) are independent. All draws count for the
rank statistics. Per draw y = mean over units of |rank − nominal rank| (COINr's output).
  S_i  = mean(y_B (y_ABi − y_A)) / var(y_A, y_B)          first-order index (Saltelli 2010)
  ST_i = Σ (y_A − y_ABi)² / (2N var(y_A, y_B))             total-order index (Jansen 1999)
Monte-Carlo estimates: they can fall slightly outside [0, 1]. No rank moves → 0. N < 2 → null.
(JRC/OECD Handbook 2008 §7; Saisana, Saltelli & Tarantola 2005, J. R. Stat. Soc. A 168:307–323.)

Output: { units, nominal_rank (first option of every choice, no perturbation), rank_median,
rank_p05, rank_p95 (R quantile type 7 over the draws), sensitivity: { <choice>: S_i },
sensitivity_total: { <choice>: ST_i } (choices: normalize, scheme, aggregation, perturb — only
those that vary), base_rows (N), draws, seed, stamp }.`,
  options: [
    { flags: '--meta <file>', description: 'meta CSV (optional: without it, one flat index)' },
    { flags: '--cost <cols>', description: 'lower-is-better columns (without --meta)' },
    { flags: '--normalize <list>', description: COMPOSITE_NORMALIZATIONS.join(', '), default: 'minmax' },
    { flags: '--scheme <list>', description: WEIGHT_SCHEMES.join(', '), default: 'meta' },
    { flags: '--aggregation <list>', description: AGGREGATIONS.join(', '), default: 'arithmetic' },
    { flags: '--perturb <delta>', description: 'weight perturbation δ in [0, 1)', default: '0' },
    { flags: '--draws <n>', description: 'Monte-Carlo draws', default: '200' },
    { flags: '--seed <n>', description: 'random seed (integer)', default: '1' },
    ...PREPARE_OPTIONS,
  ],
  async run(args) {
    const input = await compositeInput(args, false)
    const draws = numberOption(args, 'draws', 200)!
    const seed = numberOption(args, 'seed', 1)!
    const perturb = numberOption(args, 'perturb', 0)!
    if (!Number.isInteger(draws) || draws < 2) throw usage('--draws must be a whole number ≥ 2')
    if (!Number.isInteger(seed)) throw usage('--seed must be a whole number')
    if (!(perturb >= 0 && perturb < 1)) throw usage('--perturb must be in [0, 1)')
    const base = prepareOptions(args, input)
    const choices = {
      normalize: listOf(args, 'normalize', COMPOSITE_NORMALIZATIONS, 'minmax'),
      weights: listOf(args, 'scheme', WEIGHT_SCHEMES, 'meta'),
      aggregation: listOf(args, 'aggregation', AGGREGATIONS, 'arithmetic'),
    }
    const r = methodInput(() =>
      uncertainty(input.raw, input.hierarchy, { base, ...choices, perturb, draws, seed }),
    )
    const { groups: _g, denominators: _d, ...stated } = base
    return {
      units: r.units,
      nominal_rank: r.nominalRank,
      rank_median: r.rankMedian,
      rank_p05: r.rankP05,
      rank_p95: r.rankP95,
      sensitivity: r.sensitivity,
      sensitivity_total: r.sensitivityTotal,
      base_rows: r.baseRows,
      draws: r.draws,
      seed,
      stamp: cliStamp(
        'uncertainty',
        '2',
        {
          ...stated,
          normalize: choices.normalize,
          scheme: choices.weights,
          aggregation: choices.aggregation,
          perturb,
          draws,
          seed,
          group: args.group ?? null,
          denominate: !!input.denominators,
        },
        {
          raw: { units: input.raw.units, columns: input.raw.columns, rows: toRows(input.raw) },
          meta: [...input.hierarchy.byCode.values()],
          denominators: input.denominators ?? null,
          groups: input.groups ?? null,
        },
      ),
    }
  },
}

function listOf<T extends string>(args: MethodArgs, key: string, allowed: readonly T[], fallback: T): T[] {
  const xs = list(optionalString(args, key) ?? fallback)
  const bad = xs.filter((x) => !(allowed as readonly string[]).includes(x))
  if (bad.length > 0 || xs.length === 0)
    throw usage(`--${key} "${xs.join(',')}": each option must be one of ${allowed.join(', ')}`)
  if (new Set(xs).size !== xs.length) throw usage(`--${key} "${xs.join(',')}": an option is listed twice`)
  return xs as T[]
}
