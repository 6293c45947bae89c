/**
 * Checks on an evidence file before it is stored: the type is read from the bytes (magic numbers,
 * the Office content-types part), never trusted from the name, and must agree with the name's
 * extension; HTML, SVG, scripts and executables are refused under any name, since evidence is
 * later served to reviewers' browsers. Pure: bytes in, a verdict with the SHA-256 out.
 */
import { createHash } from 'node:crypto'
import { listZip, readZipEntry } from './zip.ts'

export const EVIDENCE_TYPES = ['pdf', 'png', 'jpeg', 'xlsx', 'docx', 'csv', 'text'] as const
export type EvidenceType = (typeof EVIDENCE_TYPES)[number]

export const EVIDENCE_MIME: { readonly [T in EvidenceType]: string } = {
  pdf: 'application/pdf',
  png: 'image/png',
  jpeg: 'image/jpeg',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  csv: 'text/csv; charset=utf-8',
  text: 'text/plain; charset=utf-8',
}

const EXTENSIONS: Readonly<Record<string, EvidenceType>> = {
  pdf: 'pdf',
  png: 'png',
  jpg: 'jpeg',
  jpeg: 'jpeg',
  xlsx: 'xlsx',
  docx: 'docx',
  csv: 'csv',
  txt: 'text',
}

export const DEFAULT_MAX_BYTES = 20 * 1024 * 1024

export const EVIDENCE_ERRORS = [
  'empty',
  'too_large',
  'extension_not_allowed',
  'forbidden_content',
  'active_content',
  'type_not_allowed',
  'type_mismatch',
  'not_utf8',
  'bad_office_file',
] as const
export type EvidenceErrorCode = (typeof EVIDENCE_ERRORS)[number]

export type EvidenceCheck =
  | { ok: true; type: EvidenceType; mime: string; sha256: string; size: number }
  | { ok: false; code: EvidenceErrorCode; message: string }

type Sniffed =
  | { kind: 'allowed'; type: EvidenceType | 'text' }
  | { kind: 'refused'; code: EvidenceErrorCode; message: string }

const fail = (code: EvidenceErrorCode, message: string): EvidenceCheck => ({ ok: false, code, message })

/** Check an uploaded evidence file. `filename` gives only the extension that must agree. */
export function checkEvidence(
  bytes: Uint8Array,
  filename: string,
  options: { maxBytes?: number } = {},
): EvidenceCheck {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES
  if (bytes.length === 0) return fail('empty', 'the file is empty')
  if (bytes.length > maxBytes)
    return fail('too_large', `${bytes.length} bytes exceeds the limit of ${maxBytes}`)
  const ext = /\.([A-Za-z0-9]+)$/.exec(filename)?.[1]?.toLowerCase() ?? ''
  const claimed = Object.hasOwn(EXTENSIONS, ext) ? EXTENSIONS[ext] : undefined
  if (!claimed) return fail('extension_not_allowed', `".${ext}" files are not accepted as evidence`)
  const sniffed = sniff(bytes)
  if (sniffed.kind === 'refused') return fail(sniffed.code, sniffed.message)
  // CSV and plain text are the same bytes; the extension chooses which it is.
  const type = sniffed.type === 'text' && claimed === 'csv' ? 'csv' : sniffed.type
  if (type !== claimed) return fail('type_mismatch', `named .${ext} but the content is ${type}`)
  const sha256 = createHash('sha256').update(bytes).digest('hex')
  return { ok: true, type, mime: EVIDENCE_MIME[type], sha256, size: bytes.length }
}

const startsWith = (b: Uint8Array, sig: readonly number[], at = 0) => sig.every((x, i) => b[at + i] === x)
const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0))

const EXECUTABLES: readonly (readonly number[])[] = [
  ascii('MZ'), // Windows PE
  [0x7f, ...ascii('ELF')],
  [0xfe, 0xed, 0xfa, 0xce],
  [0xfe, 0xed, 0xfa, 0xcf],
  [0xce, 0xfa, 0xed, 0xfe],
  [0xcf, 0xfa, 0xed, 0xfe],
  [0xca, 0xfe, 0xba, 0xbe], // Mach-O universal (also Java class)
  ascii('#!'),
]

function sniff(b: Uint8Array): Sniffed {
  if (EXECUTABLES.some((sig) => startsWith(b, sig)))
    return { kind: 'refused', code: 'forbidden_content', message: 'the content is an executable or script' }
  if (startsWith(b, ascii('%PDF-'))) return checkPdf(b)
  if (startsWith(b, [0x89, ...ascii('PNG'), 0x0d, 0x0a, 0x1a, 0x0a])) return { kind: 'allowed', type: 'png' }
  if (startsWith(b, [0xff, 0xd8, 0xff])) return { kind: 'allowed', type: 'jpeg' }
  if (startsWith(b, [...ascii('PK'), 3, 4]) || startsWith(b, [...ascii('PK'), 5, 6])) return checkOffice(b)
  return checkText(b)
}

/** Markers of PDF features that run code or carry other files. A best-effort scan, not a sanitiser. */
const PDF_ACTIVE = /\/(JavaScript|JS|Launch|EmbeddedFile|RichMedia)(?![A-Za-z])/

function checkPdf(b: Uint8Array): Sniffed {
  const text = Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('latin1')
  const hit = PDF_ACTIVE.exec(text)
  if (hit) return { kind: 'refused', code: 'active_content', message: `the PDF contains ${hit[0]}` }
  return { kind: 'allowed', type: 'pdf' }
}

const OFFICE_MAIN: Readonly<Record<string, EvidenceType>> = {
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml': 'xlsx',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml': 'docx',
}

function checkOffice(b: Uint8Array): Sniffed {
  const bad = (message: string): Sniffed => ({ kind: 'refused', code: 'bad_office_file', message })
  const listed = listZip(b)
  if (!listed.ok) return bad(`unreadable zip (${listed.error})`)
  if (listed.entries.some((e) => /(^|\/)vbaProject\.bin$/i.test(e.name) || /macroEnabled/i.test(e.name)))
    return { kind: 'refused', code: 'active_content', message: 'the document contains macros' }
  const ct = listed.entries.find((e) => e.name === '[Content_Types].xml')
  if (!ct)
    return { kind: 'refused', code: 'type_not_allowed', message: 'a zip archive that is not an Office file' }
  const xml = readZipEntry(b, ct, 1024 * 1024)
  if (!xml) return bad('the content-types part cannot be read')
  const types = [...new TextDecoder().decode(xml).matchAll(/ContentType="([^"]+)"/g)].map((m) => m[1] ?? '')
  if (types.some((t) => /macroEnabled/i.test(t)))
    return { kind: 'refused', code: 'active_content', message: 'the document is macro-enabled' }
  const found = new Set(types.flatMap((t) => (Object.hasOwn(OFFICE_MAIN, t) ? [OFFICE_MAIN[t]!] : [])))
  const [type] = found
  if (found.size !== 1 || !type) return bad('neither a workbook nor a Word document')
  const main = type === 'xlsx' ? 'xl/workbook.xml' : 'word/document.xml'
  if (!listed.entries.some((e) => e.name === main)) return bad(`the ${main} part is missing`)
  return { kind: 'allowed', type }
}

/** Markup a browser would render or run, anywhere in the text; refused whatever the file is called. */
const MARKUP =
  /<\s*(!doctype|\?xml|html|head|body|script|svg|iframe|object|embed|meta|link|img|style|form)[\s>/]/i

function checkText(b: Uint8Array): Sniffed {
  if (b.includes(0))
    return { kind: 'refused', code: 'type_not_allowed', message: 'binary content of no accepted type' }
  let text: string
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(b)
  } catch {
    return { kind: 'refused', code: 'not_utf8', message: 'text evidence must be UTF-8' }
  }
  if (MARKUP.test(text))
    return { kind: 'refused', code: 'forbidden_content', message: 'the content is HTML, SVG or XML markup' }
  return { kind: 'allowed', type: 'text' }
}
