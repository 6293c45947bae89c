import { createRoute, type RouteHandler, z } from '@hono/zod-openapi'
import { getApproval, saveApproval } from '../../store/approvals.ts'
import { appendAudit } from '../../store/audit.ts'
import { getReleaseById } from '../../store/releases.ts'
import {
  type ApprovalResult,
  type ApprovalState,
  accept,
  approve,
  checkChain,
  defaultApprovalChain,
  releaseStatus,
  startApproval,
  submit,
  unaccept,
  unapprove,
} from '../../supervision/approval.ts'
import type { Action } from '../../supervision/permissions.ts'
import { prefixParent } from '../../supervision/roles.ts'
import { authorize } from '../access.ts'
import type { AppEnv } from '../env.ts'
import { AppError } from '../errors.ts'
import { writeErrorResponses } from '../schemas.ts'

const Body = z
  .object({
    step: z.enum(['submit', 'approve', 'unapprove', 'accept', 'unaccept']),
    /** submit: the region the release covers (its statistics office submits) */
    region: z.string().min(2).max(12).optional(),
    /** submit: the approval chain, lowest first (default: the region, then each level above to CN) */
    levels: z.array(z.string().min(1)).min(1).optional(),
    /** approve / unapprove: the level acting */
    level: z.string().min(1).optional(),
    reason: z.string().trim().max(2000).optional(),
  })
  .refine((b) => b.step !== 'submit' || b.region, { message: 'submit needs region', path: ['region'] })
  .refine((b) => !['approve', 'unapprove'].includes(b.step) || b.level, {
    message: 'approve and unapprove name the level',
    path: ['level'],
  })

const StateSchema = z
  .object({ releaseId: z.number().int(), regionCode: z.string(), status: z.string(), state: z.unknown() })
  .openapi('ReleaseApproval')

export const route = createRoute({
  method: 'post',
  path: '/api/releases/{id}/approval',
  tags: ['releases'],
  summary:
    'Statistics approval of a release over the levels above it: submit, approve (each level in order), unapprove (only while the level above has not acted), accept (a second person at the top); pending releases are not public',
  request: {
    params: z.object({ id: z.coerce.number().int().positive() }),
    body: { content: { 'application/json': { schema: Body } }, required: true },
  },
  responses: {
    200: {
      content: { 'application/json': { schema: StateSchema } },
      description: 'The approval after the step',
    },
    ...writeErrorResponses,
  },
})

const ACTION: Record<z.infer<typeof Body>['step'], Action> = {
  submit: 'release.submit',
  approve: 'release.approve',
  unapprove: 'release.unapprove',
  accept: 'release.accept',
  unaccept: 'release.unapprove',
}

const AUDIT = {
  submit: 'release.submitted',
  approve: 'release.approved',
  unapprove: 'release.unapproved',
  accept: 'release.accepted',
  unaccept: 'release.unaccepted',
} as const

export const handler: RouteHandler<typeof route, AppEnv> = async (c) => {
  const { id } = c.req.valid('param')
  const b = c.req.valid('json')
  const db = c.get('store').db
  const release = await getReleaseById(db, id)
  if (!release) throw new AppError('missing.release', { id })
  const existing = await getApproval(db, id)
  const region = existing?.regionCode ?? b.region!
  let state: ApprovalState = existing?.state ?? startApprovalFor(region, b.levels)
  const status = existing ? releaseStatus(state) : 'draft'
  const topLevel = state.workflow.levels.at(-1)!
  const level = b.step === 'accept' || b.step === 'unaccept' ? topLevel : (b.level ?? region)
  const actor = authorize(c, ACTION[b.step], {
    kind: 'release',
    regionCode: region,
    state: status,
    level,
    ...(state.submitted ? { submittedBy: state.submitted.by } : {}),
  })
  const at = new Date().toISOString()
  const r: ApprovalResult =
    b.step === 'submit'
      ? submit(state, actor.id, at)
      : b.step === 'approve'
        ? approve(state, level, actor.id, at)
        : b.step === 'unapprove'
          ? unapprove(state, level, actor.id, at, b.reason)
          : b.step === 'accept'
            ? accept(state, actor.id, at)
            : unaccept(state, actor.id, at, b.reason)
  if (!r.ok) throw new AppError(`approval.${r.code}`, { level })
  state = r.state
  await db.transaction(async (tx) => {
    if (!(await saveApproval(tx, id, region, state, existing?.updatedAt ?? null)))
      throw new AppError('stale.approval')
    const base = { objectType: 'release' as const, objectId: String(id), region, actor: actor.id, at }
    const why = b.reason ? { reason: b.reason } : {}
    await appendAudit(
      tx,
      b.step === 'submit'
        ? { ...base, action: 'release.submitted', details: {} }
        : b.step === 'approve' || b.step === 'accept'
          ? { ...base, action: AUDIT[b.step], details: { level } }
          : { ...base, action: AUDIT[b.step], details: { level, ...why } },
    )
  })
  return c.json({ releaseId: id, regionCode: region, status: releaseStatus(state), state }, 200)
}

/** The chain from the region up to the nation, by GB/T 2260 codes; a given chain must skip no level. */
function startApprovalFor(region: string, levels?: string[]): ApprovalState {
  const chain = levels ?? defaultApprovalChain(region)
  const check = checkChain(region, chain, prefixParent)
  if (!check.ok) throw new AppError('approval.skipped_level')
  return startApproval({ levels: chain, acceptAtTop: true })
}
