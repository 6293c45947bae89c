/**
 * Materialised roll-ups on PGlite and PostgreSQL 15, on a small generated dataset (a hand-made
 * hierarchy of two macro-regions over five provinces, seeded random values, indicators of every
 * aggregation rule). Expected values are computed here from the generated numbers.
 */
import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Indicator } from '../statistics/indicators.ts'
import type { ObservationInput } from '../statistics/observation.ts'
import { mulberry32 } from '../statistics/synth.ts'
import { type ApprovalState, approve, startApproval, submit } from '../supervision/approval.ts'
import { BACKENDS, openTestStore } from '../testing/backends.ts'
import { saveApproval } from './approvals.ts'
import { type Db, rowsOf, type Store } from './db.ts'
import { type FigureRow, getFigures } from './figures.ts'
import { upsertIndicators } from './indicators.ts'
import { createReleaseWithRows } from './observations.ts'
import { insertRegionCatalogue } from './regions.ts'
import { refreshAllRollups, refreshRollupsIfStale } from './rollups.ts'

const EAST = ['11', '12', '13']
const WEST = ['61', '62']
const ALL = [...EAST, ...WEST]
const YEARS = [2020, 2021, 2022]

const ind = (o: Partial<Indicator> & { key: string }) =>
  Indicator.parse({
    nameZh: o.key,
    nameEn: o.key,
    unit: 'index',
    direction: 'higher',
    aggregation: 'sum',
    ...o,
  })

const CATALOGUE = [
  ind({ key: 't_pop' }),
  ind({ key: 't_gdp' }),
  ind({ key: 't_score', aggregation: 'mean' }),
  ind({ key: 't_rate', aggregation: 'weighted_mean', aggregationWeight: 't_pop' }),
  ind({ key: 't_note', aggregation: 'none' }),
  ind({ key: 't_per_head', formula: 't_gdp / t_pop', aggregation: 'formula' }),
  ind({ key: 't_gdp_twice', formula: 't_gdp * 2', aggregation: 'sum' }),
]
const STORED = ['t_pop', 't_gdp', 't_score', 't_rate', 't_note']

/** Generated values: value[key][region][year], from one seed. */
function generate(seed: number): Map<string, number> {
  const rnd = mulberry32(seed)
  const v = new Map<string, number>()
  for (const k of STORED)
    for (const r of ALL) for (const y of YEARS) v.set(`${k}|${r}|${y}`, Math.round(rnd() * 10_000) / 100 + 1)
  return v
}

const rowsFrom = (
  v: Map<string, number>,
  skip: (k: string, r: string, y: number) => boolean = () => false,
) => {
  const out: ObservationInput[] = []
  for (const [cell, value] of v) {
    const [k, r, y] = cell.split('|') as [string, string, string]
    if (skip(k, r, Number(y))) continue
    out.push({
      region: r,
      indicator: k,
      period: Number(y),
      value,
      unit: 'index',
      source: 'generated',
      note: '',
      vintage: null,
    })
  }
  return out
}

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0)

async function makeStore(backend: (typeof BACKENDS)[number]): Promise<Store> {
  const store = await openTestStore(backend)
  const region = (code: string, level: string) => ({
    code,
    level,
    nameZh: code,
    nameEn: code,
    nameEnStatus: 'official',
  })
  await insertRegionCatalogue(store.db, {
    regions: [
      region('CN', 'nation'),
      region('EAST', 'macro'),
      region('WEST', 'macro'),
      ...ALL.map((c) => region(c, 'province')),
    ],
    links: [
      { childCode: 'EAST', parentCode: 'CN' },
      { childCode: 'WEST', parentCode: 'CN' },
      ...EAST.map((c) => ({ childCode: c, parentCode: 'EAST' })),
      ...WEST.map((c) => ({ childCode: c, parentCode: 'WEST' })),
    ],
  })
  await upsertIndicators(store.db, CATALOGUE)
  return store
}

const PARENTS = ['EAST', 'WEST', 'CN']
const MEMBERS: Record<string, string[]> = { EAST, WEST, CN: ALL }

const rolled = async (db: Db, indicators: string[], extra: Record<string, unknown> = {}) =>
  (await getFigures(db, { indicators, regions: PARENTS, ...extra })).filter((r) => r.derived)
const cell = (rows: FigureRow[], k: string, region: string, year: number) =>
  rows.find((r) => r.indicator === k && r.region === region && r.period === year)

async function table(db: Db, where = sql`true`) {
  return rowsOf<Record<string, unknown>>(
    await db.execute(sql`SELECT indicator_key, region_code, period, synthetic, value, members, with_data,
      computed_at FROM rollup_figures WHERE ${where} ORDER BY 1, 2, 3, 4`),
  )
}

describe.each(BACKENDS)('materialised roll-ups on %s', (backend) => {
  let store: Store
  const v1 = generate(7)
  beforeAll(async () => {
    store = await makeStore(backend)
    // t_gdp of 13 in 2022 and t_score of 12, 13 and 61 in 2022 are missing
    await createReleaseWithRows(
      store,
      { name: 'gen v1', publishedOn: '2030-01-01', kind: 'test' },
      rowsFrom(
        v1,
        (k, r, y) =>
          y === 2022 &&
          ((k === 't_gdp' && r === '13') || (k === 't_score' && ['12', '13', '61'].includes(r))),
      ),
    )
  })
  afterAll(async () => store?.close())

  it('equals a hand computation for every rule, up to the nation, with coverage', async () => {
    const rows = await rolled(
      store.db,
      CATALOGUE.map((i) => i.key),
    )
    const g = (k: string, r: string, y: number) => v1.get(`${k}|${r}|${y}`)!
    for (const p of PARENTS)
      for (const y of YEARS) {
        const ms = MEMBERS[p]!
        expect(cell(rows, 't_pop', p, y)?.value).toBeCloseTo(sum(ms.map((m) => g('t_pop', m, y))), 9)
        const w = sum(ms.map((m) => g('t_pop', m, y)))
        expect(cell(rows, 't_rate', p, y)?.value).toBeCloseTo(
          sum(ms.map((m) => g('t_rate', m, y) * g('t_pop', m, y))) / w,
          9,
        )
        expect(cell(rows, 't_rate', p, y)?.coverage).toEqual({ members: ms.length, withData: ms.length })
        expect(cell(rows, 't_note', p, y)).toBeUndefined()
        if (y < 2022) {
          expect(cell(rows, 't_gdp', p, y)?.value).toBeCloseTo(sum(ms.map((m) => g('t_gdp', m, y))), 9)
          expect(cell(rows, 't_gdp_twice', p, y)?.value).toBeCloseTo(
            2 * sum(ms.map((m) => g('t_gdp', m, y))),
            9,
          )
          expect(cell(rows, 't_per_head', p, y)?.value).toBeCloseTo(
            sum(ms.map((m) => g('t_gdp', m, y))) / sum(ms.map((m) => g('t_pop', m, y))),
            9,
          )
          expect(cell(rows, 't_score', p, y)?.value).toBeCloseTo(
            sum(ms.map((m) => g('t_score', m, y))) / ms.length,
            9,
          )
        }
      }
    // the nation is the mean of its five provinces, not of the two macro-region means
    expect(cell(rows, 't_score', 'CN', 2020)!.value).not.toBeCloseTo(
      (cell(rows, 't_score', 'EAST', 2020)!.value + cell(rows, 't_score', 'WEST', 2020)!.value) / 2,
      6,
    )
    // 2022: a sum with a member missing is withheld (kept in the table with its coverage)
    for (const p of ['EAST', 'CN']) {
      expect(cell(rows, 't_gdp', p, 2022)).toBeUndefined()
      expect(cell(rows, 't_per_head', p, 2022)).toBeUndefined()
    }
    expect(cell(rows, 't_gdp', 'WEST', 2022)?.coverage).toEqual({ members: 2, withData: 2 })
    const withheld = await table(
      store.db,
      sql`indicator_key = 't_gdp' AND period = 2022 AND region_code = 'EAST'`,
    )
    expect(withheld.map((r) => [r.value, r.members, r.with_data])).toEqual([[null, 3, 2]])
    // a mean with at least half the members is published over them, with its coverage; below half it is not
    const wScore = cell(rows, 't_score', 'WEST', 2022)!
    expect(wScore.value).toBeCloseTo(g('t_score', '62', 2022), 9)
    expect(wScore.coverage).toEqual({ members: 2, withData: 1 })
    expect(wScore.note).toBe('members: 61, 62 (1 of 2 with data)')
    expect(cell(rows, 't_score', 'EAST', 2022)).toBeUndefined()
    expect(cell(rows, 't_score', 'CN', 2022)).toBeUndefined() // 2 of 5
  })

  it('serves every row with computedAt: the release creation, or the roll-up computation', async () => {
    const [created] = rowsOf<{ at: Date | string }>(
      await store.db.execute(sql`SELECT created_at AS at FROM releases WHERE name = 'gen v1'`),
    )
    const all = await getFigures(store.db, { indicators: ['t_pop'], regions: ['11', 'EAST'] })
    const stored = all.find((r) => r.region === '11')!
    expect(stored.computedAt).toBe(new Date(created!.at).toISOString())
    const roll = all.find((r) => r.region === 'EAST')!
    const [row] = await table(
      store.db,
      sql`indicator_key = 't_pop' AND region_code = 'EAST' AND period = ${roll.period}`,
    )
    expect(roll.computedAt).toBe(new Date(row!.computed_at as string).toISOString())
    expect(roll.release).toBe('gen v1')
    expect(roll.synthetic).toBe(false)
  })

  it('the materialised roll-ups equal the ones computed per request', async () => {
    const keys = CATALOGUE.map((i) => i.key)
    const order = (rows: FigureRow[]) =>
      rows
        .map(({ computedAt: _, ...r }) => r)
        .sort((a, b) =>
          `${a.indicator}${a.region}${a.period}`.localeCompare(`${b.indicator}${b.region}${b.period}`),
        )
    const live = order(await rolled(store.db, keys, { asOf: '2999-12-31' }))
    const stored = order(await rolled(store.db, keys))
    expect(stored.length).toBeGreaterThan(0)
    // the same cells, labels, releases and coverage; values up to the order of summation
    expect(stored.map((r) => ({ ...r, value: 0 }))).toEqual(live.map((r) => ({ ...r, value: 0 })))
    for (const [i, r] of stored.entries()) expect(r.value).toBeCloseTo(live[i]!.value, 9)
  })

  it('a new release updates the roll-up, its release and computedAt; asOf still reads the earlier one', async () => {
    const before = cell(await rolled(store.db, ['t_pop', 't_score']), 't_pop', 'EAST', 2021)!
    const scoreBefore = cell(await rolled(store.db, ['t_score']), 't_score', 'EAST', 2021)!
    await createReleaseWithRows(store, { name: 'gen v2', publishedOn: '2030-06-01', kind: 'test' }, [
      {
        region: '12',
        indicator: 't_pop',
        period: 2021,
        value: 5_000,
        unit: 'index',
        source: 'generated',
        note: '',
        vintage: 'revised',
      },
    ])
    const after = await rolled(store.db, ['t_pop', 't_rate', 't_score'])
    const pop = cell(after, 't_pop', 'EAST', 2021)!
    expect(pop.value).toBeCloseTo(before.value - v1.get('t_pop|12|2021')! + 5_000, 9)
    expect(pop.release).toBe('gen v2')
    expect(pop.computedAt > before.computedAt).toBe(true)
    expect(cell(after, 't_pop', 'CN', 2021)!.release).toBe('gen v2')
    // the weighted mean weighted by it moved too; an untouched indicator kept its computedAt
    expect(cell(after, 't_rate', 'EAST', 2021)!.release).toBe('gen v2')
    expect(cell(after, 't_score', 'EAST', 2021)!.computedAt).toBe(scoreBefore.computedAt)
    const then = cell(await rolled(store.db, ['t_pop'], { asOf: '2030-03-01' }), 't_pop', 'EAST', 2021)!
    expect(then.value).toBeCloseTo(before.value, 9)
    expect(then.release).toBe('gen v1')
  })

  it('a pending upload leaves the roll-ups alone until it is approved', async () => {
    const at = '2030-07-01T00:00:00.000Z'
    const s0 = submit(startApproval({ levels: ['11', 'CN'], acceptAtTop: false }), 'loader', at)
    if (!s0.ok) throw new Error(s0.message)
    const rel = await createReleaseWithRows(
      store,
      {
        name: 'gen pending',
        publishedOn: '2030-07-01',
        kind: 'test',
        approval: { regionCode: '11', status: 'pending', state: s0.state, updatedAt: at },
      },
      [
        {
          region: '11',
          indicator: 't_pop',
          period: 2020,
          value: 9_999,
          unit: 'index',
          source: 'generated',
          note: '',
          vintage: null,
        },
      ],
    )
    const snapshot = await table(store.db)
    const before = cell(await rolled(store.db, ['t_pop']), 't_pop', 'EAST', 2020)!
    expect(before.release).toBe('gen v1')
    let state: ApprovalState = s0.state
    for (const [level, by, t] of [
      ['11', 'prov', '2030-07-02T00:00:00.000Z'],
      ['CN', 'nat', '2030-07-03T00:00:00.000Z'],
    ] as const) {
      const previous = state.lastAt
      const r = approve(state, level, by, t)
      if (!r.ok) throw new Error(r.message)
      state = r.state
      if (level === '11') {
        // one level approved: still pending, nothing moved (not even computed_at)
        expect(await saveApproval(store.db, rel.id, '11', state, previous)).toBe(true)
        expect(await table(store.db)).toEqual(snapshot)
      } else {
        await store.db.transaction(async (tx) => {
          expect(await saveApproval(tx, rel.id, '11', state, previous)).toBe(true)
        })
      }
    }
    const after = cell(await rolled(store.db, ['t_pop']), 't_pop', 'EAST', 2020)!
    expect(after.release).toBe('gen pending')
    expect(after.value).toBeCloseTo(before.value - v1.get('t_pop|11|2020')! + 9_999, 9)
  })

  it('never mixes synthetic and real inputs; the served figure is the class with the newer input', async () => {
    const real = cell(await rolled(store.db, ['t_gdp']), 't_gdp', 'WEST', 2020)!
    // a synthetic figure for one of two members: the synthetic sum is withheld, the real one stays
    await createReleaseWithRows(
      store,
      { name: 'gen synthetic one', publishedOn: '2031-01-01', kind: 'synthetic', synthetic: true },
      [
        {
          region: '61',
          indicator: 't_gdp',
          period: 2020,
          value: 1,
          unit: 'index',
          source: 'synth',
          note: '',
          vintage: null,
        },
      ],
    )
    const one = cell(await rolled(store.db, ['t_gdp']), 't_gdp', 'WEST', 2020)!
    expect([one.value, one.synthetic, one.release]).toEqual([real.value, false, real.release])
    const synthRows = await table(
      store.db,
      sql`indicator_key = 't_gdp' AND region_code = 'WEST' AND period = 2020`,
    )
    expect(synthRows.map((r) => [r.synthetic, r.with_data, r.value === null])).toEqual([
      [false, 2, false],
      [true, 1, true],
    ])
    // synthetic figures for both members: the synthetic roll-up is served, from synthetic inputs only
    await createReleaseWithRows(
      store,
      { name: 'gen synthetic two', publishedOn: '2031-02-01', kind: 'synthetic', synthetic: true },
      [
        {
          region: '62',
          indicator: 't_gdp',
          period: 2020,
          value: 2,
          unit: 'index',
          source: 'synth',
          note: '',
          vintage: null,
        },
      ],
    )
    const both = cell(await rolled(store.db, ['t_gdp']), 't_gdp', 'WEST', 2020)!
    expect([both.value, both.synthetic, both.release]).toEqual([3, true, 'gen synthetic two'])
    // the real roll-up is still there, unchanged, and the nation's real sum never took a synthetic member
    const kept = await table(
      store.db,
      sql`indicator_key = 't_gdp' AND region_code IN ('WEST', 'CN') AND period = 2020 AND NOT synthetic`,
    )
    const expectedKept = [sum(ALL.map((m) => v1.get(`t_gdp|${m}|2020`)!)), real.value]
    expect(kept).toHaveLength(2)
    for (const [k, r] of kept.entries()) expect(r.value).toBeCloseTo(expectedKept[k]!, 9)
    // a figure derived per province from a synthetic input is synthetic
    const derived = await getFigures(store.db, {
      indicators: ['t_per_head'],
      regions: ['61', '11'],
      from: 2020,
      to: 2020,
    })
    expect(derived.map((r) => [r.region, r.synthetic])).toEqual([
      ['11', false],
      ['61', true],
    ])
  })

  it('two releases landing at once both reach the roll-up (the refreshes take turns)', async () => {
    const rel = (region: string, value: number) =>
      createReleaseWithRows(
        store,
        { name: `gen concurrent ${region}`, publishedOn: '2032-01-01', kind: 'test' },
        [
          {
            region,
            indicator: 't_pop',
            period: 2021,
            value,
            unit: 'index',
            source: 'generated',
            note: '',
            vintage: null,
          },
        ],
      )
    const others = await getFigures(store.db, {
      indicators: ['t_pop'],
      regions: ['13'],
      from: 2021,
      to: 2021,
    })
    await Promise.all([rel('11', 100), rel('12', 200)])
    const east = cell(await rolled(store.db, ['t_pop']), 't_pop', 'EAST', 2021)!
    expect(east.value).toBeCloseTo(100 + 200 + others[0]!.value, 9)
  })

  it('a store from before the table (no roll-ups, no basis) gets them at start-up', async () => {
    const before = await table(store.db)
    await store.db.execute(sql`DELETE FROM rollup_figures`)
    await store.db.execute(sql`DELETE FROM settings WHERE key = 'rollups.basis'`)
    expect(await rolled(store.db, ['t_pop'])).toEqual([])
    expect(await refreshRollupsIfStale(store.db)).toBe(true)
    const after = await table(store.db)
    const strip = (rows: Record<string, unknown>[]) => rows.map(({ computed_at: _, ...r }) => r)
    expect(strip(after)).toEqual(strip(before))
  })

  it('refreshes everything once at start-up when the rules changed, and not again', async () => {
    // the basis was saved by the refresh of the test before
    expect(await refreshRollupsIfStale(store.db)).toBe(false)
    const snapshot = await table(store.db)
    await store.db.transaction((tx) => refreshAllRollups(tx))
    // a full refresh that finds nothing new leaves every row as it was
    expect(await table(store.db)).toEqual(snapshot)
    await upsertIndicators(store.db, [ind({ key: 't_gdp', aggregation: 'none' })])
    expect(await refreshRollupsIfStale(store.db)).toBe(true)
    expect(await table(store.db, sql`indicator_key = 't_gdp'`)).toEqual([])
  })
})
