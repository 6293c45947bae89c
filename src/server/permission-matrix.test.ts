/**
 * The permission matrix at the HTTP edge: every role, scoped to Henan (41), tries every write the
 * API offers on Hubei's (42) objects — create a task, move it, upload evidence, report, review,
 * and every statistics-approval step. Every attempt is refused (403; 401 for the public) and the
 * store is unchanged (same audit chain length, same task state, no approval row).
 */
import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { seedStore } from '../importer/seed.ts'
import { readAuditChain } from '../store/audit.ts'
import type { Store } from '../store/db.ts'
import { createReleaseWithRows } from '../store/observations.ts'
import { getTask, insertReport, insertTask } from '../store/tasks.ts'
import { openTestStore } from '../testing/backends.ts'
import { type Client, client, grant, signedIn } from '../testing/http-client.ts'
import { createApp } from './app.ts'

const ROLES = [
  'national_planner',
  'provincial_officer',
  'statistician',
  'park_admin',
  'reviewer',
  'admin',
] as const
let store: Store
let app: ReturnType<typeof createApp>
let releaseId: number
const users: Record<string, Client> = {}
const STATES = ['assigned', 'in_progress', 'reported', 'accepted'] as const

beforeAll(async () => {
  store = await openTestStore('pglite')
  await seedStore(store)
  app = createApp({ store })
  for (const role of ROLES) users[role] = await signedIn(app, store.db, `henan.${role}`, [grant(role, '41')])
  users.public = client(app)
  users.public.csrf = (
    (await (await users.public('/api/auth/session')).json()) as { csrfToken: string }
  ).csrfToken
  for (const state of STATES)
    await insertTask(store.db, {
      id: `T-42-${state}`,
      title: `Hubei task (${state})`,
      regionCode: '42',
      state,
      start: '2026-01-01',
      deadline: '2027-12-31',
      cadence: 'quarterly',
      milestones: [],
      leadBody: '',
      coBodies: [],
      planId: null,
      createdBy: 'planner',
    })
  await insertReport(store.db, {
    id: 'R-42',
    taskId: 'T-42-reported',
    period: '2026-Q4',
    kind: 'periodic',
    narrative: 'x',
    percentComplete: 10,
    indicatorValues: [],
    evidence: [],
    submittedBy: 'hubei.officer',
    submittedAt: '2026-11-01T00:00:00.000Z',
    status: 'submitted',
  })
  releaseId = (
    await createReleaseWithRows(
      store,
      { name: 'Hubei matrix (SYNTHETIC)', publishedOn: '2026-11-01', kind: 'import', synthetic: true },
      [
        {
          region: '42',
          indicator: 'gdp',
          period: 2099,
          value: 1,
          unit: '100 million yuan',
          source: 'test',
          note: 'SYNTHETIC',
          vintage: null,
        },
      ],
    )
  ).id
})
afterAll(async () => store?.close())

const pdf = () => {
  const form = new FormData()
  form.set('file', new File([new TextEncoder().encode('%PDF-1.4\n%%EOF\n')], 'x.pdf'))
  return form
}

const WRITES: { name: string; call: (c: Client) => Promise<Response> }[] = [
  {
    name: 'create task',
    call: (c) =>
      c('/api/tasks', json({ title: 'x', regionCode: '42', start: '2026-01-01', deadline: '2026-12-31' })),
  },
  ...(['acknowledge', 'start', 'close'] as const).flatMap((event) =>
    STATES.map((s) => ({
      name: `${event} ${s}`,
      call: (c: Client) => c(`/api/tasks/T-42-${s}/transitions`, json({ event })),
    })),
  ),
  {
    name: 'evidence',
    call: (c) => c('/api/tasks/T-42-in_progress/evidence', { method: 'POST', body: pdf() }),
  },
  {
    name: 'report',
    call: (c) =>
      c(
        '/api/tasks/T-42-in_progress/reports',
        json({ period: '2026-Q4', narrative: 'x', percentComplete: 5 }),
      ),
  },
  { name: 'review accept', call: (c) => c('/api/reports/R-42/review', json({ decision: 'accept' })) },
  {
    name: 'review return',
    call: (c) => c('/api/reports/R-42/review', json({ decision: 'return', note: 'no' })),
  },
  {
    name: 'approval submit',
    call: (c) => c(`/api/releases/${releaseId}/approval`, json({ step: 'submit', region: '42' })),
  },
]

function json(body: unknown): RequestInit {
  return { method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json' } }
}

describe('permission matrix: every role of another region × every write', () => {
  for (const role of [...ROLES, 'public'])
    it(`${role} (Henan) cannot write Hubei's objects`, async () => {
      const before = (await readAuditChain(store.db)).length
      for (const w of WRITES) {
        const res = await w.call(users[role]!)
        expect([w.name, res.status]).toEqual([w.name, role === 'public' ? 401 : 403])
      }
      expect((await readAuditChain(store.db)).length).toBe(before)
      for (const s of STATES) expect((await getTask(store.db, `T-42-${s}`))!.state).toBe(s)
      const approvals = await store.db.execute(sql`select count(*)::int as n from release_approvals`)
      expect((approvals as unknown as { rows: { n: number }[] }).rows[0]!.n).toBe(0)
    })
})
