/**
 * Hostile and broken files end in a clear refusal naming their place, and store nothing (issue 21):
 * numbers a double cannot hold, NUL bytes, other encodings, folders, broken workbooks, endless values
 * and endless lists of issues. The figures are SYNTHETIC; only the files' faults matter.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import JSZip from 'jszip'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { BadInput } from '../files/bad-input.ts'
import type { Store } from '../store/db.ts'
import { countObservations } from '../store/observations.ts'
import { listReleases } from '../store/releases.ts'
import { openTestStore } from '../testing/backends.ts'
import { ImportRefused, importFile } from './import-file.ts'
import { seedStore } from './seed.ts'

const dir = mkdtempSync(join(tmpdir(), 'jueqi-refusals-'))
const HEADER = 'region,indicator,period,value,unit,source,note'
const row = (value: string, note = 'SYNTHETIC') => `42,gdp,2020,${value},100 million yuan,test,${note}`
const csv = (name: string, body: string | Buffer) => {
  const path = join(dir, name)
  writeFileSync(path, body)
  return path
}

let store: Store
let before: { releases: number; rows: number }
const counts = async () => ({
  releases: (await listReleases(store.db)).length,
  rows: await countObservations(store.db),
})
let n = 0
const load = (path: string) => importFile(store, path, { release: `refusal ${n++}` })

beforeAll(async () => {
  store = await openTestStore('pglite')
  await seedStore(store)
  before = await counts()
})
afterAll(() => store.close())

/** every refusal leaves the store as it was */
async function refused(path: string): Promise<string[]> {
  const r = await load(path)
  expect(r.ok).toBe(false)
  expect(await counts()).toEqual(before)
  return r.ok ? [] : r.issues.map((i) => `${i.location}: ${i.message}`)
}

describe('numbers a figure cannot hold', () => {
  it.each([
    ['1e309', 'beyond the largest number'],
    ['-1e309', 'beyond the largest number'],
    [`1${'0'.repeat(400)}`, 'beyond the largest number'],
    ['1e-400', 'too small to hold'],
    ['0.5e-330', 'too small to hold'],
  ])('%s is refused naming its cell', async (value, why) => {
    const issues = await refused(csv(`big-${n}.csv`, `${HEADER}\n${row(value)}\n`))
    expect(issues).toHaveLength(1)
    expect(issues[0]).toMatch(/^big-\d+\.csv:2:value: /)
    expect(issues[0]).toContain(why)
  })

  it('a true zero in exponent form is a number', async () => {
    const r = await importFile(store, csv('zero.csv', `${HEADER}\n${row('0e-400')}\n`), {
      release: 'zero',
      dryRun: true,
    })
    expect(r.ok).toBe(true)
  })
})

describe('bytes a text file does not hold', () => {
  it('a NUL byte is refused with its line, in the fast path and the quoted path', async () => {
    await expect(load(csv('nul.csv', `${HEADER}\n${row('1')}\n${row('2', 'a\u0000b')}\n`))).rejects.toThrow(
      /^nul\.csv:3: a NUL byte/,
    )
    await expect(load(csv('nulq.csv', `${HEADER}\n${row('1', '"quoted, \u0000"')}\n`))).rejects.toThrow(
      /^nulq\.csv:2: a NUL byte/,
    )
    expect(await counts()).toEqual(before)
  })

  it.each([
    [
      'UTF-16LE',
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`${HEADER}\n${row('1')}\n`, 'utf16le')]),
    ],
    ['UTF-32LE', Buffer.from([0xff, 0xfe, 0, 0, 0x72, 0, 0, 0])],
  ])('a %s file is refused with the way out', async (name, bytes) => {
    const err = await load(csv(`${name}.csv`, bytes)).catch((e) => e)
    expect(err).toBeInstanceOf(ImportRefused)
    expect(err.message).toContain(`in ${name}; save it as UTF-8`)
  })

  it('a folder named like a CSV file is refused', async () => {
    const folder = join(dir, 'folder.csv')
    mkdirSync(folder)
    await expect(load(folder)).rejects.toThrow(/is a folder, not a file/)
  })
})

describe('text encodings', () => {
  // a GBK file as Excel on a Chinese Windows saves it: region names in Chinese
  const gbkText = `${HEADER}\n湖北省,gdp,2020,1,100 million yuan,国家统计局,SYNTHETIC\n`
  const gbk = () => {
    const bytes: number[] = []
    for (const ch of gbkText) {
      const code = ch.codePointAt(0)!
      if (code < 0x80) bytes.push(code)
      else bytes.push(...GBK[ch]!)
    }
    return Buffer.from(bytes)
  }
  // GBK codes of the characters above (GB 2312 rows and cells + 0xA0), checked by decoding below
  const GBK: Record<string, number[]> = {
    湖: [0xba, 0xfe],
    北: [0xb1, 0xb1],
    省: [0xca, 0xa1],
    国: [0xb9, 0xfa],
    家: [0xbc, 0xd2],
    统: [0xcd, 0xb3],
    计: [0xbc, 0xc6],
    局: [0xbe, 0xd6],
  }

  it('the GBK bytes of the test are GBK', () => {
    expect(new TextDecoder('gbk').decode(gbk())).toBe(gbkText)
  })

  it('a GBK file is refused with its line, byte and the hint; with --encoding gbk it is read', async () => {
    const path = csv('gbk.csv', gbk())
    await expect(load(path)).rejects.toThrow(
      /^gbk\.csv:2: byte \d+ is not UTF-8; the file looks like GBK \(GB18030\) — re-run with --encoding gbk/,
    )
    const r = await importFile(store, path, { release: 'gbk', dryRun: true, encoding: 'gbk' })
    expect(r).toMatchObject({ ok: true, rows: 1 })
  })

  it('a stray byte in UTF-8 text is refused with its offset, never replaced', async () => {
    const bytes = Buffer.concat([Buffer.from(`${HEADER}\n${row('1', 'caf')}`), Buffer.from([0xe9, 0x0a])])
    await expect(load(csv('latin1.csv', bytes))).rejects.toThrow(
      /^latin1\.csv:2: byte \d+ is not UTF-8; save the file as CSV UTF-8/,
    )
    expect(await counts()).toEqual(before)
  })

  it('a character cut between two chunks of the reader is still UTF-8', async () => {
    // 256 KiB chunks: a three-byte character placed across the first boundary
    const before = `${HEADER}\n42,gdp,2020,1,100 million yuan,t,`
    const pad = 'x'.repeat(256 * 1024 - 1 - before.length)
    expect(Buffer.byteLength(before + pad)).toBe(256 * 1024 - 1) // 统 takes bytes 262,143 to 262,145
    const r = await importFile(store, csv('cut.csv', `${before}${pad}统计\n`), {
      release: 'cut',
      dryRun: true,
    })
    expect(r).toMatchObject({ ok: true, rows: 1 })
  })
})

describe('long values and long lists', () => {
  it('a message quotes the first 80 characters of a value and its length', async () => {
    const issues = await refused(
      csv('long.csv', `${HEADER}\n${'A'.repeat(5_000_000)},gdp,2020,1,100 million yuan,t,n\n`),
    )
    expect(issues[0]).toContain(`unknown region "${'A'.repeat(80)}…" (5,000,000 characters)`)
    expect(issues[0]!.length).toBeLessThan(200)
  })

  it('a file of bad rows lists 1,000 issues and counts the rest', async () => {
    const bad = Array.from(
      { length: 3_000 },
      (_, i) => `42,gdp,${1950 + (i % 70)},x${i},100 million yuan,t,n`,
    )
    const r = await load(csv('many.csv', `${HEADER}\n${bad.join('\n')}\n`))
    expect(r.ok).toBe(false)
    if (r.ok) return
    expect(r.issues).toHaveLength(1_000)
    expect(r.issues.length + r.moreIssues).toBe(3_000)
  })
})

describe('workbooks that cannot be read', () => {
  let good: Buffer
  beforeAll(async () => {
    const wb = new ExcelJS.Workbook()
    const ws = wb.addWorksheet('gdp')
    ws.addRow(['region', 2020])
    ws.addRow(['湖北省', 1])
    good = Buffer.from(await wb.xlsx.writeBuffer())
  })
  const rezip = async (edit: (zip: JSZip) => Promise<void>) => {
    const zip = await JSZip.loadAsync(good)
    await edit(zip)
    return zip.generateAsync({ type: 'nodebuffer' })
  }
  const sheetPath = 'xl/worksheets/sheet1.xml'

  it.each([
    ['garbage', async () => Buffer.from('this is not a workbook at all')],
    ['a truncated archive', async () => good.subarray(0, Math.floor(good.length / 2))],
    ['an empty file', async () => Buffer.alloc(0)],
    [
      'malformed sheet XML',
      () => rezip(async (z) => void z.file(sheetPath, '<worksheet><sheetData><row><c>')),
    ],
    [
      'a shared-string index past the table',
      () =>
        rezip(async (z) => {
          const xml = await z.file(sheetPath)!.async('string')
          z.file(sheetPath, xml.replace(/<c r="A2"([^>]*)>.*?<\/c>/, '<c r="A2" t="s"><v>999</v></c>'))
        }),
    ],
    [
      'an entity declaration',
      () =>
        rezip(async (z) => {
          const xml = await z.file(sheetPath)!.async('string')
          z.file(
            sheetPath,
            xml
              .replace('<worksheet', '<!DOCTYPE worksheet [<!ENTITY boom "boom">]><worksheet')
              .replace('>1<', '>&boom;<'),
          )
        }),
    ],
  ])('%s is refused as bad input naming the file, storing nothing', async (_, make) => {
    const path = join(dir, `broken-${n}.xlsx`)
    writeFileSync(path, await make())
    const r = await load(path).catch((e) => e)
    expect(r).toBeInstanceOf(BadInput)
    expect(r.message).toMatch(/^broken-\d+\.xlsx: not a readable XLSX workbook \(/)
    expect(r.message.length).toBeLessThan(300)
    expect(await counts()).toEqual(before)
  })

  it('the test workbook itself is readable (so the faults above are the edits)', async () => {
    const path = join(dir, 'good.xlsx')
    writeFileSync(path, good)
    const r = await importFile(store, path, { release: 'good', dryRun: true, unit: '100 million yuan' })
    expect(r).toMatchObject({ ok: true, rows: 1 })
    expect(readFileSync(path).length).toBeGreaterThan(0)
  })
})
