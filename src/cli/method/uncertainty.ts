import { AGGREGATIONS } from '../../methods/composite/aggregate.ts'
import { uncertainty } from '../../methods/uncertainty.ts'
import { compositeInput, rangeOption } from './composite-input.ts'
import { cliStamp, list, numberOption, optionalString, usage } from './shared.ts'
import type { MethodArgs, MethodCommand } from './types.ts'
import { methodInput } from './weights-options.ts'

export const uncertaintyMethod: MethodCommand = {
  name: 'uncertainty',
  summary: 'rank uncertainty and sensitivity of a composite index (seeded Monte-Carlo)',
  help: `Input: as \`composite\` (--input data CSV, --meta meta CSV, and its --impute, --treat, --min-data,
--range, --group options, applied once).
Declared choices, each a comma-separated list drawn uniformly per draw:
  --normalize minmax,zscore   --scheme meta,equal,entropy   --aggregation arithmetic,geometric
  --perturb δ: every weight × U(1 − δ, 1 + δ) per draw (0 = none)
--draws N (default 200), --seed S (default 1): the same seed gives the same output.
A combination that cannot be applied (geometric/harmonic over z-scores or over a range with 0) is
refused with an error, never skipped.
Per unit: nominal_rank (first option of each choice, no perturbation), rank_median and the 5–95%
interval rank_p05, rank_p95. sensitivity: for each choice with more than one option, the share of
rank variance explained by it (Σ Var_k E[rank|k] / Σ Var rank, a first-order index; perturbation by
quartile of its size). (Saisana, Saltelli & Tarantola 2005; JRC/OECD Handbook 2008 §7.)

Output: { units, nominal_rank, rank_median, rank_p05, rank_p95, sensitivity, draws, seed, stamp }.`,
  options: [
    { flags: '--meta <file>', description: 'meta CSV' },
    { flags: '--normalize <list>', description: 'minmax,zscore', default: 'minmax' },
    { flags: '--scheme <list>', description: 'meta,equal,entropy', default: 'meta' },
    { flags: '--aggregation <list>', description: 'arithmetic,geometric,harmonic', default: 'arithmetic' },
    { flags: '--perturb <delta>', description: 'weight perturbation δ in [0, 1)', default: '0' },
    { flags: '--draws <n>', description: 'Monte-Carlo draws', default: '200' },
    { flags: '--seed <n>', description: 'random seed', default: '1' },
    { flags: '--impute <how>', description: 'none, mean, median or group-mean', default: 'none' },
    { flags: '--group <col>', description: 'group column for group-mean imputation' },
    { flags: '--min-data <share>', description: 'minimum share of indicators', default: '0' },
    { flags: '--treat <how>', description: 'winsorise or none', default: 'winsorise' },
    { flags: '--range <a,b>', description: 'min-max target range', default: '0,100' },
  ],
  async run(args) {
    const input = await compositeInput(args)
    const draws = numberOption(args, 'draws', 200)!
    const seed = numberOption(args, 'seed', 1)!
    if (!Number.isInteger(draws) || draws < 2) throw usage('--draws must be a whole number ≥ 2')
    const options = {
      normalize: listOf(args, 'normalize', ['minmax', 'zscore'] as const),
      weights: listOf(args, 'scheme', ['meta', 'equal', 'entropy'] as const),
      aggregation: listOf(args, 'aggregation', AGGREGATIONS),
      perturb: numberOption(args, 'perturb', 0)!,
      draws,
      seed,
    }
    const impute = (optionalString(args, 'impute') ?? 'none') as 'none' | 'mean' | 'median' | 'group-mean'
    const base = {
      impute,
      minData: numberOption(args, 'minData', 0)!,
      treat: (optionalString(args, 'treat') ?? 'winsorise') as 'none' | 'winsorise',
      range: rangeOption(args),
      ...(input.groups ? { groups: input.groups } : {}),
      ...(input.denominators ? { denominators: input.denominators } : {}),
    }
    const r = methodInput(() => uncertainty(input.raw, input.hierarchy, { base, ...options }))
    return {
      units: r.units,
      nominal_rank: r.nominalRank,
      rank_median: r.rankMedian,
      rank_p05: r.rankP05,
      rank_p95: r.rankP95,
      sensitivity: r.sensitivity,
      draws,
      seed,
      stamp: cliStamp(
        'uncertainty',
        '1',
        { ...options, impute: base.impute, treat: base.treat, range: base.range },
        { raw: Array.from(input.raw.data) },
      ),
    }
  },
}

function listOf<T extends string>(args: MethodArgs, key: string, allowed: readonly T[]): T[] {
  const xs = list(optionalString(args, key) ?? allowed[0])
  const bad = xs.filter((x) => !(allowed as readonly string[]).includes(x))
  if (bad.length || xs.length === 0)
    throw usage(`--${key === 'scheme' ? 'scheme' : key} "${xs.join(',')}": options are ${allowed.join(', ')}`)
  return xs as T[]
}
