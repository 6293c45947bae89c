/**
 * The status of one plan target in one region, from the figures of its indicator (and of the
 * reference region or comparator indicator). Pure: the caller hands in the series.
 *
 * One rule per target form, each named in the result's `method` so a reader sees how the status
 * was reached (all are pro-rata pacing, 序时进度, in the sense of the NDRC's mid-term evaluations of
 * five-year plans: progress made against the share of the plan period elapsed):
 * - level      trajectory: p = (x_t − x_b)/(target − x_b) against e = (t − b)/(D − b)
 * - change     the same, with target = x_b·(1 + pct/100); pct = 0 means "any fall/rise"
 * - increment  actual change x_t − x_b against the required per_year·(t − b)
 * - reference  gap g = x − r (or each one's change since b) now and at b; the year the gap
 *              closes at the present pace, t + |g_t|/((g_t − g_b)/(t − b))
 * - in_step    mean of (x − y) over the years since b, against −tolerance
 * Status: achieved | on_track | off_track | regressing | insufficient_data | not_assessable,
 * with the Chinese plan-evaluation labels as the zh-CN wording. On track means a pace ratio of at
 * least ON_TRACK (0.95, the Open SDG "substantial progress" cut-off); above 1 the zh label says
 * 快于预期 (ahead of schedule).
 */
import { referenceGap } from '../methods/progress/reference.ts'
import { ON_TRACK, type Status, statusLabel } from '../methods/progress/status.ts'
import { trajectory } from '../methods/progress/trajectory.ts'
import type { Target } from './model.ts'

export { STATUS_LABELS, STATUSES, type Status } from '../methods/progress/status.ts'
export { statusLabel }

export type Series = ReadonlyMap<number, number>

export interface TargetInputs {
  target: Target
  region: string
  /** the indicator's direction, from the catalogue (never assumed) */
  direction: 'higher' | 'lower'
  series: Series
  /** reference region's series (reference form) or comparator indicator's (in_step form) */
  other?: Series
  /** the last year that counts (what is known "now"); default: the latest year in the data */
  asOfYear?: number
}

export interface TargetStatus {
  targetId: string
  region: string
  status: Status
  /** ahead of schedule: on track with a pace ratio above 1 (zh 快于预期) */
  ahead: boolean
  method: string
  baseYear: number | null
  baseValue: number | null
  currentYear: number | null
  currentValue: number | null
  quantities: Record<string, number | null>
  /** what data would be needed, when the status is insufficient_data */
  missing: string[]
  reason: string
}

export function assessTarget(inp: TargetInputs): TargetStatus {
  const t = inp.target
  const form = t.target
  if (form.form === 'qualitative' || t.indicator === null)
    return blank(inp, 'not_assessable', 'qualitative', 'qualitative target: judged by supervision evidence')
  // growth "in step" compares years after the base year; the base year's own figure is not needed
  if (form.form === 'in_step') return inStep(inp, form.with, form.tolerance)
  const base = baseOf(inp)
  if (!base) return insufficient(inp, 'base', [need(t.indicator, inp.region, t.baseline_year ?? 'base year')])
  const cur = latest(inp.series, base.year, inp.asOfYear)
  if (!cur) return insufficient(inp, 'current', [need(t.indicator, inp.region, `after ${base.year}`)])
  switch (form.form) {
    case 'level':
      return pace(inp, base, cur, form.value, `trajectory (level ${form.op} ${form.value})`)
    case 'change': {
      if (base.value === 0)
        return blank(inp, 'not_assessable', 'change', 'base value is zero: a percentage change is undefined')
      const goal = base.value * (1 + form.pct / 100)
      return form.pct === 0
        ? anyMove(inp, base, cur)
        : pace(inp, base, cur, goal, `trajectory (change ${form.pct}% from ${base.year})`)
    }
    case 'increment':
      return increment(inp, base, cur, form.per_year)
    case 'reference':
      return reference(inp, base, cur, form.op, form.reference, form.compare)
  }
}

type Point = { year: number; value: number }

function baseOf(inp: TargetInputs): Point | null {
  const y = inp.target.baseline_year
  if (inp.target.baseline_value !== undefined && y !== undefined)
    return { year: y, value: inp.target.baseline_value }
  if (y === undefined) {
    const years = [...inp.series.keys()].sort((a, b) => a - b)
    return years.length ? { year: years[0]!, value: inp.series.get(years[0]!)! } : null
  }
  const v = inp.series.get(y)
  return v === undefined ? null : { year: y, value: v }
}

function latest(s: Series, after: number, asOf?: number): Point | null {
  let best: Point | null = null
  for (const [year, value] of s) {
    if (year <= after || (asOf !== undefined && year > asOf)) continue
    if (!best || year > best.year) best = { year, value }
  }
  return best
}

const need = (indicator: string, region: string, when: string | number) =>
  `${indicator} · ${region} · ${when}`

function result(
  inp: TargetInputs,
  status: Status,
  method: string,
  base: Point | null,
  cur: Point | null,
  quantities: Record<string, number | null>,
  reason: string,
  ahead = false,
  missing: string[] = [],
): TargetStatus {
  return {
    targetId: inp.target.id,
    region: inp.region,
    status,
    ahead,
    method,
    baseYear: base?.year ?? null,
    baseValue: base?.value ?? null,
    currentYear: cur?.year ?? null,
    currentValue: cur?.value ?? null,
    quantities,
    missing,
    reason,
  }
}

const blank = (inp: TargetInputs, status: Status, method: string, reason: string) =>
  result(inp, status, method, null, null, {}, reason)

function insufficient(inp: TargetInputs, what: 'base' | 'current', missing: string[]): TargetStatus {
  const reason = what === 'base' ? 'no figure for the base year' : 'no figure after the base year'
  return result(inp, 'insufficient_data', inp.target.target.form, null, null, {}, reason, false, missing)
}

const deadlineOf = (inp: TargetInputs) => inp.target.deadline

/** Pro-rata pacing towards a level `goal` by the deadline (src/methods/progress/trajectory.ts). */
function pace(inp: TargetInputs, base: Point, cur: Point, goal: number, method: string): TargetStatus {
  const D = deadlineOf(inp)
  const p = trajectory({
    baseYear: base.year,
    base: base.value,
    year: cur.year,
    value: cur.value,
    goal,
    deadline: D ?? base.year,
  })
  const q = { goal, progress: p.progress, elapsed: p.elapsed, ratio: p.ratio }
  return result(inp, p.status, method, base, cur, q, p.reason, p.ahead)
}

/** "Falls further" / "rises further": any move in the good direction since the base year. */
function anyMove(inp: TargetInputs, base: Point, cur: Point): TargetStatus {
  const good = inp.direction === 'lower' ? cur.value < base.value : cur.value > base.value
  const change = (cur.value / base.value - 1) * 100
  const method = `direction of change since ${base.year}`
  if (good)
    return result(
      inp,
      'achieved',
      method,
      base,
      cur,
      { change_pct: change },
      'moved in the intended direction',
    )
  return result(
    inp,
    'regressing',
    method,
    base,
    cur,
    { change_pct: change },
    'moved against the intended direction',
  )
}

function increment(inp: TargetInputs, base: Point, cur: Point, perYear: number): TargetStatus {
  const method = `annual increment (${perYear} a year from ${base.year})`
  const actual = cur.value - base.value
  const required = perYear * (cur.year - base.year)
  const ratio = required === 0 ? null : actual / required
  const q = { actual, required, ratio, per_year_actual: actual / (cur.year - base.year) }
  const D = deadlineOf(inp)
  if (ratio === null)
    return result(inp, 'not_assessable', method, base, cur, q, 'a zero increment cannot be paced')
  if (ratio < 0)
    return result(inp, 'regressing', method, base, cur, q, 'moved against the required increments')
  if (D !== null && cur.year >= D && ratio >= 1)
    return result(inp, 'achieved', method, base, cur, q, 'every required increment made')
  const status = ratio >= ON_TRACK ? 'on_track' : 'off_track'
  return result(inp, status, method, base, cur, q, `${pct(ratio)} of the required increments`, ratio > 1)
}

function reference(
  inp: TargetInputs,
  base: Point,
  cur: Point,
  op: '>=' | '<=',
  refCode: string,
  compare: 'level' | 'change',
): TargetStatus {
  const method = `distance to ${refCode} (${compare === 'level' ? 'levels' : `change since ${base.year}`})`
  const r = inp.other
  const rb = r?.get(base.year)
  const rc = r?.get(cur.year)
  const ind = inp.target.indicator!
  if (rb === undefined || rc === undefined) {
    const missing = [rb === undefined ? base.year : null, rc === undefined ? cur.year : null]
      .filter((y) => y !== null)
      .map((y) => need(ind, refCode, y!))
    return result(
      inp,
      'insufficient_data',
      method,
      base,
      cur,
      {},
      `no ${refCode} figure to compare with`,
      false,
      missing,
    )
  }
  if (compare === 'change' && (base.value === 0 || rb === 0))
    return result(inp, 'not_assessable', method, base, cur, {}, 'a zero base makes the change undefined')
  const own: [number, number] =
    compare === 'level' ? [base.value, cur.value] : [0, (cur.value / base.value - 1) * 100]
  const ref: [number, number] = compare === 'level' ? [rb, rc] : [0, (rc / rb - 1) * 100]
  const g = referenceGap({
    sign: op === '>=' ? 1 : -1,
    baseYear: base.year,
    year: cur.year,
    own,
    ref,
    deadline: deadlineOf(inp),
    judgeOwnMove: compare === 'level',
  })
  const q = { gap: g.gap, gap_base: g.gapBase, gap_trend: g.trend, closes_in: g.closesIn }
  return result(
    inp,
    g.status,
    method,
    base,
    cur,
    q,
    g.reason.replace('the reference', refCode).replace('the gap', `the gap to ${refCode}`),
  )
}

function inStep(inp: TargetInputs, withKey: string, tolerance: number): TargetStatus {
  const from = inp.target.baseline_year ?? Number.NEGATIVE_INFINITY
  const method = `in step with ${withKey} (mean difference of the years after ${inp.target.baseline_year ?? 'the first'})`
  const diffs: number[] = []
  const missing: string[] = []
  let last: Point | null = null
  for (const [year, x] of [...inp.series].sort((a, b) => a[0] - b[0])) {
    if (year <= from || (inp.asOfYear !== undefined && year > inp.asOfYear)) continue
    const v = inp.other?.get(year)
    if (v === undefined) missing.push(need(withKey, inp.region, year))
    else {
      diffs.push(x - v)
      last = { year, value: x }
    }
  }
  const base = null
  const cur = last
  if (diffs.length === 0) {
    if (missing.length === 0)
      missing.push(need(inp.target.indicator!, inp.region, `after ${inp.target.baseline_year}`))
    return result(inp, 'insufficient_data', method, base, cur, {}, 'no year with both series', false, missing)
  }
  const mean = diffs.reduce((a, b) => a + b, 0) / diffs.length
  const q = { mean_difference: mean, years: diffs.length, tolerance }
  if (mean >= -tolerance)
    return result(inp, 'on_track', method, base, cur, q, 'growth basically in step', mean > tolerance)
  return result(inp, 'off_track', method, base, cur, q, 'growth lags the comparator')
}

const pct = (x: number) => `${Math.round(x * 100)}%`
