/** The API in-process (app.request, no port) over a seeded embedded store. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { hasCjk, latinWords } from '../i18n/script.ts'
import { seedStore } from '../importer/seed.ts'
import type { Store } from '../store/db.ts'
import { openTestStore } from '../testing/backends.ts'
import { createApp } from './app.ts'

let store: Store
let app: ReturnType<typeof createApp>
beforeAll(async () => {
  store = await openTestStore('pglite')
  await seedStore(store)
  app = createApp({ store })
})
afterAll(async () => store?.close())

const json = async (path: string, init?: RequestInit) => {
  const res = await app.request(path, init)
  return {
    status: res.status,
    body: (await res.json()) as Record<string, unknown> & { error?: { code: string; message: string } },
  }
}

describe('API', () => {
  it('describes itself in OpenAPI 3.1 with every operation', async () => {
    const { status, body } = await json('/openapi.json')
    expect(status).toBe(200)
    expect(body.openapi).toBe('3.1.0')
    expect(Object.keys(body.paths as object)).toEqual(
      expect.arrayContaining([
        '/api/regions',
        '/api/regions/tree',
        '/api/regions/{code}',
        '/api/indicators',
        '/api/indicators/{key}',
        '/api/observations',
        '/api/releases',
        '/api/maps/provinces',
        '/api/plans',
        '/api/plans/{id}',
      ]),
    )
    const docs = await app.request('/api/docs')
    expect(await docs.text()).toContain('swagger-ui-bundle.js')

    const docsEn = await (await app.request('/api/docs', { headers: { 'accept-language': 'en' } })).text()
    expect(docsEn).toContain('<html lang="en">')
    // the start-up script is a file (the CSP allows no inline script) and asks for the page's language
    expect(docsEn).toContain('/api/docs/init.js?lang=en')
    expect(await (await app.request('/api/docs/init.js?lang=en')).text()).toContain(
      "url: '/openapi.json?lang=en'",
    )
  })

  it('documents every operation in zh-CN and English, chosen by the request', async () => {
    const zh = (await json('/openapi.json', { headers: { 'accept-language': 'zh-CN' } })).body
    const en = (await json('/openapi.json?lang=en')).body
    type Paths = Record<string, Record<string, { summary?: string }>>
    const summaries = (doc: typeof zh) =>
      Object.values(doc.paths as Paths).flatMap((ops) => Object.values(ops).map((o) => o.summary ?? ''))
    expect((zh.info as { title: string }).title).toBe('jueqi 接口')
    expect((en.info as { title: string }).title).toBe('jueqi API')
    expect(summaries(zh).length).toBeGreaterThanOrEqual(42)
    // every operation has its Chinese summary (a new one without it shows its English here)
    const codes = [
      'jueqi',
      'assess',
      'depth',
      'basedOn',
      'latest',
      'balanced',
      'version',
      'N',
      'x-csrf-token',
    ]
    expect(summaries(zh).flatMap((s) => latinWords(s, codes))).toEqual([])
    expect(summaries(en).every((s) => /^[A-Z]/.test(s))).toBe(true)
  })

  it('serves observations with provenance, as JSON and as CSV', async () => {
    const { status, body } = await json(
      '/api/observations?indicator=rd_intensity&region=42,CN&from=2024&to=2024',
    )
    expect(status).toBe(200)
    const obs = body.observations as {
      region: string
      value: number
      source: string
      release: string
      preferred: boolean
    }[]
    expect(obs.filter((o) => o.region === '42')).toHaveLength(1)
    expect(obs.every((o) => o.source.length > 0 && o.release.length > 0)).toBe(true)
    const csv = await app.request('/api/observations?indicator=rd_intensity&region=42&format=csv')
    expect(csv.headers.get('content-type')).toContain('text/csv')
    const text = await csv.text()
    expect(text.split('\n')[0]).toContain('region,indicator,period,value,unit,source')
    expect(text.split('\n').filter((l) => l.startsWith('42,rd_intensity')).length).toBeGreaterThan(5)
  })

  it('names units, definitions and source series in both languages', async () => {
    const { body } = await json('/api/indicators/energy_intensity')
    expect(body).toMatchObject({
      unit: 'tce per 10k yuan (2015 prices)',
      unitCode: 'tce_per_yuan_10k_2015',
      unitZh: '吨标准煤/万元（2015年价格）',
      unitEn: 'tce per 10k yuan (2015 prices)',
      sourceSeriesZh: '本平台推算',
      sourceSeriesEn: 'derived by jueqi',
    })
    expect(body.definitionZh).toMatch(/^本平台推算/)
    const ri = await json('/api/indicators/rd_intensity')
    expect((ri.body.breaks as { noteZh: string }[])[0]?.noteZh).toContain('第四次经济普查')
    const obs = await json('/api/observations?indicator=gdp&region=42&from=2020&to=2020')
    expect((obs.body.observations as Record<string, unknown>[])[0]).toMatchObject({
      unitCode: 'yuan_100m',
      unitZh: '亿元',
      unitEn: '100 million yuan',
    })
  })

  it('selects regions by level and walks the tree', async () => {
    const { body } = await json(
      '/api/observations?indicator=gdp&level=province&from=2020&to=2020&preferredOnly=true',
    )
    const regions = new Set((body.observations as { region: string }[]).map((o) => o.region))
    expect(regions.size).toBe(31)
    const tree = await json('/api/regions/tree')
    const cn = (tree.body.tree as { code: string; children: { code: string; children: unknown[] }[] }[])[0]!
    expect(cn.code).toBe('CN')
    expect(cn.children.find((c) => c.code === 'CENTRAL')?.children).toHaveLength(6)
  })

  it('answers errors as JSON with a code, in Chinese by default and in English on request', async () => {
    const zh = await json('/api/indicators/nope')
    expect(zh.status).toBe(404)
    expect(zh.body.error).toEqual({
      code: 'unknown_indicator',
      key: 'unknown_indicator',
      message: '未知指标“nope”',
    })
    const en = await json('/api/indicators/nope', { headers: { 'accept-language': 'en-US,en;q=0.9' } })
    expect(en.body.error?.message).toBe('Unknown indicator "nope"')
    const bad = await json('/api/observations?indicator=gdp&from=abc&lang=en')
    expect(bad.status).toBe(400)
    expect(bad.body.error?.code).toBe('invalid_request')
    expect(bad.body.error?.message).toContain('from')
    const missing = await json('/api/observations?region=42')
    expect(missing.status).toBe(400)

    // the same bad request in each language: wholly English, wholly Chinese
    const url = '/api/observations?indicator=gdp&from=abc&level=planet'
    const badEn = await json(url, { headers: { 'accept-language': 'en' } })
    const badZh = await json(url, { headers: { 'accept-language': 'zh-CN' } })
    expect(badEn.body.error?.message).toMatch(
      /^Invalid request: level: Invalid option.*; from: expected number$/,
    )
    expect(hasCjk(badEn.body.error?.message ?? '')).toBe(false)
    expect(badZh.body.error?.message).toMatch(/^请求参数无效：level：无效选项.*；from：应为数字$/)
    // only codes stay in Latin letters: the parameters' names and values as typed in the address
    const codes = ['from', 'level', 'nation', 'macro', 'province', 'prefecture', 'county']
    expect(latinWords(badZh.body.error?.message ?? '', codes)).toEqual([])
    const cookie = await json('/api/tasks/T-none', {
      headers: { cookie: 'jueqi-lang=en', 'accept-language': 'zh' },
    })
    expect(cookie.body.error).toEqual({ code: 'not_found', key: 'missing.task', message: 'No task T-none' })
    expect((await json('/api/tasks/T-none')).body.error?.message).toBe('未找到任务 T-none')
  })

  it('resolves a retired code to today’s code and lists the regions valid on a past date', async () => {
    const luan = await json('/api/regions/130223')
    expect(luan.status).toBe(200)
    expect(luan.body).toMatchObject({ nameZh: '滦县', validTo: '2023-06-30' })
    const successor = await json(`/api/regions/${luan.body.currentCode}`)
    expect(successor.body.nameZh).toBe('滦州市')
    const past = await json('/api/regions?level=county&q=滦&at=2016-01-01')
    expect((past.body.regions as { nameZh: string }[]).map((r) => r.nameZh)).toContain('滦县')
    const now = await json('/api/regions?level=county&q=滦')
    expect((now.body.regions as { nameZh: string }[]).map((r) => r.nameZh)).not.toContain('滦县')
  })

  it('serves the province map with the illustration caveat in its description', async () => {
    const res = await app.request('/api/maps/provinces')
    const geo = (await res.json()) as { features: { properties: { id: string } }[] }
    expect(geo.features.length).toBe(34)
    const spec = await json('/openapi.json')
    expect(JSON.stringify(spec.body)).toContain('审图号')
  })

  it('serves the built-in plans and their trees; an unknown plan or version is a 404', async () => {
    const list = await json('/api/plans')
    const plans = list.body.plans as { planId: string; publishedVersion: number; builtin: boolean }[]
    expect(plans.map((p) => p.planId).sort()).toEqual(['C21', 'H19', 'S24'])
    expect(plans.every((p) => p.builtin && p.publishedVersion === 1)).toBe(true)
    const c21 = await json('/api/plans/C21')
    expect(c21.status).toBe(200)
    const tree = c21.body.tree as { id: string; children: { number?: string; number_en?: string }[] }
    expect(tree.id).toBe('C21')
    expect(tree.children[0]).toMatchObject({ number: '一', number_en: '1' })
    expect(c21.body).toMatchObject({
      issuerZh: '中共中央、国务院',
      issuerEn: 'CPC Central Committee and State Council',
      titleZh: '中共中央 国务院关于新时代推动中部地区高质量发展的意见',
    })
    expect((await json('/api/plans/NOPE')).status).toBe(404)
    expect((await json('/api/plans/C21?version=9')).status).toBe(404)
  })

  it('gives each 2025 target of the 2021 plan a status per central province, or names the missing series', async () => {
    const { status, body } = await json('/api/plans/C21/status?lang=en')
    expect(status).toBe(200)
    type S = {
      targetId: string
      region: string
      status: string
      missing: string[]
      label: string
      method: string
      currentValue: number | null
      currentYear: number | null
    }
    const all = body.statuses as S[]
    const measured = all.filter((s) =>
      ['C21-1-2-G1#0', 'C21-1-2-G2#0', 'C21-1-2-G3#0', 'C21-1-2-G4#0', 'C21-1-2-G5#0'].includes(s.targetId),
    )
    expect(measured).toHaveLength(5 * 6)
    for (const s of measured) {
      if (s.status === 'insufficient_data') expect(s.missing.length).toBeGreaterThan(0)
      else expect(s.method).not.toBe('')
    }
    // the R&D target's current value is the latest figure in the shipped data for that province
    const rd = measured.find((s) => s.targetId === 'C21-1-2-G1#0' && s.region === '42')!
    const obs = await json(`/api/observations?indicator=rd_intensity&region=42&preferredOnly=true`)
    const latest = (obs.body.observations as { period: number; value: number; preferred: boolean }[])
      .filter((o) => o.preferred)
      .sort((a, b) => b.period - a.period)[0]!
    expect([rd.currentYear, rd.currentValue]).toEqual([latest.period, latest.value])
    expect(rd.status).not.toBe('insufficient_data')
    // qualitative targets are stated as not assessable, in the request language
    expect(all.some((s) => s.status === 'not_assessable' && s.label === 'Not assessable')).toBe(true)
  })

  it('aligns the Hubei plan with the national plan', async () => {
    const { status, body } = await json('/api/plans/H19/alignment')
    expect(status).toBe(200)
    expect(body.national).toBe('C21')
    const implemented = body.implemented as { nationalId: string; by: string[] }[]
    expect(implemented.find((i) => i.nationalId === 'C21-2-3')?.by).toContain('H19-1-1')
    expect((body.withoutCounterpart as string[]).length).toBeGreaterThan(0)
  })
})

describe('the data version source', () => {
  it('is told of every write request of this process, and of no read', async () => {
    let forgets = 0
    let reads = 0
    const counted = createApp({
      store,
      dataVersion: (read) => ({
        get: () => {
          reads++
          return read()
        },
        forget: () => {
          forgets++
        },
        close: async () => {},
      }),
    })
    await counted.request('/api/observations?indicator=gdp&region=42')
    const afterObservations = reads
    expect(afterObservations).toBeGreaterThan(0)
    await counted.request('/api/regions/42')
    expect(reads).toBe(afterObservations)
    expect(forgets).toBe(0)
    // a write (here a refused sign-in: what it changed, if anything, is re-read either way)
    await counted.request('/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'nobody', password: 'wrong password' }),
    })
    expect(forgets).toBe(1)
  })
})
