/**
 * A CSV reader for bulk imports: text goes in chunk by chunk, records come out one at a time
 * through a callback, with the number of the line they end on. A line without a quote character
 * (nearly every line of a statistics export) is split at its commas on the spot; a line with one
 * is gathered with the lines that follow until its quotes close and parsed by csv-parse, so
 * quoted fields, doubled quotes and line breaks inside quotes mean what they always meant.
 *
 * The reading matches csv-parse with { bom, relax_column_count, skip_empty_lines, trim }: a
 * leading BOM is dropped, CRLF, LF and CR line ends are accepted, cells are trimmed, and lines
 * that are empty or blank are skipped. The cells array handed to the callback is reused for the
 * next record: copy what must be kept.
 */
import { parse } from 'csv-parse/sync'

/** A record that is not CSV (an unclosed or stray quote), with the line it is on. */
export class CsvSyntaxError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(`line ${line}: ${message}`)
  }
}

/** A quoted value may span lines, but not the rest of a large file. */
const MAX_QUOTED_RECORD = 1 << 24
const COMMA = 44

export type CsvRow = (line: number, cells: string[]) => void

export class CsvSplitter {
  /** lines read so far */
  line = 0
  private tail = ''
  private started = false
  private lonelyCr = false
  private quoted: string | undefined
  private quotedFrom = 0
  private quotedQuotes = 0
  private readonly cells: string[] = []
  /** where the next quote of the current text is, at or after the line being read (Infinity: none) */
  private nextQuote = -1

  constructor(private readonly onRow: CsvRow) {}

  /** Feed the next piece of text (a chunk of any size; lines may be split across chunks). */
  push(chunk: string) {
    let text = chunk
    if (!this.started) {
      if (text.length === 0) return
      this.started = true
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1)
      // the first line end decides, as in csv-parse: a CR not followed by LF means CR line ends
      const cr = text.indexOf('\r')
      const lf = text.indexOf('\n')
      this.lonelyCr = cr >= 0 && (lf < 0 || cr < lf) && cr + 1 < text.length && text.charCodeAt(cr + 1) !== 10
    }
    if (this.lonelyCr) text = text.replaceAll('\r', '\n')
    const data = this.tail.length > 0 ? this.tail + text : text
    let pos = 0
    this.nextQuote = -1
    for (let nl = data.indexOf('\n'); nl >= 0; nl = data.indexOf('\n', pos)) {
      this.takeLine(data, pos, nl)
      pos = nl + 1
    }
    this.tail = pos === 0 ? data : data.slice(pos)
    if (this.quoted !== undefined && this.quoted.length + this.tail.length > MAX_QUOTED_RECORD)
      throw new CsvSyntaxError(this.quotedFrom, 'a quote opened on this line is not closed')
  }

  /** The end of the text: the last line may lack its line end; an open quote is an error. */
  end() {
    if (this.tail.length > 0) {
      const data = this.tail
      this.tail = ''
      this.nextQuote = -1
      this.takeLine(data, 0, data.length)
    }
    if (this.quoted !== undefined)
      throw new CsvSyntaxError(this.quotedFrom, 'a quote opened on this line is not closed')
  }

  private takeLine(data: string, from: number, to: number) {
    this.line++
    if (this.quoted !== undefined) {
      const raw = data.slice(from, to)
      this.quoted += `\n${raw}`
      this.quotedQuotes += this.countQuotes(data, from, to)
      if ((this.quotedQuotes & 1) === 0) {
        const text = this.quoted
        this.quoted = undefined
        this.parseQuoted(text, this.quotedFrom)
      }
      return
    }
    const end = to > from && data.charCodeAt(to - 1) === 13 ? to - 1 : to
    const quotes = this.countQuotes(data, from, end)
    if (quotes > 0) {
      if ((quotes & 1) === 0) this.parseQuoted(data.slice(from, end), this.line)
      else {
        // an odd count opens a value that goes on to the next line, or is a stray quote
        this.parseQuoted(data.slice(from, end), this.line, 'CSV_QUOTE_NOT_CLOSED')
        this.quoted = data.slice(from, to)
        this.quotedFrom = this.line
        this.quotedQuotes = quotes
      }
      return
    }
    this.plain(data, from, end, this.line)
  }

  /** A line without quotes, read by another reader (csv-bytes.ts), as this splitter reads one. */
  plainLine(line: number, text: string) {
    this.plain(text, 0, text.length, line)
  }

  /**
   * Go on from a line of a file whose earlier lines another reader took: the BOM and the kind of
   * line end were settled there (LF or CRLF).
   */
  continueAt(line: number) {
    this.started = true
    this.lonelyCr = false
    this.line = line - 1
  }

  private plain(data: string, from: number, end: number, line: number) {
    if (end === from) return
    const cells = this.cells
    cells.length = 0
    let start = from
    for (let i = from; i < end; i++) {
      if (data.charCodeAt(i) === COMMA) {
        cells.push(data.slice(start, i).trim())
        start = i + 1
      }
    }
    cells.push(data.slice(start, end).trim())
    if (cells.length === 1 && cells[0] === '') return
    this.onRow(line, cells)
  }

  /** quotes in s[from, to); the text is searched once for quotes, not once a line */
  private countQuotes(s: string, from: number, to: number): number {
    if (this.nextQuote < from) {
      const q = s.indexOf('"', from)
      this.nextQuote = q < 0 ? Number.POSITIVE_INFINITY : q
    }
    let n = 0
    while (this.nextQuote < to) {
      n++
      const q = s.indexOf('"', this.nextQuote + 1)
      this.nextQuote = q < 0 ? Number.POSITIVE_INFINITY : q
    }
    return n
  }

  /** Parse a record with quotes; with `unless`, only check it, ignoring that one error code. */
  private parseQuoted(text: string, firstLine: number, unless?: string) {
    let records: string[][]
    try {
      records = parse(text, { relax_column_count: true, skip_empty_lines: true, trim: true })
    } catch (e) {
      if (unless !== undefined && (e as { code?: string }).code === unless) return
      const msg = (e as Error).message
      const at = / at line (\d+)/.exec(msg)
      throw new CsvSyntaxError(
        at ? firstLine + Number(at[1]) - 1 : firstLine,
        msg.replace(/ at line \d+/, '').replace(/ on field (\d+)/, (_, n) => ` in cell ${Number(n) + 1}`),
      )
    }
    if (unless === undefined) for (const r of records) this.onRow(this.line, r)
  }
}
