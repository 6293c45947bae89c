/**
 * The final assessment of a plan (终期评估): every quantified target of the plan, per region, at
 * its deadline — baseline, latest value, target, status, gap and the method that decided it.
 * Where the deadline year is not yet published the report says so, judges on the latest year and
 * adds the trend forecast to the deadline (methods/forecast.ts). Pure: the edge hands in the
 * statuses and series read from the store (store/report-inputs.ts).
 */
import { forecast } from '../methods/forecast.ts'
import type { TargetStatus } from '../plans/assess.ts'
import type { Target } from '../plans/model.ts'
import { unitNames } from '../statistics/units.ts'
import { MESSAGES, statusText, type TargetSentence } from './catalogue.ts'
import { formatNumber, formatPercent } from './format.ts'
import { type CoverLine, type Lang, paragraph, type ReportDoc, type Section, type Table } from './model.ts'
import { withUnit } from './units.ts'

export interface Named {
  zh: string
  en: string
}

export interface SeriesPoint {
  year: number
  value: number
  source: string
  release: string
  releaseDate: string
}

export interface FinalTarget {
  status: TargetStatus
  target: Target
  /** the plan item the target hangs on */
  item: Named
  region: Named
  indicator: (Named & { unit: string; direction: 'higher' | 'lower' }) | null
  /** the indicator's preferred figures in the region, by year ascending */
  series: SeriesPoint[]
  /** the reference region (reference form) or comparator indicator (in_step form), with its series */
  other: { name: Named; series: SeriesPoint[] } | null
}

export interface FinalInputs {
  plan: { id: string; version: number; title: Named }
  targets: FinalTarget[]
  run: { id: number; createdAt: string } | null
  releases: { id: string; date: string }[]
  dataAsOf: string | null
}

const pick = (n: Named, lang: Lang) => (lang === 'zh' ? n.zh : n.en)

export function buildFinalReport(inp: FinalInputs, lang: Lang): ReportDoc {
  const m = MESSAGES[lang]
  const rows = inp.targets.filter(
    (t) => t.target.target.form !== 'qualitative' && t.target.indicator !== null,
  )
  const facts = rows.map((t) => targetFacts(t, lang))
  const sections: Section[] = [
    {
      id: 'summary',
      title: m.sectionSummary,
      blocks: [paragraph(overview(facts, lang)), ...facts.map((f) => paragraph(m.sentence(f.sentence)))],
    },
    { id: 'targets', title: m.sectionTargets, blocks: [targetsTable(facts, lang)] },
  ]
  const withForecast = facts.filter((f) => f.sentence.forecast)
  if (withForecast.length)
    sections.push({ id: 'forecast', title: m.sectionForecast, blocks: [forecastTable(withForecast, lang)] })
  sections.push({ id: 'gaps', title: m.sectionGaps, blocks: gapBlocks(rows, facts, lang) })
  sections.push({ id: 'sources', title: m.sectionSources, blocks: [sourcesTable(rows, lang)] })
  sections.push({ id: 'methods', title: m.sectionMethods, blocks: [paragraph(m.methodsText)] })
  return {
    lang,
    title: m.finalTitle(pick(inp.plan.title, lang)),
    subtitle: m.finalSubtitle(inp.plan.id, inp.plan.version),
    cover: cover(inp, lang),
    sections,
  }
}

function cover(inp: FinalInputs, lang: Lang): CoverLine[] {
  const m = MESSAGES[lang]
  return [
    { label: m.coverDataAsOf, value: inp.dataAsOf ?? '—' },
    { label: m.coverRun, value: inp.run ? `#${inp.run.id} (${inp.run.createdAt.slice(0, 10)})` : m.noRun },
    { label: m.coverReleases, value: inp.releases.map((r) => `${r.id} (${r.date})`).join('; ') || '—' },
  ]
}

interface Facts {
  t: FinalTarget
  label: string
  goal: number | null
  sentence: TargetSentence
}

function targetFacts(t: FinalTarget, lang: Lang): Facts {
  const s = t.status
  const unit = t.indicator?.unit ?? ''
  const v = (x: number) => withUnit(formatNumber(x), unit, lang)
  const goal = goalOf(t, lang)
  const deadline = t.target.deadline
  const higher = t.indicator?.direction !== 'lower'
  const gapValue =
    goal.value !== null && s.currentValue !== null && s.status !== 'achieved'
      ? Math.max(0, higher ? goal.value - s.currentValue : s.currentValue - goal.value)
      : null
  const early =
    deadline !== null && s.currentYear !== null && s.currentYear < deadline && s.status !== 'achieved'
  // a forecast needs a level fixed in advance; a reference region's level at the deadline is itself unknown
  const fc =
    early && goal.fixed && goal.value !== null && deadline !== null ? trend(t, goal.value, deadline) : null
  const indicatorName = t.indicator ? pick(t.indicator, lang) : (t.target.indicator ?? '')
  return {
    t,
    label: `${pick(t.item, lang)}：${indicatorName}`.replace('：', lang === 'zh' ? '：' : ': '),
    goal: goal.value,
    sentence: {
      region: pick(t.region, lang),
      indicator: indicatorName,
      base: s.baseYear !== null && s.baseValue !== null ? { year: s.baseYear, value: v(s.baseValue) } : null,
      current:
        s.currentYear !== null && s.currentValue !== null
          ? { year: s.currentYear, value: v(s.currentValue) }
          : null,
      goal: goal.text ?? (goal.value === null ? null : v(goal.value)),
      deadline,
      status: statusText(s.status, s.ahead, lang),
      rising:
        s.baseValue === null || s.currentValue === null || s.currentValue === s.baseValue
          ? null
          : s.currentValue > s.baseValue,
      gap: gapValue === null || gapValue === 0 ? null : withUnit(formatNumber(gapValue), gapUnit(unit), lang),
      early,
      forecast: fc && {
        year: fc.year,
        value: v(fc.value),
        lower: v(fc.lower),
        upper: v(fc.upper),
        probability: formatPercent(fc.probability),
      },
    },
  }
}

interface Goal {
  value: number | null
  /** set in the plan (not moving with a reference region) */
  fixed: boolean
  /** how the goal reads when it is not a plain level */
  text: string | null
}

/** The level the target asks for, where its form names one; a reference region's level in the latest year. */
function goalOf(t: FinalTarget, lang: Lang): Goal {
  const form = t.target.target
  const s = t.status
  const m = MESSAGES[lang]
  const other = t.other ? pick(t.other.name, lang) : ''
  if (form.form === 'reference') {
    const ref = t.other?.series.find((p) => p.year === s.currentYear)
    if (form.compare === 'change' || !ref)
      return { value: null, fixed: false, text: m.referenceGoal(other, null) }
    const shown = withUnit(formatNumber(ref.value), t.indicator?.unit ?? '', lang)
    return { value: ref.value, fixed: false, text: m.referenceGoal(other, { year: ref.year, value: shown }) }
  }
  if (form.form === 'in_step') return { value: null, fixed: false, text: m.inStepGoal(other) }
  const q = s.quantities.goal
  if (typeof q === 'number') return { value: q, fixed: true, text: null }
  if (form.form === 'level') return { value: form.value, fixed: true, text: null }
  if (form.form === 'increment' && s.baseValue !== null && s.baseYear !== null && t.target.deadline)
    return { value: s.baseValue + form.per_year * (t.target.deadline - s.baseYear), fixed: true, text: null }
  return { value: null, fixed: false, text: null }
}

/** A gap in a percentage is in percentage points. */
const gapUnit = (unit: string) => (unitNames(unit).unitEn.startsWith('%') ? 'percentage points' : unit)

/**
 * The pace achieved against the pace needed: for pro-rata pacing the share of the way covered
 * against the share of the period elapsed; for annual increments the change made against the
 * change required by the latest year.
 */
function paceCell(t: FinalTarget, lang: Lang): string {
  const q = t.status.quantities
  if (typeof q.progress === 'number' && typeof q.elapsed === 'number')
    return `${formatPercent(q.progress)} / ${formatPercent(q.elapsed)}`
  if (typeof q.actual === 'number' && typeof q.required === 'number') {
    const u = gapUnit(t.indicator?.unit ?? '')
    return `${withUnit(formatNumber(q.actual), u, lang)} / ${withUnit(formatNumber(q.required), u, lang)}`
  }
  return '—'
}

/** The rule that decided the status, named by the target's form. */
export function methodKey(t: Pick<FinalTarget, 'target' | 'status'>): string {
  const form = t.target.target
  if (form.form === 'change') return form.pct === 0 ? 'change' : 'trajectory'
  if (form.form === 'level') return 'trajectory'
  return form.form
}

function trend(t: FinalTarget, goal: number, deadline: number) {
  const r = forecast(
    t.series.map((p) => p.year),
    t.series.map((p) => p.value),
    {
      model: 'linear',
      level: 0.95,
      until: deadline,
      target: goal,
      direction: t.indicator?.direction === 'lower' ? -1 : 1,
    },
  )
  const at = r.forecast.find((p) => p.year === deadline)
  return at && r.probability !== null ? { ...at, probability: r.probability } : null
}

function overview(facts: Facts[], lang: Lang): string {
  const m = MESSAGES[lang]
  const counts = new Map<string, number>()
  for (const f of facts) counts.set(f.sentence.status, (counts.get(f.sentence.status) ?? 0) + 1)
  const list = [...counts].map(([label, n]) => m.countItem(label, n)).join(m.listJoin)
  return m.overview(facts.length, list)
}

const yearValue = (value: string | undefined, year: number | null) =>
  value && year !== null ? `${value} (${year})` : '—'

function targetsTable(facts: Facts[], lang: Lang): Table {
  const m = MESSAGES[lang]
  return {
    kind: 'table',
    caption: m.tableTargets,
    widths: [24, 7, 10, 10, 13, 8, 8, 10, 10],
    columns: [
      m.colTarget,
      m.colRegion,
      m.colBase,
      m.colLatest,
      m.colGoal,
      m.colStatus,
      m.colGap,
      m.colPace,
      m.colMethod,
    ],
    rows: facts.map((f) => {
      const s = f.sentence
      return [
        f.label,
        s.region,
        yearValue(s.base?.value, s.base?.year ?? null),
        yearValue(s.current?.value, s.current?.year ?? null),
        yearValue(s.goal ?? undefined, s.deadline),
        s.status,
        s.gap ?? '—',
        paceCell(f.t, lang),
        m.method(methodKey(f.t)),
      ]
    }),
  }
}

function forecastTable(facts: Facts[], lang: Lang): Table {
  const m = MESSAGES[lang]
  return {
    kind: 'table',
    caption: m.tableForecast,
    widths: [28, 8, 12, 12, 12, 16, 12],
    columns: [
      m.colTarget,
      m.colRegion,
      m.colLatest,
      m.colGoal,
      m.colForecast,
      m.colInterval,
      m.colProbability,
    ],
    rows: facts.map((f) => {
      const s = f.sentence
      const fc = s.forecast!
      return [
        f.label,
        s.region,
        yearValue(s.current?.value, s.current?.year ?? null),
        yearValue(s.goal ?? undefined, s.deadline),
        `${fc.value} (${fc.year})`,
        `${fc.lower} – ${fc.upper}`,
        fc.probability,
      ]
    }),
  }
}

/** Every missing piece named: the region, the indicator, the years and why; never a shorter table. */
function gapBlocks(rows: FinalTarget[], facts: Facts[], lang: Lang) {
  const m = MESSAGES[lang]
  const gaps: string[][] = []
  for (const [i, t] of rows.entries()) {
    const s = t.status
    const ind = t.indicator ? pick(t.indicator, lang) : (t.target.indicator ?? '')
    const region = pick(t.region, lang)
    if (!t.indicator) gaps.push([ind, region, '—', m.gapCatalogue])
    else if (s.baseValue === null && s.status === 'insufficient_data')
      gaps.push([ind, region, String(t.target.baseline_year ?? '—'), m.gapBase])
    else if (s.currentValue === null && s.status === 'insufficient_data')
      gaps.push([ind, region, s.baseYear === null ? '—' : `> ${s.baseYear}`, m.gapCurrent])
    else if (s.status === 'not_assessable') gaps.push([ind, region, '—', m.gapMethod])
    if (facts[i]!.sentence.early && s.currentYear !== null && t.target.deadline !== null)
      gaps.push([ind, region, yearRange(s.currentYear + 1, t.target.deadline), m.gapUnpublished])
  }
  if (!gaps.length) return [paragraph(m.noGaps)]
  return [
    {
      kind: 'table' as const,
      caption: m.tableGaps,
      columns: [m.colIndicator, m.colRegion, m.colYears, m.colWhy],
      rows: gaps,
    },
  ]
}

const yearRange = (a: number, b: number) => (a === b ? String(a) : `${a}–${b}`)

function sourcesTable(rows: FinalTarget[], lang: Lang): Table {
  const m = MESSAGES[lang]
  const seen = new Map<string, string[]>()
  for (const t of rows)
    for (const p of t.series) {
      const ind = t.indicator ? pick(t.indicator, lang) : ''
      const key = `${ind}|${p.source}|${p.release}`
      if (!seen.has(key)) seen.set(key, [ind, p.source, `${p.release} (${p.releaseDate})`])
    }
  return {
    kind: 'table',
    caption: m.tableSources,
    columns: [m.colIndicator, m.colSource, m.colRelease],
    rows: [...seen.values()].sort((a, b) => a.join('|').localeCompare(b.join('|'))),
  }
}
