/**
 * SDMX-CSV out and back in, on the built-in figures (data/observations.csv, each with its source):
 * the API answers the SDMX-CSV media type, that file imported as a new release gives the same query
 * results; SDMX-CSV 1.0 with ISO 3166-2:CN areas and the indicator in another column (--map) too;
 * a malformed file is refused naming its rows, and nothing is stored.
 */
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { stringify } from 'csv-stringify/sync'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createApp } from '../server/app.ts'
import { ResponseCache } from '../server/response-cache.ts'
import { SDMX_CSV_MEDIA_TYPE, sdmxCsvRecords } from '../statistics/import/sdmx.ts'
import { ISO_3166_2_CN } from '../statistics/iso-3166-cn.ts'
import type { Store } from '../store/db.ts'
import { getFigures } from '../store/figures.ts'
import { countObservations } from '../store/observations.ts'
import { listReleases } from '../store/releases.ts'
import { openTestStore } from '../testing/backends.ts'
import { importFile } from './import-file.ts'
import { seedStore } from './seed.ts'

const dir = mkdtempSync(join(tmpdir(), 'jueqi-sdmx-'))
const QUERY = {
  indicators: ['gdp', 'population_year_end'],
  regions: ['14', '34', '36', '41', '42', '43'],
  from: 2015,
  to: 2023,
  preferredOnly: true,
}
const URL = `http://localhost/api/observations?indicator=gdp,population_year_end&region=14,34,36,41,42,43&from=2015&to=2023`

describe('SDMX-CSV (pglite)', () => {
  let store: Store
  let app: ReturnType<typeof createApp>
  beforeAll(async () => {
    store = await openTestStore('pglite')
    await seedStore(store)
    app = createApp({ store, responseCache: new ResponseCache(2 ** 20) })
  })
  afterAll(async () => store?.close())

  /** what a query shows of each figure, release aside */
  async function shown() {
    const rows = await getFigures(store.db, QUERY)
    return {
      releases: new Set(rows.map((r) => r.release)),
      figures: rows
        .map((r) =>
          [r.region, r.indicator, r.period, r.value, r.unit, r.source, r.note, r.vintage].join(' | '),
        )
        .sort(),
    }
  }

  it('the API answers the SDMX-CSV media type; the answer imported back gives identical query results', async () => {
    const before = await shown()
    expect(before.figures.length).toBeGreaterThan(50)
    const r = await app.request(URL, { headers: { accept: SDMX_CSV_MEDIA_TYPE } })
    expect(r.status).toBe(200)
    expect(r.headers.get('content-type')).toContain('application/vnd.sdmx.data+csv')
    const text = await r.text()
    expect(text.split('\n')[0]).toBe(
      'STRUCTURE,STRUCTURE_ID,ACTION,REF_AREA,INDICATOR,TIME_PERIOD,OBS_VALUE,UNIT_MEASURE,OBS_STATUS,VINTAGE,SOURCE,NOTE',
    )
    // the same address without the media type is still JSON (the cache keeps them apart)
    expect((await app.request(URL)).headers.get('content-type')).toContain('application/json')
    const file = join(dir, 'api.csv')
    writeFileSync(file, text)
    const result = await importFile(store, file, { release: 'sdmx round trip', publishedOn: '2098-01-01' })
    expect(result).toMatchObject({ ok: true, rows: before.figures.length })
    const after = await shown()
    expect([...after.releases]).toEqual(['sdmx round trip'])
    expect(after.figures).toEqual(before.figures)
  })

  it('reads SDMX-CSV 1.0 with ISO 3166-2:CN areas and the indicator dimension in SERIES (--map)', async () => {
    const before = await shown()
    const iso = Object.fromEntries(Object.entries(ISO_3166_2_CN).map(([k, v]) => [v, k]))
    const records = sdmxCsvRecords(await getFigures(store.db, QUERY), '1.0')
    records[0] = records[0]!.map((h) => (h === 'INDICATOR' ? 'SERIES' : h))
    for (const rec of records.slice(1)) rec[1] = iso[rec[1]!]!
    expect(records[1]![1]).toMatch(/^CN-[A-Z]{2}$/)
    const file = join(dir, 'v1.csv')
    writeFileSync(file, stringify(records))
    const result = await importFile(store, file, {
      release: 'sdmx 1.0',
      publishedOn: '2099-01-01',
      map: { SERIES: 'indicator' },
    })
    expect(result).toMatchObject({ ok: true, rows: before.figures.length })
    expect((await shown()).figures).toEqual(before.figures)
  })

  it('reads a message shaped like the SDMX-CSV field guide example (sdmx-twg/sdmx-csv, data-message/docs/sdmx-csv-field-guide.md): other dimensions, GEO mapped to the region, labels=both', async () => {
    // the field guide's example has FREQ, …, GEO, TIME_PERIOD, OBS_VALUE, TIME_FORMAT, OBS_STATUS; here with
    // jueqi's indicator and the built-in figure of Hubei's 2023 GDP (data/observations.csv) as the value
    const [hubei] = await getFigures(store.db, {
      ...QUERY,
      indicators: ['gdp'],
      regions: ['42'],
      from: 2023,
      to: 2023,
    })
    const lines = [
      'STRUCTURE,STRUCTURE_ID,ACTION,FREQ:Frequency,SERIES:Series,GEO:Geopolitical entity,TIME_PERIOD:Time period,OBS_VALUE:Observation value,UNIT_MEASURE:Unit of measure,TIME_FORMAT,OBS_STATUS:Observation status',
      `dataflow,JUEQI:DF_REGIONAL(1.0): Regional figures,I,A: Annual,gdp: GDP,CN-HB: Hubei,2023,${hubei!.value},100 million yuan: 亿元,P1Y,P: Provisional value`,
      'dataflow,JUEQI:DF_REGIONAL(1.0): Regional figures,I,A: Annual,gdp: GDP,CN-HN: Hunan,2023,,100 million yuan: 亿元,P1Y,M: Missing value',
    ]
    const file = join(dir, 'field-guide.csv')
    writeFileSync(file, `${lines.join('\n')}\n`)
    const r = await importFile(store, file, {
      release: 'field guide shape',
      publishedOn: '2099-06-01',
      map: { GEO: 'region', SERIES: 'indicator' },
    })
    expect(r).toMatchObject({ ok: true, rows: 1 })
    const [got] = await getFigures(store.db, {
      ...QUERY,
      indicators: ['gdp'],
      regions: ['42'],
      from: 2023,
      to: 2023,
    })
    expect(got).toMatchObject({ release: 'field guide shape', value: hubei!.value, vintage: 'preliminary' })
  })

  it('refuses a malformed file naming each bad row and column, storing nothing', async () => {
    const lines = [
      'STRUCTURE,STRUCTURE_ID,ACTION,REF_AREA,INDICATOR,TIME_PERIOD,OBS_VALUE,UNIT_MEASURE,OBS_STATUS',
      'dataflow,X:DF(1.0),I,CN-HB,gdp,2030,1.5,亿元,A',
      'dataflow,X:DF(1.0),I,CN-HB,gdp,2031,12x,亿元,A',
      'dataflow,X:DF(1.0),I,CN-ZZ,gdp,2032,1,亿元,P',
      'dataflow,X:DF(1.0),D,CN-HB,gdp,2033,1,亿元,A',
      'dataflow,X:DF(1.0),I,CN-HB,gdp,2034',
      'dataflow,X:DF(1.0),I,CN-HB,gdp,2035,,亿元,M',
    ]
    const file = join(dir, 'bad.csv')
    writeFileSync(file, `${lines.join('\n')}\n`)
    const n = await countObservations(store.db)
    const releases = (await listReleases(store.db)).length
    const r = await importFile(store, file, { release: 'bad sdmx', periodRange: [1949, 2100] })
    expect(r.ok ? [] : r.issues.map((i) => `${i.location} ${i.code}`)).toEqual([
      'bad.csv:3:OBS_VALUE not_a_number',
      'bad.csv:4:REF_AREA unknown_region',
      'bad.csv:5:ACTION bad_action',
      'bad.csv:6:OBS_VALUE missing_column',
    ])
    expect(await countObservations(store.db)).toBe(n)
    expect((await listReleases(store.db)).length).toBe(releases)
  })
})
