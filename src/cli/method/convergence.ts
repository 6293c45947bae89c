import { readFile } from 'node:fs/promises'
import { convergence, yearOf } from '../../methods/convergence.ts'
import { choice, cliStamp, csvTextToTable, loadMatrix, numberOption, requireString, usage } from './shared.ts'
import type { MethodCommand } from './types.ts'
import { methodInput } from './weights-options.ts'

export const convergenceMethod: MethodCommand = {
  name: 'convergence',
  summary: 'σ-convergence (sd of ln y per period) and absolute β-convergence',
  help: `Input: one row per unit, one column per period named by its year ("2015", "pcgdp1940");
other columns (no 4-digit year in the name) are ignored and listed. Units with a missing or
non-positive value in the first or last year are left out of β and listed.

Formulas: σ_t = sd_i(ln y_it) (--sd population, default, or sample), CV_t = sd(y_t)/mean(y_t);
β: OLS of g_i = ln(y_iT/y_i0)/τ on ln y_i0 (τ = T − t0 years; --from/--to pick the years,
default first and last): g = a + b ln y0, se_b, R²; speed λ = −ln(1 + bτ)/τ, half-life = ln 2/λ
(Barro & Sala-i-Martin 1992; Sala-i-Martin 1996). b < 0 means convergence.

Output: { units, years, sigma, cv, beta: { b, a, se_b, r2, lambda, half_life, n, from, to },
excluded, ignored_columns, stamp }.`,
  options: [
    { flags: '--from <year>', description: 'initial year of β (default the first)' },
    { flags: '--to <year>', description: 'final year of β (default the last)' },
    { flags: '--sd <kind>', description: 'population or sample', default: 'population' },
  ],
  async run(args) {
    const path = requireString(args, 'input')
    let header: string[]
    try {
      header = csvTextToTable(await readFile(path, 'utf8'), path).header
    } catch (e) {
      throw usage((e as Error).message)
    }
    const ignored = header.slice(1).filter((h) => yearOf(h) === null)
    const { matrix } = await loadMatrix(args, ignored)
    const sd = choice(args, 'sd', ['population', 'sample'] as const, 'population')
    const from = numberOption(args, 'from')
    const to = numberOption(args, 'to')
    const r = methodInput(() =>
      convergence(matrix, {
        sd,
        ...(from !== undefined ? { from } : {}),
        ...(to !== undefined ? { to } : {}),
      }),
    )
    return {
      units: matrix.units,
      years: r.years,
      sigma: r.sigma,
      cv: r.cv,
      beta: r.beta,
      excluded: r.excluded,
      ignored_columns: ignored,
      stamp: cliStamp('convergence', '1', { from: r.beta.from, to: r.beta.to, sd }, { matrix }),
    }
  },
}
