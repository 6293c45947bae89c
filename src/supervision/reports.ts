/**
 * Periodic progress reports on a task (反馈): narrative, percent complete, indicator values and
 * evidence references. Checks are pure and return coded errors. Percent complete may not fall
 * below what was already accepted unless the report says why: a silent drop would hide a setback
 * (or an earlier overstatement) from the reviewer.
 */
import { z } from 'zod'
import { beijingDay, daysBetween, isoDateTimeSchema, periodBounds } from './dates.ts'
import { EVIDENCE_TYPES } from './evidence.ts'
import type { Task } from './tasks.ts'

export const evidenceRefSchema = z.object({
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  size: z.number().int().positive(),
  type: z.enum(EVIDENCE_TYPES),
  name: z.string().min(1).max(255).optional(),
})
export type EvidenceRef = z.infer<typeof evidenceRefSchema>

export const indicatorValueSchema = z.object({
  indicator: z.string().min(1),
  value: z.number().refine(Number.isFinite, { message: 'finite number' }),
  unit: z.string().optional(),
})

export const REPORT_STATUSES = ['submitted', 'accepted', 'returned'] as const
export type ReportStatus = (typeof REPORT_STATUSES)[number]

export const reportSchema = z.object({
  id: z.string().min(1),
  taskId: z.string().min(1),
  /** '2025-03' for monthly tasks, '2025-Q1' for quarterly ones. */
  period: z.string().min(1),
  /** A final report claims the work is done and asks for acceptance of the task. */
  kind: z.enum(['periodic', 'final']),
  narrative: z.string().trim().min(1).max(20_000),
  percentComplete: z.number().min(0).max(100),
  /** Why percent complete fell below an accepted earlier report. */
  regressionReason: z.string().trim().min(1).optional(),
  indicatorValues: z.array(indicatorValueSchema).default([]),
  evidence: z.array(evidenceRefSchema).default([]),
  submittedBy: z.string().min(1),
  submittedAt: isoDateTimeSchema,
  status: z.enum(REPORT_STATUSES),
  reviewedBy: z.string().optional(),
  reviewedAt: isoDateTimeSchema.optional(),
  reviewNote: z.string().optional(),
})
export type Report = z.infer<typeof reportSchema>

export const REPORT_ERRORS = [
  'wrong_task',
  'task_not_in_progress',
  'bad_period',
  'future_period',
  'duplicate_period',
  'progress_regressed',
  'final_not_complete',
  'duplicate_evidence',
  'not_submitted',
  'note_required',
  'own_report',
] as const
export type ReportErrorCode = (typeof REPORT_ERRORS)[number]
export type ReportError = { ok: false; code: ReportErrorCode; message: string }

const fail = (code: ReportErrorCode, message: string): ReportError => ({ ok: false, code, message })

/** Check a new report against its task and the task's earlier reports. */
export function checkReport(
  task: Task,
  earlier: readonly Report[],
  report: Report,
): { ok: true } | ReportError {
  if (report.taskId !== task.id) return fail('wrong_task', `report is for ${report.taskId}, not ${task.id}`)
  if (task.state !== 'in_progress') return fail('task_not_in_progress', `the task is ${task.state}`)
  const bounds = periodBounds(task.cadence, report.period)
  if (!bounds) return fail('bad_period', `"${report.period}" is not a ${task.cadence} period`)
  if (daysBetween(beijingDay(report.submittedAt), bounds.first) > 0)
    return fail('future_period', `period ${report.period} has not begun`)
  const mine = earlier.filter((r) => r.taskId === task.id && r.status !== 'returned')
  if (report.kind === 'periodic' && mine.some((r) => r.kind === 'periodic' && r.period === report.period))
    return fail('duplicate_period', `a report for ${report.period} is already in`)
  const accepted = Math.max(0, ...mine.filter((r) => r.status === 'accepted').map((r) => r.percentComplete))
  if (report.percentComplete < accepted && !report.regressionReason)
    return fail(
      'progress_regressed',
      `${report.percentComplete}% is below the accepted ${accepted}%; say why`,
    )
  if (report.kind === 'final' && report.percentComplete < 100)
    return fail('final_not_complete', 'a final report says the work is 100% done')
  const hashes = report.evidence.map((e) => e.sha256)
  if (new Set(hashes).size !== hashes.length)
    return fail('duplicate_evidence', 'the same file is attached twice')
  return { ok: true }
}

/** Accept or return a submitted report; returning needs a note, and nobody reviews his own. */
export function reviewReport(
  report: Report,
  decision: 'accept' | 'return',
  reviewer: string,
  at: string,
  note?: string,
): { ok: true; report: Report } | ReportError {
  if (report.status !== 'submitted') return fail('not_submitted', `the report is already ${report.status}`)
  if (reviewer === report.submittedBy) return fail('own_report', 'someone else reviews a report')
  const why = note?.trim()
  if (decision === 'return' && !why) return fail('note_required', 'say what to fix')
  const status: ReportStatus = decision === 'accept' ? 'accepted' : 'returned'
  return { ok: true, report: { ...report, status, reviewedBy: reviewer, reviewedAt: at, reviewNote: why } }
}

/**
 * The progress that counts for warnings: the latest report by period (then submission time)
 * that was not returned; `accepted` says whether a reviewer has confirmed it.
 */
export function latestProgress(
  task: Pick<Task, 'id' | 'cadence'>,
  reports: readonly Report[],
): { percent: number; period: string; accepted: boolean } | null {
  const end = (r: Report) => periodBounds(task.cadence, r.period)?.last ?? ''
  const later = (a: Report, b: Report) =>
    end(a) !== end(b) ? end(a) > end(b) : Date.parse(a.submittedAt) > Date.parse(b.submittedAt)
  const live = reports.filter((r) => r.taskId === task.id && r.status !== 'returned')
  const latest = live.reduce<Report | null>((best, r) => (!best || later(r, best) ? r : best), null)
  return latest
    ? { percent: latest.percentComplete, period: latest.period, accepted: latest.status === 'accepted' }
    : null
}
