/**
 * Observation batches in PostgreSQL's binary COPY format, written as bytes straight into one
 * buffer: the server reads integers and doubles as they are instead of parsing their text, and
 * texts need no escaping. Neighbouring rows of a bulk file share most of their texts, so a
 * column's text is UTF-8 encoded only when it differs from the row before.
 *
 * Format (PostgreSQL manual, COPY, "Binary Format"): an 11-byte signature, a 32-bit flags field
 * and a 32-bit header extension length; per row a 16-bit field count, then per field a 32-bit
 * byte length (-1 for null) and the value in network byte order; a 16-bit -1 ends the data.
 */
import type { ObservationBatch } from './observation-batch.ts'

/** the columns every row carries, in this order */
export const COPY_COLUMNS =
  'id, release_id, region_code, indicator_key, period, value, unit, source, note, vintage, seq'
const FIELDS = 11

/**
 * The id of a row written here: release × 2³² + position. The sequence's ids (rows written one
 * by one, PGlite) stay below 2³², so ids stay unique, and they stay exact in JSON for the first
 * 2²¹ releases. Taking one from the sequence for each of 17 million rows cost the server a
 * quarter of its COPY time (a nextval default measured against none, 3.4 million rows).
 */
export const rowId = (releaseId: number, seq: number) => releaseId * 2 ** 32 + seq

const SIGNATURE = Buffer.from('PGCOPY\n\xff\r\n\0', 'latin1')

/** The start of a binary COPY stream: signature, no flags, no header extension. */
export function copyHeader(): Buffer {
  const b = Buffer.alloc(SIGNATURE.length + 8)
  SIGNATURE.copy(b, 0)
  return b
}

/** The end of a binary COPY stream. */
export function copyTrailer(): Buffer {
  return Buffer.from([0xff, 0xff])
}

/** A column's last text and its UTF-8 bytes. */
class EncodedColumn {
  private raw: string | null = ''
  bytes: Uint8Array | null = new Uint8Array(0)
  of(v: string | null): Uint8Array | null {
    if (v !== this.raw) {
      this.raw = v
      this.bytes = v === null ? null : Buffer.from(v, 'utf8')
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

  /** The rows of a batch, numbered from `seq` on, in a buffer of their own. */
  encode(releaseId: number, b: ObservationBatch, seq: number): Buffer {
    this.pos = 0
    for (let i = 0; i < b.length; i++) {
      this.ensure(2)
      this.buf.writeUInt16BE(FIELDS, this.pos)
      this.pos += 2
      this.ensure(12)
      this.buf.writeInt32BE(8, this.pos)
      // rowId as an int8: the release in the high word, the position in the low one
      this.buf.writeInt32BE(releaseId, this.pos + 4)
      this.buf.writeUInt32BE(seq + i, this.pos + 8)
      this.pos += 12
      this.int4(releaseId)
      this.text(this.region.of(b.region[i]!))
      this.text(this.indicator.of(b.indicator[i]!))
      this.int4(b.period[i]!)
      this.ensure(12)
      this.buf.writeInt32BE(8, this.pos)
      this.buf.writeDoubleBE(b.value[i]!, this.pos + 4)
      this.pos += 12
      this.text(this.unit.of(b.unit[i]!))
      this.text(this.source.of(b.source[i]!))
      this.text(this.note.of(b.note[i]!))
      this.text(this.vintage.of(b.vintage[i]!))
      this.int4(seq + i)
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

  private int4(v: number) {
    this.ensure(8)
    this.buf.writeInt32BE(4, this.pos)
    this.buf.writeInt32BE(v, this.pos + 4)
    this.pos += 8
  }

  /** a text field or null; short texts are copied by hand, TypedArray.set costs more below ~64 bytes */
  private text(src: Uint8Array | null) {
    if (src === null) {
      this.ensure(4)
      this.buf.writeInt32BE(-1, this.pos)
      this.pos += 4
      return
    }
    const n = src.length
    this.ensure(4 + n)
    const buf = this.buf
    buf.writeInt32BE(n, this.pos)
    const p = this.pos + 4
    if (n > 64) buf.set(src, p)
    else for (let k = 0; k < n; k++) buf[p + k] = src[k]!
    this.pos = p + n
  }
}
