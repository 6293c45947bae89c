import { NORMALIZE_SCHEMES, normalize, parseZeroRule } from '../../methods/normalize.ts'
import { choice, cliStamp, directionsOf, loadMatrix, matrixJson, optionalString, usage } from './shared.ts'
import type { MethodCommand } from './types.ts'

export const normalizeMethod: MethodCommand = {
  name: 'normalize',
  summary: 'direction-aware normalisation (min-max, vector, sum, max, z-score)',
  help: `Input: matrix CSV — header row, first column the unit id, other columns numeric indicators.
Empty, NA or NaN cells are missing: skipped by the column statistics and left null in the output.

Formulas per column (benefit / cost column, cost columns named by --cost):
  minmax  (x−min)/(max−min)          / (max−x)/(max−min)      constant column → 1
  vector  x/‖x‖₂                      / 1 − x/‖x‖₂             (Hwang & Yoon 1981)
  sum     x/Σx                        / (1/x)/Σ(1/x)
  max     x/max                       / 1 − x/max
  zscore  (x−mean)/sd                 / (mean−x)/sd            sd with n−1, as R scale()
Sources: Hwang & Yoon (1981) Multiple Attribute Decision Making; Jahan & Edwards (2015),
Materials & Design 65:335–342 (cost forms of the linear schemes).

Zero-avoidance (--zero): none; shift:<eps> adds ε to every normalised value (e.g. shift:0.0001);
rescale:<a>,<b> maps each column's normalised range onto [a, b] (e.g. rescale:0.01,1).
Panel data (--panel): rows are units × periods stacked; "pooled" uses the statistics of all rows
(scores comparable across periods), "by-period" normalises each period's rows alone; --period
names the text column holding each row's period.

Output: { matrix: { units, columns, rows }, directions, stamp }`,
  options: [
    { flags: '--scheme <scheme>', description: 'minmax, vector, sum, max or zscore', default: 'minmax' },
    { flags: '--cost <cols>', description: 'comma-separated cost (lower-is-better) columns' },
    { flags: '--zero <rule>', description: 'none, shift:<eps> or rescale:<a>,<b>', default: 'none' },
    { flags: '--panel <mode>', description: 'pooled or by-period', default: 'pooled' },
    { flags: '--period <col>', description: 'column naming each row’s period (panel data)' },
  ],
  async run(args) {
    const scheme = choice(args, 'scheme', NORMALIZE_SCHEMES, 'minmax')
    const panel = choice(args, 'panel', ['pooled', 'by-period'] as const, 'pooled')
    const period = optionalString(args, 'period')
    if (panel === 'by-period' && !period) throw usage('--panel by-period needs --period <col>')
    const { matrix, text } = await loadMatrix(args, period ? [period] : [])
    const directions = directionsOf(args, matrix)
    let zero: ReturnType<typeof parseZeroRule>
    try {
      zero = parseZeroRule(optionalString(args, 'zero') ?? 'none')
    } catch (e) {
      throw usage(`--zero: ${(e as Error).message}`)
    }
    const periods = period ? text[period] : undefined
    const out = normalize(matrix, { scheme, directions, zero, panel, ...(periods ? { periods } : {}) })
    const options = {
      scheme,
      cost: args.cost ?? null,
      zero: args.zero ?? 'none',
      panel,
      period: period ?? null,
    }
    return {
      matrix: matrixJson(out),
      directions,
      stamp: cliStamp('normalize', '1', options, { matrix, periods }),
    }
  },
}
