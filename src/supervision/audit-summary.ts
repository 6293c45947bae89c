/**
 * An audit entry read as one sentence in zh-CN or English ("任务状态：已签收 → 办理中（开始办理）" /
 * "Task status: acknowledged → in progress (start)"), so that the audit page shows what happened
 * instead of an action code and raw JSON. Pure: the words come from the i18n catalogues.
 */
import { AUDIT_CLAUSES, AUDIT_TEMPLATES } from '../i18n/audit-messages.ts'
import { fill, type Lang, type Params, type TermKey, termOr } from '../i18n/server-messages.ts'
import type { AuditEvent } from './audit-events.ts'
import type { Grant } from './roles.ts'

const termParam = (key: string, raw: string): Params[string] => ({
  'zh-CN': termOr('zh-CN', key, raw),
  en: termOr('en', key, raw),
})

function grantsParam(grants: readonly Grant[]): Params[string] {
  const one = (lang: Lang) => (g: Grant) =>
    `${termOr(lang, `role.${g.role}`, g.role)}@${[...g.regions, ...(g.parks ?? [])].join(',')}`
  const list = (lang: Lang) =>
    grants.map(one(lang)).join(lang === 'en' ? ', ' : '、') || AUDIT_CLAUSES.none[lang]
  return { 'zh-CN': list('zh-CN'), en: list('en') }
}

/** The blanks of each action's sentence, and which clauses follow it. */
function partsOf(e: AuditEvent): { params: Params; clauses: (keyof typeof AUDIT_CLAUSES)[] } {
  switch (e.action) {
    case 'task.created':
      return { params: { title: e.details.title, deadline: e.details.deadline }, clauses: [] }
    case 'task.transition':
      return {
        params: {
          from: { term: `task_state.${e.details.from}` satisfies TermKey },
          to: { term: `task_state.${e.details.to}` satisfies TermKey },
          event: { term: `task_event.${e.details.event}` satisfies TermKey },
          reason: e.details.reason ?? '',
        },
        clauses: e.details.reason ? ['reason'] : [],
      }
    case 'report.submitted':
      return {
        params: {
          taskId: e.details.taskId,
          period: e.details.period,
          percent: e.details.percentComplete,
          files: e.details.evidence.length,
        },
        clauses: [],
      }
    case 'report.reviewed':
      return {
        params: { decision: { term: `decision.${e.details.decision}` }, note: e.details.note ?? '' },
        clauses: e.details.note ? ['note'] : [],
      }
    case 'evidence.stored':
      return {
        params: { type: termParam(`evidence_type.${e.details.type}`, e.details.type), size: e.details.size },
        clauses: [],
      }
    case 'release.imported':
      return {
        params: { rows: e.details.rows, file: e.details.file ?? '' },
        clauses: e.details.file ? ['file'] : [],
      }
    case 'user.enabled':
    case 'user.password_changed':
      return { params: {}, clauses: [] }
    case 'user.password_reset':
      return { params: { how: AUDIT_CLAUSES[e.details.generated ? 'generated' : 'chosen'] }, clauses: [] }
    case 'user.renamed':
      return { params: { displayName: e.details.displayName }, clauses: [] }
    case 'auth.login_failed':
      return {
        params: {
          address: e.details.address,
          who: e.details.known
            ? e.details.disabled
              ? AUDIT_CLAUSES.disabled_user
              : ''
            : AUDIT_CLAUSES.unknown_user,
        },
        clauses: [],
      }
    case 'release.submitted':
    case 'user.disabled':
      return {
        params: { reason: 'reason' in e.details ? (e.details.reason ?? '') : '' },
        clauses: 'reason' in e.details && e.details.reason ? ['reason'] : [],
      }
    case 'release.approved':
    case 'release.accepted':
      return { params: { level: e.details.level }, clauses: [] }
    case 'release.unapproved':
    case 'release.unaccepted':
      return {
        params: { level: e.details.level, reason: e.details.reason ?? '' },
        clauses: e.details.reason ? ['reason'] : [],
      }
    case 'plan.edited':
      return { params: { nodes: e.details.nodeIds.join(', ') }, clauses: [] }
    case 'plan.published':
      return { params: { version: e.details.version }, clauses: [] }
    case 'user.created':
      return { params: { username: e.details.username }, clauses: [] }
    case 'permission.changed':
      return {
        params: { granted: grantsParam(e.details.granted), revoked: grantsParam(e.details.revoked) },
        clauses: [],
      }
    case 'agreement.edited':
      return { params: { fields: e.details.fields.join(', ') }, clauses: [] }
    case 'agreement.created':
      return { params: { ...e.details }, clauses: [] }
    case 'agreement.version':
      return {
        params: { version: e.details.version, effectiveFrom: e.details.effectiveFrom },
        clauses: e.details.replaced ? ['replaced'] : [],
      }
    case 'agreement.confirmed':
      return {
        params: { side: { term: `side.${e.details.side}` }, version: e.details.version },
        clauses: e.details.inForce ? ['in_force'] : [],
      }
    case 'sharing.outputs.recorded':
      return {
        params: { releaseId: e.details.releaseId, rows: e.details.rows, file: e.details.file ?? '' },
        clauses: e.details.file ? ['file'] : [],
      }
    case 'sharing.allocated':
      return {
        params: {
          allocationId: e.details.allocationId,
          releaseId: e.details.releaseId,
          versions: e.details.versions.join(', '),
        },
        clauses: [],
      }
    case 'sharing.period':
      return {
        params: {
          period: e.details.period,
          from: termParam(`period_state.${e.details.from}`, e.details.from),
          to: termParam(`period_state.${e.details.to}`, e.details.to),
          note: e.details.note ?? '',
        },
        clauses: e.details.note ? ['note'] : [],
      }
  }
}

export function auditSummary(entry: AuditEvent, lang: Lang): string {
  const { params, clauses } = partsOf(entry)
  const head = fill(AUDIT_TEMPLATES[entry.action][lang], lang, params)
  return head + clauses.map((c) => fill(AUDIT_CLAUSES[c][lang], lang, params)).join('')
}
