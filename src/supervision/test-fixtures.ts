/** Sample objects shared by this folder's tests (not used by the code itself). */
import type { Report } from './reports.ts'
import { type Task, taskSchema } from './tasks.ts'

export const sampleTask = (over: Partial<Task> = {}): Task =>
  taskSchema.parse({
    id: 'T1',
    title: '建设长江中游城市群协同发展示范区',
    regionCode: '42',
    state: 'created',
    start: '2025-01-01',
    deadline: '2025-12-31',
    cadence: 'quarterly',
    ...over,
  })

export const sampleReport = (over: Partial<Report> = {}): Report => ({
  id: 'R1',
  taskId: 'T1',
  period: '2025-Q1',
  kind: 'periodic',
  narrative: '完成项目选址和可行性研究。',
  percentComplete: 20,
  indicatorValues: [],
  evidence: [],
  submittedBy: 'officer-42',
  submittedAt: '2025-04-05T09:00:00+08:00',
  status: 'submitted',
  ...over,
})

/** Timestamp `day` days after 2025-01-01 UTC. */
export const dayAt = (day: number) => new Date(Date.UTC(2025, 0, 1 + day)).toISOString()
