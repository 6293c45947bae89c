/**
 * The permission matrix at the HTTP edge: every role, scoped to Henan (41), tries every write the
 * API offers on Hubei's (42) objects — create a task, move it, upload evidence, report, review,
 * every statistics-approval step, every write of a Hubei–Hunan sharing agreement, and every change
 * to a Hubei account. Every attempt
 * is refused (403; 401 for the public) and the store is unchanged (same audit chain length, same
 * task state, no approval row, no new sharing row).
 */
import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { seedStore } from '../importer/seed.ts'
import { termsSchema } from '../sharing/agreement.ts'
import { EXAMPLE_PARTIES, exampleTerms } from '../sharing/example.ts'
import { readAuditChain } from '../store/audit.ts'
import type { Store } from '../store/db.ts'
import { createReleaseWithRows } from '../store/observations.ts'
import { insertAgreement, insertRelease, insertVersion } from '../store/sharing.ts'
import { getTask, insertReport, insertTask } from '../store/tasks.ts'
import { createUser } from '../store/users.ts'
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
  await createUser(store.db, {
    username: 'hubei.officer',
    passwordHash: 'x',
    grants: [grant('provincial_officer', '42')],
  })
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
  // a Hubei (origin) – Hunan (host) agreement in force, with a draft amendment and one release
  const at = '2026-01-01T00:00:00.000Z'
  const terms = termsSchema.parse(exampleTerms())
  await insertAgreement(store.db, {
    id: 'DEMO-1',
    ...EXAMPLE_PARTIES,
    createdBy: 'hubei.park',
    createdAt: at,
  })
  const both = { origin: { by: 'hubei.park', at }, host: { by: 'hunan.park', at } }
  const v = { agreementId: 'DEMO-1', terms, effectiveFrom: '2021-01-01' }
  await insertVersion(store.db, { ...v, version: 1, confirmations: both }, 'hubei.park', at)
  await insertVersion(
    store.db,
    { ...v, version: 2, effectiveFrom: '2024-01-01', confirmations: { origin: null, host: null } },
    'hubei.park',
    at,
  )
  const record = { projectId: 'F1', period: '2021', central: null, note: '' }
  await insertRelease(
    store.db,
    {
      agreementId: 'DEMO-1',
      name: 'r',
      publishedOn: '2022-01-01',
      recordedBy: 'hunan.park',
      recordedAt: at,
      sourceFile: null,
    },
    [{ ...record, metric: 'industrial_output', kind: 'output', amount: '100', source: 'host_statistics' }],
  )
})
afterAll(async () => store?.close())

const SHARING = '/api/sharing/agreements/DEMO-1'
const sharingRows = async () => {
  const r = await store.db.execute(
    sql`select (select count(*) from sharing_versions) + (select count(*) from sharing_releases) + (select count(*) from sharing_allocations) + (select count(*) from sharing_period_states) + (select count(*) from sharing_agreements) as n`,
  )
  return Number((r as unknown as { rows: { n: number | string }[] }).rows[0]!.n)
}

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
  {
    name: 'sharing: draft an agreement for the park',
    call: (c) =>
      c(
        '/api/sharing/agreements',
        json({ id: 'DEMO-2', ...EXAMPLE_PARTIES, effectiveFrom: '2025-01-01', terms: exampleTerms() }),
      ),
  },
  {
    name: 'sharing: amend',
    call: (c) => c(`${SHARING}/versions`, json({ effectiveFrom: '2025-01-01', terms: exampleTerms() })),
  },
  ...(['origin', 'host'] as const).map((side) => ({
    name: `sharing: confirm for the ${side}`,
    call: (c: Client) => c(`${SHARING}/versions/2/confirmation`, json({ side })),
  })),
  {
    name: 'sharing: record outputs',
    call: (c) =>
      c(
        `${SHARING}/releases`,
        json({
          name: 'x',
          publishedOn: '2023-01-01',
          records: [
            {
              projectId: 'F1',
              metric: 'industrial_output',
              period: '2022',
              amount: '1',
              source: 'host_statistics',
            },
          ],
        }),
      ),
  },
  { name: 'sharing: allocate', call: (c) => c(`${SHARING}/allocations`, json({})) },
  {
    name: 'users: create a Hubei account',
    call: (c) =>
      c('/api/users', json({ username: 'hubei.new', role: 'provincial_officer', regionCode: '42' })),
  },
  { name: 'users: disable', call: (c) => c('/api/users/hubei.officer/disabled', json({ disabled: true })) },
  { name: 'users: reset password', call: (c) => c('/api/users/hubei.officer/password', json({})) },
  {
    name: 'users: change role',
    call: (c) => c('/api/users/hubei.officer/grant', json({ role: 'admin', regionCode: '42' })),
  },
  { name: 'sharing: settle a period', call: (c) => c(`${SHARING}/periods/2021`, json({ state: 'settled' })) },
]

function json(body: unknown): RequestInit {
  return { method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json' } }
}

describe('permission matrix: every role of another region × every write', () => {
  for (const role of [...ROLES, 'public'])
    it(`${role} (Henan) cannot write Hubei's objects`, async () => {
      const before = (await readAuditChain(store.db)).length
      const sharingBefore = await sharingRows()
      for (const w of WRITES) {
        const res = await w.call(users[role]!)
        expect([w.name, res.status]).toEqual([w.name, role === 'public' ? 401 : 403])
      }
      expect((await readAuditChain(store.db)).length).toBe(before)
      for (const s of STATES) expect((await getTask(store.db, `T-42-${s}`))!.state).toBe(s)
      const approvals = await store.db.execute(sql`select count(*)::int as n from release_approvals`)
      expect((approvals as unknown as { rows: { n: number }[] }).rows[0]!.n).toBe(0)
      expect(await sharingRows()).toBe(sharingBefore)
    })
})
