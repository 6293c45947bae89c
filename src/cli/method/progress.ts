import { readFile } from 'node:fs/promises'
import { basename } from 'node:path'
import { openSdg } from '../../methods/progress/opensdg.ts'
import { referenceGap } from '../../methods/progress/reference.ts'
import { inStep, resolveGoal, TARGET_TYPES, type TargetType } from '../../methods/progress/relative.ts'
import type { ProgressSeries } from '../../methods/progress/series.ts'
import { directionSign, STATUS_LABELS, STATUSES, type Status } from '../../methods/progress/status.ts'
import { trajectory } from '../../methods/progress/trajectory.ts'
import { unsd } from '../../methods/progress/unsd.ts'
import { choice, cliStamp, csvTextToTable, requireString, usage } from './shared.ts'
import type { MethodCommand } from './types.ts'

const METHODS = ['opensdg', 'unsd', 'trajectory', 'reference'] as const
type Method = (typeof METHODS)[number]

export const progressMethod: MethodCommand = {
  name: 'progress',
  summary: 'progress against targets: Open SDG, UNSD, trajectory (序时进度), distance to a reference',
  help: `Input: one row per series with columns
  id, direction, base_year, base_value, current_year, current_value, target, target_year, limit
(empty where none), and optionally target_type, reference_base, reference_current.
direction is required: higher/increase/positive or lower/decrease/negative.
target_type (default absolute): change_pct ("down 13.5% from the base": target -13.5),
annual_increment ("+1 pp a year": target 1), with_growth ("in step with" the reference series whose
values at base_year and current_year are reference_base and reference_current).

Methods (--method, default opensdg), each with its own quantities:
  opensdg     Open SDG / Statistics Canada (open-sdg/sdg-build ProgressMeasure.py): with a target,
              progress_value = observed CAGR / |required CAGR| (thresholds 0.95, 0.6, 0); without,
              observed CAGR (thresholds 1.5%, 0.5%, 0, reduced near a natural limit); score −5…5;
              method_status target_achieved / substantial_progress / moderate_progress /
              limited_progress / deterioration.
  unsd        UN SDG Progress Chart (as transcribed by Eustat): projected target-year value from the
              observed CAGR; ratio = (projected − base)/(target − base), score 3 (≥ 0.95), 2 (≥ 0.10),
              1; without a target, CAGR ≥ 2% → 3, ≥ 0.5% → 2, else 1.
  trajectory  pro-rata pacing (序时进度): progress = (current − base)/(target − base) against elapsed =
              (current_year − base_year)/(target_year − base_year); ratio = progress/elapsed.
  reference   distance to a reference region ("reach the national average"): gap now and at the base
              year, trend, and the year it closes (reference_base/current; target = the reference's
              value when those are absent).
with_growth rows are judged the same way under every method (own vs reference CAGR, 0.5 pp tolerance).
status: achieved / on_track / off_track / regressing / insufficient_data / not_assessable, with
label_zh (提前实现 / 基本符合预期 (快于预期 when ahead) / 滞后于预期 / 倒退 / 数据不足 / 无法评估) and
label_en. A zero or sign-changing base is not_assessable, never a number.

Output: { method, series: [{ id, target_type, goal, …method quantities, status, method_status,
label_zh, label_en, reason }], summary: { <status>: count }, stamp }.`,
  options: [
    { flags: '--method <name>', description: 'opensdg, unsd, trajectory or reference', default: 'opensdg' },
  ],
  async run(args) {
    const method = choice(args, 'method', METHODS, 'opensdg')
    const path = requireString(args, 'input')
    const text = await readFile(path, 'utf8').catch(() => {
      throw usage(`${path}: cannot read the file`)
    })
    const rows = parseRows(text, basename(path))
    const series = rows.map(({ s, type, target }) => ({
      id: s.id,
      target_type: type,
      ...assess(method, s, type, target),
    }))
    const summary = Object.fromEntries(STATUSES.map((k) => [k, series.filter((x) => x.status === k).length]))
    return { method, series, summary, stamp: cliStamp('progress', '1', { method }, { rows }) }
  },
}

function assess(method: Method, s: ProgressSeries, type: TargetType, raw: number | null) {
  const labels = (status: Status, ahead = false) => ({
    label_zh: status === 'on_track' && ahead ? '快于预期' : STATUS_LABELS[status].zh,
    label_en: status === 'on_track' && ahead ? 'Ahead of schedule' : STATUS_LABELS[status].en,
  })
  if (type === 'with_growth') {
    const r = inStep(s)
    return { goal: null, ...r, method_status: 'in_step', ...labels(r.status) }
  }
  const goal = raw === null ? null : resolveGoal(type, s.baseValue, raw, s.baseYear, s.targetYear)
  const resolved = { ...s, target: goal }
  switch (method) {
    case 'opensdg': {
      const r = openSdg(resolved)
      return { goal, ...r, ...labels(r.status) }
    }
    case 'unsd': {
      const r = unsd(resolved)
      return { goal, ...r, ...labels(r.status) }
    }
    case 'trajectory': {
      if (goal === null || s.targetYear === null)
        return {
          goal,
          status: 'not_assessable' as const,
          method_status: 'no_target',
          reason: 'trajectory needs target and target_year',
          ...labels('not_assessable'),
        }
      const p = trajectory({
        baseYear: s.baseYear,
        base: s.baseValue,
        year: s.currentYear,
        value: s.currentValue,
        goal,
        deadline: s.targetYear,
      })
      return {
        goal,
        progress: p.progress,
        elapsed: p.elapsed,
        ratio: p.ratio,
        status: p.status,
        method_status: p.status,
        reason: p.reason,
        ...labels(p.status, p.ahead),
      }
    }
    case 'reference': {
      const rb = s.referenceBase ?? goal
      const rc = s.referenceCurrent ?? goal
      if (rb === null || rc === null)
        return {
          goal,
          status: 'insufficient_data' as const,
          method_status: 'no_reference',
          reason: 'reference needs reference_base/current or target',
          ...labels('insufficient_data'),
        }
      const g = referenceGap({
        sign: s.direction,
        baseYear: s.baseYear,
        year: s.currentYear,
        own: [s.baseValue, s.currentValue],
        ref: [rb, rc],
        deadline: s.targetYear,
      })
      return {
        goal,
        gap: g.gap,
        gap_base: g.gapBase,
        gap_trend: g.trend,
        closes_in: g.closesIn,
        status: g.status,
        method_status: g.status,
        reason: g.reason,
        ...labels(g.status),
      }
    }
  }
}

const REQUIRED = ['id', 'direction', 'base_year', 'base_value', 'current_year', 'current_value'] as const

function parseRows(text: string, file: string) {
  const t = csvTextToTable(text, file)
  const col = new Map(t.header.map((h, i) => [h.trim().toLowerCase(), i]))
  const missing = REQUIRED.filter((c) => !col.has(c))
  if (missing.length) throw usage(`${file}: missing column(s) ${missing.join(', ')}`)
  const errors: string[] = []
  const rows = t.rows.map((r) => {
    const cell = (c: string) => (col.has(c) ? (r.cells[col.get(c)!] ?? '').trim() : '')
    const where = (c: string) => `${file}:${r.line}:${c}`
    const num = (c: string, required: boolean): number | null => {
      const v = cell(c)
      if (v === '') {
        if (required) errors.push(`${where(c)}: required`)
        return null
      }
      const n = Number(v)
      if (!Number.isFinite(n)) errors.push(`${where(c)}: "${v}" is not a number`)
      return n
    }
    const dir = directionSign(cell('direction'))
    if (dir === null)
      errors.push(`${where('direction')}: "${cell('direction')}" — say higher or lower (increase/decrease)`)
    const type = (cell('target_type') || 'absolute') as TargetType
    if (!TARGET_TYPES.includes(type))
      errors.push(`${where('target_type')}: "${type}" — expected ${TARGET_TYPES.join(', ')}`)
    const s: ProgressSeries = {
      id: cell('id') || `row ${r.line}`,
      direction: dir ?? 1,
      baseYear: num('base_year', true) ?? 0,
      baseValue: num('base_value', true) ?? 0,
      currentYear: num('current_year', true) ?? 0,
      currentValue: num('current_value', true) ?? 0,
      target: null,
      targetYear: num('target_year', false),
      limit: num('limit', false),
      referenceBase: num('reference_base', false),
      referenceCurrent: num('reference_current', false),
    }
    const target = num('target', false)
    if (type === 'annual_increment' && s.targetYear === null)
      errors.push(`${where('target_year')}: annual_increment needs target_year`)
    return { s, type, target }
  })
  if (errors.length) throw usage(errors.join('\n'))
  if (rows.length === 0) throw usage(`${file}: no rows`)
  return rows
}
