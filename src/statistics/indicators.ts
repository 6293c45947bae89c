/**
 * The indicator catalogue. Direction is always explicit (higher / lower is better, or neutral
 * for context series such as population): a catalogue row without one is refused rather than
 * defaulted, because every progress status and index score depends on it.
 */
import { z } from 'zod'
import { type FormulaError, formulaInputs, parseFormula } from './formula.ts'

export const Direction = z.enum(['higher', 'lower', 'neutral'])
export type Direction = z.infer<typeof Direction>

/** How provinces roll up to macro-regions and the nation; `formula` re-applies a derived formula to rolled-up inputs. */
export const Aggregation = z.enum(['sum', 'mean', 'weighted_mean', 'formula', 'none'])
export type Aggregation = z.infer<typeof Aggregation>

export const SeriesBreak = z.object({ year: z.number().int(), note: z.string() })

export const Indicator = z
  .object({
    key: z.string().regex(/^[a-z][a-z0-9_]*$/, 'lower-case letters, digits and _'),
    nameZh: z.string().min(1),
    nameEn: z.string().min(1),
    unit: z.string().min(1),
    direction: Direction,
    definition: z.string().default(''),
    sourceSeries: z.string().default(''),
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

/**
 * Merge the shipped catalogue (`indicators.csv`, as researched), its metadata (direction,
 * aggregation, breaks) and the derived indicators into validated catalogue entries.
 */
export function buildBuiltinCatalogue(base: Row[], meta: Row[], derived: Row[]): Indicator[] {
  const metaByKey = new Map(meta.map((m) => [m.indicator, m]))
  const out: Indicator[] = base.map((r) => {
    const m = metaByKey.get(r.indicator ?? '')
    if (!m)
      throw new Error(`indicator ${r.indicator} has no row in indicator-meta.csv (direction must be stated)`)
    return Indicator.parse({
      key: r.indicator,
      nameZh: r.name_zh,
      nameEn: r.name_en,
      unit: r.unit,
      direction: m.direction,
      definition: r.definition ?? '',
      sourceSeries: r.official_source_series ?? '',
      policyTarget: r.policy_target ?? '',
      aggregation: m.aggregation,
      aggregationWeight: m.aggregation_weight || null,
      breaks: parseBreaks(m.breaks ?? ''),
      builtin: true,
    })
  })
  for (const d of derived) {
    out.push(
      Indicator.parse({
        key: d.indicator,
        nameZh: d.name_zh,
        nameEn: d.name_en,
        unit: d.unit,
        direction: d.direction,
        definition: d.definition ?? '',
        sourceSeries: 'derived by jueqi',
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
