/**
 * One task, one story: a task with a submitted (not yet reviewed) 60% report shows the same
 * progress and the same warnings to the public, its officer and a planner, on its own page and
 * on the board. The public sees the report's figure but not its narrative or evidence.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { seedStore } from '../../../importer/seed.ts'
import type { Store } from '../../../store/db.ts'
import { beijingDay, dayFromNumber, dayNumber } from '../../../supervision/dates.ts'
import { openTestStore } from '../../../testing/backends.ts'
import { type Client, client, grant, signedIn } from '../../../testing/http-client.ts'
import { createApp } from '../../app.ts'

let store: Store
let app: ReturnType<typeof createApp>
const u: Record<string, Client> = {}
const today = beijingDay(new Date().toISOString())
const day = (offset: number) => dayFromNumber(dayNumber(today) + offset)
const quarter = `${today.slice(0, 4)}-Q${Math.floor((Number(today.slice(5, 7)) - 1) / 3) + 1}`

type Standing = {
  progress: { percent: number; accepted: boolean } | null
  warning: string | null
  warnings: { code: string; level: string; actual: number }[]
}
const standing = ({ progress, warning, warnings }: Standing) => ({ progress, warning, warnings })

beforeAll(async () => {
  store = await openTestStore('pglite')
  await seedStore(store)
  app = createApp({ store })
  u.planner = await signedIn(app, store.db, 'planner', [grant('national_planner', 'CN')])
  u.officer = await signedIn(app, store.db, 'hubei.officer', [grant('provincial_officer', '42')])
  u.public = client(app)
})
afterAll(async () => store?.close())

describe('one truth per task', () => {
  let taskId: string

  beforeAll(async () => {
    // most of the schedule gone, a 50% milestone missed yesterday unless the 60% report counts
    const created = await u.planner!.json<{ id: string }>('/api/tasks', {
      title: '建设长江中游城市群协同创新平台',
      regionCode: '42',
      start: day(-330),
      deadline: day(30),
      milestones: [{ id: 'm1', name: '平台挂牌', due: day(-1), targetPercent: 50 }],
    })
    expect(created.status).toBe(201)
    taskId = created.body.id
    for (const event of ['acknowledge', 'start'])
      expect((await u.officer!.json(`/api/tasks/${taskId}/transitions`, { event })).status).toBe(200)
    const report = await u.officer!.json(`/api/tasks/${taskId}/reports`, {
      period: quarter,
      narrative: '平台已挂牌，完成60%。',
      percentComplete: 60,
    })
    expect(report.status).toBe(201)
  })

  it('the API gives the public, the officer and a planner the same progress and warnings', async () => {
    const seen = await Promise.all(
      [u.public!, u.officer!, u.planner!].map(
        async (c) => (await c.json<{ task: Standing }>(`/api/tasks/${taskId}`)).body.task,
      ),
    )
    const [pub] = seen
    expect(pub!.progress).toMatchObject({ percent: 60, accepted: false })
    expect(pub!.warnings.map((w) => w.code)).not.toContain('milestone_missed')
    expect(pub!.warnings.every((w) => w.actual === 60)).toBe(true)
    for (const s of seen) expect(standing(s)).toEqual(standing(pub!))
  })

  it("the board's answer is the task page's, for every reader", async () => {
    const page = standing((await u.public!.json<{ task: Standing }>(`/api/tasks/${taskId}`)).body.task)
    for (const c of [u.public!, u.officer!, u.planner!]) {
      const board = await c.json<{ tasks: (Standing & { id: string })[] }>('/api/tasks?region=42')
      expect(standing(board.body.tasks.find((t) => t.id === taskId)!)).toEqual(page)
    }
  })

  it('the public sees the report figure without its content; the officer sees it all', async () => {
    type Detail = { reports: Record<string, unknown>[] }
    const pub = (await u.public!.json<Detail>(`/api/tasks/${taskId}`)).body.reports
    expect(pub).toHaveLength(1)
    expect(pub[0]).toMatchObject({ percentComplete: 60, status: 'submitted', redacted: true })
    expect(pub[0]).not.toHaveProperty('narrative')
    expect(pub[0]).not.toHaveProperty('submittedBy')
    const own = (await u.officer!.json<Detail>(`/api/tasks/${taskId}`)).body.reports
    expect(own[0]).toMatchObject({ narrative: '平台已挂牌，完成60%。', submittedBy: 'hubei.officer' })
    expect(own[0]).not.toHaveProperty('redacted')
  })
})
