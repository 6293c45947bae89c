import { AGGREGATIONS } from '../../methods/composite/aggregate.ts'
import { COMPOSITE_NORMALIZATIONS, composite, WEIGHT_SCHEMES } from '../../methods/composite/pipeline.ts'
import { toRows } from '../../methods/matrix.ts'
import { compositeInput, PREPARE_OPTIONS, prepareOptions } from './composite-input.ts'
import { choice, cliStamp, matrixJson } from './shared.ts'
import type { MethodCommand } from './types.ts'
import { methodInput } from './weights-options.ts'

export const compositeMethod: MethodCommand = {
  name: 'composite',
  summary: 'composite index over a hierarchy (indicators → pillars → index), every stage kept',
  help: `Input: --input data CSV: first column the unit id; the indicator columns named as in the meta;
other columns (denominators, groups) are read only when named. Empty, NA, NaN, null or - is missing.
--meta meta CSV: one row per code, COINr's iMeta header (iCode, Parent, Level, Weight, Direction,
and optionally Denominator) or lower-case (code, parent, level, weight, direction, denominator).
Level 1 = indicator, 2, 3, … = aggregates; every parent is exactly one level up; the single code of
the highest level is the index. Weight: relative among siblings (empty = 1). Direction: 1/−1 (or
higher/lower), required for indicators. Rows without a level (COINr's group/denominator rows) are
ignored. Example: hqd-meta.csv with indicators → the five concepts (innovation, coordination,
green, openness, sharing) → the high-quality development index.

Steps (JRC/OECD Handbook on Constructing Composite Indicators 2008; COINr R package, whose ASEM
example this command reproduces to the printed 2 decimals):
  denominate  x / its Denominator column (COINr Denominate); --denominate none skips it
  screen      drop units with share of present indicators < --min-data (default 2/3, COINr
              Screen's default; 0 keeps all); --screen byzeros|byNAandzeros also drops units with
              under 5% non-zero values. Done before imputation, on the observed data.
  impute      --impute none | mean | median | group-mean | group-median (--group <col>), per
              column (COINr i_mean, i_median, i_mean_grp, i_median_grp)
  treat       --treat winsorise (COINr's default Treat): a column fails if |skew| ≥ 2 and
              kurtosis ≥ 3.5 (e1071 type 2); winsorise (extreme → next value, on the skewed side)
              until it passes or --winmax (5) points are moved; if it still fails, log-transform
              the original instead: ln(x − min + 0.01(max − min)) (COINr log_CT) | none
  normalise   --normalize minmax: a + (b−a)(x−min)/(max−min) onto --range a,b (default 0,100,
              COINr n_minmax; a constant column is null, as COINr) | zscore: (x−mean)/sd (sd n−1,
              COINr n_zscore) | vector | sum | max (see \`normalize\`) | none; Direction −1 reverses
  weight      --scheme meta (the meta weights) | equal | entropy (entropy weight method on
              direction-aware min-max of the treated data over all indicators; an aggregate's
              weight is the sum of its indicators', so the arithmetic index = Σ w_j z_j)
  aggregate   --aggregation arithmetic Σwx/Σw | geometric exp(Σw ln x/Σw) | harmonic Σw/Σ(w/x),
              over the children present (a missing child leaves out its weight, as COINr's
              na.rm). Geometric and harmonic refuse a value ≤ 0 with an error naming it: min-max
              onto a positive range (e.g. --range 1,100) first.

Output: { units (kept, input order), index (top-level score per unit), rank (1 = best, ties share
the smallest rank), ties (groups of unit ids sharing a rank), levels: { <aggregate code>: [score
per unit] } for every aggregate level, weights: { <aggregate>: { <child>: weight } },
treatment: [{ indicator, treatment (winsorised | log_CT), points, skew, kurt, skew_after,
kurt_after }], screened_out (unit ids), stages (with --stages: raw, denominated, screened,
imputed, treated, normalised, aggregated — each { units, columns, rows }; a stage that was not
run is absent), stamp }.`,
  options: [
    {
      flags: '--meta <file>',
      description: 'meta CSV (iCode, Parent, Level, Weight, Direction[, Denominator])',
    },
    ...PREPARE_OPTIONS,
    { flags: '--normalize <scheme>', description: COMPOSITE_NORMALIZATIONS.join(', '), default: 'minmax' },
    { flags: '--scheme <weights>', description: WEIGHT_SCHEMES.join(', '), default: 'meta' },
    { flags: '--aggregation <mean>', description: AGGREGATIONS.join(', '), default: 'arithmetic' },
    { flags: '--stages', description: 'include every intermediate table' },
  ],
  async run(args) {
    const input = await compositeInput(args)
    const prep = prepareOptions(args, input)
    const choices = {
      normalize: choice(args, 'normalize', COMPOSITE_NORMALIZATIONS, 'minmax'),
      weights: choice(args, 'scheme', WEIGHT_SCHEMES, 'meta'),
      aggregation: choice(args, 'aggregation', AGGREGATIONS, 'arithmetic'),
    }
    const r = methodInput(() => composite(input.raw, input.hierarchy, { ...prep, ...choices }))
    const A = r.aggregates.length
    const levels = Object.fromEntries(
      r.aggregates.map((c, k) => [c, r.units.map((_, i) => r.scores[i * A + k]!)]),
    )
    const { groups: _g, denominators: _d, ...stated } = prep
    return {
      units: r.units,
      index: r.index,
      rank: r.rank,
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
        '2',
        {
          ...stated,
          normalize: choices.normalize,
          scheme: choices.weights,
          aggregation: choices.aggregation,
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
