/**
 * Just enough of the ZIP format to tell an Office Open XML file (XLSX, DOCX) from any other zip:
 * list the central directory and read one small entry. Reads are bounded (entry count, inflated
 * size) so that a crafted archive cannot make a check slow or large. ZIP64 and encrypted
 * archives are refused rather than half-read.
 */
import { inflateRawSync } from 'node:zlib'

export interface ZipEntry {
  name: string
  method: number
  encrypted: boolean
  compressedSize: number
  size: number
  localOffset: number
}

export type ZipError = 'not_zip' | 'zip64' | 'truncated' | 'too_many_entries'

const EOCD = 0x06054b50
const CENTRAL = 0x02014b50
const LOCAL = 0x04034b50
const MAX_ENTRIES = 10_000

const view = (b: Uint8Array) => new DataView(b.buffer, b.byteOffset, b.byteLength)

function findEocd(b: Uint8Array): number {
  const v = view(b)
  // The end record is 22 bytes plus a comment of at most 65,535 bytes.
  for (let i = b.length - 22; i >= 0 && i >= b.length - 22 - 0xffff; i--)
    if (v.getUint32(i, true) === EOCD) return i
  return -1
}

/** The archive's entries from its central directory, or why they cannot be listed. */
export function listZip(b: Uint8Array): { ok: true; entries: ZipEntry[] } | { ok: false; error: ZipError } {
  const eocd = findEocd(b)
  if (eocd < 0) return { ok: false, error: 'not_zip' }
  const v = view(b)
  const count = v.getUint16(eocd + 10, true)
  const offset = v.getUint32(eocd + 16, true)
  if (count === 0xffff || offset === 0xffffffff) return { ok: false, error: 'zip64' }
  if (count > MAX_ENTRIES) return { ok: false, error: 'too_many_entries' }
  const entries: ZipEntry[] = []
  let p = offset
  for (let i = 0; i < count; i++) {
    if (p + 46 > b.length || v.getUint32(p, true) !== CENTRAL) return { ok: false, error: 'truncated' }
    const nameLength = v.getUint16(p + 28, true)
    const skip = nameLength + v.getUint16(p + 30, true) + v.getUint16(p + 32, true)
    if (p + 46 + skip > b.length) return { ok: false, error: 'truncated' }
    entries.push({
      name: new TextDecoder().decode(b.subarray(p + 46, p + 46 + nameLength)),
      method: v.getUint16(p + 10, true),
      encrypted: (v.getUint16(p + 8, true) & 1) === 1,
      compressedSize: v.getUint32(p + 20, true),
      size: v.getUint32(p + 24, true),
      localOffset: v.getUint32(p + 42, true),
    })
    p += 46 + skip
  }
  return { ok: true, entries }
}

/** An entry's bytes (stored or deflated), or null when unreadable or larger than `maxBytes`. */
export function readZipEntry(b: Uint8Array, entry: ZipEntry, maxBytes: number): Uint8Array | null {
  if (entry.encrypted || entry.size > maxBytes) return null
  const v = view(b)
  const p = entry.localOffset
  if (p + 30 > b.length || v.getUint32(p, true) !== LOCAL) return null
  const start = p + 30 + v.getUint16(p + 26, true) + v.getUint16(p + 28, true)
  const data = b.subarray(start, start + entry.compressedSize)
  if (data.length !== entry.compressedSize) return null
  if (entry.method === 0) return data
  if (entry.method !== 8) return null
  try {
    // maxOutputLength bounds the work even when the directory lies about the size.
    return new Uint8Array(inflateRawSync(data, { maxOutputLength: maxBytes }))
  } catch {
    return null
  }
}
