/**
 * Unit names as a report prints them: the catalogue's closed list of units (statistics/units.ts)
 * gives each unit's zh and en name, so a zh-CN report says 亿元 where the store says yuan_100m.
 */
import { unitNames } from '../statistics/units.ts'
import type { Lang } from './model.ts'

/** The unit in the report's language; a unit outside the list is kept as written. */
export function unitName(unit: string, lang: Lang): string {
  const names = unitNames(unit)
  return lang === 'en' ? names.unitEn : names.unitZh
}

/** A value with its unit: "2.5%" / "1,234 亿元" / "5,000 yuan". */
export function withUnit(value: string, unit: string, lang: Lang): string {
  const u = unitName(unit, lang)
  if (u.startsWith('%')) return `${value}${u}`
  return lang === 'zh' ? `${value}${u}` : `${value} ${u}`
}
