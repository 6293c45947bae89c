import { basename } from 'node:path'
import ExcelJS from 'exceljs'
import { BadInput, excerpt } from './bad-input.ts'
import type { SourceTable } from './table.ts'

/** Column letters as Excel shows them: 1 → A, 27 → AA. */
export function columnLetter(n: number): string {
  let s = ''
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s
  return s
}

function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return ''
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return String(v).trim()
  if (v instanceof Date) return v.toISOString().slice(0, 10)
  if (typeof v === 'object' && 'result' in v) return cellText(v.result as ExcelJS.CellValue)
  if (typeof v === 'object' && 'richText' in v)
    return v.richText
      .map((r) => r.text)
      .join('')
      .trim()
  if (typeof v === 'object' && 'text' in v) return String(v.text).trim()
  if (typeof v === 'object' && 'error' in v) return String(v.error)
  return String(v)
}

/**
 * Read every non-empty sheet of a workbook; the first non-empty row of a sheet is its header (the
 * importer looks further down when that row is a title or a unit row). A merged cell reads as its
 * first cell's text in every cell it covers.
 */
export async function readXlsxTables(path: string): Promise<SourceTable[]> {
  const file = basename(path)
  const wb = new ExcelJS.Workbook()
  try {
    await wb.xlsx.readFile(path)
    return sheetTables(wb, file)
  } catch (e) {
    if (e instanceof BadInput) throw e
    // ExcelJS, JSZip and the XML parser throw plain errors (and TypeErrors on odd archives): whatever the
    // fault, the file is what cannot be read; the message keeps the reader's words, cut to a line
    const why = String((e as Error)?.message ?? e).split('\n')[0]!
    throw new BadInput(
      `not a readable XLSX workbook (${excerpt(why)}); save it again from Excel or WPS as .xlsx`,
      file,
    )
  }
}

function sheetTables(wb: ExcelJS.Workbook, file: string): SourceTable[] {
  const tables: SourceTable[] = []
  wb.eachSheet((ws) => {
    const rows: { line: number; cells: string[] }[] = []
    let width = 0
    ws.eachRow({ includeEmpty: false }, (row, line) => {
      const cells: string[] = []
      row.eachCell({ includeEmpty: true }, (cell, col) => {
        const text = cellText(cell.value)
        if (text.includes('\u0000'))
          throw new BadInput(
            'a NUL character in a cell; remove it and save again',
            `${file}[${ws.name}]:${line}:${columnLetter(col)}`,
          )
        cells[col - 1] = text
      })
      for (let i = 0; i < cells.length; i++) cells[i] ??= ''
      width = Math.max(width, cells.length)
      rows.push({ line, cells })
    })
    const [head, ...body] = rows
    if (!head) return
    tables.push({
      file,
      sheet: ws.name,
      header: Array.from({ length: width }, (_, i) => head.cells[i] ?? ''),
      columnLabels: Array.from({ length: width }, (_, i) => columnLetter(i + 1)),
      rows: body,
      headerLine: head.line,
    })
  })
  return tables
}
