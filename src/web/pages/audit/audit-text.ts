/**
 * An audit entry in words, in the page language: its action by name and what changed ("签收：已交办 →
 * 已签收"), from the entry's `details` (the shapes of supervision/audit-events.ts). A detail this
 * does not know is listed as field: value rather than hidden.
 */
import type { TFunction } from 'i18next'

export interface AuditEntry {
  action: string
  objectType: string
  objectId: string
  region: string
  details: Record<string, unknown>
}

/** i18next reads dots as nesting: `task.transition` is looked up as `task_transition`. */
const key = (action: string) => action.replace(/\./g, '_')

export const actionName = (action: string, t: TFunction): string =>
  t(`auditLog.actions.${key(action)}`, { defaultValue: action })

export const objectName = (e: Pick<AuditEntry, 'objectType'>, t: TFunction): string =>
  t(`auditLog.objects.${e.objectType}`, { defaultValue: e.objectType })

const str = (v: unknown) => (v === undefined || v === null ? '' : String(v))
const count = (v: unknown) => (Array.isArray(v) ? v.length : 0)

/** What the entry changed, in words; `regionName` names the regions an entry mentions. */
export function auditSummary(e: AuditEntry, t: TFunction, regionName: (code: string) => string): string {
  const d = e.details
  const s = (k: string, values: Record<string, unknown> = {}) => t(`auditLog.summary.${k}`, values)
  const state = (x: unknown) => t(`tasks.states.${str(x)}`, { defaultValue: str(x) })
  const extra = [
    d.reason ? s('reason', { reason: d.reason }) : '',
    d.note ? s('note', { note: d.note }) : '',
  ].join('')
  switch (e.action) {
    case 'task.created':
      return s('task_created', { title: d.title, deadline: d.deadline })
    case 'task.transition':
      return (
        s('task_transition', {
          event: t(`tasks.events.${str(d.event)}`, { defaultValue: str(d.event) }),
          from: state(d.from),
          to: state(d.to),
        }) + extra
      )
    case 'report.submitted':
      return s('report_submitted', { period: d.period, percent: d.percentComplete, count: count(d.evidence) })
    case 'report.reviewed':
      return s('report_reviewed', { decision: t(`auditLog.decisions.${str(d.decision)}`) }) + extra
    case 'evidence.stored':
      return s('evidence_stored', {
        type: str(d.type).toUpperCase(),
        size: `${Math.ceil(Number(d.size) / 1024)} KB`,
      })
    case 'release.imported':
      return s('release_imported', { rows: d.rows }) + (d.file ? s('file', { file: d.file }) : '')
    case 'release.approved':
    case 'release.unapproved':
    case 'release.accepted':
    case 'release.unaccepted':
      return s('release_level', { level: d.level }) + extra
    case 'plan.edited':
      return s('plan_edited', { count: count(d.nodeIds) })
    case 'plan.published':
      return s('plan_published', { version: d.version })
    case 'user.created':
      return s('user_created', { username: d.username })
    case 'user.password_reset':
      return s('user_password_reset', { how: s(d.generated ? 'password_generated' : 'password_set') })
    case 'user.renamed':
      return s('user_renamed', { name: d.displayName })
    case 'user.enabled':
    case 'user.password_changed':
      return extra.trim()
    case 'auth.login_failed':
      return s('auth_login_failed', {
        address: d.address,
        unknown: d.known ? (d.disabled ? s('disabled_user') : '') : s('unknown_user'),
      })
    case 'permission.changed':
      return s('permission_changed', { granted: count(d.granted), revoked: count(d.revoked) })
    case 'agreement.edited':
      return s('agreement_edited', { count: count(d.fields) })
    case 'agreement.created':
      return s('agreement_created', {
        origin: regionName(str(d.originRegion)),
        host: regionName(str(d.hostRegion)),
      })
    case 'agreement.version':
      return s('agreement_version', { version: d.version, effectiveFrom: d.effectiveFrom })
    case 'agreement.confirmed':
      return (
        s('agreement_confirmed', { version: d.version, side: t(`sharing.sides.${str(d.side)}`) }) +
        (d.inForce ? s('inForce') : '')
      )
    case 'sharing.outputs.recorded':
      return s('sharing_outputs_recorded', { release: d.releaseId, rows: d.rows })
    case 'sharing.allocated':
      return s('sharing_allocated', { allocation: d.allocationId, release: d.releaseId })
    case 'sharing.period':
      return (
        s('sharing_period', {
          period: d.period,
          from: t(`sharing.states.${str(d.from)}`, { defaultValue: str(d.from) }),
          to: t(`sharing.states.${str(d.to)}`, { defaultValue: str(d.to) }),
        }) + extra
      )
    default:
      return (
        extra.trim() ||
        Object.entries(d)
          .map(([k, v]) => `${k}: ${JSON.stringify(v)}`)
          .join('; ')
      )
  }
}
