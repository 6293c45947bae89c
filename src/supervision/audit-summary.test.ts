import { describe, expect, it } from 'vitest'
import { hasCjk, latinWords } from '../i18n/script.ts'
import { AUDIT_ACTIONS, type AuditAction, type AuditEvent, auditEventSchema } from './audit-events.ts'
import { auditSummary } from './audit-summary.ts'

const base = { at: '2026-12-01T08:00:00.000Z', actor: 'hubei', region: '42' }
const h = 'a'.repeat(64)

/** One entry of every action the code writes, with codes and numbers only in the blanks. */
const SAMPLES: { [A in AuditAction]: Extract<AuditEvent, { action: A }>['details'] } = {
  'task.created': { title: 'T1', deadline: '2026-12-31' },
  'task.transition': { event: 'start', from: 'acknowledged', to: 'in_progress', reason: null },
  'report.submitted': { taskId: 'T-42-1', period: '2026-Q4', percentComplete: 60, evidence: [h] },
  'report.reviewed': { decision: 'return', note: 'A1' },
  'evidence.stored': { sha256: h, size: 1024, type: 'pdf' },
  'release.imported': { rows: 48, file: 'hubei.csv' },
  'release.submitted': {},
  'release.approved': { level: '42' },
  'release.unapproved': { level: '42', reason: 'R1' },
  'release.accepted': { level: 'CN' },
  'release.unaccepted': { level: 'CN' },
  'plan.edited': { nodeIds: ['H19-1', 'H19-2'] },
  'plan.published': { version: '2' },
  'user.created': { username: 'hubei' },
  'user.disabled': {},
  'user.enabled': {},
  'user.password_reset': { generated: true },
  'user.password_changed': {},
  'user.renamed': { displayName: 'officer-42' },
  'auth.login_failed': { address: '203.0.113.7', known: false, disabled: false },
  'permission.changed': { granted: [{ role: 'provincial_officer', regions: ['42'] }], revoked: [] },
  'agreement.edited': { fields: ['terms'] },
  'agreement.created': { parkId: 'P1', originRegion: '31', hostRegion: '42' },
  'agreement.version': { version: 2, effectiveFrom: '2027-01-01', replaced: true },
  'agreement.confirmed': { version: 1, side: 'host', inForce: true },
  'sharing.outputs.recorded': { releaseId: 7, rows: 12 },
  'sharing.allocated': { allocationId: 3, releaseId: 7, versions: [1, 2] },
  'sharing.period': { period: '2026', from: 'open', to: 'settled' },
}

const OBJECT: Record<string, string> = {
  task: 'T-42-1',
  report: 'R-1',
  evidence: h,
  release: '7',
  plan: 'H19',
  user: '5',
  agreement: 'A-1',
}

function entry(action: AuditAction): AuditEvent {
  const objectType = auditEventSchema.options.find((o) => o.shape.action.value === action)!.shape.objectType
    .value
  return auditEventSchema.parse({
    ...base,
    action,
    objectType,
    objectId: OBJECT[objectType],
    details: SAMPLES[action],
  })
}

describe('audit entries as sentences', () => {
  it('covers every audit action', () => {
    expect(Object.keys(SAMPLES).sort()).toEqual([...AUDIT_ACTIONS].sort())
  })
  it.each(AUDIT_ACTIONS)(
    '%s reads in zh-CN without English words and in English without Chinese',
    (action) => {
      const e = entry(action)
      const zh = auditSummary(e, 'zh-CN')
      const en = auditSummary(e, 'en')
      expect(zh).not.toMatch(/\{\w+\}/)
      expect(en).not.toMatch(/\{\w+\}/)
      expect(hasCjk(zh), zh).toBe(true)
      // a user name and an agreement's field key are codes, shown as typed
      expect(latinWords(zh, ['hubei', 'terms']), zh).toEqual([])
      expect(hasCjk(en), en).toBe(false)
      expect(en).not.toContain(action)
    },
  )
  it('says a task transition as the issue asks', () => {
    expect(auditSummary(entry('task.transition'), 'zh-CN')).toBe('任务状态：已签收 → 办理中（开始办理）')
    expect(auditSummary(entry('task.transition'), 'en')).toBe(
      'Task status: acknowledged → in progress (start)',
    )
    expect(auditSummary(entry('release.unapproved'), 'en')).toBe('Approval withdrawn at level 42; reason: R1')
    expect(auditSummary(entry('permission.changed'), 'zh-CN')).toBe('权限变更：授予 省级工作人员@42；收回 无')
  })
})
