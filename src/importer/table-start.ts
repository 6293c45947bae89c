/**
 * Where a table in a file begins. A long table's header is its first row; a published table
 * (yearbook sheet, national-database export) may have a title, a unit row and blank rows above
 * its header: those are set aside, each listed with its reason, and the unit they state is kept
 * for the check against the indicator. Rows are offered one at a time, so CSV stays streamed.
 */
import type { SourceTable } from '../files/table.ts'
import { preambleRow } from '../statistics/import/published.ts'
import { type Collector, isLongLayout, type TableHead } from '../statistics/import/validate.ts'

type Place = Pick<SourceTable, 'file' | 'sheet'>

export class TableStart {
  private statedUnit: SourceTable['statedUnit']
  private statedIndicator: string | undefined
  /** rows set aside before the header */
  passed = 0

  constructor(
    private readonly place: Place,
    private readonly c: Collector,
    /** the label of column i (0-based) in locations, given the header once it is known */
    private readonly label: (i: number, header?: string[]) => string,
  ) {}

  /** The table's head when this row is its header; undefined when the row was set aside. */
  offer(line: number, cells: string[]): TableHead | undefined {
    const header = cells.map((h) => h.trim())
    if (!isLongLayout({ ...this.place, header, columnLabels: [], rows: [] })) {
      const pre = preambleRow(header)
      if (pre) {
        this.passed++
        this.c.at({ ...this.place, header: [], columnLabels: [] }, line)
        this.c.skip(pre.reason, header)
        if (pre.name) this.statedIndicator ??= pre.name
        if (pre.unit) this.statedUnit ??= { text: pre.unit.text, line, column: this.label(pre.unit.column) }
        return undefined
      }
    }
    return {
      ...this.place,
      header,
      columnLabels: header.map((_, i) => this.label(i, header)),
      headerLine: line,
      ...(this.statedUnit ? { statedUnit: this.statedUnit } : {}),
      ...(this.statedIndicator ? { statedIndicator: this.statedIndicator } : {}),
    }
  }

  /** The issue for a table whose header was never found (every row was set aside). */
  noHeader(line: number) {
    this.c.at({ ...this.place, header: [], columnLabels: [] }, line)
    this.c.issue(
      'no_header',
      `no header row found among ${this.passed} row(s): a header names the region column (地区, 省份, Region) and the years (2024, 2024年), or region, indicator, period, value, unit`,
    )
  }
}
