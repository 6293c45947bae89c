/** `jueqi method progress`: progress against targets by Open SDG, UNSD, 序时进度 or a reference. */
import { readFile } from 'node:fs/promises'
import { basename } from 'node:path'
import { openSdg } from '../../methods/progress/opensdg.ts'
import { referenceGap } from '../../methods/progress/reference.ts'
import { inStep, resolveGoal, TARGET_TYPES, type TargetType } from '../../methods/progress/relative.ts'
import { rollup } from '../../methods/progress/rollup.ts'
import { STATUSES, type Status, statusLabels } from '../../methods/progress/status.ts'
import { trajectory } from '../../methods/progress/trajectory.ts'
import { directionSign, type ProgressSeries } from '../../methods/progress/types.ts'
import { unsd } from '../../methods/progress/unsd.ts'
import { choice, cliStamp, csvTextToTable, numberOption, requireString, usage } from './shared.ts'
import type { MethodArgs, MethodCommand } from './types.ts'

const METHODS = ['opensdg', 'unsd', 'trajectory', 'reference'] as const
type Method = (typeof METHODS)[number]

const SOURCES: Record<Method, string> = {
  opensdg:
    'Open SDG / Statistics Canada progress measure: open-sdg/sdg-build sdg/ProgressMeasure.py; open-sdg docs/progress-methodology.md',
  unsd: 'UN Statistics Division, SDG Progress Chart 2023 Technical Note, as transcribed by Eustat (EUSTAT-DES/site metodologia.md)',
  trajectory: 'pro-rata pacing (序时进度): share of the distance covered vs share of the period elapsed',
  reference: 'distance to a reference region: gap, gap trend and year the gap closes at the present pace',
}

export const progressMethod: MethodCommand = {
  name: 'progress',
  summary: 'progress against targets: Open SDG, UNSD, pro-rata pacing (序时进度), distance to a reference',
  help: `Input: one row per target series, columns (header names, any order, case-insensitive)
  id, direction, base_year, base_value, current_year, current_value, target, target_year, limit
with empty cells where there is none, and optionally target_type, reference_base, reference_current.
direction is required on every row: higher / increase / positive, or lower / decrease / negative
(a row without one is refused, naming file and line). A number that is not a number is refused
(file:line:column); an empty base or current value makes that row insufficient_data, not an error.
target_type (default absolute):
  absolute          target is the value to reach.
  change_pct        target is a cumulative % change from base_value ("down 13.5% from 2020": -13.5);
                    goal = base_value·(1 + target/100).
  annual_increment  target is a change per year ("+1 point a year": 1); goal = base_value +
                    target·(target_year − base_year).
  with_growth       "in step with" a reference series whose values at base_year and current_year are
                    reference_base and reference_current (e.g. income in step with GDP); own CAGR
                    vs the reference's, on track within --tolerance percentage points a year (0.5).
                    Judged the same way under every --method.

Methods (--method, default opensdg); each series reports the method's own quantities:
  opensdg     Open SDG / Statistics Canada (open-sdg/sdg-build sdg/ProgressMeasure.py, reproduced):
              CAGR_o = (v_t/v_b)^(1/(t−b)) − 1; with a target, progress_value = s·d·CAGR_o/|CAGR_r|,
              CAGR_r = (target/v_b)^(1/(T−b)) − 1, thresholds 0.95 / 0.6 / 0; without, progress_value
              = s·d·CAGR_o, thresholds 1.5% / 0.5% / 0 a year, reduced near a natural limit (limit
              column) by C = 1 − (|v_b|/|L|)^4.44 (or 1 − ((2|L|−|v_b|)/|L|)^4.44, or 1 beyond 2|L|);
              d = ±1 direction, s = −1 for a negative base. score on −5…5 (sdg-build's get_score);
              method_status target_achieved / substantial_progress / moderate_progress /
              limited_progress / deterioration. target_year defaults to 2030; a target of 0 is
              replaced by 0.001 (as sdg-build). Zero base: not_assessable (default) or, with
              --zero-base substitute, sdg-build's replacement by 0.001.
              Fields: methodology, progress_value, score, cagr_actual, cagr_required, thresholds,
              target_achieved.
  unsd        UN SDG Progress Chart (2023 Technical Note as transcribed by Eustat; the primary PDF was
              not available, so only the transcribed rules are implemented): projected =
              v_t (1 + CAGR_a)^(T − t); ratio = (projected − v_b)/(target − v_b), score 3 (≥ 0.95),
              2 (≥ 0.10), 1; without a target, CAGR_a ≥ 2% → 3, ≥ 0.5% → 2, else 1 (mirrored for a
              decrease). method_status target_met_or_on_track / fair_progress_acceleration_needed /
              stagnation_or_regression. Fields: cagr_actual, cagr_required (for comparison),
              projected, ratio, score.
  trajectory  pro-rata pacing (序时进度): progress = (v_t − v_b)/(goal − v_b), elapsed =
              (t − b)/(target_year − b) (capped at 1), ratio = progress/elapsed; on track when ratio
              ≥ --on-track (0.95), ahead (快于预期) above 1; needs target and target_year.
              Fields: progress, elapsed, ratio.
  reference   distance to a reference ("reach the national average"): the reference's values come
              from reference_base and reference_current; without them, the target column is a
              static reference value (both years). gap = d·(v − r) now and at the base year,
              gap_trend a year, gap_closed (share of the base gap closed), closes_year = year the gap
              closes at the present pace (linear); on track if it closes by target_year (or, with
              no target_year, if it is closing), regressing if it widens.
Status (every method): achieved / on_track / off_track / regressing / insufficient_data /
not_assessable, with label_zh (提前实现 / 基本符合预期, 快于预期 when ahead / 滞后于预期 / 倒退 / 数据不足 /
无法评估) and label_en. Zero or sign-changing bases give not_assessable with a reason, never a
number. --method all runs the four methods side by side and flags the series where they disagree.

Output: { method, source, series: [{ id, target_type, goal, …method fields, status, method_status,
ahead, label_zh, label_en, reason }], summary: { <status>: count }, rollup: { n, assessed,
share_on_course (achieved + on_track over assessed), mean_score (mean of score, or of ratio for
trajectory; direction-normalised, so indicators of opposite direction can be averaged) }, stamp }.
With --method all: series: [{ id, target_type, goal, opensdg: {…}, unsd: {…}, trajectory: {…},
reference: {…}, statuses: { <method>: status }, agree }], summary: { <method>: { <status>: count } }.`,
  options: [
    {
      flags: '--method <name>',
      description: 'opensdg, unsd, trajectory, reference, or all',
      default: 'opensdg',
    },
    {
      flags: '--zero-base <rule>',
      description: 'opensdg: not_assessable or substitute (0.001)',
      default: 'not_assessable',
    },
    {
      flags: '--on-track <ratio>',
      description: 'trajectory: pace ratio counted as on track',
      default: '0.95',
    },
    {
      flags: '--tolerance <pp>',
      description: 'with_growth: shortfall in pp a year still on track',
      default: '0.5',
    },
  ],
  async run(args) {
    const method = choice(args, 'method', [...METHODS, 'all'] as const, 'opensdg')
    const opts = optionsOf(args)
    const path = requireString(args, 'input')
    let text: string
    try {
      text = await readFile(path, 'utf8')
    } catch {
      throw usage(`${path}: cannot read the file`)
    }
    const rows = parseRows(text, basename(path))
    const stamp = cliStamp('progress', '1', { method, ...opts }, { rows })
    if (method === 'all') return compareAll(rows, opts, stamp)
    const series = rows.map((r) => ({ id: r.s.id, target_type: r.type, ...assess(method, r, opts) }))
    const summary = Object.fromEntries(STATUSES.map((k) => [k, series.filter((x) => x.status === k).length]))
    const { counts: _c, ...roll } = rollup(
      series.map((x) => ({ status: x.status, score: scoreOf(method, x) })),
    )
    return { method, source: SOURCES[method], series, summary, rollup: roll, stamp }
  },
}

interface Opts {
  zeroBase: 'not_assessable' | 'substitute'
  onTrack: number
  tolerance: number
}

function optionsOf(args: MethodArgs): Opts {
  const onTrack = numberOption(args, 'onTrack', 0.95)!
  const tolerance = numberOption(args, 'tolerance', 0.5)!
  if (!(onTrack > 0)) throw usage('--on-track must be a positive ratio')
  if (!(tolerance >= 0)) throw usage('--tolerance must be ≥ 0')
  return {
    zeroBase: choice(args, 'zeroBase', ['not_assessable', 'substitute'] as const, 'not_assessable'),
    onTrack,
    tolerance,
  }
}

function scoreOf(method: Method, x: Record<string, unknown>): number | null {
  const v = method === 'trajectory' ? x.ratio : method === 'reference' ? null : x.score
  return typeof v === 'number' ? v : null
}

function compareAll(rows: Row[], opts: Opts, stamp: unknown) {
  const series = rows.map((r) => {
    const per = Object.fromEntries(METHODS.map((m) => [m, assess(m, r, opts)])) as Record<
      Method,
      ReturnType<typeof assess>
    >
    const statuses = Object.fromEntries(METHODS.map((m) => [m, per[m].status])) as Record<Method, Status>
    const judged = Object.values(statuses).filter((s) => s !== 'not_assessable' && s !== 'insufficient_data')
    return {
      id: r.s.id,
      target_type: r.type,
      goal: per.opensdg.goal,
      ...per,
      statuses,
      agree: new Set(judged).size <= 1,
    }
  })
  const summary = Object.fromEntries(
    METHODS.map((m) => [
      m,
      Object.fromEntries(STATUSES.map((k) => [k, series.filter((x) => x.statuses[m] === k).length])),
    ]),
  )
  return { method: 'all', source: SOURCES, series, summary, stamp }
}

interface Row {
  s: ProgressSeries
  type: TargetType
  target: number | null
  /** why the row cannot be assessed at all (an empty base or current value) */
  missing: string | null
}

type Assessment = Record<string, unknown> & { goal: number | null; status: Status }

function assess(method: Method, r: Row, o: Opts): Assessment {
  const { s, type } = r
  const done = (status: Status, rest: Record<string, unknown>, ahead = false): Assessment => ({
    ...rest,
    goal: (rest.goal as number | null | undefined) ?? null,
    status,
    ahead,
    ...statusLabels(status, ahead),
  })
  if (r.missing) return done('insufficient_data', { method_status: 'not_available', reason: r.missing })
  if (type === 'with_growth') {
    const g = inStep(s, o.tolerance)
    return done(g.status, { ...g, method_status: 'in_step' }, g.ahead)
  }
  let goal: number | null = null
  if (r.target !== null) {
    if (type === 'annual_increment' && s.targetYear === null)
      return done('not_assessable', {
        method_status: 'not_available',
        reason: 'annual_increment needs target_year',
      })
    goal = resolveGoal(type, s.baseValue, r.target, s.baseYear, s.targetYear)
  }
  const resolved = { ...s, target: goal }
  switch (method) {
    case 'opensdg': {
      const x = openSdg(resolved, { zeroBase: o.zeroBase })
      return done(x.status, { goal, ...x }, x.ahead)
    }
    case 'unsd': {
      const x = unsd(resolved)
      return done(x.status, { goal, ...x }, x.ahead)
    }
    case 'trajectory': {
      if (goal === null || s.targetYear === null)
        return done('not_assessable', {
          goal,
          method_status: 'not_available',
          reason: 'trajectory needs target and target_year',
        })
      const p = trajectory({
        direction: s.direction,
        baseYear: s.baseYear,
        base: s.baseValue,
        year: s.currentYear,
        value: s.currentValue,
        goal,
        deadline: s.targetYear,
        onTrack: o.onTrack,
      })
      const { status, ahead, ...q } = p
      return done(status, { goal, ...q, method_status: status }, ahead)
    }
    case 'reference': {
      const rb = s.referenceBase ?? goal
      const rc = s.referenceCurrent ?? goal
      if (rb === null || rc === null)
        return done('not_assessable', {
          goal,
          method_status: 'not_available',
          reason: 'reference needs reference_base and reference_current, or a target value',
        })
      const g = referenceGap({
        direction: s.direction,
        baseYear: s.baseYear,
        year: s.currentYear,
        own: [s.baseValue, s.currentValue],
        ref: [rb, rc],
        deadline: s.targetYear,
      })
      const { status, ...q } = g
      return done(status, { goal, reference_base: rb, reference_current: rc, ...q, method_status: status })
    }
  }
}

const REQUIRED = ['id', 'direction', 'base_year', 'base_value', 'current_year', 'current_value'] as const

function parseRows(text: string, file: string): Row[] {
  let t: ReturnType<typeof csvTextToTable>
  try {
    t = csvTextToTable(text, file)
  } catch (e) {
    throw usage((e as Error).message)
  }
  const col = new Map(t.header.map((h, i) => [h.trim().toLowerCase(), i]))
  const missingCols = REQUIRED.filter((c) => !col.has(c))
  if (missingCols.length) throw usage(`${file}: missing column(s) ${missingCols.join(', ')}`)
  const errors: string[] = []
  const rows = t.rows.map((r): Row => {
    const cell = (c: string) => (col.has(c) ? (r.cells[col.get(c)!] ?? '').trim() : '')
    const where = (c: string) => `${file}:${r.line}:${c}`
    const num = (c: string): number | null => {
      const v = cell(c)
      if (v === '' || /^(na|nan|null)$/i.test(v)) return null
      const n = Number(v)
      if (!Number.isFinite(n)) {
        errors.push(`${where(c)}: "${v}" is not a number`)
        return null
      }
      return n
    }
    const id = cell('id') || `line ${r.line}`
    const dir = directionSign(cell('direction'))
    if (dir === null)
      errors.push(
        `${where('direction')}: series "${id}" has direction "${cell('direction')}"; say higher or lower (increase/decrease)`,
      )
    const typeText = (cell('target_type') || 'absolute').toLowerCase()
    if (!(TARGET_TYPES as readonly string[]).includes(typeText))
      errors.push(`${where('target_type')}: "${typeText}"; expected ${TARGET_TYPES.join(', ')}`)
    const baseYear = num('base_year')
    const baseValue = num('base_value')
    const currentYear = num('current_year')
    const currentValue = num('current_value')
    const empty = (
      [
        ['base_year', baseYear],
        ['base_value', baseValue],
        ['current_year', currentYear],
        ['current_value', currentValue],
      ] as const
    ).filter(([, v]) => v === null)
    return {
      s: {
        id,
        direction: dir ?? 1,
        baseYear: baseYear ?? Number.NaN,
        baseValue: baseValue ?? Number.NaN,
        currentYear: currentYear ?? Number.NaN,
        currentValue: currentValue ?? Number.NaN,
        target: null,
        targetYear: num('target_year'),
        limit: num('limit'),
        referenceBase: num('reference_base'),
        referenceCurrent: num('reference_current'),
      },
      type: typeText as TargetType,
      target: num('target'),
      missing: empty.length ? `no value for ${empty.map(([c]) => c).join(', ')}` : null,
    }
  })
  if (errors.length) throw usage(errors.join('\n'))
  if (rows.length === 0) throw usage(`${file}: no rows`)
  return rows
}
