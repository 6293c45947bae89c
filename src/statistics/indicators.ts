/**
 * The indicator catalogue. Direction is always explicit (higher / lower is better, or neutral
 * for context series such as population): a catalogue row without one is refused rather than
 * defaulted, because every progress status and index score depends on it.
 */
import { z } from 'zod'
import { type FormulaError, formulaInputs, parseFormula } from './formula.ts'
import { UNITS, UnitCode, unitOf } from './units.ts'

export const Direction = z.enum(['higher', 'lower', 'neutral'])
export type Direction = z.infer<typeof Direction>

/** How provinces roll up to macro-regions and the nation; `formula` re-applies a derived formula to rolled-up inputs. */
export const Aggregation = z.enum(['sum', 'mean', 'weighted_mean', 'formula', 'none'])
export type Aggregation = z.infer<typeof Aggregation>

/** A break in a series; `note` is the English text (kept for older readers), `noteZh`/`noteEn` both languages. */
export const SeriesBreak = z.object({
  year: z.number().int(),
  note: z.string(),
  noteZh: z.string().default(''),
  noteEn: z.string().default(''),
})

export const Indicator = z
  .object({
    key: z.string().regex(/^[a-z][a-z0-9_]*$/, 'lower-case letters, digits and _'),
    nameZh: z.string().min(1),
    nameEn: z.string().min(1),
    /** the English name of a unit of the closed list (statistics/units.ts) */
    unit: z.string().refine((u) => unitOf(u) !== undefined, 'not a unit of the list in statistics/units.ts'),
    direction: Direction,
    /** the English definition (kept for older readers) */
    definition: z.string().default(''),
    definitionZh: z.string().default(''),
    definitionEn: z.string().default(''),
    /** the source series as researched, in either language (kept for older readers) */
    sourceSeries: z.string().default(''),
    sourceSeriesZh: z.string().default(''),
    sourceSeriesEn: z.string().default(''),
    policyTarget: z.string().default(''),
    formula: z.string().nullable().default(null),
    aggregation: Aggregation,
    aggregationWeight: z.string().nullable().default(null),
    breaks: z.array(SeriesBreak).default([]),
    builtin: z.boolean().default(false),
  })
  .superRefine((ind, ctx) => {
    if (ind.aggregation === 'weighted_mean' && !ind.aggregationWeight) {
      ctx.addIssue({
        code: 'custom',
        path: ['aggregationWeight'],
        message: 'weighted_mean needs a weight indicator',
      })
    }
    if (ind.aggregation === 'formula' && !ind.formula) {
      ctx.addIssue({
        code: 'custom',
        path: ['aggregation'],
        message: 'aggregation "formula" needs a formula',
      })
    }
    if (ind.formula) {
      try {
        parseFormula(ind.formula)
      } catch (e) {
        ctx.addIssue({ code: 'custom', path: ['formula'], message: (e as FormulaError).message })
      }
    }
  })
export type Indicator = z.infer<typeof Indicator>

export const isDerived = (i: Pick<Indicator, 'formula'>) => i.formula !== null

type Row = Record<string, string>

/** "2020: note; 2022: note" → breaks. */
export function parseBreaks(text: string): { year: number; note: string }[] {
  if (!text.trim()) return []
  return text.split(/;\s*(?=\d{4}:)/).map((part) => {
    const m = /^(\d{4}):\s*(.+)$/s.exec(part.trim())
    if (!m) throw new Error(`cannot read series break "${part}" (expected "YYYY: note")`)
    return { year: Number(m[1]), note: m[2]!.trim() }
  })
}

/** The English and Chinese break notes of one metadata row, paired by year. */
function bilingualBreaks(key: string, en: string, zh: string) {
  const zhByYear = new Map(parseBreaks(zh).map((b) => [b.year, b.note]))
  return parseBreaks(en).map((b) => {
    const noteZh = zhByYear.get(b.year)
    if (!noteZh) throw new Error(`indicator ${key}: the break of ${b.year} has no Chinese note (breaks_zh)`)
    return { ...b, noteZh, noteEn: b.note }
  })
}

/** The unit of a catalogue row, named by its code in the closed list. */
function unitName(key: string, code: string | undefined): string {
  const parsed = UnitCode.safeParse(code)
  if (!parsed.success)
    throw new Error(`indicator ${key}: unit "${code ?? ''}" is not a code of statistics/units.ts`)
  return UNITS[parsed.data].en
}

/** An indicator's definition and source series in both languages (indicator-texts.csv). */
function textsOf(key: string, texts: Map<string | undefined, Row>) {
  const t = texts.get(key)
  if (!t?.definition_zh || !t.definition_en || !t.source_series_zh || !t.source_series_en)
    throw new Error(
      `indicator ${key}: indicator-texts.csv needs its definition and source series in zh and en`,
    )
  return {
    definitionZh: t.definition_zh,
    definitionEn: t.definition_en,
    sourceSeriesZh: t.source_series_zh,
    sourceSeriesEn: t.source_series_en,
  }
}

/**
 * Merge the shipped catalogue (`indicators.csv`, as researched), its metadata (unit code,
 * direction, aggregation, breaks), the derived indicators and the texts people read in both
 * languages (`indicator-texts.csv`) into validated catalogue entries.
 */
export function buildBuiltinCatalogue(base: Row[], meta: Row[], derived: Row[], texts: Row[]): Indicator[] {
  const metaByKey = new Map(meta.map((m) => [m.indicator, m]))
  const textByKey = new Map(texts.map((t) => [t.indicator, t]))
  const out: Indicator[] = base.map((r) => {
    const key = r.indicator ?? ''
    const m = metaByKey.get(key)
    if (!m) throw new Error(`indicator ${key} has no row in indicator-meta.csv (direction must be stated)`)
    const unit = unitName(key, m.unit)
    if (unitOf(r.unit ?? '') !== unitOf(unit))
      throw new Error(
        `indicator ${key}: indicators.csv says unit "${r.unit}", indicator-meta.csv "${m.unit}"`,
      )
    return Indicator.parse({
      key,
      nameZh: r.name_zh,
      nameEn: r.name_en,
      unit,
      direction: m.direction,
      definition: r.definition ?? '',
      sourceSeries: r.official_source_series ?? '',
      ...textsOf(key, textByKey),
      policyTarget: r.policy_target ?? '',
      aggregation: m.aggregation,
      aggregationWeight: m.aggregation_weight || null,
      breaks: bilingualBreaks(key, m.breaks ?? '', m.breaks_zh ?? ''),
      builtin: true,
    })
  })
  for (const d of derived) {
    const key = d.indicator ?? ''
    const text = textsOf(key, textByKey)
    out.push(
      Indicator.parse({
        key,
        nameZh: d.name_zh,
        nameEn: d.name_en,
        unit: unitName(key, d.unit),
        direction: d.direction,
        definition: text.definitionEn,
        sourceSeries: text.sourceSeriesEn,
        ...text,
        policyTarget: d.policy_target ?? '',
        formula: d.formula,
        aggregation: d.aggregation,
        builtin: true,
      }),
    )
  }
  checkCatalogue(out)
  return out
}

/** Every formula and weight must name an indicator of the catalogue, and formulas must not loop. */
export function checkCatalogue(catalogue: Indicator[]): void {
  const byKey = new Map(catalogue.map((i) => [i.key, i]))
  for (const i of catalogue) {
    if (i.aggregationWeight && !byKey.has(i.aggregationWeight)) {
      throw new Error(`indicator ${i.key}: aggregation weight ${i.aggregationWeight} is not in the catalogue`)
    }
    for (const input of i.formula ? formulaInputs(parseFormula(i.formula)) : []) {
      if (!byKey.has(input)) throw new Error(`indicator ${i.key}: formula reads unknown indicator ${input}`)
    }
  }
  for (const i of catalogue) derivationOrder(i.key, byKey)
}

/** Keys in the order they must be computed to derive `key` (inputs first); throws on a cycle. */
export function derivationOrder(
  key: string,
  byKey: ReadonlyMap<string, Indicator>,
  seen: string[] = [],
): string[] {
  if (seen.includes(key)) throw new Error(`derived indicators form a cycle: ${[...seen, key].join(' → ')}`)
  const ind = byKey.get(key)
  if (!ind?.formula) return [key]
  const order: string[] = []
  for (const input of formulaInputs(parseFormula(ind.formula))) {
    for (const k of derivationOrder(input, byKey, [...seen, key])) if (!order.includes(k)) order.push(k)
  }
  order.push(key)
  return order
}
