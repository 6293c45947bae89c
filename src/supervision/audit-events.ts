/**
 * The audit event types: one schema per `action`, each fixing the object type and the shape of
 * `details`, joined in a discriminated union. An event that does not parse is not written: an
 * audit trail with free-form entries cannot be searched or trusted.
 */
import { z } from 'zod'
import { isoDateTimeSchema } from './dates.ts'
import { EVIDENCE_TYPES } from './evidence.ts'
import { grantSchema } from './roles.ts'
import { TASK_EVENTS, TASK_STATES } from './tasks.ts'

const base = {
  at: isoDateTimeSchema,
  actor: z.string().min(1),
  objectId: z.string().min(1),
  region: z.string().min(1),
}

const event = <A extends string, O extends string, D extends z.ZodType>(
  action: A,
  objectType: O,
  details: D,
) => z.object({ ...base, action: z.literal(action), objectType: z.literal(objectType), details })

const sha256 = z.string().regex(/^[0-9a-f]{64}$/)
const reason = z.string().min(1)

export const auditEventSchema = z.discriminatedUnion('action', [
  event(
    'task.created',
    'task',
    z.object({ title: z.string(), deadline: z.string(), planNodeId: z.string().optional() }),
  ),
  event(
    'task.transition',
    'task',
    z.object({
      event: z.enum(TASK_EVENTS),
      from: z.enum(TASK_STATES),
      to: z.enum(TASK_STATES),
      reason: reason.nullable(),
    }),
  ),
  event(
    'report.submitted',
    'report',
    z.object({
      taskId: z.string(),
      period: z.string(),
      percentComplete: z.number(),
      evidence: z.array(sha256),
    }),
  ),
  event(
    'report.reviewed',
    'report',
    z.object({ decision: z.enum(['accept', 'return']), note: z.string().optional() }),
  ),
  event(
    'evidence.stored',
    'evidence',
    z.object({ sha256, size: z.number().int().positive(), type: z.enum(EVIDENCE_TYPES) }),
  ),
  event(
    'release.imported',
    'release',
    z.object({
      rows: z.number().int().nonnegative(),
      file: z.string().optional(),
      sha256: sha256.optional(),
    }),
  ),
  event('release.submitted', 'release', z.object({})),
  event('release.approved', 'release', z.object({ level: z.string() })),
  event('release.unapproved', 'release', z.object({ level: z.string(), reason: reason.optional() })),
  event('release.accepted', 'release', z.object({ level: z.string() })),
  event('release.unaccepted', 'release', z.object({ level: z.string(), reason: reason.optional() })),
  event('plan.edited', 'plan', z.object({ nodeIds: z.array(z.string()) })),
  event('plan.published', 'plan', z.object({ version: z.string() })),
  event('user.created', 'user', z.object({ username: z.string() })),
  event(
    'auth.login_failed',
    'user',
    z.object({ address: z.string(), known: z.boolean(), disabled: z.boolean() }),
  ),
  event('user.disabled', 'user', z.object({ reason: reason.optional() })),
  event('user.enabled', 'user', z.object({})),
  // never the password or its hash: only that it changed and whether the system generated it
  event('user.password_reset', 'user', z.object({ generated: z.boolean() })),
  event('user.password_changed', 'user', z.object({})),
  event('user.renamed', 'user', z.object({ displayName: z.string() })),
  event(
    'permission.changed',
    'user',
    z.object({ granted: z.array(grantSchema), revoked: z.array(grantSchema) }),
  ),
  event('agreement.edited', 'agreement', z.object({ fields: z.array(z.string()) })),
  event(
    'agreement.created',
    'agreement',
    z.object({ parkId: z.string(), originRegion: z.string(), hostRegion: z.string() }),
  ),
  event(
    'agreement.version',
    'agreement',
    z.object({ version: z.number().int(), effectiveFrom: z.string(), replaced: z.boolean() }),
  ),
  event(
    'agreement.confirmed',
    'agreement',
    z.object({ version: z.number().int(), side: z.enum(['origin', 'host']), inForce: z.boolean() }),
  ),
  event(
    'sharing.outputs.recorded',
    'agreement',
    z.object({
      releaseId: z.number().int(),
      rows: z.number().int().nonnegative(),
      file: z.string().optional(),
    }),
  ),
  event(
    'sharing.allocated',
    'agreement',
    z.object({
      allocationId: z.number().int(),
      releaseId: z.number().int(),
      versions: z.array(z.number().int()),
    }),
  ),
  event(
    'sharing.period',
    'agreement',
    z.object({ period: z.string(), from: z.string(), to: z.string(), note: z.string().optional() }),
  ),
])
export type AuditEvent = z.infer<typeof auditEventSchema>
export type AuditAction = AuditEvent['action']
export const AUDIT_ACTIONS = auditEventSchema.options.map((o) => o.shape.action.value) as AuditAction[]
