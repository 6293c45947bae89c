/**
 * Where each stored row came from (table and line), by its position (seq) in the release, in
 * typed-array chunks: eight bytes a row instead of a location string, so a 17-million-row import
 * can still name the lines of its duplicates.
 */
const CHUNK = 1 << 16

export class SeqLocations {
  private readonly lines: Int32Array[] = []
  private readonly tables: Uint16Array[] = []
  private size = 0

  add(table: number, line: number) {
    const c = Math.floor(this.size / CHUNK)
    if (c === this.lines.length) {
      this.lines.push(new Int32Array(CHUNK))
      this.tables.push(new Uint16Array(CHUNK))
    }
    this.lines[c]![this.size % CHUNK] = line
    this.tables[c]![this.size % CHUNK] = table
    this.size++
  }

  at(seq: number): { table: number; line: number } | undefined {
    if (seq < 0 || seq >= this.size) return undefined
    const c = Math.floor(seq / CHUNK)
    return { table: this.tables[c]![seq % CHUNK]!, line: this.lines[c]![seq % CHUNK]! }
  }
}
