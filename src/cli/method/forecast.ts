import { readFile } from 'node:fs/promises'
import { yearOf } from '../../methods/convergence.ts'
import { forecast } from '../../methods/forecast.ts'
import { directionSign, STATUS_LABELS } from '../../methods/progress/status.ts'
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

export const forecastMethod: MethodCommand = {
  name: 'forecast',
  summary: 'trend forecast to a deadline with prediction intervals; P(target reached)',
  help: `Input: one row per series, first column the id, one column per year ("2015", "gdp2020");
optional columns target, target_year, direction (higher/lower) per series, or the same for every
series with --target, --target-year, --direction. Missing years are skipped.

Model (--model): linear, y = a + b·year, or loglinear, ln y = a + b·year (y > 0), by OLS.
Prediction interval (--level, default 0.95): ŷ ± t_{n−2,1−α/2} s √(1 + 1/n + (x₀ − x̄)²/Sxx), the
classical OLS prediction interval; for loglinear computed on ln y and exponentiated.
Probability of reaching the target by the target year from the same predictive t distribution.
Status: achieved (latest value meets the target), on_track (P ≥ ½), off_track; insufficient_data
with fewer than 3 years. Forecasts run to the target year, or --until.

Output: { model, level, series: [{ id, n, df, a, b, s, r2, forecast: [{ year, value, lower, upper }],
target, target_year, probability, status, label_zh, label_en, reason }], stamp }.`,
  options: [
    { flags: '--model <model>', description: 'linear or loglinear', default: 'linear' },
    { flags: '--level <p>', description: 'prediction interval level', default: '0.95' },
    { flags: '--target <value>', description: 'target for every series' },
    { flags: '--target-year <year>', description: 'deadline for every series' },
    { flags: '--direction <dir>', description: 'higher or lower, for every series' },
    { flags: '--until <year>', description: 'forecast horizon when there is no target year' },
  ],
  async run(args) {
    const model = choice(args, 'model', ['linear', 'loglinear'] as const, 'linear')
    const level = numberOption(args, 'level', 0.95)!
    if (!(level > 0 && level < 1)) throw usage('--level must be between 0 and 1')
    const path = requireString(args, 'input')
    const header = csvTextToTable(await readFile(path, 'utf8'), path).header
    const extra = header.slice(1).filter((h) => yearOf(h) === null)
    const { matrix, text } = await loadMatrix(args, extra)
    const years = matrix.columns.map((c) => yearOf(c)!)
    const perRow = (col: string, i: number) => (text[col]?.[i] ?? '').trim()
    const series = matrix.units.map((id, i) => {
      const tRaw = perRow('target', i) || optionalString(args, 'target') || ''
      const yRaw = perRow('target_year', i) || optionalString(args, 'targetYear') || ''
      const dRaw = perRow('direction', i) || optionalString(args, 'direction') || ''
      const target = tRaw === '' ? null : Number(tRaw)
      const targetYear = yRaw === '' ? null : Number(yRaw)
      if (target !== null && !Number.isFinite(target)) throw usage(`${id}: target "${tRaw}" is not a number`)
      const direction = dRaw === '' ? null : directionSign(dRaw)
      if (target !== null && direction === null)
        throw usage(`${id}: a target needs a direction (higher or lower)`)
      const until = targetYear ?? numberOption(args, 'until') ?? Math.max(...years) + 5
      const values = Array.from(matrix.data.subarray(i * matrix.cols, (i + 1) * matrix.cols))
      const r = forecast(years, values, { model, level, until, target, direction: direction ?? 1 })
      const label = STATUS_LABELS[r.status]
      return { id, ...r, target, target_year: targetYear, label_zh: label.zh, label_en: label.en }
    })
    return {
      model,
      level,
      series,
      stamp: cliStamp(
        'forecast',
        '1',
        { model, level, target: args.target ?? null, targetYear: args.targetYear ?? null },
        { matrix },
      ),
    }
  },
}
