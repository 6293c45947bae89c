/**
 * Tables as statistics offices publish them, made from real figures in ../shared/data/observations.csv:
 * - GDP of the six central provinces, 2022 and 2023, source "github:pik-piam/PyPSA-China-PIK@abd61894…"
 *   (its provincial GDP table, citing the NBS yearbooks);
 * - national GDP 2023, source "https://tellerreport.com/…" (China News Service on the NBS 2023
 *   statistical communiqué); national 2022 is not in that file, so its cell is printed `…`;
 * - year-end population of the same provinces, source "github:pik-piam/PyPSA-China-PIK@88169bb6…".
 * Each file is laid out as published (title, unit row, spaced header, footnotes) and the imported
 * figures must equal the file's source figures.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parse } from 'csv-parse/sync'
import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Store } from '../store/db.ts'
import { countObservations, queryObservations } from '../store/observations.ts'
import { openTestStore } from '../testing/backends.ts'
import { importFile } from './import-file.ts'
import { seedStore } from './seed.ts'

const dir = mkdtempSync(join(tmpdir(), 'jueqi-published-'))
const PROVINCES = ['14', '34', '36', '41', '42', '43']
const YEARS = [2022, 2023]

interface SourceRow {
  region_code: string
  region_name_zh: string
  indicator: string
  year: string
  value: string
  source: string
}
// the shared file grows while we work: only the lines of the two indicators are parsed
const sharedLines = readFileSync(new URL('../../../shared/data/observations.csv', import.meta.url), 'utf8')
  .split('\n')
  .filter((l, i) => i === 0 || /,(gdp|population_year_end),20(22|23),/.test(l))
const shared: SourceRow[] = parse(sharedLines.join('\n'), { columns: true })

/** The cited figure of a region, indicator and year (the first row from the named source). */
function figure(region: string, indicator: string, year: number, source: string): SourceRow | undefined {
  return shared.find(
    (r) =>
      r.region_code === region &&
      r.indicator === indicator &&
      r.year === String(year) &&
      r.source.startsWith(source),
  )
}
const GDP_SOURCE = 'github:pik-piam/PyPSA-China-PIK@abd618945b43f00310d28c9d13b1ecfac164310b'
const POP_SOURCE = 'github:pik-piam/PyPSA-China-PIK@88169bb6b363085e377f4ad77441f7b9c860c400'
const CN_GDP_SOURCE = 'https://tellerreport.com/'

function gdp(region: string, year: number) {
  return region === 'CN' ? figure('CN', 'gdp', year, CN_GDP_SOURCE) : figure(region, 'gdp', year, GDP_SOURCE)
}

/** "25583.9" → "25,583.9", as a yearbook cell stored as text prints it */
function withSeparators(v: string): string {
  const [int, frac] = v.split('.')
  return `${int!.replace(/\B(?=(\d{3})+$)/g, ',')}${frac ? `.${frac}` : ''}`
}

/** the decimal text × 10^k, exactly (a float multiplication would print 12345600.000000002) */
function shift(v: string, k: number): string {
  const [int, frac = ''] = v.split('.')
  const digits = `${int}${frac.padEnd(k, '0')}`
  const rest = frac.slice(k)
  return `${digits.slice(0, int!.length + k).replace(/^0+(?=\d)/, '')}${rest ? `.${rest}` : ''}`
}

const REGIONS = ['CN', ...PROVINCES]
const nameOf = (code: string) => (code === 'CN' ? '全国' : gdp(code, 2022)!.region_name_zh)

async function yearbookXlsx(path: string, unit: string, cell: (code: string, year: number) => string) {
  const wb = new ExcelJS.Workbook()
  const ws = wb.addWorksheet('gdp')
  ws.addRow(['3-9  地区生产总值'])
  ws.addRow([`单位：${unit}`])
  ws.addRow(['地  区', '地区生产总值', ''])
  ws.addRow(['地  区', '2022年', '2023 年'])
  ws.mergeCells('A3:A4')
  ws.mergeCells('B3:C3')
  for (const code of REGIONS) ws.addRow([nameOf(code), ...YEARS.map((y) => cell(code, y))])
  ws.addRow([])
  ws.addRow(['注：本表按当年价格计算。'])
  ws.addRow(['资料来源：各省、自治区、直辖市统计局。'])
  await wb.xlsx.writeFile(path)
}

describe('tables as published (pglite)', () => {
  let store: Store
  beforeAll(async () => {
    store = await openTestStore('pglite')
    await seedStore(store)
  })
  afterAll(async () => store?.close())

  async function imported(release: string, indicator: string, regions: string[]) {
    const rows = await queryObservations(store.db, { indicators: [indicator], regions, from: 2022, to: 2023 })
    return new Map(rows.filter((r) => r.release === release).map((r) => [`${r.region} ${r.period}`, r.value]))
  }

  it('reads a yearbook sheet: title, unit row, merged spaced header, 全国, text with separators, … as missing, footnotes', async () => {
    const path = join(dir, 'yearbook.xlsx')
    await yearbookXlsx(path, '亿元', (code, y) => {
      const r = gdp(code, y)
      return r ? withSeparators(r.value) : '…'
    })
    const dry = await importFile(store, path, { release: 'yearbook 2024', dryRun: true })
    expect(dry.ok).toBe(true)
    if (!dry.ok) return
    expect(dry.counts).toEqual([{ sheet: 'gdp', indicator: 'gdp', cells: 13 }])
    expect(dry.skipped.map((s) => `${s.location} ${s.reason}`)).toEqual([
      'yearbook.xlsx[gdp]:1 title',
      'yearbook.xlsx[gdp]:2 unit',
      'yearbook.xlsx[gdp]:3 header_group',
      'yearbook.xlsx[gdp]:13 footnote',
      'yearbook.xlsx[gdp]:14 footnote',
    ])
    const r = await importFile(store, path, { release: 'yearbook 2024', source: 'yearbook test' })
    expect(r).toMatchObject({ ok: true, rows: 13 })
    const got = await imported('yearbook 2024', 'gdp', REGIONS)
    expect(got.size).toBe(13)
    expect(got.has('CN 2022')).toBe(false)
    for (const code of REGIONS)
      for (const y of YEARS) {
        const src = gdp(code, y)
        if (src) expect(got.get(`${code} ${y}`)).toBe(Number(src.value))
      }
  })

  it('converts a table in 万元 into the 亿元 indicator, figure for figure', async () => {
    const path = join(dir, 'wanyuan.xlsx')
    await yearbookXlsx(path, '万元', (code, y) => {
      const r = gdp(code, y)
      return r ? shift(r.value, 4) : '—'
    })
    const r = await importFile(store, path, { release: 'yearbook in 万元' })
    expect(r).toMatchObject({ ok: true, rows: 13 })
    const got = await imported('yearbook in 万元', 'gdp', REGIONS)
    for (const code of PROVINCES)
      for (const y of YEARS) expect(got.get(`${code} ${y}`)).toBe(Number(gdp(code, y)!.value))
  })

  it('reads a national-database CSV export: description rows, 2023年 columns, a 数据来源 footer, 人 into 万人', async () => {
    const path = join(dir, 'nbs.csv')
    const lines = [
      '数据库：分省年度数据',
      '指标：年末常住人口(人)',
      '时间：最近2年',
      '地区,2023年,2022年',
      ...PROVINCES.map(
        (c) =>
          `${figure(c, 'population_year_end', 2023, POP_SOURCE)!.region_name_zh},${[2023, 2022]
            .map(
              (y) => `"${withSeparators(shift(figure(c, 'population_year_end', y, POP_SOURCE)!.value, 4))}"`,
            )
            .join(',')}`,
      ),
      '注：年末常住人口。',
      '数据来源：国家统计局',
    ]
    writeFileSync(path, `${lines.join('\r\n')}\r\n`)
    // no --indicator: the 指标 row names it
    const r = await importFile(store, path, { release: 'nbs export' })
    expect(r.ok ? r.skipped.map((s) => `${s.location} ${s.reason}`) : r.issues).toEqual([
      'nbs.csv:1 description',
      'nbs.csv:2 description',
      'nbs.csv:3 description',
      'nbs.csv:11 footnote',
      'nbs.csv:12 footnote',
    ])
    const got = await imported('nbs export', 'population_year_end', PROVINCES)
    expect(got.size).toBe(12)
    for (const c of PROVINCES)
      for (const y of YEARS)
        expect(got.get(`${c} ${y}`)).toBe(Number(figure(c, 'population_year_end', y, POP_SOURCE)!.value))
  })

  it('reads the transposed layout: years as rows, regions as columns', async () => {
    const path = join(dir, 'transposed.csv')
    const lines = [
      '地区生产总值',
      '单位：亿元',
      `年份,${PROVINCES.map((c) => gdp(c, 2022)!.region_name_zh).join(',')}`,
      ...YEARS.map((y) => `${y}年,${PROVINCES.map((c) => gdp(c, y)!.value).join(',')}`),
    ]
    writeFileSync(path, `${lines.join('\n')}\n`)
    const r = await importFile(store, path, { release: 'transposed', indicator: 'gdp' })
    expect(r).toMatchObject({ ok: true, rows: 12 })
    const got = await imported('transposed', 'gdp', PROVINCES)
    for (const c of PROVINCES)
      for (const y of YEARS) expect(got.get(`${c} ${y}`)).toBe(Number(gdp(c, y)!.value))
  })

  it('refuses a unit that cannot be converted and a bad cell, naming sheet, row and column; stores nothing', async () => {
    const before = await countObservations(store.db)
    const unitPath = join(dir, 'bad-unit.xlsx')
    await yearbookXlsx(unitPath, '万美元', (code, y) => gdp(code, y)?.value ?? '…')
    const u = await importFile(store, unitPath, { release: 'bad unit' })
    expect(u.ok).toBe(false)
    if (!u.ok) {
      expect(u.issues.map((i) => `${i.location} ${i.code}`)).toEqual(['bad-unit.xlsx[gdp]:2:A unit_mismatch'])
      expect(u.issues[0]!.message).toContain('"万美元"')
    }
    const cellPath = join(dir, 'bad-cell.xlsx')
    await yearbookXlsx(cellPath, '亿元', (code, y) =>
      code === '42' && y === 2023 ? '5.58万' : (gdp(code, y)?.value ?? '…'),
    )
    const c = await importFile(store, cellPath, { release: 'bad cell' })
    expect(c.ok ? [] : c.issues.map((i) => `${i.location} ${i.code}`)).toEqual([
      `bad-cell.xlsx[gdp]:${5 + REGIONS.indexOf('42')}:C not_a_number`,
    ])
    expect(await countObservations(store.db)).toBe(before)
  })
})
