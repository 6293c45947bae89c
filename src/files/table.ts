/** A table read from a file, before any meaning is given to it: what the importers validate. */
export interface SourceTable {
  /** file name as the user gave it, for error locations */
  file: string
  /** sheet name for workbooks */
  sheet?: string
  header: string[]
  /** column labels used in error locations: header names for CSV, letters for XLSX */
  columnLabels: string[]
  rows: { line: number; cells: string[] }[]
  /** the line of the header when rows above it (a title, a unit row) were set aside; default 1 */
  headerLine?: number
  /** the unit a row above the header states (`单位：万元`), and where */
  statedUnit?: { text: string; line: number; column: string }
  /** the indicator a row above the header names (`指标：地区生产总值(亿元)`) */
  statedIndicator?: string
}

export function location(t: Pick<SourceTable, 'file' | 'sheet'>, line: number, column?: string): string {
  return `${t.file}${t.sheet ? `[${t.sheet}]` : ''}:${line}${column ? `:${column}` : ''}`
}
