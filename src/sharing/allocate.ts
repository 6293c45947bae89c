/**
 * The allocation: from the versions of an agreement, the outputs as of one release and a day,
 * to the amounts credited to each region in three views that never mix.
 *
 *  - official:   the in-situ rule (国统字〔2011〕96号 Art. 8–10): the host is credited 100%.
 *  - allocation: the agreed shares. For each project × metric × period
 *                origin = trunc₀.₀₀₀₁( S · s · d / D ),  host = A − origin,
 *                where A is the recorded amount (local retained part for taxes), S the shared part
 *                (A, or A − base for increments, never below 0), s the origin's share, d the days of
 *                the period inside the term and D the days of the period. Truncation is toward zero
 *                at 0.0001 of the unit and the remainder goes to the host, so origin + host = A
 *                exactly. Cap metrics are taken in the agreement's order; a credit that would cross
 *                the cap is cut to it, the rest goes to the host, and nothing more is shared after.
 *  - assessment: Guangxi's double count (桂统函〔2025〕29号): for flagged metrics both sides count the
 *                whole amount in the term. Flagged; never exported or shown publicly.
 * The central part of a tax is credited to the centre ('CN') in every view and never shared.
 * The term runs `years` from the start (JJJ: 3), and `extensionYears` more when the cap was not
 * reached by its end (JJJ: 2), decided with the figures of the first period that reaches past it.
 */
import { type AgreementVersion, isInForce, type MetricTerms, type Project, type Terms } from './agreement.ts'
import { fromUnits, maxBig, mulDiv, parseShare, toUnits } from './decimal.ts'
import { capOf, type IneligibleReason, ineligibility, startDay } from './eligibility.ts'
import type { ResolvedOutput } from './outputs.ts'
import {
  addYears,
  comparePeriods,
  dayNumber,
  overlapDays,
  periodKind,
  periodSpan,
  type Span,
  toDay,
} from './periods.ts'

export const VIEWS = ['official', 'allocation', 'assessment'] as const
export type View = (typeof VIEWS)[number]
export const CENTRE = 'CN'

export type RowNote =
  | 'no_version_in_force'
  | 'unknown_project'
  | 'unknown_metric'
  | 'period_kind_mismatch'
  | 'not_started'
  | IneligibleReason
  | 'outside_term'
  | 'partly_in_term'
  | 'extension'
  | 'at_or_below_base'
  | 'cap_truncated'
  | 'after_cap'

export interface AllocationRow {
  projectId: string
  metric: string
  period: string
  version: number | null
  releaseId: number
  amount: string
  central: string
  shared: string
  daysInTerm: number
  daysInPeriod: number
  origin: string
  host: string
  notes: RowNote[]
}

export interface Credit {
  view: View
  projectId: string
  metric: string
  period: string
  region: string
  amount: string
}

export type TermState = 'not_eligible' | 'not_started' | 'in_term' | 'in_extension' | 'ended'

export interface ProjectState {
  projectId: string
  name: string
  start: string | null
  baseEnd: string | null
  termEnd: string | null
  extended: boolean | null
  state: TermState
  cap: string | null
  originCumulative: string
  capReachedIn: string | null
  ineligible: IneligibleReason[]
}

export interface Settlement {
  projectId: string
  kind: 'central_one_off_subsidy'
  due: string
  shortfall: string
}

export interface Allocation {
  asOf: string
  rows: AllocationRow[]
  credits: Credit[]
  projects: ProjectState[]
  settlements: Settlement[]
}

export interface AllocationInput {
  parties: { originRegion: string; hostRegion: string }
  versions: readonly AgreementVersion[]
  outputs: readonly ResolvedOutput[]
  /** Term states and settlements are judged on this day (the release's date, say). */
  asOf: string
}

interface ProjectRun {
  cum: bigint
  capReachedIn: string | null
  extended: boolean | null
}

interface Windows {
  base: Span
  ext: Span
}

function windowsOf(p: Project, t: Terms): Windows | null {
  const start = startDay(p)
  if (!start) return null
  const s = dayNumber(start)
  const baseEnd = addYears(s, t.term.years)
  return {
    base: { start: s, end: baseEnd },
    ext: { start: baseEnd, end: addYears(baseEnd, t.term.extensionYears) },
  }
}

function decideExtension(t: Terms, cap: bigint | null, run: ProjectRun): boolean {
  if (t.term.extensionYears === 0 || t.term.extendWhen === 'never') return false
  if (t.term.extendWhen === 'always') return true
  return cap !== null && run.cum < cap
}

/** The origin's credit for one window, cut at the cap when the metric counts toward it. */
function creditIn(
  shared: bigint,
  m: MetricTerms,
  days: number,
  periodDays: number,
  cap: bigint | null,
  run: ProjectRun,
  period: string,
  notes: Set<RowNote>,
): bigint {
  if (days === 0) return 0n
  const share = parseShare(m.originShare)
  let c = mulDiv(shared, share.num * BigInt(days), share.den * BigInt(periodDays))
  if (!m.countsTowardCap || cap === null) return c
  if (run.capReachedIn !== null) {
    notes.add('after_cap')
    return 0n
  }
  if (run.cum + c >= cap) {
    if (run.cum + c > cap) notes.add('cap_truncated')
    c = cap - run.cum
    run.capReachedIn = period
  }
  run.cum += c
  return c
}

const versionFor = (inForce: readonly AgreementVersion[], day: number) =>
  inForce.filter((v) => dayNumber(v.effectiveFrom) <= day).at(-1) ?? null

export function allocate(input: AllocationInput): Allocation {
  const { originRegion, hostRegion } = input.parties
  const inForce = input.versions
    .filter(isInForce)
    .sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom) || a.version - b.version)
  const runs = new Map<string, ProjectRun>()
  const runOf = (id: string) => {
    const r = runs.get(id) ?? { cum: 0n, capReachedIn: null, extended: null }
    runs.set(id, r)
    return r
  }
  const outputs = [...input.outputs].sort(
    (a, b) =>
      comparePeriods(a.period, b.period) ||
      a.projectId.localeCompare(b.projectId) ||
      a.metric.localeCompare(b.metric),
  )
  const rows: AllocationRow[] = []
  const credits: Credit[] = []
  // one project × period at a time: the extension is decided after the base-term parts of all metrics
  for (const group of groupBy(outputs, (o) => `${o.projectId}\u0000${o.period}`)) {
    const first = group[0]!
    const span = periodSpan(first.period)
    const periodDays = span.end - span.start
    const v = versionFor(inForce, span.start)
    const t = v?.terms
    const p = t?.projects.find((x) => x.id === first.projectId)
    const w = p && t ? windowsOf(p, t) : null
    const cap = p && t ? capOf(p, t) : null
    const run = runOf(first.projectId)
    const order = (o: ResolvedOutput) => t?.metrics.findIndex((m) => m.metric === o.metric) ?? -1
    const sorted = [...group].sort((a, b) => order(a) - order(b))
    const work = sorted.map((o) => {
      const notes = new Set<RowNote>()
      const m = t?.metrics.find((x) => x.metric === o.metric)
      if (!v) notes.add('no_version_in_force')
      else if (!p) notes.add('unknown_project')
      else if (!m) notes.add('unknown_metric')
      else if (periodKind(o.period) !== m.period) notes.add('period_kind_mismatch')
      else if (!w) notes.add('not_started')
      else for (const r of ineligibility(p, t!)) notes.add(r)
      const active = notes.size === 0 && m && w && p
      let shared = 0n
      if (active) {
        if (m.basis === 'increment') {
          shared = maxBig(0n, o.amount - toUnits(p.base[m.metric] ?? '0'))
          if (shared === 0n) notes.add('at_or_below_base')
        } else shared = o.amount
      }
      const baseDays = w ? overlapDays(span, w.base) : 0
      const origin = active ? creditIn(shared, m, baseDays, periodDays, cap, run, o.period, notes) : 0n
      return { o, m, notes, shared, active, origin, baseDays, extDays: 0 }
    })
    if (w && t && span.end > w.base.end && run.extended === null) run.extended = decideExtension(t, cap, run)
    for (const x of work) {
      if (!x.active || !x.m || !w) continue
      if (run.extended) {
        x.extDays = overlapDays(span, w.ext)
        if (x.extDays > 0) x.notes.add('extension')
        x.origin += creditIn(x.shared, x.m, x.extDays, periodDays, cap, run, x.o.period, x.notes)
      }
      const days = x.baseDays + x.extDays
      if (days === 0) x.notes.add('outside_term')
      else if (days < periodDays) x.notes.add('partly_in_term')
    }
    for (const x of work) {
      const { o } = x
      const host = o.amount - x.origin
      rows.push({
        projectId: o.projectId,
        metric: o.metric,
        period: o.period,
        version: v?.version ?? null,
        releaseId: o.releaseId,
        amount: fromUnits(o.amount),
        central: fromUnits(o.central),
        shared: fromUnits(x.shared),
        daysInTerm: x.baseDays + x.extDays,
        daysInPeriod: periodDays,
        origin: fromUnits(x.origin),
        host: fromUnits(host),
        notes: [...x.notes],
      })
      const credit = (view: View, region: string, amount: bigint) =>
        credits.push({
          view,
          projectId: o.projectId,
          metric: o.metric,
          period: o.period,
          region,
          amount: fromUnits(amount),
        })
      credit('official', hostRegion, o.amount)
      credit('allocation', originRegion, x.origin)
      credit('allocation', hostRegion, host)
      if (x.active && x.m?.assessmentDoubleCount && x.baseDays + x.extDays > 0) {
        credit('assessment', originRegion, o.amount)
        credit('assessment', hostRegion, o.amount)
      }
      if (o.central !== 0n) for (const view of VIEWS) credit(view, CENTRE, o.central)
    }
  }
  const { projects, settlements } = projectStates(inForce.at(-1) ?? null, runs, input.asOf)
  return { asOf: input.asOf, rows, credits, projects, settlements }
}

function projectStates(v: AgreementVersion | null, runs: Map<string, ProjectRun>, asOf: string) {
  const projects: ProjectState[] = []
  const settlements: Settlement[] = []
  if (!v) return { projects, settlements }
  const t = v.terms
  const today = dayNumber(asOf)
  for (const p of t.projects) {
    const run = runs.get(p.id) ?? { cum: 0n, capReachedIn: null, extended: null }
    const w = windowsOf(p, t)
    const cap = capOf(p, t)
    const ineligible = ineligibility(p, t)
    let extended = run.extended
    if (w && extended === null && today >= w.base.end) extended = decideExtension(t, cap, run)
    const termEnd = w ? (extended ? w.ext.end : w.base.end) : null
    let state: TermState
    if (ineligible.length) state = 'not_eligible'
    else if (!w || today < w.base.start) state = 'not_started'
    else if (today < w.base.end) state = 'in_term'
    else if (termEnd !== null && today < termEnd) state = 'in_extension'
    else state = 'ended'
    projects.push({
      projectId: p.id,
      name: p.name,
      start: w ? toDay(w.base.start) : null,
      baseEnd: w ? toDay(w.base.end) : null,
      termEnd: termEnd === null ? null : toDay(termEnd),
      extended,
      state,
      cap: cap === null ? null : fromUnits(cap),
      originCumulative: fromUnits(run.cum),
      capReachedIn: run.capReachedIn,
      ineligible,
    })
    if (state === 'ended' && t.settlement === 'central_one_off_subsidy' && cap !== null && run.cum < cap)
      settlements.push({
        projectId: p.id,
        kind: 'central_one_off_subsidy',
        due: toDay(termEnd!),
        shortfall: fromUnits(cap - run.cum),
      })
  }
  return { projects, settlements }
}

function groupBy<T>(xs: readonly T[], key: (x: T) => string): T[][] {
  const m = new Map<string, T[]>()
  for (const x of xs) {
    const k = key(x)
    const g = m.get(k)
    if (g) g.push(x)
    else m.set(k, [x])
  }
  return [...m.values()]
}
