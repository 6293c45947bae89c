/**
 * Observation batches as PostgreSQL COPY text (tab-separated, backslash escapes, \N for null),
 * written as bytes straight into one buffer. Neighbouring rows of a bulk file share most of their
 * texts, so a column's text is escaped and UTF-8 encoded only when it differs from the row before;
 * numbers are written as ASCII. Building a JS string per row and encoding it afterwards cost more
 * than the rest of the row's handling (bench/probe-ingest.ts profile).
 */
import type { ObservationBatch } from './observation-batch.ts'

const TAB = 9
const NL = 10
const NEEDS_ESCAPE = /[\\\t\n\r]/

/** COPY text of one value: backslash, tab, line feed and carriage return escaped; null as \N. */
export function copyText(v: string | null): string {
  if (v === null) return '\\N'
  if (!NEEDS_ESCAPE.test(v)) return v
  return v.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r')
}

/** A column's last text and its encoded bytes. */
class EncodedColumn {
  private raw: string | null = ''
  bytes: Uint8Array = new Uint8Array(0)
  of(v: string | null): Uint8Array {
    if (v !== this.raw) {
      this.raw = v
      this.bytes = Buffer.from(copyText(v), 'utf8')
    }
    return this.bytes
  }
}

export class CopyEncoder {
  private buf = Buffer.allocUnsafe(1 << 20)
  private pos = 0
  private readonly region = new EncodedColumn()
  private readonly indicator = new EncodedColumn()
  private readonly unit = new EncodedColumn()
  private readonly source = new EncodedColumn()
  private readonly note = new EncodedColumn()
  private readonly vintage = new EncodedColumn()

  /** The lines of a batch, numbered from `seq` on, in a buffer of their own. */
  encode(releaseId: number, b: ObservationBatch, seq: number): Buffer {
    this.pos = 0
    const prefix = Buffer.from(`${releaseId}\t`, 'latin1')
    for (let i = 0; i < b.length; i++) {
      this.bytes(prefix)
      this.bytes(this.region.of(b.region[i]!))
      this.tab()
      this.bytes(this.indicator.of(b.indicator[i]!))
      this.tab()
      this.ascii(String(b.period[i]))
      this.tab()
      this.ascii(String(b.value[i]))
      this.tab()
      this.bytes(this.unit.of(b.unit[i]!))
      this.tab()
      this.bytes(this.source.of(b.source[i]!))
      this.tab()
      this.bytes(this.note.of(b.note[i]!))
      this.tab()
      this.bytes(this.vintage.of(b.vintage[i]!))
      this.tab()
      this.ascii(String(seq + i))
      this.ensure(1)
      this.buf[this.pos++] = NL
    }
    // a copy: the stream may still hold the buffer it was given while the next batch is encoded
    return Buffer.from(this.buf.subarray(0, this.pos))
  }

  private ensure(n: number) {
    if (this.pos + n <= this.buf.length) return
    const next = Buffer.allocUnsafe(Math.max(this.buf.length * 2, this.pos + n))
    this.buf.copy(next, 0, 0, this.pos)
    this.buf = next
  }

  private tab() {
    this.ensure(1)
    this.buf[this.pos++] = TAB
  }

  /** short runs are copied by hand: TypedArray.set costs more than the loop below ~64 bytes */
  private bytes(src: Uint8Array) {
    const n = src.length
    this.ensure(n)
    const buf = this.buf
    let p = this.pos
    if (n > 64) buf.set(src, p)
    else for (let k = 0; k < n; k++) buf[p + k] = src[k]!
    p += n
    this.pos = p
  }

  /** a number's text, which is ASCII */
  private ascii(s: string) {
    const n = s.length
    this.ensure(n)
    const buf = this.buf
    const p = this.pos
    for (let k = 0; k < n; k++) buf[p + k] = s.charCodeAt(k)
    this.pos = p + n
  }
}
