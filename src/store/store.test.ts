/**
 * The production store, run on both back ends: embedded PGlite and a real PostgreSQL 15 server.
 * Expected figures are read from the shipped data file (data/observations.csv), never typed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readCsvTable } from '../files/csv.ts'
import { BUILTIN_RELEASE, DATA_DIR, seedStore } from '../importer/seed.ts'
import { BACKENDS, openTestStore } from '../testing/backends.ts'
import type { Store } from './db.ts'
import { getFigures } from './figures.ts'
import { countObservations, createReleaseWithRows, queryObservations } from './observations.ts'
import { childCodes, countRegions, listRegions } from './regions.ts'
import { listReleases } from './releases.ts'

async function dataRows() {
  const t = await readCsvTable(`${DATA_DIR}observations.csv`)
  return t.rows.map((r) => Object.fromEntries(t.header.map((h, i) => [h, r.cells[i] ?? ''])))
}

describe.each(BACKENDS)('store on %s', (backend) => {
  let store: Store
  let rows: Record<string, string>[]
  beforeAll(async () => {
    store = await openTestStore(backend)
    await seedStore(store)
    rows = await dataRows()
  })
  afterAll(async () => store?.close())

  it('runs on the expected server', async () => {
    expect(await store.version()).toMatch(backend === 'postgres' ? /^15\./ : /^1[6-9]\./)
  })

  it('loads every built-in row once, and seeding again loads nothing', async () => {
    expect(await countObservations(store.db)).toBe(rows.length)
    const again = await seedStore(store)
    expect(again.loaded).toEqual([])
    expect(await countObservations(store.db)).toBe(rows.length)
  })

  it('holds the region hierarchy: 4 macro-regions over 31 provinces, counties under prefectures', async () => {
    expect(await childCodes(store.db, 'CENTRAL')).toEqual(['14', '34', '36', '41', '42', '43'])
    const macros = await childCodes(store.db, 'CN')
    expect(macros).toEqual(expect.arrayContaining(['CENTRAL', 'EAST', 'NORTHEAST', 'WEST']))
    let provinces = 0
    for (const m of ['EAST', 'CENTRAL', 'WEST', 'NORTHEAST'])
      provinces += (await childCodes(store.db, m)).length
    expect(provinces).toBe(31)
    const counties = await listRegions(store.db, { level: 'county' })
    expect(counties.length).toBeGreaterThan(2_800)
    expect(await countRegions(store.db)).toBeGreaterThan(3_000)
    const wuhan = await listRegions(store.db, { q: '武汉' })
    expect(wuhan.map((r) => r.code)).toContain('4201')
  })

  it('keeps disagreeing sources side by side and prefers the revised figure', async () => {
    const expected = rows.filter(
      (r) => r.region_code === 'CN' && r.indicator === 'rd_intensity' && r.year === '2023',
    )
    expect(expected.length).toBe(2)
    const got = await queryObservations(store.db, {
      indicators: ['rd_intensity'],
      regions: ['CN'],
      from: 2023,
      to: 2023,
    })
    expect(got.map((g) => g.value).sort()).toEqual(expected.map((e) => Number(e.value)).sort())
    const preferred = got.filter((g) => g.preferred)
    expect(preferred).toHaveLength(1)
    const revised = expected.find((e) => /REVISED/.test(e.note ?? ''))!
    expect(preferred[0]!.value).toBe(Number(revised.value))
    expect(preferred[0]!.vintage).toBe('revised')
  })

  it('a new release supersedes without overwriting, and asOf reads what was known then', async () => {
    const before = await queryObservations(store.db, {
      indicators: ['gdp'],
      regions: ['42'],
      from: 2024,
      to: 2024,
    })
    expect(before).toHaveLength(1)
    const original = before[0]!.value
    await createReleaseWithRows(
      store,
      { name: 'test revision (synthetic value)', publishedOn: '2099-01-01', kind: 'import', synthetic: true },
      [
        {
          region: '42',
          indicator: 'gdp',
          period: 2024,
          value: original + 1,
          unit: '100 million yuan',
          source: 'test',
          note: 'synthetic',
          vintage: 'revised',
        },
      ],
    )
    const latest = await queryObservations(store.db, {
      indicators: ['gdp'],
      regions: ['42'],
      from: 2024,
      to: 2024,
    })
    expect(latest.map((r) => r.value)).toEqual([original + 1])
    const then = await queryObservations(store.db, {
      indicators: ['gdp'],
      regions: ['42'],
      from: 2024,
      to: 2024,
      asOf: '2098-12-31',
    })
    expect(then.map((r) => r.value)).toEqual([original])
    const all = await queryObservations(store.db, {
      indicators: ['gdp'],
      regions: ['42'],
      from: 2024,
      to: 2024,
      allVintages: true,
    })
    expect(all.map((r) => [r.value, r.superseded])).toEqual([
      [original + 1, false],
      [original, true],
    ])
    expect((await listReleases(store.db)).map((r) => r.name)).toContain(BUILTIN_RELEASE.name)
  })

  it('derives urbanisation from its parts and matches the published rate', async () => {
    const published = rows.find(
      (r) => r.region_code === '42' && r.indicator === 'urbanization_rate' && r.year === '2023',
    )!
    const [derived] = await getFigures(store.db, {
      indicators: ['urbanization_rate_derived'],
      regions: ['42'],
      from: 2023,
      to: 2023,
    })
    expect(derived?.derived).toBe(true)
    expect(derived!.value).toBeCloseTo(Number(published.value), 2)
  })

  it('rolls provinces up to a macro-region only where every member has the figure', async () => {
    const figs = await getFigures(store.db, {
      indicators: ['population_year_end'],
      regions: ['CENTRAL'],
      from: 2019,
      to: 2019,
    })
    const popRows = rows.filter(
      (r) =>
        ['14', '34', '36', '41', '42', '43'].includes(r.region_code ?? '') &&
        r.indicator === 'population_year_end' &&
        r.year === '2019',
    )
    expect(popRows).toHaveLength(6)
    expect(figs.find((f) => f.derived)?.value).toBeCloseTo(
      popRows.reduce((s, r) => s + Number(r.value), 0),
      6,
    )
    const partial = await getFigures(store.db, {
      indicators: ['energy_consumption_total'],
      regions: ['CENTRAL'],
      from: 2021,
      to: 2021,
    })
    expect(partial.filter((f) => f.derived)).toEqual([])
  })
})
