/**
 * Imports of real files on both store back ends. The figures in the generated files are
 * SYNTHETIC (seeded), labelled so in their source column; only their shape matters here.
 */
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mulberry32 as seededRandom } from '../statistics/synth.ts'
import type { Store } from '../store/db.ts'
import { countObservations, queryObservations } from '../store/observations.ts'
import { listReleases } from '../store/releases.ts'
import { BACKENDS, openTestStore } from '../testing/backends.ts'
import { importFile } from './import-file.ts'
import { seedStore } from './seed.ts'

const dir = mkdtempSync(join(tmpdir(), 'jueqi-import-'))
const PROVINCES = [
  '11',
  '12',
  '13',
  '14',
  '15',
  '21',
  '22',
  '23',
  '31',
  '32',
  '33',
  '34',
  '35',
  '36',
  '37',
  '41',
  '42',
  '43',
  '44',
  '45',
  '46',
  '50',
  '51',
  '52',
  '53',
  '54',
  '61',
  '62',
  '63',
  '64',
  '65',
]
const INDICATORS: [string, string][] = [
  ['gdp', '100 million yuan'],
  ['population_year_end', '10k persons'],
  ['rd_expenditure', '100 million yuan'],
  ['co2_emissions', 't CO2'],
  ['public_budget_expenditure', '100 million yuan'],
  ['hitech_industry_revenue', '100 million yuan'],
  ['urban_population', '10k persons'],
  ['energy_consumption_total', '10k tce'],
]

/** 5,000 distinct synthetic cells in the long layout. */
function longCsv(rows: number, seed: number): string[] {
  const rnd = seededRandom(seed)
  const lines = ['region,indicator,period,value,unit,source,note']
  outer: for (const [ind, unit] of INDICATORS) {
    for (const region of PROVINCES) {
      for (let year = 1960; year <= 2024; year++) {
        if (lines.length > rows) break outer
        lines.push(
          `${region},${ind},${year},${(rnd() * 1000).toFixed(2)},${unit},SYNTHETIC test data (seed ${seed}),`,
        )
      }
    }
  }
  return lines
}

describe.each(BACKENDS)('import on %s', (backend) => {
  let store: Store
  beforeAll(async () => {
    store = await openTestStore(backend)
    await seedStore(store)
  })
  afterAll(async () => store?.close())

  it('rejects a 5,000-row file with 3 bad rows, names each by row and column, and stores nothing', async () => {
    const lines = longCsv(5_000, 7)
    // file line n+1 holds data row n; break three of them in three different ways
    lines[100] = lines[100]!.replace(/^\d\d,/, '99,')
    lines[2500] = lines[2500]!.replace(/,([\d.]+),(100 million yuan|10k persons|t CO2|10k tce),/, ',12x,$2,')
    lines[4999] = lines[4999]!.replace(/,(100 million yuan|10k persons|t CO2|10k tce),/, ',yuan,')
    const file = join(dir, 'bad.csv')
    writeFileSync(file, `${lines.join('\n')}\n`)
    const before = { n: await countObservations(store.db), releases: (await listReleases(store.db)).length }
    const result = await importFile(store, file, { release: 'bad file' })
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.issues.map((i) => `${i.location}: ${i.code}`)).toEqual([
      'bad.csv:101:region: unknown_region',
      'bad.csv:2501:value: not_a_number',
      'bad.csv:5000:unit: unit_mismatch',
    ])
    expect(result.issues[0]!.message).toContain('"99"')
    expect(await countObservations(store.db)).toBe(before.n)
    expect((await listReleases(store.db)).length).toBe(before.releases)
  })

  it('imports a good file as a new release; the earlier figure stays readable with asOf', async () => {
    const lines = longCsv(5_000, 11)
    const file = join(dir, 'good.csv')
    writeFileSync(file, `${lines.join('\n')}\n`)
    const dry = await importFile(store, file, { release: 'synthetic A', dryRun: true })
    expect(dry).toMatchObject({ ok: true, dryRun: true, rows: 5_000 })
    const before = await countObservations(store.db)
    expect(before).toBeGreaterThan(0)
    const r = await importFile(store, file, { release: 'synthetic A', publishedOn: '2030-01-01' })
    expect(r).toMatchObject({ ok: true, rows: 5_000 })
    expect(await countObservations(store.db)).toBe(before + 5_000)
    // the built-in 2020 GDP of Beijing, then the synthetic figure after 2030
    const builtin = await queryObservations(store.db, {
      indicators: ['gdp'],
      regions: ['11'],
      from: 2020,
      to: 2020,
      asOf: '2029-12-31',
    })
    const latest = await queryObservations(store.db, {
      indicators: ['gdp'],
      regions: ['11'],
      from: 2020,
      to: 2020,
    })
    expect(builtin[0]!.release).toMatch(/built-in/)
    expect(latest[0]!.release).toBe('synthetic A')
    expect(latest[0]!.source).toMatch(/SYNTHETIC/)
    await expect(importFile(store, file, { release: 'synthetic A' })).rejects.toThrow(/exists already/)
  })

  it('finds a cell given twice by the same source, naming both lines, and stores nothing', async () => {
    const file = join(dir, 'dup.csv')
    writeFileSync(
      file,
      'region,indicator,year,value,unit,source\n42,gdp,2030,1,亿元,S\n43,gdp,2030,2,亿元,S\n42,gdp,2030,3,亿元,S\n42,gdp,2030,4,亿元,other source\n',
    )
    const before = await countObservations(store.db)
    const r = await importFile(store, file, { release: 'dup', periodRange: [1949, 2100] })
    expect(r).toMatchObject({ ok: false, issues: [{ location: 'dup.csv:4', code: 'duplicate_cell' }] })
    if (!r.ok) expect(r.issues[0]!.message).toContain('dup.csv:2')
    expect(await countObservations(store.db)).toBe(before)
  })

  it('stores nothing when the last of 12,000 rows is bad, past several batches and read chunks', async () => {
    const lines = longCsv(12_000, 13)
    lines[12_000] = lines[12_000]!.replace(
      /,[\d.]+,(100 million yuan|10k persons|t CO2|10k tce),/,
      ',n/a,$1,',
    )
    const file = join(dir, 'bad-at-end.csv')
    writeFileSync(file, `${lines.join('\n')}\n`)
    const before = { n: await countObservations(store.db), releases: (await listReleases(store.db)).length }
    const r = await importFile(store, file, { release: 'bad at end' })
    expect(r).toMatchObject({
      ok: false,
      issues: [{ location: 'bad-at-end.csv:12001:value', code: 'not_a_number' }],
    })
    expect(await countObservations(store.db)).toBe(before.n)
    expect((await listReleases(store.db)).length).toBe(before.releases)
  })

  it('names both lines of a cell repeated 11,000 rows apart, and stores nothing', async () => {
    const lines = longCsv(12_000, 17)
    lines.push(lines[1]!.replace(/,[\d.]+,(100 million yuan|10k persons|t CO2|10k tce),/, ',1,$1,'))
    const file = join(dir, 'dup-far.csv')
    writeFileSync(file, `${lines.join('\n')}\n`)
    const before = await countObservations(store.db)
    const r = await importFile(store, file, { release: 'dup far' })
    expect(r).toMatchObject({
      ok: false,
      issues: [{ location: 'dup-far.csv:12002', code: 'duplicate_cell' }],
    })
    if (!r.ok) expect(r.issues[0]!.message).toContain('dup-far.csv:2')
    expect(await countObservations(store.db)).toBe(before)
  })

  it('reads quoted cells, CRLF line ends and a BOM; a cell past the header is refused by line and column', async () => {
    const file = join(dir, 'quoted.csv')
    writeFileSync(
      file,
      '\ufeffregion,indicator,year,value,unit,source,note\r\n' +
        '42,gdp,2040,"1,234.5",亿元,"SYNTHETIC, quoted","a ""quoted"" note\r\non two lines"\r\n' +
        '43,gdp,2040,7,亿元,SYNTHETIC,\r\n' +
        '\r\n' +
        '44,gdp,2040,,亿元,SYNTHETIC,\r\n',
    )
    const bad = await importFile(store, file, { release: 'quoted', periodRange: [1949, 2100] })
    expect(bad).toMatchObject({
      ok: false,
      issues: [{ location: 'quoted.csv:6:value', code: 'not_a_number' }],
    })
    writeFileSync(
      file,
      '\ufeffregion,indicator,year,value,unit,source,note\r\n' +
        '42,gdp,2040,"1,234.5",亿元,"SYNTHETIC, quoted","a ""quoted"" note\r\non two lines"\r\n' +
        '43,gdp,2040,7,亿元,SYNTHETIC,\r\n',
    )
    const ok = await importFile(store, file, { release: 'quoted', periodRange: [1949, 2100] })
    expect(ok).toMatchObject({ ok: true, rows: 2 })
    const got = await queryObservations(store.db, { indicators: ['gdp'], regions: ['42', '43'], from: 2040 })
    expect(got.map((g) => [g.region, g.value, g.source])).toEqual([
      ['42', 1234.5, 'SYNTHETIC, quoted'],
      ['43', 7, 'SYNTHETIC'],
    ])
    const wide = join(dir, 'extra.csv')
    writeFileSync(wide, 'region,indicator,year,value,unit\n42,gdp,2041,1,亿元\n43,gdp,2041,1,234.5,亿元\n')
    const extra = await importFile(store, wide, { release: 'extra', periodRange: [1949, 2100] })
    expect(extra).toMatchObject({
      ok: false,
      issues: [{ location: 'extra.csv:3:column 6', code: 'extra_cell' }],
    })
    if (!extra.ok) expect(extra.issues[0]!.message).toContain('"亿元"')
    const stray = join(dir, 'stray.csv')
    writeFileSync(stray, 'region,indicator,year,value,unit\n42,gdp,2041,1,亿元\n43,gdp,2041,1"5,亿元\n')
    await expect(importFile(store, stray, { release: 'stray', periodRange: [1949, 2100] })).rejects.toThrow(
      /stray\.csv: not a readable CSV file: line 3: Invalid Opening Quote/,
    )
  })

  it('reads the wide yearbook layout from XLSX: one indicator per sheet, names as region labels', async () => {
    const wb = new ExcelJS.Workbook()
    const ws = wb.addWorksheet('rd_expenditure')
    ws.addRow(['地区', '2030年', '2031年'])
    ws.addRow(['湖北省', 1.5, 2.5])
    ws.addRow(['Hunan', 3, ''])
    const bad = wb.addWorksheet('population_year_end')
    bad.addRow(['region', '2030'])
    bad.addRow(['Atlantis', 5])
    const file = join(dir, 'wide.xlsx')
    await wb.xlsx.writeFile(file)
    const result = await importFile(store, file, { release: 'wide xlsx', periodRange: [1949, 2100] })
    expect(result).toMatchObject({
      ok: false,
      issues: [{ location: 'wide.xlsx[population_year_end]:2:A', code: 'unknown_region' }],
    })
    wb.removeWorksheet(bad.id)
    await wb.xlsx.writeFile(file)
    const ok = await importFile(store, file, {
      release: 'wide xlsx',
      periodRange: [1949, 2100],
      source: 'SYNTHETIC',
    })
    expect(ok).toMatchObject({ ok: true, rows: 3 })
    const got = await queryObservations(store.db, {
      indicators: ['rd_expenditure'],
      regions: ['42', '43'],
      from: 2030,
    })
    expect(got.map((g) => [g.region, g.period, g.value])).toEqual([
      ['42', 2030, 1.5],
      ['42', 2031, 2.5],
      ['43', 2030, 3],
    ])
  })
})

describe.each(BACKENDS)('a bulk import on %s', (backend) => {
  let store: Store
  beforeAll(async () => {
    store = await openTestStore(backend)
    await seedStore(store)
  })
  afterAll(async () => store?.close())

  const sql = async <T>(text: string, params: unknown[] = []): Promise<T[]> => {
    const raw = store.raw
    return (
      raw.kind === 'postgres' ? await raw.pool.query(text, params) : await raw.client.query(text, params)
    ).rows as T[]
  }
  const partitions = async () =>
    (
      await sql<{ relname: string }>(
        `SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
         WHERE i.inhparent = 'observations'::regclass ORDER BY 1`,
      )
    ).map((r) => r.relname)
  const stray = async () =>
    (await sql(`SELECT relname FROM pg_class WHERE relname ~ '^observations_r[0-9]+$'`)).length

  it('becomes a partition of its own with its cell index; a smaller release joins the default one', async () => {
    const file = join(dir, 'bulk.csv')
    writeFileSync(file, `${longCsv(5_000, 23).join('\n')}\n`)
    const before = await countObservations(store.db)
    const bulk = await importFile(store, file, {
      release: 'bulk',
      publishedOn: '2031-01-01',
      partitionRows: 1_000,
    })
    expect(bulk).toMatchObject({ ok: true, rows: 5_000 })
    const id = bulk.ok ? bulk.release!.id : -1
    expect(await partitions()).toEqual(['observations_default', `observations_r${id}`])
    const idx = await sql<{ indexdef: string }>('SELECT indexdef FROM pg_indexes WHERE tablename = $1', [
      `observations_r${id}`,
    ])
    expect(idx.map((r) => r.indexdef).join()).toContain('(indicator_key, region_code, period)')
    // the CHECK that let ATTACH skip its scan is gone: the partition bound says the same
    const checks = await sql<{ conname: string }>(
      "SELECT conname FROM pg_constraint WHERE conrelid = $1::regclass AND contype = 'c'",
      [`observations_r${id}`],
    )
    expect(checks).toEqual([])
    expect(await countObservations(store.db)).toBe(before + 5_000)
    // a later, small revision of one cell is preferred over the bulk release's figure
    const rev = join(dir, 'bulk-rev.csv')
    writeFileSync(
      rev,
      'region,indicator,period,value,unit,source\n11,gdp,1960,42.5,100 million yuan,SYNTHETIC rev\n',
    )
    const r = await importFile(store, rev, {
      release: 'bulk rev',
      publishedOn: '2032-01-01',
      partitionRows: 1_000,
    })
    expect(r).toMatchObject({ ok: true, rows: 1 })
    expect((await partitions()).length).toBe(2)
    const q = { indicators: ['gdp'], regions: ['11'], from: 1960, to: 1961 }
    expect((await queryObservations(store.db, q)).map((o) => [o.period, o.value, o.release])).toEqual([
      [1960, 42.5, 'bulk rev'],
      [1961, Number(longCsv(5_000, 23)[2]!.split(',')[3]), 'bulk'],
    ])
    const asOf = await queryObservations(store.db, { ...q, asOf: '2031-06-30' })
    expect(asOf[0]!.release).toBe('bulk')
  })

  it('leaves no table behind when a bulk import is refused, at its end or for a repeated cell', async () => {
    const lines = longCsv(12_000, 29)
    const bad = [...lines]
    bad[12_000] = bad[12_000]!.replace(/,[\d.]+,(100 million yuan|10k persons|t CO2|10k tce),/, ',n/a,$1,')
    const file = join(dir, 'bulk-bad.csv')
    writeFileSync(file, `${bad.join('\n')}\n`)
    const before = await countObservations(store.db)
    const parts = await partitions()
    expect(await importFile(store, file, { release: 'bulk bad', partitionRows: 1_000 })).toMatchObject({
      ok: false,
      issues: [{ location: 'bulk-bad.csv:12001:value', code: 'not_a_number' }],
    })
    const dup = [
      ...lines,
      lines[5]!.replace(/,[\d.]+,(100 million yuan|10k persons|t CO2|10k tce),/, ',1,$1,'),
    ]
    writeFileSync(file, `${dup.join('\n')}\n`)
    expect(await importFile(store, file, { release: 'bulk dup', partitionRows: 1_000 })).toMatchObject({
      ok: false,
      issues: [{ location: 'bulk-bad.csv:12002', code: 'duplicate_cell' }],
    })
    expect(await partitions()).toEqual(parts)
    expect(await stray()).toBe(parts.length - 1)
    expect(await countObservations(store.db)).toBe(before)
  })
})
