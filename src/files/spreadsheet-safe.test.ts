import ExcelJS from 'exceljs'
import JSZip from 'jszip'
import { describe, expect, it } from 'vitest'
import { csvSafeText } from './spreadsheet-safe.ts'

const HOSTILE = [
  '=HYPERLINK("http://example.invalid","x")',
  "+cmd|' /C calc'!A0",
  '-2+3',
  '@SUM(1,2)',
  '\tx',
  '\rx',
]

describe('formula injection', () => {
  it('text a spreadsheet would run gets a leading apostrophe in CSV; other text is untouched', () => {
    for (const t of HOSTILE) expect(csvSafeText(t)).toBe(`'${t}`)
    for (const t of ['国家统计局', 'NBS 2024', '1,234', '', "it's"]) expect(csvSafeText(t)).toBe(t)
  })

  it('ExcelJS writes such text as a text cell, never a formula', async () => {
    const wb = new ExcelJS.Workbook()
    wb.addWorksheet('s').addRow(HOSTILE)
    const zip = await JSZip.loadAsync(await wb.xlsx.writeBuffer())
    const sheet = await zip.file('xl/worksheets/sheet1.xml')!.async('string')
    expect(sheet).not.toContain('<f>')
    expect(sheet.match(/t="s"/g)).toHaveLength(HOSTILE.length)
  })
})
