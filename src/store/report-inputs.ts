/**
 * What a report needs, read from the store: the plan's published version, its target statuses
 * (store/plan-status.ts, the same figures the API and `jueqi plan status` give), indicator and
 * region names, each target's series with source and release, the latest evaluation run. The
 * report itself is built by the pure functions of src/reports/. Reads only; writes nothing.
 */
import { BadInput } from '../files/bad-input.ts'
import { type PlanNode, walk } from '../plans/model.ts'
import type { FinalInputs, FinalTarget, Named, SeriesPoint } from '../reports/final.ts'
import type { Db } from './db.ts'
import { getEvaluation } from './evaluations.ts'
import { getFigures } from './figures.ts'
import { indicatorMap } from './indicators.ts'
import { type PlanTargetStatus, planStatuses } from './plan-status.ts'
import { getPlanVersion } from './plans.ts'
import { regionNames } from './regions.ts'

export async function finalReportInputs(db: Db, planId: string): Promise<FinalInputs> {
  const plan = await getPlanVersion(db, planId)
  if (!plan) throw new BadInput(`no published plan "${planId}" (jueqi plan list shows the plans)`, '--plan')
  const statuses = await planStatuses(db, plan.tree)
  const catalogue = await indicatorMap(db)
  const regions = new Map((await regionNames(db)).map((r) => [r.code, { zh: r.nameZh, en: r.nameEn }]))
  const nodes = targetsOf(plan.tree)
  const series = await readSeries(db, wantedSeries(statuses, nodes, catalogue))
  const seriesOf = (ind: string | null, region: string) => series.get(`${ind}|${region}`) ?? []
  const targets: FinalTarget[] = []
  for (const status of statuses) {
    const found = nodes.get(status.targetId)
    if (!found) continue
    const ind = status.indicator ? catalogue.get(status.indicator) : undefined
    targets.push({
      status,
      target: found.target,
      item: found.item,
      region: regions.get(status.region) ?? planTitle(plan.tree),
      indicator: ind
        ? {
            zh: ind.nameZh,
            en: ind.nameEn,
            unit: ind.unit,
            direction: ind.direction === 'lower' ? 'lower' : 'higher',
          }
        : null,
      series: seriesOf(status.indicator, status.region),
      other: otherOf(found.target, status.region, regions, catalogue, seriesOf),
    })
  }
  const points = [...series.values()].flat()
  const releases = new Map<string, string>()
  for (const p of points) releases.set(p.release, p.releaseDate)
  const run = await getEvaluation(db, 'latest')
  return {
    plan: { id: plan.planId, version: plan.version, title: planTitle(plan.tree) },
    targets,
    run: run ? { id: run.id, createdAt: new Date(run.createdAt).toISOString() } : null,
    releases: [...releases].map(([id, date]) => ({ id, date })).sort((a, b) => a.id.localeCompare(b.id)),
    dataAsOf: [...releases.values()].sort().at(-1) ?? null,
  }
}

const planTitle = (tree: PlanNode): Named => ({ zh: tree.title_zh, en: tree.title_en ?? tree.title_zh })

function targetsOf(tree: PlanNode) {
  const out = new Map<string, { target: FinalTarget['target']; item: Named }>()
  for (const { node } of walk(tree))
    for (const target of node.targets)
      out.set(target.id, { target, item: { zh: node.title_zh, en: node.title_en ?? node.title_zh } })
  return out
}

type Point = SeriesPoint
type Catalogue = Awaited<ReturnType<typeof indicatorMap>>

/** The series a target's status is read from: its indicator in its region, and the reference region's or comparator's. */
function wantedSeries(
  statuses: PlanTargetStatus[],
  nodes: ReturnType<typeof targetsOf>,
  catalogue: Catalogue,
) {
  const out: { indicator: string; region: string }[] = []
  for (const s of statuses) {
    const form = nodes.get(s.targetId)?.target.target
    if (!s.indicator || !catalogue.has(s.indicator)) continue
    out.push({ indicator: s.indicator, region: s.region })
    if (form?.form === 'reference') out.push({ indicator: s.indicator, region: form.reference })
    if (form?.form === 'in_step' && catalogue.has(form.with))
      out.push({ indicator: form.with, region: s.region })
  }
  return out
}

function otherOf(
  target: FinalTarget['target'],
  region: string,
  regions: Map<string, Named>,
  catalogue: Catalogue,
  seriesOf: (ind: string | null, region: string) => SeriesPoint[],
): FinalTarget['other'] {
  const form = target.target
  if (form.form === 'reference')
    return {
      name: regions.get(form.reference) ?? { zh: form.reference, en: form.reference },
      series: seriesOf(target.indicator, form.reference),
    }
  if (form.form !== 'in_step') return null
  const ind = catalogue.get(form.with)
  return {
    name: ind ? { zh: ind.nameZh, en: ind.nameEn } : { zh: form.with, en: form.with },
    series: seriesOf(form.with, region),
  }
}

/** Each (indicator, region)'s preferred figures, by year. */
async function readSeries(db: Db, wanted: { indicator: string; region: string }[]) {
  const byIndicator = new Map<string, Set<string>>()
  for (const w of wanted)
    byIndicator.set(w.indicator, (byIndicator.get(w.indicator) ?? new Set()).add(w.region))
  const out = new Map<string, Point[]>()
  for (const [indicator, regions] of [...byIndicator].sort(([a], [b]) => a.localeCompare(b))) {
    const rows = await getFigures(db, {
      indicators: [indicator],
      regions: [...regions].sort(),
      preferredOnly: true,
    })
    for (const r of rows) {
      if (!r.preferred) continue
      const key = `${r.indicator}|${r.region}`
      const list = out.get(key) ?? []
      list.push({
        year: r.period,
        value: r.value,
        source: r.source,
        release: r.release,
        releaseDate: r.releaseDate,
      })
      out.set(key, list)
    }
  }
  for (const list of out.values()) list.sort((a, b) => a.year - b.year)
  return out
}
