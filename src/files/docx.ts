/**
 * The text of a .docx (a zip whose word/document.xml holds the paragraphs): one line per
 * paragraph (<w:p>), its runs' text (<w:t>) joined, tabs and line breaks kept, XML entities
 * decoded; deleted text of tracked changes and field codes are not text. Headers and footers live
 * in other parts, so running headers never reach the parser.
 *
 * Word's automatic numbering is not in the text: a paragraph with <w:numPr> (directly or through
 * its paragraph style in word/styles.xml) gets its label rebuilt from word/numbering.xml — the
 * level's lvlText ("%1、", "（%2）", "%1.%2") with each %k replaced by the counter of level k-1 in
 * that level's numFmt (decimal, chineseCounting 一二三, upper/lower Roman and letter, circled
 * ①②③). Counters run per list (numId) from the level's start value; a level restarts when a
 * higher level advances. Uses jszip (a dependency of the project and of ExcelJS). A file that is
 * not a Word document is an error naming it.
 */
import JSZip from 'jszip'

interface Level {
  start: number
  fmt: string
  text: string
}
interface Numbering {
  /** numId → abstractNumId */
  nums: Map<string, string>
  /** abstractNumId → levels by ilvl */
  abstract: Map<string, Map<number, Level>>
}

export async function docxText(bytes: Uint8Array, file: string): Promise<string> {
  let zip: JSZip
  try {
    zip = await JSZip.loadAsync(bytes)
  } catch {
    throw new Error(`${file}: not a .docx file (not a zip archive)`)
  }
  const doc = zip.file('word/document.xml')
  if (!doc) throw new Error(`${file}: not a Word document (no word/document.xml)`)
  const xml = await doc.async('string')
  const numbering = readNumbering((await zip.file('word/numbering.xml')?.async('string')) ?? '')
  const styles = readStyleNumbering((await zip.file('word/styles.xml')?.async('string')) ?? '')
  const counters = new Map<string, number[]>()
  const out: string[] = []
  for (const m of xml.matchAll(/<w:p(?:\s[^>]*)?(?:\/>|>([\s\S]*?)<\/w:p>)/g)) {
    const p = m[1] ?? ''
    const text = paragraphText(p)
    if (text.trim() === '') continue
    const label = listLabel(p, numbering, styles, counters)
    out.push(label ? `${label}${text}` : text)
  }
  return out.join('\n')
}

function paragraphText(p: string): string {
  const parts: string[] = []
  for (const m of p.matchAll(/<w:(t|tab|br|cr|noBreakHyphen)(?:\s[^>]*)?(?:\/>|>([^<]*)<\/w:t>)/g)) {
    if (m[1] === 't') parts.push(decodeXml(m[2] ?? ''))
    else if (m[1] === 'tab') parts.push('\t')
    else if (m[1] === 'noBreakHyphen') parts.push('-')
    else parts.push('\n')
  }
  return parts.join('')
}

function decodeXml(s: string): string {
  return s
    .replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCodePoint(Number.parseInt(h, 16)))
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&')
}

const attr = (xml: string, tag: string): string | null =>
  new RegExp(`<w:${tag}\\s[^>]*w:val="([^"]*)"`).exec(xml)?.[1] ?? null

function readNumbering(xml: string): Numbering {
  const abstract = new Map<string, Map<number, Level>>()
  for (const a of xml.matchAll(
    /<w:abstractNum\s[^>]*w:abstractNumId="(\d+)"[^>]*>([\s\S]*?)<\/w:abstractNum>/g,
  )) {
    const levels = new Map<number, Level>()
    for (const l of a[2]!.matchAll(/<w:lvl\s[^>]*w:ilvl="(\d+)"[^>]*>([\s\S]*?)<\/w:lvl>/g))
      levels.set(Number(l[1]), {
        start: Number(attr(l[2]!, 'start') ?? 1),
        fmt: attr(l[2]!, 'numFmt') ?? 'decimal',
        text: decodeXml(attr(l[2]!, 'lvlText') ?? ''),
      })
    abstract.set(a[1]!, levels)
  }
  const nums = new Map<string, string>()
  for (const n of xml.matchAll(/<w:num\s[^>]*w:numId="(\d+)"[^>]*>([\s\S]*?)<\/w:num>/g)) {
    const id = attr(n[2]!, 'abstractNumId')
    if (id !== null) nums.set(n[1]!, id)
  }
  return { nums, abstract }
}

/** styleId → the numbering its paragraphs get (heading styles often carry it). */
function readStyleNumbering(xml: string): Map<string, { numId: string; ilvl: number }> {
  const out = new Map<string, { numId: string; ilvl: number }>()
  for (const s of xml.matchAll(/<w:style\s[^>]*w:styleId="([^"]+)"[^>]*>([\s\S]*?)<\/w:style>/g)) {
    const numPr = /<w:numPr>([\s\S]*?)<\/w:numPr>/.exec(s[2]!)?.[1]
    const numId = numPr ? attr(numPr, 'numId') : null
    if (numPr && numId) out.set(s[1]!, { numId, ilvl: Number(attr(numPr, 'ilvl') ?? 0) })
  }
  return out
}

function listLabel(
  p: string,
  numbering: Numbering,
  styles: Map<string, { numId: string; ilvl: number }>,
  counters: Map<string, number[]>,
): string {
  const pPr = /<w:pPr>([\s\S]*?)<\/w:pPr>/.exec(p)?.[1] ?? ''
  const numPr = /<w:numPr>([\s\S]*?)<\/w:numPr>/.exec(pPr)?.[1]
  const style = attr(pPr, 'pStyle')
  const fromStyle = style ? styles.get(style) : undefined
  const numId = (numPr ? attr(numPr, 'numId') : null) ?? fromStyle?.numId ?? null
  const ilvl = Number((numPr ? attr(numPr, 'ilvl') : null) ?? fromStyle?.ilvl ?? 0)
  if (numId === null || numId === '0') return ''
  const levels = numbering.abstract.get(numbering.nums.get(numId) ?? '')
  const level = levels?.get(ilvl)
  if (!levels || !level) return ''
  const c = counters.get(numId) ?? []
  for (let k = 0; k < ilvl; k++) c[k] ??= (levels.get(k)?.start ?? 1) - 1
  c[ilvl] = c[ilvl] === undefined ? level.start : c[ilvl] + 1
  c.length = ilvl + 1
  counters.set(numId, c)
  if (level.fmt === 'bullet' || level.fmt === 'none') return ''
  return level.text.replace(/%(\d)/g, (_, k: string) => {
    const i = Number(k) - 1
    return formatNumber(Math.max(1, c[i] ?? 1), levels.get(i)?.fmt ?? 'decimal')
  })
}

const CN_DIGITS = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九']
/** 1 → 一, 10 → 十, 14 → 十四, 23 → 二十三 (up to 99). */
function chineseCount(n: number): string {
  if (n < 10) return CN_DIGITS[n]!
  const tens = Math.floor(n / 10)
  return `${tens === 1 ? '' : CN_DIGITS[tens]}十${CN_DIGITS[n % 10]}`
}

function roman(n: number): string {
  const table: [number, string][] = [
    [50, 'L'],
    [40, 'XL'],
    [10, 'X'],
    [9, 'IX'],
    [5, 'V'],
    [4, 'IV'],
    [1, 'I'],
  ]
  let out = ''
  let rest = n
  for (const [v, s] of table)
    while (rest >= v) {
      out += s
      rest -= v
    }
  return out
}

function formatNumber(n: number, fmt: string): string {
  if (/^chinese|^ideograph|^japaneseCounting|^taiwaneseCounting/.test(fmt) && n < 100) return chineseCount(n)
  if (fmt === 'upperRoman') return roman(n)
  if (fmt === 'lowerRoman') return roman(n).toLowerCase()
  if (fmt === 'upperLetter') return String.fromCharCode(64 + (((n - 1) % 26) + 1))
  if (fmt === 'lowerLetter') return String.fromCharCode(96 + (((n - 1) % 26) + 1))
  if (fmt === 'decimalEnclosedCircle' && n <= 20) return String.fromCharCode(0x2460 + n - 1)
  if (fmt === 'decimalFullWidth')
    return String(n).replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)))
  return String(n)
}
