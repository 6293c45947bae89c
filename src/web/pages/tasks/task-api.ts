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

export interface ReportView {
  id: string
  period: string
  kind: string
  narrative: string
  percentComplete: number
  status: 'submitted' | 'accepted' | 'returned'
  submittedBy: string
  submittedAt: string
  reviewedBy?: string
  reviewNote?: string
  evidence: { sha256: string; name?: string; size: number; type: string }[]
}

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
