/**
 * Statistics approval through the API, with the cases DHIS2's data approval got wrong: a chain
 * that skips a level is refused, a level cannot withdraw under a higher approval, and approve and
 * accept at the top are two steps by two people. A release in approval is not public until approved.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { seedStore } from '../../importer/seed.ts'
import { queryAudit } from '../../store/audit.ts'
import type { Store } from '../../store/db.ts'
import { createReleaseWithRows } from '../../store/observations.ts'
import { openTestStore } from '../../testing/backends.ts'
import { type Client, client, grant, signedIn } from '../../testing/http-client.ts'
import { createApp } from '../app.ts'

let store: Store
let app: ReturnType<typeof createApp>
const u: Record<string, Client> = {}
let releaseId: number
let prefectureRelease: number

const row = (region: string, value: number) => ({
  region,
  indicator: 'rd_intensity',
  period: 2099,
  value,
  unit: '%',
  source: 'test',
  note: 'SYNTHETIC test row',
  vintage: null,
})

beforeAll(async () => {
  store = await openTestStore('pglite')
  await seedStore(store)
  app = createApp({ store })
  u.hubeiStat = await signedIn(app, store.db, 'hubei.stat', [grant('statistician', '42')])
  u.hubeiStat2 = await signedIn(app, store.db, 'hubei.stat2', [grant('statistician', '42')])
  u.henanStat = await signedIn(app, store.db, 'henan.stat', [grant('statistician', '41')])
  u.natStat = await signedIn(app, store.db, 'nat.stat', [grant('statistician', 'CN')])
  u.natStat2 = await signedIn(app, store.db, 'nat.stat2', [grant('statistician', 'CN')])
  releaseId = (
    await createReleaseWithRows(
      store,
      { name: 'Hubei 2099 (SYNTHETIC)', publishedOn: '2026-11-01', kind: 'import', synthetic: true },
      [row('42', 9.99)],
    )
  ).id
  prefectureRelease = (
    await createReleaseWithRows(
      store,
      { name: 'Wuhan 2099 (SYNTHETIC)', publishedOn: '2026-11-01', kind: 'import', synthetic: true },
      [row('4201', 8.88)],
    )
  ).id
})
afterAll(async () => store?.close())

const step = (c: Client, id: number, body: Record<string, unknown>) =>
  c.json<{ status: string; error?: { key: string; message: string } }>(`/api/releases/${id}/approval`, body)
const publicValue = async () => {
  const r = await client(app).json<{ observations: { value: number }[] }>(
    '/api/observations?indicator=rd_intensity&region=42&from=2099&to=2099',
  )
  return r.body.observations.map((o) => o.value)
}

describe('statistics approval', () => {
  it('another province cannot submit; Hubei submits and the release stops being public', async () => {
    expect(await publicValue()).toEqual([9.99])
    expect((await step(u.henanStat!, releaseId, { step: 'submit', region: '42' })).status).toBe(403)
    const r = await step(u.hubeiStat!, releaseId, { step: 'submit', region: '42' })
    expect(r.body.status).toBe('pending')
    expect(await publicValue()).toEqual([])
  })

  it('levels approve in order; the submitter does not approve; the national level cannot go first', async () => {
    expect((await step(u.hubeiStat!, releaseId, { step: 'approve', level: '42' })).status).toBe(403)
    const early = await step(u.natStat!, releaseId, { step: 'approve', level: 'CN' })
    expect(early.status).toBe(409)
    expect(early.body.error?.key).toBe('approval.skipped_level')
    expect((await step(u.hubeiStat2!, releaseId, { step: 'approve', level: '42' })).body.status).toBe(
      'pending',
    )
    expect((await step(u.natStat!, releaseId, { step: 'approve', level: 'CN' })).body.status).toBe(
      'awaiting_acceptance',
    )
  })

  it('a level cannot unapprove once the level above has approved (DHIS2 allowed it)', async () => {
    const r = await step(u.hubeiStat2!, releaseId, { step: 'unapprove', level: '42', reason: 'typo found' })
    expect(r.status).toBe(409)
    expect(r.body.error?.key).toBe('approval.locked_by_higher')
  })

  it('approve and accept are two steps by two people; accepted data is public again', async () => {
    expect((await step(u.natStat!, releaseId, { step: 'accept' })).status).toBe(403)
    expect(await publicValue()).toEqual([])
    expect((await step(u.natStat2!, releaseId, { step: 'accept' })).body.status).toBe('approved')
    expect(await publicValue()).toEqual([9.99])
  })

  it('a chain that skips a level is refused (a prefecture straight to the nation)', async () => {
    const r = await step(u.hubeiStat!, prefectureRelease, {
      step: 'submit',
      region: '4201',
      levels: ['4201', 'CN'],
    })
    expect(r.status).toBe(409)
    expect(r.body.error?.key).toBe('approval.skipped_level')
  })

  it('every step is in the audit log', async () => {
    const audit = await u.natStat!.json<{ entries: { action: string }[] }>(
      `/api/audit?objectType=release&objectId=${releaseId}`,
    )
    expect(audit.status).toBe(403) // statisticians do not read the audit log
    const entries = await queryAudit(store.db, { objectType: 'release', objectId: String(releaseId) })
    expect(entries.map((e) => e.action)).toEqual([
      'release.submitted',
      'release.approved',
      'release.approved',
      'release.accepted',
    ])
  })

  it('a Hubei statistician uploads a release: it starts in approval and is not public; a row for Henan is refused with 403 and nothing written', async () => {
    const upload = (c: Client, csv: string, name: string, region = '42') => {
      const form = new FormData()
      form.set('file', new File([csv], 'hubei.csv'))
      form.set('release', name)
      form.set('region', region)
      form.set('published', '2026-11-20')
      return c('/api/releases', { method: 'POST', body: form })
    }
    const head = 'region,indicator,period,value,unit,source,note\n'
    const ok = await upload(
      u.hubeiStat!,
      `${head}42,rd_intensity,2025,7.77,%,test,SYNTHETIC\n4201,gdp,2025,1,100 million yuan,test,SYNTHETIC\n`,
      'Hubei upload (SYNTHETIC)',
    )
    expect(ok.status).toBe(201)
    expect(await ok.json()).toMatchObject({ rows: 2, status: 'pending' })
    const seen = await client(app).json<{ observations: unknown[] }>(
      '/api/observations?indicator=rd_intensity&region=42&from=2025&to=2025',
    )
    expect(seen.body.observations).toEqual([])
    const releasesBefore = (await client(app).json<{ releases: unknown[] }>('/api/releases')).body.releases
      .length
    const bad = await upload(
      u.hubeiStat!,
      `${head}42,gdp,2025,1,100 million yuan,test,SYNTHETIC\n41,gdp,2025,1,100 million yuan,test,SYNTHETIC\n`,
      'Mixed (SYNTHETIC)',
    )
    expect(bad.status).toBe(403)
    expect(((await bad.json()) as { error: { message: string } }).error.message).toMatch(
      /^无权执行此操作：hubei\.csv:3:region：地区 41 不在您可以导入的地区范围内$/,
    )
    expect(
      (
        await upload(
          u.henanStat!,
          `${head}42,gdp,2025,1,100 million yuan,test,SYNTHETIC\n`,
          'Henan for Hubei (SYNTHETIC)',
        )
      ).status,
    ).toBe(403)
    expect((await client(app).json<{ releases: unknown[] }>('/api/releases')).body.releases.length).toBe(
      releasesBefore,
    )
  })

  it('an unreadable workbook or a NUL byte is a 400 naming the uploaded file, never a 500; nothing is written', async () => {
    const send = (bytes: string, name: string) => {
      const form = new FormData()
      form.set('file', new File([bytes], name))
      form.set('release', `broken ${name}`)
      form.set('region', '42')
      return u.hubeiStat!('/api/releases', { method: 'POST', body: form })
    }
    const before = (await client(app).json<{ releases: unknown[] }>('/api/releases')).body.releases.length
    const broken = await send('PK\u0003\u0004 not really a zip', 'yearbook.xlsx')
    expect(broken.status).toBe(400)
    expect(((await broken.json()) as { error: { message: string } }).error.message).toContain(
      'yearbook.xlsx: not a readable XLSX workbook',
    )
    const nul = await send(
      'region,indicator,period,value,unit,source,note\n42,gdp,2025,1,100 million yuan,t,a\u0000b\n',
      'nul.csv',
    )
    expect(nul.status).toBe(400)
    expect(((await nul.json()) as { error: { message: string } }).error.message).toContain(
      'nul.csv:2: a NUL byte',
    )
    expect((await client(app).json<{ releases: unknown[] }>('/api/releases')).body.releases.length).toBe(
      before,
    )
  })
})

describe('approval and the materialised roll-ups', () => {
  const CENTRAL = ['14', '34', '36', '41', '42', '43']
  // generated values (the period 2099 has no real figures), one per central province
  const values = CENTRAL.map((_, i) => 1_000 + 37 * i)
  const rollup = async () =>
    (
      await client(app).json<{ observations: { value: number; derived: boolean; computedAt: string }[] }>(
        '/api/observations?indicator=population_year_end&region=CENTRAL&from=2099&to=2099',
      )
    ).body.observations.filter((o) => o.derived)

  it('a release leaves the roll-up while it waits for approval and brings it back when approved', async () => {
    const id = (
      await createReleaseWithRows(
        store,
        { name: 'Central 2099 (SYNTHETIC)', publishedOn: '2026-11-05', kind: 'import', synthetic: true },
        CENTRAL.map((region, i) => ({
          region,
          indicator: 'population_year_end',
          period: 2099,
          value: values[i]!,
          unit: '10k persons',
          source: 'test',
          note: 'SYNTHETIC test row',
          vintage: null,
        })),
      )
    ).id
    const first = await rollup()
    expect(first.map((o) => o.value)).toEqual([values.reduce((a, b) => a + b, 0)])
    expect((await step(u.hubeiStat!, id, { step: 'submit', region: '42' })).body.status).toBe('pending')
    expect(await rollup()).toEqual([])
    await step(u.hubeiStat2!, id, { step: 'approve', level: '42' })
    expect(await rollup()).toEqual([])
    await step(u.natStat!, id, { step: 'approve', level: 'CN' })
    expect((await step(u.natStat2!, id, { step: 'accept' })).body.status).toBe('approved')
    const back = await rollup()
    expect(back.map((o) => o.value)).toEqual(first.map((o) => o.value))
    expect(back[0]!.computedAt > first[0]!.computedAt).toBe(true)
  })
})
