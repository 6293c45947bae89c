/**
 * Recorded outputs from a CSV or XLSX table: one row per record with the columns project,
 * metric, period, amount, and optionally kind, central, source, note. Every row is checked with
 * the same schema the API uses; problems name the file, line and column, and none is written
 * unless all rows pass.
 */
import { type OutputRecord, outputRecordSchema } from '../sharing/outputs.ts'
import { location, type SourceTable } from './table.ts'

const COLUMNS: Record<string, keyof OutputRecord> = {
  project: 'projectId',
  metric: 'metric',
  period: 'period',
  kind: 'kind',
  amount: 'amount',
  central: 'central',
  source: 'source',
  note: 'note',
}
const REQUIRED = ['project', 'metric', 'period', 'amount']

export function recordsFromTable(t: SourceTable): { records: OutputRecord[]; errors: string[] } {
  const header = t.header.map((h) => h.trim().toLowerCase())
  const missing = REQUIRED.filter((c) => !header.includes(c))
  if (missing.length)
    return { records: [], errors: [`${location(t, 1)}: missing column(s) ${missing.join(', ')}`] }
  const records: OutputRecord[] = []
  const errors: string[] = []
  for (const row of t.rows) {
    const raw: Record<string, unknown> = {}
    header.forEach((h, j) => {
      const field = COLUMNS[h]
      const v = row.cells[j]?.trim() ?? ''
      if (field && v !== '') raw[field] = v
    })
    const tax = String(raw.metric ?? '').endsWith('_local') || raw.kind === 'payment' || raw.kind === 'refund'
    raw.source ??= tax ? 'tax_authority' : 'host_statistics'
    raw.kind ??= tax ? 'payment' : 'output'
    const r = outputRecordSchema.safeParse(raw)
    if (r.success) records.push(r.data)
    else
      for (const issue of r.error.issues) {
        const field = String(issue.path[0] ?? '')
        const col = Object.entries(COLUMNS).find(([, f]) => f === field)?.[0]
        const j = col ? header.indexOf(col) : -1
        errors.push(`${location(t, row.line, j >= 0 ? t.columnLabels[j] : col)}: ${issue.message}`)
      }
  }
  return { records, errors }
}
