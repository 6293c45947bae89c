/** Types of the supervision API as the pages read them (mirrors src/server/routes/tasks). */
export interface Warning {
  level: 'blue' | 'yellow' | 'red'
  code: string
  due: string
  daysLeft: number
  expected: number
  actual: number
  message: string
  milestoneId?: string | null
}

export interface TaskView {
  id: string
  title: string
  regionCode: string
  state: string
  start: string
  deadline: string
  cadence: string
  planId: string | null
  planNodeId?: string
  leadBody: string
  overdue: boolean
  progress: { percent: number; period: string; accepted: boolean } | null
  warning: 'blue' | 'yellow' | 'red' | null
  warnings: Warning[]
  milestones?: { id: string; name: string }[]
}

interface ReportFigures {
  id: string
  period: string
  kind: string
  percentComplete: number
  status: 'submitted' | 'accepted' | 'returned'
  submittedAt: string
  evidence: { sha256: string; name?: string; size: number; type: string }[]
}

/** A report in full, or (for a reader who may not read it yet) its figures only. */
export type ReportView =
  | (ReportFigures & {
      redacted?: false
      narrative: string
      submittedBy: string
      reviewedBy?: string
      reviewNote?: string
    })
  | (ReportFigures & {
      redacted: true
      narrative?: undefined
      submittedBy?: undefined
      reviewNote?: undefined
    })

export interface TaskDetail {
  task: TaskView
  history: {
    event: string
    fromState: string
    toState: string
    actor: string
    at: string
    reason: string | null
  }[]
  reports: ReportView[]
  next: string[]
}

export const WARNING_COLOR = { blue: 'blue', yellow: 'gold', red: 'red' } as const
