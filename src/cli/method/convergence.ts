import { readFile } from 'node:fs/promises'
import { basename } from 'node:path'
import { convergence, yearOf } from '../../methods/convergence.ts'
import { choice, cliStamp, csvTextToTable, loadMatrix, numberOption, requireString, usage } from './shared.ts'
import type { MethodCommand } from './types.ts'
import { methodInput } from './weights-options.ts'

export const convergenceMethod: MethodCommand = {
  name: 'convergence',
  summary: 'σ-convergence (sd of ln y per period) and absolute β-convergence',
  help: `Input: one row per unit, one column per period named by its year ("1940", "pcgdp1940",
"gdp_2020": the last 4-digit year in the name); periods are sorted by year. Other columns (no
year in the name, e.g. region codes) are ignored and listed.

σ-convergence: σ_t = sd_i(ln y_it), the population sd (÷n, numpy's default) or with --sd sample the
n − 1 sd; CV_t = sd(y_t)/mean(y_t) with the same divisor. Falling σ means convergence.
Absolute β-convergence: OLS across units of the average annual growth on the initial log level,
  g_i = ln(y_iT/y_i0)/τ = a + b ln y_i0 + ε_i,  τ = T − t0 years (--from/--to; default first and last),
se_b = √(SSR/(n−2)/Σ(x−x̄)²), t_b = b/se_b, p_b two-sided from Student's t (n − 2 df), r2 = 1 − SSR/SST.
b < 0 means convergence; implied speed λ = −ln(1 + bτ)/τ (null when 1 + bτ ≤ 0) and half-life
= ln 2/λ (null unless λ > 0). Sources: Barro & Sala-i-Martin (1992) "Convergence", J. Political
Economy 100(2):223–251; Sala-i-Martin (1996) "The classical approach to convergence analysis",
Economic Journal 106(437):1019–1036.

Missing data: a unit with an empty or non-positive value (ln y undefined) is left out and listed in
excluded with the years. --sample available (default) uses each period's valid units for σ_t (their
count is n) and the units valid in both β years for β, so a panel whose series start in different
years still gives every period; --sample balanced leaves such a unit out of every period and of β,
so σ compares the same units throughout. Fewer than 3 units for β give null β fields and a note.

Output: { units, years, columns (the column of each year), n (units per period), sigma, cv,
beta: { b, a, se_b, t_b, p_b, r2, lambda, half_life, n, from, to }, excluded ([{ unit, reason }]),
ignored_columns, notes, stamp }; sigma, cv and n are lists in year order.`,
  options: [
    { flags: '--from <year>', description: 'initial year of β (default the first)' },
    { flags: '--to <year>', description: 'final year of β (default the last)' },
    { flags: '--sd <kind>', description: 'population or sample', default: 'population' },
    { flags: '--sample <kind>', description: 'available or balanced', default: 'available' },
  ],
  async run(args) {
    const path = requireString(args, 'input')
    const sd = choice(args, 'sd', ['population', 'sample'] as const, 'population')
    const sample = choice(args, 'sample', ['available', 'balanced'] as const, 'available')
    const from = yearOption(args, 'from')
    const to = yearOption(args, 'to')
    let header: string[]
    try {
      header = csvTextToTable(await readFile(path, 'utf8'), basename(path)).header
    } catch (e) {
      throw usage(e instanceof Error && 'code' in e ? `${path}: cannot read the file` : (e as Error).message)
    }
    const ignored = header.slice(1).filter((h) => yearOf(h) === null)
    const { matrix } = await loadMatrix(args, ignored)
    if (matrix.cols < 2) throw usage(`${basename(path)}: convergence needs at least two year columns`)
    const r = methodInput(() =>
      convergence(matrix, {
        sd,
        sample,
        ...(from !== undefined ? { from } : {}),
        ...(to !== undefined ? { to } : {}),
      }),
    )
    return {
      units: matrix.units,
      years: r.years,
      columns: r.columns,
      n: r.n,
      sigma: r.sigma,
      cv: r.cv,
      beta: r.beta,
      excluded: r.excluded,
      ignored_columns: ignored,
      notes: r.notes,
      stamp: cliStamp('convergence', '1', { from: r.beta.from, to: r.beta.to, sd, sample }, { matrix }),
    }
  },
}

function yearOption(args: Parameters<MethodCommand['run']>[0], key: 'from' | 'to'): number | undefined {
  const y = numberOption(args, key)
  if (y !== undefined && !Number.isInteger(y)) throw usage(`--${key} "${args[key]}" is not a year`)
  return y
}
