import { disparity } from '../../methods/disparity.ts'
import { choice, cliStamp, loadMatrix, optionalString, usage } from './shared.ts'
import type { MethodCommand } from './types.ts'
import { methodInput } from './weights-options.ts'

export const disparityMethod: MethodCommand = {
  name: 'disparity',
  summary: 'CV, Theil T and L (with between/within groups), Gini per indicator',
  help: `Input: matrix CSV (units × indicators). --group <col> names a column of group labels (e.g.
macro-region) and --weight <col> a column of unit weights (e.g. population); neither is an
indicator. Results are per indicator column. Missing cells are left out; values must be ≥ 0.

Formulas, with shares p_i = w_i/Σw (1/n unweighted) and s_i = w_i y_i/Σ w y:
  CV = √(Σ p_i (y_i − μ)²)/μ, μ = Σ p_i y_i      (--sd sample: n − 1, unweighted only)
  Theil T = Σ s_i ln(s_i/p_i)                      (PySAL inequality.theil.Theil)
  Theil L = Σ p_i ln(p_i/s_i)                      (mean log deviation; null with a zero)
  Gini = Σ_i Σ_j p_i p_j |y_i − y_j| / 2μ         (PySAL inequality.gini.Gini when unweighted)
  between T = Σ_g S_g ln(S_g/P_g), within T = T − between = Σ_g S_g T_g   (PySAL TheilD)
  between L = Σ_g P_g ln(P_g/S_g), within L = Σ_g P_g L_g
Weighted CV is Williamson's (1965). Tested against PySAL's Mexico example.

Output: { columns, n, mean, cv, theil_t, theil_l, gini, between: { theil_t, theil_l },
within: { theil_t, theil_l }, groups (labels, with --group), weighted, stamp }; each a list in
column order.`,
  options: [
    { flags: '--group <col>', description: 'column of group labels for the decomposition' },
    { flags: '--weight <col>', description: 'column of unit weights (e.g. population)' },
    {
      flags: '--sd <kind>',
      description: 'CV standard deviation: population or sample',
      default: 'population',
    },
  ],
  async run(args) {
    const group = optionalString(args, 'group')
    const weight = optionalString(args, 'weight')
    const keep = [group, weight].filter((x): x is string => !!x)
    const { matrix, text } = await loadMatrix(args, keep)
    const sd = choice(args, 'sd', ['population', 'sample'] as const, 'population')
    const weights = weight
      ? text[weight]!.map((v, i) => {
          const w = Number(v)
          if (v.trim() === '' || !Number.isFinite(w))
            throw usage(`--weight ${weight}: "${v}" for ${matrix.units[i]} is not a number`)
          return w
        })
      : undefined
    const groups = group ? text[group] : undefined
    const r = methodInput(() =>
      disparity(matrix, { ...(weights ? { weights } : {}), ...(groups ? { groups } : {}), sd }),
    )
    const pick = (k: keyof (typeof r)[number]) => r.map((c) => c[k])
    return {
      columns: matrix.columns,
      n: pick('n'),
      mean: pick('mean'),
      cv: pick('cv'),
      theil_t: pick('theilT'),
      theil_l: pick('theilL'),
      gini: pick('gini'),
      ...(groups
        ? {
            between: { theil_t: pick('betweenT'), theil_l: pick('betweenL') },
            within: { theil_t: pick('withinT'), theil_l: pick('withinL') },
            groups: [...new Set(groups)],
          }
        : {}),
      weighted: !!weights,
      stamp: cliStamp(
        'disparity',
        '1',
        { group: group ?? null, weight: weight ?? null, sd },
        { matrix, weights, groups },
      ),
    }
  },
}
