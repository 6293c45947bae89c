/**
 * Unit names as a zh-CN report prints them. The catalogue stores units in English spelling
 * (statistics/units.ts reduces spellings to one canonical form); until the shared catalogue
 * carries zh unit names (another branch), this small map is the reports' own.
 */
import { canonicalUnit } from '../statistics/units.ts'
import type { Lang } from './model.ts'

const ZH: Record<string, string> = {
  '%': '%',
  '% y/y': '%（同比）',
  'percentage points': '个百分点',
  '100 million yuan': '亿元',
  yuan: '元',
  '10k persons': '万人',
  '10k tce': '万吨标准煤',
  't co2': '吨二氧化碳',
  'million usd': '百万美元',
}

/** The unit in the report's language; an English unit with no zh name is kept as a code would be. */
export function unitName(unit: string, lang: Lang): string {
  if (lang === 'en') return unit
  return ZH[canonicalUnit(unit)] ?? unit
}

/** A value with its unit: "2.5%" / "1,234 亿元" / "5,000 yuan". */
export function withUnit(value: string, unit: string, lang: Lang): string {
  const u = unitName(unit, lang)
  if (u.startsWith('%')) return `${value}${u}`
  return lang === 'zh' ? `${value}${u}` : `${value} ${u}`
}
