/**
 * Recorded outputs: per project × metric × period, an amount with its source and release. The
 * host's statistics office records outputs of statistics; the tax authority records payments and
 * refunds of taxes, each with the local retained part (`amount`, the only part ever shared) and
 * the central part (`central`). A newer release supersedes the records of a key in an older one
 * without deleting them, so every allocation can be recomputed from the release it used.
 */
import { z } from 'zod'
import { amountSchema, sum, toUnits } from './decimal.ts'
import { periodKind, periodSchema } from './periods.ts'

export const OUTPUT_SOURCES = ['host_statistics', 'tax_authority'] as const
export const RECORD_KINDS = ['output', 'payment', 'refund'] as const

export const outputRecordSchema = z
  .object({
    projectId: z.string().trim().min(1).max(60),
    metric: z.string().trim().min(1).max(40),
    period: periodSchema,
    kind: z.enum(RECORD_KINDS).default('output'),
    amount: amountSchema,
    central: amountSchema.nullable().default(null),
    source: z.enum(OUTPUT_SOURCES),
    note: z.string().trim().max(500).default(''),
  })
  .superRefine((r, ctx) => {
    if (r.source === 'tax_authority' && r.kind === 'output')
      ctx.addIssue({
        code: 'custom',
        path: ['kind'],
        message: 'the tax authority records payments or refunds',
      })
    if (r.source === 'host_statistics' && r.kind !== 'output')
      ctx.addIssue({ code: 'custom', path: ['kind'], message: 'statistics record outputs' })
    if (r.source === 'host_statistics' && r.central !== null)
      ctx.addIssue({ code: 'custom', path: ['central'], message: 'only taxes have a central part' })
  })
export type OutputRecord = z.infer<typeof outputRecordSchema>

/** A record as stored, with the release it came in. Releases are numbered in the order made. */
export interface StoredRecord extends OutputRecord {
  releaseId: number
}

/** The amount of one project × metric × period as of a release. */
export interface ResolvedOutput {
  projectId: string
  metric: string
  period: string
  /** Local retained (taxes) or whole (statistics) amount, net of refunds, in 0.0001 units. */
  amount: bigint
  central: bigint
  source: (typeof OUTPUT_SOURCES)[number]
  releaseId: number
}

export const outputKey = (r: { projectId: string; metric: string; period: string }) =>
  `${r.projectId}\u0000${r.metric}\u0000${r.period}`

/**
 * The figures as of `releaseId`: for each key, the records of the newest release at or before it
 * that has any record of that key; payments minus refunds for taxes.
 */
export function resolveOutputs(records: readonly StoredRecord[], releaseId: number): ResolvedOutput[] {
  const newest = new Map<string, number>()
  for (const r of records) {
    if (r.releaseId > releaseId) continue
    const k = outputKey(r)
    newest.set(k, Math.max(newest.get(k) ?? -1, r.releaseId))
  }
  const groups = new Map<string, StoredRecord[]>()
  for (const r of records) {
    const k = outputKey(r)
    if (newest.get(k) !== r.releaseId) continue
    groups.set(k, [...(groups.get(k) ?? []), r])
  }
  return [...groups.values()].map((rs) => {
    const first = rs[0]!
    const signed = (r: StoredRecord, v: string | null) => (r.kind === 'refund' ? -1n : 1n) * toUnits(v ?? '0')
    return {
      projectId: first.projectId,
      metric: first.metric,
      period: first.period,
      amount: sum(rs.map((r) => signed(r, r.amount))),
      central: sum(rs.map((r) => signed(r, r.central))),
      source: first.source,
      releaseId: first.releaseId,
    }
  })
}

/**
 * Records checked against the agreement, all before any is written: the project and metric must
 * be in some version of its terms, the period of the metric's kind, and taxes must come from the
 * tax authority. Each problem names the record (1-based) and the field.
 */
export function checkRecords(
  records: readonly OutputRecord[],
  versions: readonly AgreementTermsView[],
): string[] {
  return recordProblems(records, versions).map((p) => p.message)
}

interface AgreementTermsView {
  terms: { projects: { id: string }[]; metrics: { metric: string; kind: string; period: string }[] }
}

export const RECORD_PROBLEMS = [
  'unknown_project',
  'unknown_metric',
  'wrong_period',
  'tax_source',
  'statistic_source',
  'twice',
] as const

/** One problem of a record: its number (from 1), the field, a code, the values it names and English text. */
export interface RecordProblem {
  record: number
  field: string
  code: (typeof RECORD_PROBLEMS)[number]
  params: Record<string, string>
  message: string
}

export function recordProblems(
  records: readonly OutputRecord[],
  versions: readonly AgreementTermsView[],
): RecordProblem[] {
  const projects = new Set(versions.flatMap((v) => v.terms.projects.map((p) => p.id)))
  const metrics = new Map(versions.flatMap((v) => v.terms.metrics.map((m) => [m.metric, m] as const)))
  const out: RecordProblem[] = []
  const seen = new Set<string>()
  records.forEach((r, i) => {
    const add = (field: string, code: RecordProblem['code'], params: Record<string, string>, text: string) =>
      out.push({ record: i + 1, field, code, params, message: `record ${i + 1}: ${field}: ${text}` })
    if (!projects.has(r.projectId))
      add(
        'projectId',
        'unknown_project',
        { value: r.projectId },
        `"${r.projectId}" is not a project of the agreement`,
      )
    const m = metrics.get(r.metric)
    if (!m) {
      add('metric', 'unknown_metric', { value: r.metric }, `"${r.metric}" is not shared by the agreement`)
      return
    }
    if (periodKind(r.period) !== m.period)
      add(
        'period',
        'wrong_period',
        { metric: r.metric, value: r.period },
        `${r.metric} is recorded by ${m.period}, not "${r.period}"`,
      )
    if (m.kind === 'tax' && r.source !== 'tax_authority')
      add('source', 'tax_source', { metric: r.metric }, `${r.metric} is a tax, recorded by the tax authority`)
    if (m.kind === 'statistic' && r.source !== 'host_statistics')
      add(
        'source',
        'statistic_source',
        { metric: r.metric },
        `${r.metric} is a statistic, recorded by the host's statistics office`,
      )
    const k = `${outputKey(r)}\u0000${r.kind}`
    if (r.kind === 'output' && seen.has(k))
      out.push({
        record: i + 1,
        field: 'record',
        code: 'twice',
        params: { project: r.projectId, metric: r.metric, period: r.period },
        message: `record ${i + 1}: ${r.projectId} ${r.metric} ${r.period} appears twice`,
      })
    seen.add(k)
  })
  return out
}
