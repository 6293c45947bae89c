/**
 * The bytes of a CSV file, line by line, for the bulk of a statistics export: lines without a
 * quote character are handed over as byte ranges, so a row the importer can take as it is never
 * becomes a string. The first line with a quote (or a file with bare CR line ends) ends this
 * reading: the rest of the file, from that line on, goes to `CsvSplitter` through `onRest`, which
 * reads quotes exactly as csv-parse does.
 *
 * Line numbers count every line end, as `CsvSplitter` counts them; a CR before LF is not part of
 * the line; a leading UTF-8 BOM is dropped.
 */
import { StringDecoder } from 'node:string_decoder'
import { type CsvRow, CsvSplitter } from './csv-split.ts'

const LF = 10
const CR = 13
const QUOTE = 34

/** a quote-free line: bytes [start, end) of buf, on file line `line` */
export type ByteLine = (buf: Buffer, start: number, end: number, line: number) => void
/** a fast reading of a quote-free line: true when it took the row */
export type ByteRowCheck = (buf: Buffer, start: number, end: number, line: number) => boolean
/** the rest of the file from the start of `line`, as bytes; later chunks follow through the same call */
export type ByteRest = (bytes: Buffer, line: number) => void

export class CsvByteLines {
  line = 0
  private carry: Buffer | undefined
  private started = false
  /** true once the rest of the file is the splitter's */
  handedOver = false

  constructor(
    private readonly onLine: ByteLine,
    private readonly onRest: ByteRest,
  ) {}

  push(chunk: Buffer) {
    if (this.handedOver) return this.onRest(chunk, this.line + 1)
    let buf = this.carry ? Buffer.concat([this.carry, chunk]) : chunk
    this.carry = undefined
    if (!this.started) {
      if (buf.length === 0) return
      this.started = true
      if (buf.length >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) buf = buf.subarray(3)
      if (bareCr(buf)) return this.handOver(buf, 0)
    }
    let pos = 0
    let quote = buf.indexOf(QUOTE)
    for (let nl = buf.indexOf(LF); nl >= 0; nl = buf.indexOf(LF, pos)) {
      if (quote >= 0 && quote < nl) return this.handOver(buf, pos)
      this.take(buf, pos, nl)
      pos = nl + 1
      if (quote >= 0 && quote < pos) quote = buf.indexOf(QUOTE, pos)
    }
    if (pos < buf.length) this.carry = Buffer.from(buf.subarray(pos))
  }

  /** the end of the file: a last line without its line end */
  end() {
    if (this.handedOver || !this.carry) return
    const buf = this.carry
    this.carry = undefined
    if (buf.indexOf(QUOTE) >= 0) return this.handOver(buf, 0)
    this.take(buf, 0, buf.length)
  }

  private take(buf: Buffer, from: number, nl: number) {
    this.line++
    const end = nl > from && buf[nl - 1] === CR ? nl - 1 : nl
    this.onLine(buf, from, end, this.line)
  }

  private handOver(buf: Buffer, from: number) {
    this.handedOver = true
    this.onRest(buf.subarray(from), this.line + 1)
  }
}

/** The first line end is a CR not followed by LF: csv-parse then reads CR as the line end. */
function bareCr(buf: Buffer): boolean {
  const cr = buf.indexOf(CR)
  if (cr < 0) return false
  const lf = buf.indexOf(LF)
  return (lf < 0 || cr < lf) && cr + 1 < buf.length && buf[cr + 1] !== LF
}

/**
 * Records of a CSV file read from its bytes: quote-free lines are offered to `fast` as bytes
 * first (true: taken), otherwise split as `CsvSplitter` splits them; from the first quote on the
 * splitter reads the file. `onRow` gets what csv-parse would give, with the same line numbers.
 */
export class CsvRecords {
  private readonly splitter: CsvSplitter
  private readonly decoder = new StringDecoder('utf8')
  private readonly lines: CsvByteLines

  constructor(onRow: CsvRow, fast?: () => ByteRowCheck | undefined) {
    const splitter = new CsvSplitter(onRow)
    this.splitter = splitter
    let resumed = false
    this.lines = new CsvByteLines(
      (buf, start, end, line) => {
        if (!fast?.()?.(buf, start, end, line)) splitter.plainLine(line, buf.toString('utf8', start, end))
      },
      (rest, line) => {
        // from the second line on, the splitter goes on where the byte reading stopped
        if (!resumed && line > 1) splitter.continueAt(line)
        resumed = true
        splitter.push(this.decoder.write(rest))
      },
    )
  }

  push(chunk: Buffer) {
    this.lines.push(chunk)
  }

  /** the end of the file; throws CsvSyntaxError for a quote left open */
  end() {
    this.lines.end()
    if (this.lines.handedOver) {
      this.splitter.push(this.decoder.end())
      this.splitter.end()
    }
  }
}
