/**
 * A long table as columns: the compact wire form of a large answer (`format=columns` on
 * /api/observations). A field with the same value in every row is sent once under `constant`;
 * every other field as one array of all rows' values under `columns`. A county answer (56,000
 * rows of one indicator) is a tenth of the rows' JSON and, brotli-compressed, less than half:
 * without the field names repeated per row, what is left is mostly the values themselves.
 * Pure: the server encodes with it and the web app decodes with it.
 */
export interface Columns<T> {
  length: number
  /** fields whose value is the same (===) in every row */
  constant: Partial<T>
  /** every other field: its values in row order */
  columns: { [K in keyof T]?: T[K][] }
}

/**
 * The rows as columns. `fields` are the rows' fields, in the order they are written; a field is
 * constant when every row's value is === the first row's (objects other than null never are).
 * With no rows every field is an empty column.
 */
export function toColumns<T extends object, K extends keyof T>(
  rows: readonly T[],
  fields: readonly K[],
): Columns<Pick<T, K>> {
  const constant: Partial<Pick<T, K>> = {}
  const columns: { [F in K]?: T[F][] } = {}
  for (const f of fields) {
    const first = rows[0]?.[f]
    const same =
      rows.length > 0 && (first === null || typeof first !== 'object') && rows.every((r) => r[f] === first)
    if (same) constant[f] = first as T[K]
    else columns[f] = rows.map((r) => r[f])
  }
  return { length: rows.length, constant, columns } as Columns<Pick<T, K>>
}

/** The rows back: row i is the constant fields and every column's i-th value. */
export function fromColumns<T extends object>(c: Columns<T>): T[] {
  const entries = Object.entries(c.columns) as [keyof T, unknown[]][]
  for (const [k, values] of entries)
    if (values.length !== c.length)
      throw new Error(`column "${String(k)}" has ${values.length} values for ${c.length} rows`)
  const rows = new Array<T>(c.length)
  for (let i = 0; i < c.length; i++) {
    const row = { ...c.constant } as T
    for (const [k, values] of entries) row[k] = values[i] as T[keyof T]
    rows[i] = row
  }
  return rows
}
