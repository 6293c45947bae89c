/**
 * Where each stored row came from (table and line), by its position (seq) in the release, kept
 * as runs: a long CSV gives one row a line (line = seq + offset), a wide table several rows a
 * line, so a 17-million-row import needs a handful of runs instead of bytes per row, and can
 * still name the lines of its duplicates.
 */
export class SeqLocations {
  /** per run: first seq, table, line of the first seq, step (0: same line, 1: next line) */
  private starts: number[] = []
  private tables: number[] = []
  private lines: number[] = []
  private steps: number[] = []
  private size = 0

  add(table: number, line: number) {
    const r = this.starts.length - 1
    if (r >= 0 && this.tables[r] === table) {
      const n = this.size - this.starts[r]!
      const first = this.lines[r]!
      if (n === 1 && (line === first || line === first + 1)) {
        this.steps[r] = line - first
        this.size++
        return
      }
      if (n > 1 && line === first + this.steps[r]! * n) {
        this.size++
        return
      }
    }
    this.starts.push(this.size)
    this.tables.push(table)
    this.lines.push(line)
    this.steps.push(0)
    this.size++
  }

  at(seq: number): { table: number; line: number } | undefined {
    if (seq < 0 || seq >= this.size) return undefined
    let lo = 0
    let hi = this.starts.length - 1
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1
      if (this.starts[mid]! <= seq) lo = mid
      else hi = mid - 1
    }
    return { table: this.tables[lo]!, line: this.lines[lo]! + this.steps[lo]! * (seq - this.starts[lo]!) }
  }
}
