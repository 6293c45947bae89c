/**
 * The built-in plans: the hand-made trees of data/policy/*.json with their printed targets read
 * into evaluable forms by data/policy/targets.json. Pure: the caller reads the files.
 *
 * A printed target not listed in the overlay stays qualitative, with the printed indicator name
 * kept as `printed_indicator`, so a person can see what was not (yet) made measurable.
 */
import { z } from 'zod'
import {
  type PlanMeta,
  PlanMetaSchema,
  type PlanNode,
  PlanNodeSchema,
  type Target,
  TargetSchema,
} from './model.ts'

/** The six central provinces (Shanxi, Anhui, Jiangxi, Henan, Hubei, Hunan). */
export const CENTRAL_SIX = ['14', '34', '36', '41', '42', '43'] as const

const OverlaySchema = z.object({
  plans: z.record(
    z.string(),
    z.object({ level: z.string(), region: z.string(), date: z.string().nullable() }),
  ),
  targets: z.record(
    z.string(),
    z.looseObject({
      indicator: z.string(),
      regions: z.union([z.literal('central6'), z.array(z.string())]),
      baseline_year: z.number().int().optional(),
      target: z.unknown(),
    }),
  ),
})
export type TargetOverlay = z.infer<typeof OverlaySchema>

export function parseOverlay(raw: unknown, file: string): TargetOverlay {
  const r = OverlaySchema.safeParse(raw)
  if (!r.success)
    throw new Error(`${file}: ${r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`)
  return r.data
}

interface RawTarget {
  indicator?: string
  target?: string
  comparator?: string | null
  deadline?: number | null
  text?: string
  [k: string]: unknown
}

/** One built-in tree with its plan facts; throws naming the file and the path of a bad field. */
export function builtinPlan(
  raw: unknown,
  overlay: TargetOverlay,
  file: string,
): { meta: PlanMeta; tree: PlanNode } {
  const root = raw as { id?: string; issuer?: string }
  const facts = root.id ? overlay.plans[root.id] : undefined
  if (!root.id || !facts)
    throw new Error(`${file}: plan id "${root.id}" is not described in data/policy/targets.json`)
  const meta = PlanMetaSchema.parse({ id: root.id, issuer: root.issuer ?? '', ...facts })
  const defaultRegions = facts.region === 'CENTRAL' ? [...CENTRAL_SIX] : [facts.region]
  const converted = convertNode(raw as Record<string, unknown>, overlay, defaultRegions)
  const parsed = PlanNodeSchema.safeParse(converted)
  if (!parsed.success)
    throw new Error(
      `${file}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
    )
  return { meta, tree: parsed.data }
}

function convertNode(
  node: Record<string, unknown>,
  overlay: TargetOverlay,
  regions: string[],
): Record<string, unknown> {
  const id = String(node.id)
  const targets = ((node.targets as RawTarget[] | undefined) ?? []).map((t, i) =>
    convertTarget(id, i, t, overlay, regions),
  )
  const children = ((node.children as Record<string, unknown>[] | undefined) ?? []).map((c) =>
    convertNode(c, overlay, regions),
  )
  return { ...node, targets, children }
}

function convertTarget(
  nodeId: string,
  i: number,
  t: RawTarget,
  overlay: TargetOverlay,
  regions: string[],
): Target {
  const form = overlay.targets[`${nodeId}#${i}`]
  const printed = {
    printed_indicator: t.indicator ?? null,
    printed_target: t.target ?? null,
    comparator: t.comparator ?? null,
  }
  const base = { id: `${nodeId}#${i}`, deadline: t.deadline ?? null, text: t.text ?? '', ...printed }
  if (!form) return TargetSchema.parse({ ...base, indicator: null, regions, target: { form: 'qualitative' } })
  return TargetSchema.parse({
    ...base,
    ...form,
    regions: form.regions === 'central6' ? [...CENTRAL_SIX] : form.regions,
  })
}
