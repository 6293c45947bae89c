import { createRoute, type RouteHandler, z } from '@hono/zod-openapi'
import { PlanMetaSchema, PlanNodeSchema, walk } from '../../plans/model.ts'
import { changedNodes, treeProblems } from '../../plans/validate.ts'
import { appendAudit } from '../../store/audit.ts'
import { indicatorMap } from '../../store/indicators.ts'
import { getPlanVersion, insertPlanVersion, listPlans } from '../../store/plans.ts'
import { authorize } from '../access.ts'
import type { AppEnv } from '../env.ts'
import { AppError } from '../errors.ts'
import { writeErrorResponses } from '../schemas.ts'
import { issuesText } from '../validation-messages.ts'

export const route = createRoute({
  method: 'post',
  path: '/api/plans/{id}/drafts',
  tags: ['plans'],
  summary:
    'Save an edited tree as a new draft version (renamed, moved, merged or split nodes, targets and indicators attached, links to national nodes). `basedOn` must be the newest version: an edit made on an older one is refused (409). Earlier versions stay readable, which is the undo.',
  request: {
    params: z.object({ id: z.string().min(1).max(40) }),
    body: {
      content: {
        'application/json': {
          schema: z.object({
            basedOn: z.number().int().positive(),
            tree: z.unknown(),
            note: z.string().max(500).default(''),
          }),
        },
      },
      required: true,
    },
  },
  responses: {
    201: {
      content: {
        'application/json': { schema: z.object({ version: z.number().int(), changed: z.array(z.string()) }) },
      },
      description: 'The new draft version',
    },
    ...writeErrorResponses,
  },
})

/** The region a plan's permission is checked against: national plans nationally, others by their region. */
export const planScope = (level: string, region: string) =>
  level === 'national' ? 'CN' : region === 'CENTRAL' ? 'CN' : region

export const handler: RouteHandler<typeof route, AppEnv> = async (c) => {
  const { id } = c.req.valid('param')
  const body = c.req.valid('json')
  const db = c.get('store').db
  const latest = await getPlanVersion(db, id, 'latest')
  if (!latest) throw new AppError('missing.plan', { id })
  const actor = authorize(c, 'plan.edit', {
    kind: 'plan',
    regionCode: planScope(latest.level, latest.regionCode),
    state: 'draft',
  })
  if (body.basedOn !== latest.version) throw new AppError('stale.plan', { version: latest.version })
  const parsed = PlanNodeSchema.safeParse(body.tree)
  if (!parsed.success)
    throw new AppError('invalid_request', { details: issuesText(parsed.error.issues, 'tree.') })
  const tree = parsed.data
  if (tree.id !== id) throw new AppError('request.tree_id', { treeId: tree.id, plan: id })
  const national = new Set<string>()
  for (const p of await listPlans(db))
    if (p.level === 'national' && p.publishedVersion !== null) {
      const v = await getPlanVersion(db, p.planId)
      for (const { node } of walk(v!.tree)) national.add(node.id)
    }
  const problems = treeProblems(tree, {
    indicators: new Set((await indicatorMap(db)).keys()),
    nationalNodes: national,
  })
  if (problems.length) throw new AppError('invalid_request', { details: problems.slice(0, 20).join('; ') })
  const changed = changedNodes(latest.tree, tree)
  const meta = PlanMetaSchema.parse({
    id,
    level: latest.level,
    region: latest.regionCode,
    issuer: '',
    date: null,
  })
  const at = new Date().toISOString()
  const row = await db.transaction(async (tx) => {
    const v = await insertPlanVersion(tx, {
      meta,
      tree,
      state: 'draft',
      note: body.note,
      createdBy: c.get('user')!.id,
    })
    await appendAudit(tx, {
      action: 'plan.edited',
      objectType: 'plan',
      objectId: id,
      region: meta.region,
      actor: actor.id,
      at,
      details: { nodeIds: changed },
    })
    return v
  })
  return c.json({ version: row.version, changed }, 201)
}
