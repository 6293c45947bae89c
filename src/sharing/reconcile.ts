/**
 * The reconciliation of an allocation, per period: the amounts it used against the newest
 * records (the host's official statistics; the tax authority's payments minus refunds), the
 * origin's share of taxes, differences by project, and each period's state. With the project
 * states (cumulative origin share against the cap, term state) and settlements of the allocation,
 * this is the report both treasuries sign off.
 */
import type { Allocation } from './allocate.ts'
import { fromUnits, toUnits } from './decimal.ts'
import { outputKey, type ResolvedOutput } from './outputs.ts'
import { comparePeriods } from './periods.ts'

export const PERIOD_STATES = ['open', 'settled', 'closed'] as const
export type PeriodState = (typeof PERIOD_STATES)[number]

export interface ReconciliationLine {
  metric: string
  source: ResolvedOutput['source']
  allocated: string
  origin: string
  host: string
  recorded: string
  difference: string
  differing: { projectId: string; allocated: string; recorded: string }[]
}

export interface ReconciliationPeriod {
  period: string
  state: PeriodState
  lines: ReconciliationLine[]
  differences: number
}

export interface Reconciliation {
  asOf: string
  periods: ReconciliationPeriod[]
  projects: Allocation['projects']
  settlements: Allocation['settlements']
}

export function reconcile(
  allocation: Allocation,
  latest: readonly ResolvedOutput[],
  periodStates: ReadonlyMap<string, PeriodState>,
): Reconciliation {
  const recorded = new Map(latest.map((o) => [outputKey(o), o]))
  const used = new Map(allocation.rows.map((r) => [outputKey(r), r]))
  const keys = new Set([...used.keys(), ...recorded.keys()])
  type Acc = {
    allocated: bigint
    origin: bigint
    host: bigint
    recorded: bigint
    differing: ReconciliationLine['differing']
    source: ResolvedOutput['source']
  }
  const byPeriod = new Map<string, Map<string, Acc>>()
  for (const k of keys) {
    const r = used.get(k)
    const o = recorded.get(k)
    const [projectId = '', metric = '', period = ''] = k.split('\u0000')
    const lines = byPeriod.get(period) ?? new Map<string, Acc>()
    byPeriod.set(period, lines)
    const acc = lines.get(metric) ?? {
      allocated: 0n,
      origin: 0n,
      host: 0n,
      recorded: 0n,
      differing: [],
      source: o?.source ?? 'host_statistics',
    }
    lines.set(metric, acc)
    const a = r ? toUnits(r.amount) : 0n
    const rec = o?.amount ?? 0n
    acc.allocated += a
    acc.origin += r ? toUnits(r.origin) : 0n
    acc.host += r ? toUnits(r.host) : 0n
    acc.recorded += rec
    if (o) acc.source = o.source
    if (a !== rec || !r || !o)
      acc.differing.push({ projectId, allocated: fromUnits(a), recorded: fromUnits(rec) })
  }
  const periods = [...byPeriod.keys()].sort(comparePeriods).map((period) => {
    const lines = [...byPeriod.get(period)!.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([metric, x]) => ({
        metric,
        source: x.source,
        allocated: fromUnits(x.allocated),
        origin: fromUnits(x.origin),
        host: fromUnits(x.host),
        recorded: fromUnits(x.recorded),
        difference: fromUnits(x.recorded - x.allocated),
        differing: x.differing.sort((a, b) => a.projectId.localeCompare(b.projectId)),
      }))
    return {
      period,
      state: periodStates.get(period) ?? 'open',
      lines,
      differences: lines.reduce((n, l) => n + l.differing.length, 0),
    }
  })
  return {
    asOf: allocation.asOf,
    periods,
    projects: allocation.projects,
    settlements: allocation.settlements,
  }
}

/** Period states move open → settled → closed; a settled period may be reopened, a closed one not. */
export function periodTransition(from: PeriodState, to: PeriodState): string | null {
  const allowed: Record<PeriodState, PeriodState[]> = {
    open: ['settled'],
    settled: ['open', 'closed'],
    closed: [],
  }
  return allowed[from].includes(to) ? null : `a period cannot go from ${from} to ${to}`
}

export interface RegionTotal {
  metric: string
  period: string
  region: string
  published: string
  afterSharing: string
}

/**
 * Regional totals as published (the official, in-situ view) and after sharing (the allocation
 * view), and whether the sum over regions is the same in both: sharing moves amounts between
 * regions and creates none.
 */
export function regionalTotals(allocation: Allocation): { totals: RegionTotal[]; balanced: boolean } {
  return combineTotals([allocation])
}

/** The same over several allocations (one per agreement), summed per metric × period × region. */
export function combineTotals(allocations: readonly Allocation[]): {
  totals: RegionTotal[]
  balanced: boolean
} {
  const acc = new Map<string, { published: bigint; after: bigint }>()
  for (const c of allocations.flatMap((a) => a.credits)) {
    if (c.view === 'assessment') continue
    const k = `${c.metric}\u0000${c.period}\u0000${c.region}`
    const x = acc.get(k) ?? { published: 0n, after: 0n }
    if (c.view === 'official') x.published += toUnits(c.amount)
    else x.after += toUnits(c.amount)
    acc.set(k, x)
  }
  const totals = [...acc.entries()].map(([k, x]) => {
    const [metric = '', period = '', region = ''] = k.split('\u0000')
    return { metric, period, region, published: fromUnits(x.published), afterSharing: fromUnits(x.after) }
  })
  totals.sort(
    (a, b) =>
      a.metric.localeCompare(b.metric) ||
      comparePeriods(a.period, b.period) ||
      a.region.localeCompare(b.region),
  )
  const sums = new Map<string, bigint>()
  for (const [k, x] of acc) {
    const group = k.split('\u0000').slice(0, 2).join('\u0000')
    sums.set(group, (sums.get(group) ?? 0n) + x.published - x.after)
  }
  return { totals, balanced: [...sums.values()].every((d) => d === 0n) }
}
