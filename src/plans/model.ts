/**
 * A plan as data: a tree of commitments (plan → part → item → measure/goal, any depth; kinds are
 * strings, not an enum, because other strategies use other layers). The node shape follows the
 * hand-made trees in data/policy/*.json; fields this code does not know are kept (loose objects),
 * so nothing a source recorded is dropped on the way through the store.
 *
 * Targets hang on nodes. Their form says how progress is judged:
 * - level       fixed level, "R&D intensity ≥ 2.5%"
 * - reference   reach a reference region, "reaches the national average"
 * - change      change vs a base year, "energy intensity down 13.5% from 2020"
 * - increment   annual increment, "urbanisation +1 percentage point a year"
 * - in_step     in step with another indicator, "income growth in step with GDP growth"
 * - qualitative no indicator; judged by supervision evidence
 */
import { z } from 'zod'

export const TITLE_STATUSES = [
  'official',
  'official-summary',
  'official-phrase',
  'back-translated',
  'reconstructed',
  'provisional',
  'paraphrase',
  'round-trip-MT',
  'draft',
] as const

export const TargetFormSchema = z.discriminatedUnion('form', [
  z.object({ form: z.literal('level'), op: z.enum(['>=', '<=']), value: z.number() }),
  z.object({
    form: z.literal('reference'),
    op: z.enum(['>=', '<=']),
    reference: z.string().min(1),
    /** compare levels, or each one's change since the base year ("the decline reaches the nation's") */
    compare: z.enum(['level', 'change']).default('level'),
  }),
  z.object({ form: z.literal('change'), pct: z.number(), base_year: z.number().int().optional() }),
  z.object({ form: z.literal('increment'), per_year: z.number() }),
  z.object({
    form: z.literal('in_step'),
    with: z.string().min(1),
    tolerance: z.number().nonnegative().default(0.5),
  }),
  z.object({ form: z.literal('qualitative') }),
])
export type TargetForm = z.infer<typeof TargetFormSchema>

/** A structured target. `regions` "each" lists the provinces it applies to, one status each. */
export const TargetSchema = z.looseObject({
  id: z.string().min(1),
  indicator: z.string().nullable(),
  regions: z.array(z.string()).default([]),
  deadline: z.number().int().nullable(),
  baseline_year: z.number().int().optional(),
  baseline_value: z.number().optional(),
  binding: z.enum(['binding', 'expected']).nullable().default(null),
  text: z.string().default(''),
  /** proposed by the text parser; a person must confirm it */
  proposal: z.boolean().default(false),
  target: TargetFormSchema,
})
export type Target = z.infer<typeof TargetSchema>

export interface PlanNode {
  id: string
  kind: string
  number?: string | undefined
  title_zh: string
  title_en?: string | undefined
  title_status?: string | undefined
  body?: string | undefined
  provinces: string[]
  indicators: string[]
  related_national: string[]
  targets: Target[]
  children: PlanNode[]
  [extra: string]: unknown
}

export const PlanNodeSchema: z.ZodType<PlanNode> = z.looseObject({
  id: z.string().min(1),
  kind: z.string().min(1),
  number: z.string().optional(),
  title_zh: z.string(),
  title_en: z.string().optional(),
  title_status: z.string().optional(),
  body: z.string().optional(),
  provinces: z.array(z.string()).default([]),
  indicators: z.array(z.string()).default([]),
  related_national: z.array(z.string()).default([]),
  targets: z.array(TargetSchema).default([]),
  get children() {
    return z.array(PlanNodeSchema).default([])
  },
}) as unknown as z.ZodType<PlanNode>

export const PLAN_LEVELS = ['national', 'provincial', 'symposium'] as const
export type PlanLevel = (typeof PLAN_LEVELS)[number]

/** Plan-level facts beside the tree. */
export const PlanMetaSchema = z.object({
  id: z.string().regex(/^[A-Za-z0-9_-]+$/, 'plan id: letters, digits, _ and - only'),
  level: z.enum(PLAN_LEVELS),
  region: z.string().min(1),
  issuer: z.string().default(''),
  date: z.string().nullable().default(null),
})
export type PlanMeta = z.infer<typeof PlanMetaSchema>

/** Every node of a tree, depth first, with its parent id and depth. */
export function* walk(
  node: PlanNode,
  parent: string | null = null,
  depth = 0,
): Generator<{ node: PlanNode; parent: string | null; depth: number }> {
  yield { node, parent, depth }
  for (const c of node.children) yield* walk(c, node.id, depth + 1)
}

export function findNode(root: PlanNode, id: string): PlanNode | undefined {
  for (const { node } of walk(root)) if (node.id === id) return node
  return undefined
}

/** Node ids must be unique within a plan; returns the duplicates. */
export function duplicateIds(root: PlanNode): string[] {
  const seen = new Set<string>()
  const dup = new Set<string>()
  for (const { node } of walk(root)) (seen.has(node.id) ? dup : seen).add(node.id)
  return [...dup]
}
