import { AGGREGATIONS } from '../../methods/composite/aggregate.ts'
import { composite } from '../../methods/composite/pipeline.ts'
import { toRows } from '../../methods/matrix.ts'
import { compositeInput, rangeOption } from './composite-input.ts'
import { choice, cliStamp, matrixJson, numberOption, usage } from './shared.ts'
import type { MethodCommand } from './types.ts'
import { methodInput } from './weights-options.ts'

export const compositeMethod: MethodCommand = {
  name: 'composite',
  summary: 'composite index over a hierarchy (indicators → pillars → index), every stage kept',
  help: `Input: --input data CSV (first column the unit id; indicator columns named as in the meta; other
columns such as denominators and groups are read only when named) and --meta meta CSV listing each
code with its parent, level (1 = indicator, higher = aggregate, the single top code is the index),
weight and direction (1/−1 or higher/lower), and optionally a denominator column — COINr's iMeta
layout (iCode, Parent, Level, Weight, Direction, Denominator) or lower-case names.

Steps (JRC/OECD Handbook on Constructing Composite Indicators 2008; COINr):
  denominate  indicator / its denominator column (skip with --denominate none)
  screen      drop units with less than --min-data share of indicators (default 0: keep all)
  impute      --impute none | mean | median | group-mean (--group <col>)      default none
  treat       --treat winsorise (COINr default: |skew| ≥ 2 and kurtosis ≥ 3.5 fail; winsorise up
              to 5 points, else log_CT of the original) | none                 default winsorise
  normalise   --normalize minmax (onto --range, default 0,100) | zscore; direction-aware
  weight      --scheme meta (the meta weights) | equal | entropy (within each parent)
  aggregate   --aggregation arithmetic | geometric | harmonic weighted mean of the available
              children (geometric/harmonic refuse zeros: use --range 1,100)
Output: { units, index, rank, ties, levels: { <aggregate code>: [scores] }, weights, treatment,
screened_out, stages (with --stages: every intermediate matrix), stamp }.`,
  options: [
    { flags: '--meta <file>', description: 'meta CSV (code, parent, level, weight, direction)' },
    { flags: '--impute <how>', description: 'none, mean, median or group-mean', default: 'none' },
    { flags: '--group <col>', description: 'group column for group-mean imputation' },
    { flags: '--min-data <share>', description: 'minimum share of indicators a unit needs', default: '0' },
    { flags: '--treat <how>', description: 'winsorise or none', default: 'winsorise' },
    { flags: '--normalize <scheme>', description: 'minmax or zscore', default: 'minmax' },
    { flags: '--range <a,b>', description: 'min-max target range', default: '0,100' },
    { flags: '--scheme <weights>', description: 'meta, equal or entropy', default: 'meta' },
    {
      flags: '--aggregation <mean>',
      description: 'arithmetic, geometric or harmonic',
      default: 'arithmetic',
    },
    { flags: '--denominate <yes|none>', description: 'divide by the meta denominators', default: 'yes' },
    { flags: '--stages', description: 'include every intermediate table' },
  ],
  async run(args) {
    const input = await compositeInput(args)
    const impute = choice(args, 'impute', ['none', 'mean', 'median', 'group-mean'] as const, 'none')
    if (impute === 'group-mean' && !input.groups) throw usage('--impute group-mean needs --group <col>')
    const minData = numberOption(args, 'minData', 0)!
    if (!(minData >= 0 && minData <= 1)) throw usage('--min-data must be between 0 and 1')
    const options = {
      impute,
      minData,
      treat: choice(args, 'treat', ['winsorise', 'none'] as const, 'winsorise'),
      normalize: choice(args, 'normalize', ['minmax', 'zscore'] as const, 'minmax'),
      range: rangeOption(args),
      weights: choice(args, 'scheme', ['meta', 'equal', 'entropy'] as const, 'meta'),
      aggregation: choice(args, 'aggregation', AGGREGATIONS, 'arithmetic'),
    }
    const r = methodInput(() =>
      composite(input.raw, input.hierarchy, {
        ...options,
        ...(input.groups ? { groups: input.groups } : {}),
        ...(input.denominators ? { denominators: input.denominators } : {}),
      }),
    )
    const A = r.aggregates.length
    const levels = Object.fromEntries(
      r.aggregates.map((c, k) => [c, r.units.map((_, i) => r.scores[i * A + k]!)]),
    )
    return {
      units: r.units,
      index: r.index,
      rank: Array.from(r.rank, (x) => (Number.isNaN(x) ? null : x)),
      ties: r.ties.map((g) => g.map((i) => r.units[i])),
      levels,
      weights: r.weights,
      treatment: r.treatment,
      screened_out: r.screenedOut,
      ...(args.stages
        ? { stages: Object.fromEntries(Object.entries(r.stages).map(([k, m]) => [k, matrixJson(m)])) }
        : {}),
      stamp: cliStamp(
        'composite',
        '1',
        { ...options, denominate: !!input.denominators },
        { raw: toRows(input.raw), meta: input.hierarchy.indicators },
      ),
    }
  },
}
