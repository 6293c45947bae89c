/**
 * Bytes of a policy text file → text. UTF-8 by default (a byte-order mark is dropped; UTF-16 files
 * with a byte-order mark are read as such); GBK/GB18030 on request, by the WHATWG TextDecoder that
 * Node ships (GB18030 is a superset of GBK, so both names decode the same way). UTF-8 decoding is
 * strict: a file that is not valid UTF-8 (typically a GBK file) is refused with the line of the
 * first bad byte, instead of being read as replacement characters.
 */
import { PolicyParseError } from './errors.ts'

export type Encoding = 'utf-8' | 'gbk' | 'gb18030'

export function decodeText(bytes: Uint8Array, o: { fileName: string; encoding?: string }): string {
  const enc = (o.encoding ?? 'utf-8').toLowerCase().replace(/^utf8$/, 'utf-8')
  if (enc === 'gbk' || enc === 'gb18030' || enc === 'gb2312') return new TextDecoder('gb18030').decode(bytes)
  if (enc !== 'utf-8')
    throw new PolicyParseError(`${o.fileName}: unknown encoding "${o.encoding}"; expected utf-8 or gbk`)
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2))
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2))
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes)
  } catch {
    const loose = new TextDecoder('utf-8').decode(bytes)
    const line = loose.slice(0, loose.indexOf('\uFFFD')).split('\n').length
    throw new PolicyParseError(
      `${o.fileName}: the file is not UTF-8 (line ${line}); convert it or pass --encoding gbk`,
    )
  }
}
