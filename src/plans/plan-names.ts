/**
 * A plan's facts in both languages: the issuing body and the outline numbers of its nodes. The
 * built-in trees carry `issuer_zh` and `issuer_en`; trees stored before that have one `issuer`
 * written "中文 (English)", which is read here so that stored, frozen versions need no rewrite.
 */
import { cnNumber } from './parse/numbering.ts'

/** Official English names of issuing bodies, for trees that name the body only in Chinese. */
const ISSUERS_EN: Record<string, string> = {
  '中共中央、国务院': 'CPC Central Committee and State Council',
  中共中央: 'CPC Central Committee',
  国务院: 'State Council',
  国务院办公厅: 'General Office of the State Council',
  中共湖北省委: 'CPC Hubei Provincial Committee',
}

const text = (v: unknown) => (typeof v === 'string' ? v.trim() : '')

/** The issuer in zh and en; '' where the tree does not say (a symposium has none). */
export function planIssuer(tree: Readonly<Record<string, unknown>>): { issuerZh: string; issuerEn: string } {
  const legacy = /^(.*?)\s*[(（]([^()（）]*)[)）]\s*$/.exec(text(tree.issuer))
  const zh = text(tree.issuer_zh) || (legacy ? legacy[1]!.trim() : text(tree.issuer))
  const en = text(tree.issuer_en) || ISSUERS_EN[zh] || (legacy ? legacy[2]!.trim() : '')
  return { issuerZh: zh, issuerEn: en }
}

/** An outline number as English text shows it: 一 → 1, (一) → (1), （十二） → (12); others as printed. */
export function numberInEnglish(number: string): string {
  const m = /^([(（]?)([零〇一二两三四五六七八九十百]+)([)）]?)([、.．]?)$/.exec(number.trim())
  const n = m ? cnNumber(m[2]!) : null
  if (!m || n === null) return number
  const paren = m[1] !== '' && m[3] !== ''
  return paren ? `(${n})` : `${n}`
}

/**
 * The tree with `number_en` beside each node's printed `number` (a copy; the stored tree is
 * frozen). Typed as it came: the added field is optional in the tree's schema.
 */
export function withEnglishNumbers<T extends object>(node: T): T {
  const n = node as { number?: unknown; children?: unknown }
  return {
    ...node,
    ...(typeof n.number === 'string' ? { number_en: numberInEnglish(n.number) } : {}),
    ...(Array.isArray(n.children) ? { children: n.children.map((c: object) => withEnglishNumbers(c)) } : {}),
  }
}
