/**
 * Supervision through the real API and store: a task from a plan measure goes through
 * 交办 → 签收 → 办理 → 反馈 → 复核 (returned, corrected) → accepted, with evidence; every
 * cross-region or wrong-role write is refused with 403 and changes nothing; the audit trail
 * records every step and verifies.
 */
import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { seedStore } from '../../../importer/seed.ts'
import { readAuditChain } from '../../../store/audit.ts'
import type { Store } from '../../../store/db.ts'
import { getTask } from '../../../store/tasks.ts'
import { verifyChain } from '../../../supervision/audit.ts'
import { openTestStore } from '../../../testing/backends.ts'
import { type Client, client, grant, signedIn } from '../../../testing/http-client.ts'
import { createApp } from '../../app.ts'

let store: Store
let app: ReturnType<typeof createApp>
const u: Record<string, Client> = {}

// the current quarter in Beijing time, so the report's period has begun
const now = new Date(Date.now() + 8 * 3600_000)
const quarter = `${now.getUTCFullYear()}-Q${Math.floor(now.getUTCMonth() / 3) + 1}`
const pdf = new TextEncoder().encode('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n')

beforeAll(async () => {
  store = await openTestStore('pglite')
  await seedStore(store)
  app = createApp({ store })
  u.planner = await signedIn(app, store.db, 'planner', [grant('national_planner', 'CN')])
  u.hubei = await signedIn(app, store.db, 'hubei.officer', [grant('provincial_officer', '42')])
  u.henan = await signedIn(app, store.db, 'henan.officer', [grant('provincial_officer', '41')])
  u.reviewer = await signedIn(app, store.db, 'reviewer', [grant('reviewer', 'CN')])
  u.hubeiReviewer = await signedIn(app, store.db, 'hubei.reviewer', [grant('reviewer', '42')])
  u.henanPlanner = await signedIn(app, store.db, 'henan.planner', [grant('national_planner', '41')])
  u.henanStat = await signedIn(app, store.db, 'henan.stat', [grant('statistician', '41')])
})
afterAll(async () => store?.close())

const upload = (c: Client, taskId: string, bytes: Uint8Array, name: string) => {
  const form = new FormData()
  form.set('file', new File([bytes as Uint8Array<ArrayBuffer>], name))
  return c(`/api/tasks/${taskId}/evidence`, { method: 'POST', body: form })
}

describe('supervision workflow', () => {
  let taskId: string
  const state = async () => (await getTask(store.db, taskId))!.state

  it('a national planner creates and assigns a task from a plan measure', async () => {
    const r = await u.planner!.json<{ id: string; state: string }>('/api/tasks', {
      title: '建设长江中游城市群协同创新平台',
      regionCode: '42',
      planId: 'C21',
      planNodeId: 'C21-2-3',
      start: '2026-01-01',
      deadline: '2027-06-30',
      cadence: 'quarterly',
      leadBody: '湖北省发展改革委',
    })
    expect(r.status).toBe(201)
    expect(r.body.state).toBe('assigned')
    taskId = r.body.id
    const bad = await u.planner!.json('/api/tasks', {
      title: 'x',
      regionCode: '42',
      planId: 'C21',
      planNodeId: 'NOPE',
      start: '2026-01-01',
      deadline: '2026-12-31',
    })
    expect(bad.status).toBe(400)
    expect(JSON.stringify(bad.body)).toContain('planNodeId')
  })

  it('refuses every write from another region or the wrong role, with 403 and no change', async () => {
    const attempts: [Client, string, unknown][] = [
      [u.henan!, `/api/tasks/${taskId}/transitions`, { event: 'acknowledge' }],
      [u.henanPlanner!, `/api/tasks/${taskId}/transitions`, { event: 'close' }],
      [u.henanStat!, `/api/tasks/${taskId}/transitions`, { event: 'acknowledge' }],
      [u.reviewer!, `/api/tasks/${taskId}/transitions`, { event: 'acknowledge' }],
      [
        u.henanPlanner!,
        '/api/tasks',
        { title: 'x', regionCode: '42', start: '2026-01-01', deadline: '2026-12-31' },
      ],
      [u.henan!, `/api/tasks/${taskId}/reports`, { period: quarter, narrative: 'x', percentComplete: 10 }],
    ]
    const before = await readAuditChain(store.db)
    for (const [c, path, body] of attempts) {
      const r = await c.json(path, body)
      expect([path, r.status]).toEqual([path, 403])
    }
    const henanUpload = await upload(u.henan!, taskId, pdf, 'proof.pdf')
    expect(henanUpload.status).toBe(403)
    expect(await state()).toBe('assigned')
    expect((await readAuditChain(store.db)).length).toBe(before.length)
  })

  it('refuses a forged CSRF token and a request from another origin', async () => {
    const forged = await u.hubei!(`/api/tasks/${taskId}/transitions`, {
      method: 'POST',
      body: JSON.stringify({ event: 'acknowledge' }),
      headers: { 'content-type': 'application/json', 'x-csrf-token': 'forged' },
    })
    expect(forged.status).toBe(403)
    const cross = await u.hubei!(`/api/tasks/${taskId}/transitions`, {
      method: 'POST',
      body: JSON.stringify({ event: 'acknowledge' }),
      headers: { 'content-type': 'application/json', origin: 'https://evil.example' },
    })
    expect(cross.status).toBe(403)
    expect(await state()).toBe('assigned')
  })

  it('the Hubei officer acknowledges, starts, uploads evidence and reports', async () => {
    expect((await u.hubei!.json(`/api/tasks/${taskId}/transitions`, { event: 'acknowledge' })).status).toBe(
      200,
    )
    expect((await u.hubei!.json(`/api/tasks/${taskId}/transitions`, { event: 'start' })).status).toBe(200)
    // a disguised file: HTML named .pdf, and an oversized one
    const html = await upload(
      u.hubei!,
      taskId,
      new TextEncoder().encode('<html><script>alert(1)</script></html>'),
      'x.pdf',
    )
    expect(html.status).toBe(400)
    expect(((await html.json()) as { error: { message: string } }).error.message).toContain('x.pdf')
    const big = await upload(u.hubei!, taskId, new Uint8Array(21 * 1024 * 1024), 'big.pdf')
    expect(big.status).toBe(413)
    const ok = await upload(u.hubei!, taskId, pdf, '进展材料.pdf')
    expect(ok.status).toBe(201)
    const { sha256 } = (await ok.json()) as { sha256: string }
    const r = await u.hubei!.json<{ status: string; taskState: string }>(`/api/tasks/${taskId}/reports`, {
      period: quarter,
      narrative: '平台已挂牌，完成年度计划的40%。',
      percentComplete: 40,
      evidence: [sha256],
    })
    expect(r.status).toBe(201)
    expect(r.body).toMatchObject({ status: 'submitted', taskState: 'reported' })
    // the file comes back as an attachment only, to staff of the region
    const dl = await u.reviewer!(`/api/evidence/${sha256}`)
    expect(dl.status).toBe(200)
    expect(dl.headers.get('content-disposition')).toMatch(/^attachment;/)
    expect(dl.headers.get('x-content-type-options')).toBe('nosniff')
    expect(new Uint8Array(await dl.arrayBuffer())).toEqual(pdf)
    expect((await client(app)(`/api/evidence/${sha256}`)).status).toBe(404)
  })

  it('review: not by the submitter, not by the same level; the reviewer above returns it, then accepts the correction', async () => {
    const task = (
      await u.reviewer!.json<{ reports: { id: string; status: string }[] }>(`/api/tasks/${taskId}`)
    ).body
    const reportId = task.reports[0]!.id
    expect((await u.hubei!.json(`/api/reports/${reportId}/review`, { decision: 'accept' })).status).toBe(403)
    const same = await u.hubeiReviewer!.json<{ error: { message: string } }>(
      `/api/reports/${reportId}/review`,
      { decision: 'accept' },
    )
    expect(same.status).toBe(403)
    expect(await state()).toBe('reported')
    const noNote = await u.reviewer!.json(`/api/reports/${reportId}/review`, { decision: 'return' })
    expect(noNote.status).toBe(409)
    const ret = await u.reviewer!.json<{ status: string; taskState: string }>(
      `/api/reports/${reportId}/review`,
      {
        decision: 'return',
        note: '请补充平台运行数据',
      },
    )
    expect(ret.body).toMatchObject({ status: 'returned', taskState: 'returned' })
    expect((await u.hubei!.json(`/api/tasks/${taskId}/transitions`, { event: 'start' })).status).toBe(200)
    const again = await u.hubei!.json<{ id: string }>(`/api/tasks/${taskId}/reports`, {
      period: quarter,
      narrative: '已补充运行数据：入驻企业12家。',
      percentComplete: 45,
    })
    expect(again.status).toBe(201)
    const acc = await u.reviewer!.json<{ status: string; taskState: string }>(
      `/api/reports/${again.body.id}/review`,
      { decision: 'accept' },
    )
    expect(acc.body).toMatchObject({ status: 'accepted', taskState: 'accepted' })
  })

  it('the public board shows the accepted task and its progress; the audit trail has every step and verifies', async () => {
    const board = await client(app).json<{
      tasks: { id: string; state: string; progress: { percent: number; accepted: boolean } }[]
    }>('/api/tasks?region=42')
    const t = board.body.tasks.find((x) => x.id === taskId)!
    expect(t.state).toBe('accepted')
    expect(t.progress).toMatchObject({ percent: 45, accepted: true })
    expect((await client(app).json('/api/audit')).status).toBe(401)
    expect((await u.hubei!.json('/api/audit')).status).toBe(403)
    const audit = await u.reviewer!.json<{
      entries: { action: string; details: { event?: string }; summary: string; summaryEn: string }[]
      verification: { ok: boolean }
    }>(`/api/audit?objectType=task&objectId=${taskId}`)
    // each entry as a sentence: in the request's language (zh-CN by default) and in both
    expect(audit.body.entries[3]).toMatchObject({
      summary: '任务状态：已签收 → 办理中（开始办理）',
      summaryEn: 'Task status: acknowledged → in progress (start)',
    })
    expect(audit.body.entries.map((e) => e.details.event ?? e.action)).toEqual([
      'task.created',
      'assign',
      'acknowledge',
      'start',
      'report',
      'return',
      'start',
      'report',
      'accept',
    ])
    expect(audit.body.verification.ok).toBe(true)
    expect(verifyChain(await readAuditChain(store.db)).ok).toBe(true)
  })

  it('the scorecard counts the accepted task and every target status, and exports the same to XLSX', async () => {
    type Card = {
      scores: {
        province: string
        total: number
        rank: number | null
        assessed: number
        targetCount: number
        missing: { target: string; why: string }[]
        breakdown: { item: string; points: number; refs: string[] }[]
      }[]
      scheme: { id: string; version: string }
    }
    const card = (await client(app).json<Card>('/api/scorecard?plan=C21')).body
    expect(card.scores.map((s) => s.province).sort()).toEqual(['14', '34', '36', '41', '42', '43'])
    const hubei = card.scores.find((s) => s.province === '42')!
    expect(hubei.breakdown.find((l) => l.item === 'tasks.completed_on_time')?.refs).toEqual([taskId])
    for (const s of card.scores) expect(s.breakdown.reduce((a, l) => a + l.points, 0)).toBeCloseTo(s.total, 9)
    // target lines agree with the plan's own statuses
    const statuses = (
      await client(app).json<{
        statuses: { region: string; status: string; targetId: string; method: string }[]
      }>('/api/plans/C21/status')
    ).body.statuses
    const achieved = statuses.filter((x) => x.region === '42' && x.status === 'achieved').length
    expect(hubei.breakdown.find((l) => l.item === 'targets.achieved')?.refs.length ?? 0).toBe(achieved)
    // a target the plan cannot judge is listed as missing, never scored
    for (const s of card.scores) {
      const mine = statuses.filter((x) => x.region === s.province && x.method !== 'qualitative')
      const unjudged = mine.filter((x) => ['insufficient_data', 'not_assessable'].includes(x.status))
      expect(s.targetCount).toBe(mine.length)
      expect(s.assessed).toBe(mine.length - unjudged.length)
      expect(s.missing.map((m) => m.target).sort()).toEqual(unjudged.map((x) => x.targetId).sort())
      expect(s.breakdown.flatMap((l) => l.refs)).not.toContain(s.missing[0]?.target ?? '-')
    }
    const res = await client(app)('/api/scorecard?plan=C21&format=xlsx')
    expect(res.headers.get('content-type')).toContain('spreadsheetml')
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(await res.arrayBuffer())
    const sheet = wb.worksheets[0]!
    const totals = new Map<string, number>()
    sheet.eachRow((row, i) => {
      if (i > 1) totals.set(String(row.getCell(3).value), Number(row.getCell(4).value))
    })
    expect(Object.fromEntries(totals)).toEqual(
      Object.fromEntries(card.scores.map((x) => [x.province, x.total])),
    )
    const missing = wb.getWorksheet('缺失 Missing')!
    expect(missing.rowCount - 1).toBe(card.scores.reduce((n, s) => n + s.missing.length, 0))
    expect((await client(app).json('/api/scorecard?scheme=nope')).status).toBe(404)
  })
})
