import { basename } from 'node:path'
import { disparityMeasures } from '../../methods/disparity.ts'
import { createMatrix, type Matrix } from '../../methods/matrix.ts'
import { choice, cliStamp, list, loadMatrix, optionalString, usage } from './shared.ts'
import type { MethodCommand } from './types.ts'
import { methodInput } from './weights-options.ts'

export const disparityMethod: MethodCommand = {
  name: 'disparity',
  summary: 'CV, Theil T and L (with between/within groups), Gini per indicator',
  help: `Input: matrix CSV (units × indicators, values ≥ 0). --group <col> names a column of group labels
(e.g. the macro-region) and --weight <col> a column of unit weights (e.g. population); neither is an
indicator. Results are per indicator column; unweighted unless --weight. --columns a,b,c keeps only
the listed indicator columns (e.g. the pcgdp columns of a file that also holds region codes).

Formulas, with weights w_i (1 unweighted), shares p_i = w_i/Σw, mean μ = Σ p_i y_i and income
shares s_i = p_i y_i/μ:
  CV       = √(Σ p_i (y_i − μ)²)/μ       unweighted: sd/mean with the population sd (÷n, numpy's
                                          default; --sd sample: ÷(n−1)); weighted: Williamson (1965)
  Theil T  = Σ s_i ln(s_i/p_i)            GE(1); PySAL inequality.theil.Theil (a zero y adds 0)
  Theil L  = Σ p_i ln(μ/y_i)              GE(0), mean log deviation; null when a y is 0
  Gini     = Σ_i Σ_j p_i p_j |y_i − y_j|/(2μ)   PySAL inequality.gini.Gini unweighted; weighted it
                                          is the grouped-data (Lorenz) Gini
Decomposition by --group (Theil 1967; PySAL inequality.theil.TheilD), with group shares P_g, S_g and
means μ_g:  T = Σ S_g ln(μ_g/μ) + Σ S_g T_g,  L = Σ P_g ln(μ/μ_g) + Σ P_g L_g   (between + within).
Within is computed from the groups' own indices, and between + within equals the total to rounding.
Tested against PySAL's Mexico example (Theil, TheilD by hanson98, Gini) and the R package
mathmodels' examples (weighted Theil and its decomposition, weighted Gini).

Missing data: an empty cell leaves that unit out of that column; a unit with an empty weight or
group label is left out of every column (listed in notes). A column with a negative value is null
in every measure (listed in notes); a column whose values are all 0 has null CV, Theil and Gini.

Output (every per-column field is a list in the order of columns):
  { columns, n, mean, cv, theil_t, theil_l, gini,
    between: { theil_t, theil_l }, within: { theil_t, theil_l },       (null without --group)
    groups: { names, units, theil_t, theil_l },                         (null without --group;
      units = units per group; theil_t/theil_l: one list per column, one value per group)
    weighted, sd, notes, stamp }`,
  options: [
    { flags: '--group <col>', description: 'column of group labels for the decomposition' },
    { flags: '--weight <col>', description: 'column of unit weights (e.g. population)' },
    { flags: '--columns <cols>', description: 'indicator columns to use (default: all others)' },
    {
      flags: '--sd <kind>',
      description: 'CV standard deviation: population or sample',
      default: 'population',
    },
  ],
  async run(args) {
    const group = optionalString(args, 'group')
    const weight = optionalString(args, 'weight')
    if (group && group === weight) throw usage('--group and --weight name the same column')
    const sd = choice(args, 'sd', ['population', 'sample'] as const, 'population')
    if (sd === 'sample' && weight) throw usage('--sd sample applies to the unweighted CV only')
    const keep = [group, weight].filter((x): x is string => !!x)
    const loaded = await loadMatrix(args, keep)
    const { text } = loaded
    const file = basename(String(args.input))
    const matrix = selectColumns(loaded.matrix, list(optionalString(args, 'columns')), file)
    const weights = weight
      ? text[weight]!.map((v, i) => {
          if (v.trim() === '') return Number.NaN
          const w = Number(v)
          if (!Number.isFinite(w) || w < 0)
            throw usage(`${file}: --weight ${weight}: "${v}" for ${matrix.units[i]} is not a number ≥ 0`)
          return w
        })
      : undefined
    const groups = group ? text[group] : undefined
    if (matrix.cols === 0)
      throw usage(`${file}: no indicator columns besides ${keep.join(', ') || 'the unit id'}`)
    const r = methodInput(() =>
      disparityMeasures(matrix, { ...(weights ? { weights } : {}), ...(groups ? { groups } : {}), sd }),
    )
    const G = r.groups.length
    const perColumn = (a: Float64Array) =>
      matrix.columns.map((_, j) => Array.from(a.subarray(j * G, (j + 1) * G)))
    return {
      columns: matrix.columns,
      n: r.n,
      mean: r.mean,
      cv: r.cv,
      theil_t: r.theilT,
      theil_l: r.theilL,
      gini: r.gini,
      between: groups ? { theil_t: r.betweenT, theil_l: r.betweenL } : null,
      within: groups ? { theil_t: r.withinT, theil_l: r.withinL } : null,
      groups: groups
        ? {
            names: r.groups,
            units: r.groupUnits,
            theil_t: perColumn(r.groupTheilT),
            theil_l: perColumn(r.groupTheilL),
          }
        : null,
      weighted: !!weights,
      sd,
      notes: r.notes,
      stamp: cliStamp(
        'disparity',
        '1',
        { group: group ?? null, weight: weight ?? null, sd, columns: args.columns ?? null },
        { matrix, weights, groups },
      ),
    }
  },
}

/** The listed indicator columns (all when none are listed). */
function selectColumns(m: Matrix, names: string[], file: string): Matrix {
  if (names.length === 0) return m
  const idx = names.map((c) => {
    const j = m.columns.indexOf(c)
    if (j < 0) throw usage(`--columns: ${file} has no indicator column "${c}"`)
    return j
  })
  const out = createMatrix(m.units, names)
  for (let i = 0; i < m.rows; i++)
    for (let k = 0; k < idx.length; k++) out.data[i * idx.length + k] = m.data[i * m.cols + idx[k]!]!
  return out
}
