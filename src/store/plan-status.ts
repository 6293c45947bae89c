/**
 * Statuses of a plan's targets on the stored data: reads the figures each target needs (its
 * indicator in its regions, the reference region or the comparator indicator), as preferred
 * values known at `asOf`, and hands them to the pure assessment in src/plans/assess.ts.
 */
import { assessTarget, type Series, type TargetStatus } from '../plans/assess.ts'
import { type PlanNode, type Target, walk } from '../plans/model.ts'
import type { Db } from './db.ts'
import { type FigureRow, getFigures } from './figures.ts'
import { indicatorMap } from './indicators.ts'

export interface PlanTargetStatus extends TargetStatus {
  nodeId: string
  indicator: string | null
}

export async function planStatuses(db: Db, tree: PlanNode, asOf?: string): Promise<PlanTargetStatus[]> {
  const catalogue = await indicatorMap(db)
  const targets: { nodeId: string; target: Target }[] = []
  for (const { node } of walk(tree))
    for (const target of node.targets) targets.push({ nodeId: node.id, target })
  const wanted = new Map<string, Set<string>>()
  const want = (ind: string, regions: string[]) => {
    const set = wanted.get(ind) ?? new Set<string>()
    for (const r of regions) set.add(r)
    wanted.set(ind, set)
  }
  for (const { target: t } of targets) {
    if (!t.indicator || !catalogue.has(t.indicator)) continue
    want(t.indicator, t.target.form === 'reference' ? [...t.regions, t.target.reference] : t.regions)
    if (t.target.form === 'in_step' && catalogue.has(t.target.with)) want(t.target.with, t.regions)
  }
  const series = new Map<string, Map<number, number>>()
  for (const [indicator, regions] of wanted) {
    const rows = await getFigures(db, {
      indicators: [indicator],
      regions: [...regions],
      preferredOnly: true,
      ...(asOf ? { asOf } : {}),
    })
    for (const r of rows) addPoint(series, r)
  }
  const get = (ind: string, region: string): Series => series.get(`${ind}|${region}`) ?? new Map()
  const out: PlanTargetStatus[] = []
  for (const { nodeId, target: t } of targets) {
    for (const region of t.regions.length ? t.regions : [tree.id]) {
      const ind = t.indicator ? catalogue.get(t.indicator) : undefined
      if (t.indicator && !ind) {
        out.push(unknownIndicator(nodeId, t, region))
        continue
      }
      const form = t.target
      const other =
        form.form === 'reference'
          ? get(t.indicator!, form.reference)
          : form.form === 'in_step'
            ? get(form.with, region)
            : undefined
      const status = assessTarget({
        target: t,
        region,
        direction: ind?.direction === 'lower' ? 'lower' : 'higher',
        series: t.indicator ? get(t.indicator, region) : new Map(),
        ...(other ? { other } : {}),
      })
      // a derived indicator's gap is a gap in its inputs: say which series it is made of
      const madeOf = ind?.formula ? ` (= ${ind.formula})` : ''
      out.push({
        ...status,
        missing: status.missing.map((m) => `${m}${madeOf}`),
        nodeId,
        indicator: t.indicator,
      })
    }
  }
  return out
}

function addPoint(series: Map<string, Map<number, number>>, r: FigureRow): void {
  if (!r.preferred) return
  const key = `${r.indicator}|${r.region}`
  const s = series.get(key) ?? new Map<number, number>()
  s.set(r.period, r.value)
  series.set(key, s)
}

function unknownIndicator(nodeId: string, t: Target, region: string): PlanTargetStatus {
  return {
    targetId: t.id,
    nodeId,
    indicator: t.indicator,
    region,
    status: 'not_assessable',
    ahead: false,
    method: 'none',
    baseYear: null,
    baseValue: null,
    currentYear: null,
    currentValue: null,
    quantities: {},
    missing: [],
    reason: `indicator "${t.indicator}" is not in the catalogue`,
  }
}
