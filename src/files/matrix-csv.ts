import { readFile } from 'node:fs/promises'
import { basename } from 'node:path'
import { createMatrix, type Matrix } from '../methods/matrix.ts'
import { csvTextToTable } from './csv.ts'

/**
 * A units × indicators matrix from CSV: header row, first column the unit id, other columns
 * numeric. Empty cells, "NA" and "NaN" are missing (NaN); anything else that is not a number is
 * an error naming file, line and column. Columns listed in `keep` are returned as text instead
 * (grouping or weight columns of `disparity`).
 */
export interface MatrixFile {
  matrix: Matrix
  text: Record<string, string[]>
}

const MISSING = new Set(['', 'na', 'nan', 'null', '-'])

export async function readMatrixCsv(path: string, keep: string[] = []): Promise<MatrixFile> {
  return matrixFromCsvText(await readFile(path, 'utf8'), basename(path), keep)
}

export function matrixFromCsvText(text: string, file: string, keep: string[] = []): MatrixFile {
  const t = csvTextToTable(text, file)
  const missing = keep.filter((k) => !t.header.includes(k))
  if (missing.length) throw new Error(`${file}: no column ${missing.map((m) => `"${m}"`).join(', ')}`)
  const numeric = t.header.map((h, i) => (i > 0 && !keep.includes(h) ? i : -1)).filter((i) => i >= 0)
  const units = t.rows.map((r) => r.cells[0] ?? '')
  const m = createMatrix(
    units,
    numeric.map((i) => t.header[i]!),
  )
  const errors: string[] = []
  t.rows.forEach((r, row) => {
    numeric.forEach((ci, col) => {
      const raw = (r.cells[ci] ?? '').trim()
      const v = MISSING.has(raw.toLowerCase()) ? Number.NaN : Number(raw)
      if (Number.isNaN(v) && !MISSING.has(raw.toLowerCase()))
        errors.push(`${file}:${r.line}:${t.header[ci]}: "${raw}" is not a number`)
      m.data[row * m.cols + col] = v
    })
  })
  if (errors.length) throw new Error(errors.join('\n'))
  if (m.rows === 0) throw new Error(`${file}: no rows`)
  const textCols = Object.fromEntries(
    keep.map((k) => [k, t.rows.map((r) => r.cells[t.header.indexOf(k)] ?? '')]),
  )
  return { matrix: m, text: textCols }
}
