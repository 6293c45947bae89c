/**
 * Numbering tokens at the start of a line, as Chinese and English policy documents print them
 * (after toHalfWidth, so （一） arrives as (一)):
 *   Chinese: 第一篇/第一编/第一部分 · 第一章 · 第一节 · 第一条 · 第一，(ordinal) · 一、 · (一) · 1. 1、 ·
 *            1.1 (decimal) · (1) · ① · (a) · 一是
 *   English: Part One / Chapter 1 / Section 2 / Article 3 · I. II. · First, Second, · 1. · 1.1 ·
 *            (1) · (a)
 * A token has a shape (how it is written) and a value. Which level a shape marks is not fixed
 * here: tree.ts takes the order in which shapes first appear. Shapes that stand for the same level
 * in practice (第一， and 一、; (一), (2) and (a) in machine-translated text) are one family, so
 * that a sequence that continues across them stays one level.
 */
export type Shape =
  | 'pian'
  | 'chapter'
  | 'section'
  | 'article'
  | 'ordinal'
  | 'dun'
  | 'paren-cn'
  | 'arabic'
  | 'decimal2'
  | 'decimal3'
  | 'paren-ar'
  | 'circled'
  | 'alpha'
  | 'shi'
  | 'roman'
  | 'en-ordinal'

export interface Token {
  shape: Shape
  value: number
  /** the numbering as printed */
  text: string
  /** the rest of the line */
  rest: string
}

const CN: Record<string, number> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
}

/** 一 … 九十九 (and 百), as printed in headings: 十=10, 十四=14, 二十三=23, 一百=100. */
export function cnNumber(s: string): number | null {
  if (!/^[零〇一二两三四五六七八九十百]+$/.test(s)) return null
  let total = 0
  let cur = 0
  for (const ch of s) {
    if (ch === '百') {
      total += (cur || 1) * 100
      cur = 0
    } else if (ch === '十') {
      total += (cur || 1) * 10
      cur = 0
    } else cur = CN[ch]!
  }
  return total + cur
}

const ROMAN: Record<string, number> = { I: 1, V: 5, X: 10, L: 50 }
/** Roman numerals I … L (subtractive form). */
export function romanNumber(s: string): number | null {
  if (!/^[IVXL]+$/.test(s)) return null
  let n = 0
  for (let i = 0; i < s.length; i++) {
    const v = ROMAN[s[i]!]!
    const next = ROMAN[s[i + 1] ?? ''] ?? 0
    n += v < next ? -v : v
  }
  return n
}

const EN_ORD = [
  'first',
  'second',
  'third',
  'fourth',
  'fifth',
  'sixth',
  'seventh',
  'eighth',
  'ninth',
  'tenth',
  'eleventh',
  'twelfth',
]
const EN_CARD = [
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'eleven',
  'twelve',
]
const enValue = (s: string): number | null =>
  Number(s) || romanNumber(s) || EN_CARD.indexOf(s.toLowerCase()) + 1 || null

const CNS = '[零〇一二两三四五六七八九十百]+'
const PATTERNS: { shape: Shape; re: RegExp; value: (m: RegExpExecArray) => number | null }[] = [
  { shape: 'pian', re: new RegExp(`^第(${CNS}|\\d+)(?:篇|编|部分)[,，、:：\\s]*`), value: cnOrArabic },
  { shape: 'chapter', re: new RegExp(`^第(${CNS}|\\d+)章[,，、:：\\s]*`), value: cnOrArabic },
  { shape: 'section', re: new RegExp(`^第(${CNS}|\\d+)节[,，、:：\\s]*`), value: cnOrArabic },
  { shape: 'article', re: new RegExp(`^第(${CNS}|\\d+)条[,，、:：\\s]*`), value: cnOrArabic },
  { shape: 'ordinal', re: /^第([一二三四五六七八九十]+)[,，、:：\s]\s*/, value: (m) => cnNumber(m[1]!) },
  { shape: 'dun', re: /^([一二三四五六七八九十]+)[、，,.．]\s*/, value: (m) => cnNumber(m[1]!) },
  { shape: 'paren-cn', re: /^[(（]([一二三四五六七八九十]+)[)）]\s*/, value: (m) => cnNumber(m[1]!) },
  { shape: 'shi', re: /^([一二三四五六七八九十]+)是[,，:：]?\s*/, value: (m) => cnNumber(m[1]!) },
  { shape: 'paren-ar', re: /^[(（](\d{1,2})[)）]\s*/, value: (m) => Number(m[1]) },
  { shape: 'circled', re: /^([①-⑳])\s*/, value: (m) => m[1]!.charCodeAt(0) - 0x2460 + 1 },
  { shape: 'alpha', re: /^[(（]([a-h])[)）]\s*/, value: (m) => m[1]!.charCodeAt(0) - 96 },
  { shape: 'roman', re: /^([IVX]{1,5})[.．]\s+/, value: (m) => romanNumber(m[1]!) },
  {
    shape: 'pian',
    re: /^Part\s+(\d+|[IVXL]+|[A-Z][a-z]+)\b[.:]?\s*/,
    value: (m) => enValue(m[1]!),
  },
  {
    shape: 'chapter',
    re: /^Chapter\s+(\d+|[IVXL]+|[A-Z][a-z]+)\b[.:]?\s*/,
    value: (m) => enValue(m[1]!),
  },
  { shape: 'section', re: /^Section\s+(\d+|[IVXL]+)\b[.:]?\s*/, value: (m) => enValue(m[1]!) },
  { shape: 'article', re: /^Article\s+(\d+|[IVXL]+)\b[.:]?\s*/, value: (m) => enValue(m[1]!) },
  {
    shape: 'en-ordinal',
    re: /^(First|Second|Third|Fourth|Fifth|Sixth|Seventh|Eighth|Ninth|Tenth|Eleventh|Twelfth)(?:ly)?\s*[,，:]\s*/i,
    value: (m) => EN_ORD.indexOf(m[1]!.toLowerCase()) + 1,
  },
  // "1.2.3 Title" and "1.2 Title": a space (or a CJK character) must follow, so "1.5倍" is no heading
  {
    shape: 'decimal3',
    re: /^(\d{1,2})\.(\d{1,2})\.(\d{1,2})\.?(?=\s|[\u4e00-\u9fff])\s*/,
    value: (m) => Number(m[3]),
  },
  {
    shape: 'decimal2',
    re: /^(\d{1,2})\.(\d{1,2})\.?(?=\s+[A-Z\u4e00-\u9fff])\s*/,
    value: (m) => Number(m[2]),
  },
  // "1." / "1、" but not a decimal ("1.5") or a year ("2025.")
  { shape: 'arabic', re: /^(\d{1,2})(?:[.．](?!\d)|、)\s*/, value: (m) => Number(m[1]) },
]

function cnOrArabic(m: RegExpExecArray): number | null {
  return cnNumber(m[1]!) ?? (Number(m[1]) || null)
}

export function readToken(line: string): Token | null {
  for (const p of PATTERNS) {
    const m = p.re.exec(line)
    if (!m) continue
    const value = p.value(m)
    if (value === null || !(value > 0)) continue
    const rest = line.slice(m[0].length).trim()
    if (rest === '') continue
    return { shape: p.shape, value, text: m[0].trim(), rest }
  }
  return null
}

/** Shapes that are the same level when their sequences continue one another (MT mixes numerals). */
export function sameFamily(a: Shape, b: Shape): boolean {
  const fam = (s: Shape) =>
    s === 'ordinal' || s === 'dun'
      ? 'top'
      : s === 'paren-cn' || s === 'paren-ar' || s === 'alpha'
        ? 'paren'
        : s
  return fam(a) === fam(b)
}
