/** `jueqi method forecast`: OLS trend to the deadline, prediction intervals, P(target reached). */
import { readFile } from 'node:fs/promises'
import { basename } from 'node:path'
import { yearOf } from '../../methods/convergence.ts'
import { forecast } from '../../methods/forecast.ts'
import { STATUSES, statusLabels } from '../../methods/progress/status.ts'
import { directionSign } from '../../methods/progress/types.ts'
import {
  choice,
  cliStamp,
  csvTextToTable,
  loadMatrix,
  numberOption,
  optionalString,
  requireString,
  usage,
} from './shared.ts'
import type { MethodCommand } from './types.ts'

const PER_ROW = ['target', 'target_year', 'direction'] as const

export const forecastMethod: MethodCommand = {
  name: 'forecast',
  summary: 'trend forecast to a deadline with prediction intervals and P(target reached)',
  help: `Input: one row per series, first column the id, one column per year named by it ("2015",
"gdp2020": the last 4-digit year in the name). Optional columns target, target_year and direction
(higher/lower, increase/decrease) give each series its own target; --target, --target-year and
--direction give the value for rows whose cell is empty. Other columns are ignored and listed.
Empty or NA cells are missing years and are skipped. A row with a target but no direction is
refused (file and line named).

Model (--model): linear, y = a + b·year, or loglinear, ln y = a + b·year (all y > 0), by OLS.
Prediction interval (--level, default 0.95), the classical OLS prediction interval for a new
observation (Montgomery, Peck & Vining, Introduction to Linear Regression Analysis, eq. 2.45):
  ŷ(x₀) ± t_{n−2, 1−α/2} · s · √(1 + 1/n + (x₀ − x̄)²/Sxx),  s² = SSR/(n − 2), Sxx = Σ(x − x̄)²;
for loglinear it is computed on ln y and exponentiated (a median forecast). t quantiles and CDF
from the regularised incomplete beta function (Numerical Recipes §6.4).
The forecast runs year by year from the year after the last observation to the target year
(--until when there is no target year; default last year + 5).
Probability of reaching the target: from the same predictive t distribution at the target year,
P = 1 − F_t((g − ŷ)/se) for higher-is-better (F_t(…) for lower), on ln scale for loglinear — the
probability that the value of that year is on the right side of the target if the trend and its
independent normal errors continue (autocorrelated residuals make it over-confident).
Status: achieved (latest value meets the target), on_track (P ≥ ½), off_track, regressing (the
trend moves away from the target), insufficient_data (fewer than 3 years), not_assessable (no
target, or non-positive values for loglinear).

Output: { model, level, years, series: [{ id, n, df, a, b, s, r2, target, target_year, direction,
forecast: [{ year, value, lower, upper }], probability, status, label_zh, label_en, reason }],
summary: { <status>: count }, ignored_columns, stamp }.`,
  options: [
    { flags: '--model <model>', description: 'linear or loglinear', default: 'linear' },
    { flags: '--level <p>', description: 'prediction interval level', default: '0.95' },
    { flags: '--target <value>', description: 'target for rows without a target cell' },
    { flags: '--target-year <year>', description: 'deadline for rows without a target_year cell' },
    { flags: '--direction <dir>', description: 'higher or lower, for rows without a direction cell' },
    { flags: '--until <year>', description: 'forecast horizon when there is no target year' },
  ],
  async run(args) {
    const model = choice(args, 'model', ['linear', 'loglinear'] as const, 'linear')
    const level = numberOption(args, 'level', 0.95)!
    if (!(level > 0 && level < 1)) throw usage('--level must be between 0 and 1')
    const until = numberOption(args, 'until')
    const path = requireString(args, 'input')
    const file = basename(path)
    let table: ReturnType<typeof csvTextToTable>
    try {
      table = csvTextToTable(await readFile(path, 'utf8'), file)
    } catch (e) {
      throw usage(e instanceof Error && 'code' in e ? `${path}: cannot read the file` : (e as Error).message)
    }
    const nonYear = table.header.slice(1).filter((h) => yearOf(h) === null)
    const { matrix, text } = await loadMatrix(args, nonYear)
    if (matrix.cols < 1) throw usage(`${file}: no year columns`)
    const years = matrix.columns.map((c) => yearOf(c)!)
    const lastYear = Math.max(...years)
    const cell = (col: string, i: number) => (text[col]?.[i] ?? '').trim()
    const fallback = {
      target: optionalString(args, 'target') ?? '',
      target_year: optionalString(args, 'targetYear') ?? '',
      direction: optionalString(args, 'direction') ?? '',
    }
    const errors: string[] = []
    const series = matrix.units.map((id, i) => {
      const line = table.rows[i]?.line ?? i + 2
      const raw = (c: (typeof PER_ROW)[number]) => cell(c, i) || fallback[c]
      const num = (c: 'target' | 'target_year'): number | null => {
        const v = raw(c)
        if (v === '') return null
        const n = Number(v)
        if (!Number.isFinite(n)) errors.push(`${file}:${line}:${c}: "${v}" is not a number`)
        return n
      }
      const target = num('target')
      const targetYear = num('target_year')
      const direction = raw('direction') === '' ? null : directionSign(raw('direction'))
      if (raw('direction') !== '' && direction === null)
        errors.push(`${file}:${line}:direction: "${raw('direction')}"; say higher or lower`)
      else if (target !== null && direction === null)
        errors.push(`${file}:${line}: series "${id}" has a target but no direction (column or --direction)`)
      const values = matrix.data.subarray(i * matrix.cols, (i + 1) * matrix.cols)
      const r = forecast(years, values, {
        model,
        level,
        until: targetYear ?? until ?? lastYear + 5,
        target,
        direction: direction ?? 1,
      })
      return {
        id,
        ...r,
        target,
        target_year: targetYear,
        direction: direction === null ? null : direction === 1 ? 'higher' : 'lower',
        ...statusLabels(r.status),
      }
    })
    if (errors.length) throw usage(errors.join('\n'))
    const summary = Object.fromEntries(STATUSES.map((k) => [k, series.filter((x) => x.status === k).length]))
    return {
      model,
      level,
      years,
      series,
      summary,
      ignored_columns: nonYear.filter((c) => !(PER_ROW as readonly string[]).includes(c)),
      stamp: cliStamp('forecast', '1', { model, level, until: until ?? null, ...fallback }, { matrix, text }),
    }
  },
}
