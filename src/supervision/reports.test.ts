import { describe, expect, it } from 'vitest'
import { checkReport, latestProgress, type Report, reportSchema, reviewReport } from './reports.ts'
import { sampleReport, sampleTask } from './test-fixtures.ts'

const task = sampleTask({ state: 'in_progress' })
const HASH = 'a'.repeat(64)

describe('report checks', () => {
  it('accepts a well-formed quarterly report and its schema', () => {
    expect(checkReport(task, [], sampleReport())).toEqual({ ok: true })
    expect(
      reportSchema.safeParse(sampleReport({ evidence: [{ sha256: HASH, size: 10, type: 'pdf' }] })).success,
    ).toBe(true)
    expect(reportSchema.safeParse(sampleReport({ percentComplete: 101 })).success).toBe(false)
    expect(reportSchema.safeParse(sampleReport({ narrative: '   ' })).success).toBe(false)
    const badEvidence = { sha256: 'xyz', size: 10, type: 'html' }
    expect(reportSchema.safeParse({ ...sampleReport(), evidence: [badEvidence] }).success).toBe(false)
  })

  it('refuses reports on tasks not in progress, in the wrong cadence, or from the future', () => {
    expect(checkReport(sampleTask({ state: 'assigned' }), [], sampleReport())).toMatchObject({
      code: 'task_not_in_progress',
    })
    expect(checkReport(task, [], sampleReport({ period: '2025-03' }))).toMatchObject({ code: 'bad_period' })
    expect(checkReport(task, [], sampleReport({ period: '2025-Q3' }))).toMatchObject({
      code: 'future_period',
    })
    expect(checkReport(task, [], sampleReport({ taskId: 'T2' }))).toMatchObject({ code: 'wrong_task' })
  })

  it('allows one live periodic report per period; a returned one may be redone', () => {
    const first = sampleReport({ status: 'accepted' })
    expect(checkReport(task, [first], sampleReport({ id: 'R2' }))).toMatchObject({ code: 'duplicate_period' })
    expect(checkReport(task, [{ ...first, status: 'returned' }], sampleReport({ id: 'R2' }))).toEqual({
      ok: true,
    })
  })

  it('keeps percent complete from falling below an accepted report unless a reason is given', () => {
    const accepted = sampleReport({ percentComplete: 40, status: 'accepted' })
    const lower = sampleReport({
      id: 'R2',
      period: '2025-Q2',
      percentComplete: 30,
      submittedAt: '2025-07-02T09:00:00Z',
    })
    expect(checkReport(task, [accepted], lower)).toMatchObject({ code: 'progress_regressed' })
    expect(checkReport(task, [accepted], { ...lower, regressionReason: '审计核减了已完成投资' })).toEqual({
      ok: true,
    })
    // An unreviewed earlier figure does not bind: only accepted progress does.
    expect(checkReport(task, [{ ...accepted, status: 'submitted' }], lower)).toEqual({ ok: true })
  })

  it('a final report claims 100% and attaches each file once', () => {
    expect(checkReport(task, [], sampleReport({ kind: 'final', percentComplete: 90 }))).toMatchObject({
      code: 'final_not_complete',
    })
    const ev = { sha256: HASH, size: 1, type: 'pdf' as const }
    expect(checkReport(task, [], sampleReport({ evidence: [ev, ev] }))).toMatchObject({
      code: 'duplicate_evidence',
    })
  })
})

describe('report review', () => {
  it('accepts, returns with a note, and refuses self-review and double review', () => {
    const r = sampleReport()
    const accepted = reviewReport(r, 'accept', 'reviewer-cn', '2025-04-10T00:00:00Z')
    expect(accepted).toMatchObject({ ok: true, report: { status: 'accepted', reviewedBy: 'reviewer-cn' } })
    expect(reviewReport(r, 'return', 'reviewer-cn', '2025-04-10T00:00:00Z')).toMatchObject({
      code: 'note_required',
    })
    expect(reviewReport(r, 'accept', r.submittedBy, '2025-04-10T00:00:00Z')).toMatchObject({
      code: 'own_report',
    })
    if (accepted.ok)
      expect(reviewReport(accepted.report, 'accept', 'x', '2025-04-11T00:00:00Z')).toMatchObject({
        code: 'not_submitted',
      })
  })
})

describe('latest progress', () => {
  it('takes the latest period, then the latest submission, ignoring returned reports', () => {
    const reports: Report[] = [
      sampleReport({ id: 'a', period: '2025-Q1', percentComplete: 20, status: 'accepted' }),
      sampleReport({ id: 'b', period: '2025-Q2', percentComplete: 45, submittedAt: '2025-07-01T01:00:00Z' }),
      sampleReport({
        id: 'c',
        period: '2025-Q2',
        percentComplete: 50,
        submittedAt: '2025-07-01T09:30:00+08:00',
      }),
      sampleReport({ id: 'd', period: '2025-Q3', percentComplete: 90, status: 'returned' }),
      sampleReport({ id: 'e', taskId: 'T2', period: '2025-Q4', percentComplete: 99 }),
    ]
    // 'b' is 01:00Z, 'c' is 01:30Z: the later submission wins although its string sorts lower.
    expect(latestProgress(task, reports)).toEqual({ percent: 50, period: '2025-Q2', accepted: false })
    expect(latestProgress(task, [])).toBeNull()
  })
})
