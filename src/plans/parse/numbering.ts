/**
 * Numbering tokens at the start of a line, as Chinese and English policy documents print them:
 *   第一章 / 第一部分 / 第一条 · 第一， (ordinal) · 一、 · （一）(一) · 1. 1、 · （1）(1) · ① · (a)
 *   English: Part One / Chapter 1 · I. II. · First, Second, · 1. · (1) · (a)
 * Each token has a shape (how it is written: the level it usually marks) and a value. Shapes that
 * mark the same level in practice (第一， and 一、; （一） and （2） in machine-translated text) are
 * told apart from real sub-levels by the sequence, in tree.ts.
 */
export type Shape =
  | 'chapter'
  | 'ordinal'
  | 'dun'
  | 'paren-cn'
  | 'arabic'
  | 'paren-ar'
  | 'circled'
  | 'alpha'
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

/** 一 … 九十九 (and 百), as printed in headings. */
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
function romanNumber(s: string): number | null {
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

const PATTERNS: { shape: Shape; re: RegExp; value: (m: RegExpExecArray) => number | null }[] = [
  {
    shape: 'chapter',
    re: /^第([零〇一二两三四五六七八九十百]+|\d+)(章|部分|篇|编)\s*/,
    value: (m) => cnNumber(m[1]!) ?? Number(m[1]),
  },
  { shape: 'ordinal', re: /^第([一二三四五六七八九十]+)[,，、:：\s]\s*/, value: (m) => cnNumber(m[1]!) },
  { shape: 'dun', re: /^([一二三四五六七八九十]+)[、，,.．]\s*/, value: (m) => cnNumber(m[1]!) },
  { shape: 'paren-cn', re: /^[(（]([一二三四五六七八九十]+)[)）]\s*/, value: (m) => cnNumber(m[1]!) },
  { shape: 'paren-ar', re: /^[(（](\d{1,2})[)）]\s*/, value: (m) => Number(m[1]) },
  { shape: 'circled', re: /^([①-⑳])\s*/, value: (m) => m[1]!.charCodeAt(0) - 0x2460 + 1 },
  { shape: 'alpha', re: /^[(（]([a-h])[)）]\s*/, value: (m) => m[1]!.charCodeAt(0) - 96 },
  { shape: 'roman', re: /^([IVX]{1,5})[.．]\s+/, value: (m) => romanNumber(m[1]!) },
  {
    shape: 'chapter',
    re: /^(?:Part|Chapter|Section)\s+(\d+|[A-Z][a-z]+)\b[.:]?\s*/,
    value: (m) => Number(m[1]) || EN_CARD.indexOf(m[1]!.toLowerCase()) + 1 || null,
  },
  {
    shape: 'en-ordinal',
    re: /^(First|Second|Third|Fourth|Fifth|Sixth|Seventh|Eighth|Ninth|Tenth|Eleventh|Twelfth)(?:ly)?\s*[,，:]\s*/i,
    value: (m) => EN_ORD.indexOf(m[1]!.toLowerCase()) + 1,
  },
  // "1." / "1、" but not a decimal ("1.5") or a year ("2025.")
  { shape: 'arabic', re: /^(\d{1,2})(?:[.．](?!\d)|、)\s*/, value: (m) => Number(m[1]) },
]

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
