/**
 * The text encoding of an imported CSV. UTF-8 is checked as the bytes arrive (never replaced
 * silently: a bad byte is refused with its offset); a file in GBK/GB18030 or Big5 is read with
 * `--encoding`, and one that is not UTF-8 but reads as GB18030 is refused with that hint, since
 * yearbook CSVs saved by Excel on a Chinese Windows are GBK.
 */
import { isUtf8 } from 'node:buffer'

export const ENCODINGS = ['utf-8', 'gbk', 'gb18030', 'big5'] as const
export type Encoding = (typeof ENCODINGS)[number]

export function parseEncoding(value: string | undefined): Encoding | undefined {
  if (value === undefined) return undefined
  const v = value
    .toLowerCase()
    .replace(/^utf8$/, 'utf-8')
    .replace(/^gb2312$/, 'gbk')
  return (ENCODINGS as readonly string[]).includes(v) ? (v as Encoding) : undefined
}

/** Bytes at the end of `buf` that may begin a UTF-8 sequence the next chunk completes. */
function incompleteTail(buf: Buffer): number {
  for (let back = 1; back <= Math.min(3, buf.length); back++) {
    const b = buf[buf.length - back]!
    if ((b & 0xc0) === 0x80) continue // a continuation byte: look further back
    const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1
    return need > back ? back : 0
  }
  return 0
}

/**
 * Checks UTF-8 chunk by chunk (node's isUtf8, simdutf): returns the file offset of the first chunk
 * that is not UTF-8, or -1. A sequence cut between chunks is checked with the next one.
 */
export class Utf8Check {
  private tail: Buffer = Buffer.alloc(0)
  private offset = 0
  push(chunk: Buffer): number {
    const buf = this.tail.length ? Buffer.concat([this.tail, chunk]) : chunk
    const keep = incompleteTail(buf)
    const body = buf.subarray(0, buf.length - keep)
    const at = this.offset
    this.offset += body.length
    this.tail = Buffer.from(buf.subarray(buf.length - keep))
    return isUtf8(body) ? -1 : at + firstBadByte(body)
  }
  end(): number {
    return this.tail.length ? this.offset : -1
  }
}

/** The offset of the first byte that breaks UTF-8 in `buf` (which is known to hold one). */
function firstBadByte(buf: Buffer): number {
  for (let i = 0; i < buf.length; ) {
    const b = buf[i]!
    const n =
      b < 0x80 ? 1 : b >= 0xc2 && b < 0xe0 ? 2 : b >= 0xe0 && b < 0xf0 ? 3 : b >= 0xf0 && b < 0xf5 ? 4 : 0
    if (n === 0) return i
    if (n > 1 && !isUtf8(buf.subarray(i, i + n))) return i
    i += n
  }
  return 0
}

/** Whether bytes read cleanly as GB18030 and hold Chinese characters: a GBK file, most likely. */
export function looksLikeGbk(sample: Buffer): boolean {
  // the sample may end inside a two- or four-byte character: try it whole, then without its last bytes
  for (let cut = 0; cut <= 3 && cut < sample.length; cut++) {
    try {
      const text = new TextDecoder('gb18030', { fatal: true }).decode(sample.subarray(0, sample.length - cut))
      return /[\u4e00-\u9fff]/.test(text)
    } catch {}
  }
  return false
}

/** A streaming decoder from another encoding to UTF-8 bytes; throws TypeError on a byte the encoding lacks. */
export function toUtf8(encoding: Exclude<Encoding, 'utf-8'>) {
  const decoder = new TextDecoder(encoding === 'gbk' ? 'gb18030' : encoding, { fatal: true })
  return {
    push: (chunk: Buffer) => Buffer.from(decoder.decode(chunk, { stream: true }), 'utf8'),
    end: () => Buffer.from(decoder.decode(), 'utf8'),
  }
}
