import { readFile } from 'node:fs/promises'
import { basename } from 'node:path'
import { parse } from 'csv-parse/sync'
import type { SourceTable } from './table.ts'

/** Read a CSV file (UTF-8, with or without BOM) into a table; line numbers are 1-based file lines. */
export async function readCsvTable(path: string): Promise<SourceTable> {
  const text = await readFile(path, 'utf8')
  return csvTextToTable(text, basename(path))
}

export function csvTextToTable(text: string, file: string): SourceTable {
  let records: { record: string[]; info: { lines: number } }[]
  try {
    records = parse(text, {
      bom: true,
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
    }) as unknown as typeof records
  } catch (e) {
    throw new Error(`${file}: not a readable CSV file: ${(e as Error).message}`)
  }
  const [head, ...body] = records
  if (!head) throw new Error(`${file}: the file is empty`)
  const header = head.record.map((h) => h.trim())
  return {
    file,
    header,
    columnLabels: header.map((h, i) => h || `column ${i + 1}`),
    rows: body.map((r) => ({ line: r.info.lines, cells: r.record })),
  }
}
