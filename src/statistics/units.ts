/**
 * The closed list of units: every indicator of the catalogue names one of these by its code, and
 * people see its zh or en name. Sources write the same unit several ways ("pp", "percentage
 * points", "% of GDP" for a share in percent, 亿元 for "100 million yuan"); an import is checked
 * against the indicator's unit after both sides are reduced to a unit code, so a true mismatch
 * ("yuan" vs "100 million yuan") is still refused.
 *
 * `factor` and `base`: one of this unit is `factor` of `base` (1 亿元 = 10^8 元), where the
 * conversion is exact; units at constant prices have their own base, since converting them to
 * current prices needs a deflator, not a factor.
 */
import { z } from 'zod'

interface UnitDef {
  zh: string
  en: string
  /** other spellings sources use (matched without case or extra spaces) */
  aliases?: readonly string[]
  factor?: number
  base?: string
}

export const UNITS = {
  yuan: { zh: '元', en: 'yuan', factor: 1, base: 'yuan' },
  yuan_10k: { zh: '万元', en: '10k yuan', aliases: ['10,000 yuan'], factor: 1e4, base: 'yuan' },
  yuan_100m: { zh: '亿元', en: '100 million yuan', aliases: ['10^8 yuan'], factor: 1e8, base: 'yuan' },
  yuan_100m_2015: {
    zh: '亿元（2015年价格）',
    en: '100 million yuan (2015 prices)',
    factor: 1e8,
    base: 'yuan_2015',
  },
  usd_million: { zh: '百万美元', en: 'million USD', factor: 1e6, base: 'usd' },
  persons: { zh: '人', en: 'persons', aliases: ['person'], factor: 1, base: 'persons' },
  persons_10k: { zh: '万人', en: '10k persons', aliases: ['10,000 persons'], factor: 1e4, base: 'persons' },
  tce_10k: { zh: '万吨标准煤', en: '10k tce', factor: 1e4, base: 'tce' },
  t_co2: { zh: '吨二氧化碳', en: 't CO2', factor: 1, base: 't_co2' },
  tce_per_yuan_10k_2015: { zh: '吨标准煤/万元（2015年价格）', en: 'tce per 10k yuan (2015 prices)' },
  t_co2_per_yuan_10k_2015: {
    zh: '吨二氧化碳/万元（2015年价格）',
    en: 't CO2 per 10k yuan (2015 prices)',
  },
  usd_million_per_yuan_100m: { zh: '百万美元/亿元', en: 'million USD per 100 million yuan' },
  percent: { zh: '%', en: '%', aliases: ['percent', '% of gdp', '％'] },
  percent_yoy: { zh: '%（比上年）', en: '% y/y', aliases: ['%, y/y'] },
  percentage_points: {
    zh: '个百分点',
    en: 'percentage points',
    aliases: ['pp', 'percentage point', '百分点'],
  },
  index: { zh: '指数', en: 'index' },
} as const satisfies Record<string, UnitDef>

export type UnitCode = keyof typeof UNITS
export const UnitCode = z.enum(Object.keys(UNITS) as [UnitCode, ...UnitCode[]])

const normalise = (spelling: string) => spelling.trim().toLowerCase().replace(/\s+/g, ' ')

const BY_SPELLING = new Map<string, UnitCode>(
  Object.entries(UNITS).flatMap(([code, u]: [string, UnitDef]) =>
    [code, u.zh, u.en, ...(u.aliases ?? [])].map((s) => [normalise(s), code as UnitCode] as const),
  ),
)

/** The unit a spelling (code, zh or en name, or an alias) means; undefined outside the list. */
export function unitOf(spelling: string): UnitCode | undefined {
  return BY_SPELLING.get(normalise(spelling))
}

/** The unit code, or the normalised spelling of a unit outside the list. */
export function canonicalUnit(unit: string): string {
  return unitOf(unit) ?? normalise(unit)
}

export function sameUnit(a: string, b: string): boolean {
  return canonicalUnit(a) === canonicalUnit(b)
}

/**
 * How a figure in unit `from` becomes one in unit `to`: multiply by the first number, then divide
 * by the second (in that order, so 12345600 万元 → 1234.56 亿元 is exact to the last digit
 * printed). Undefined when no stated factor of the list links the two (a yearbook table in 万元
 * read into an indicator kept in 亿元; 人 into 万人).
 */
export function unitConversion(from: string, to: string): readonly [number, number] | undefined {
  if (sameUnit(from, to)) return [1, 1]
  const a = unitOf(from)
  const b = unitOf(to)
  if (!a || !b) return undefined
  const ua: UnitDef = UNITS[a]
  const ub: UnitDef = UNITS[b]
  return ua.factor !== undefined && ub.factor !== undefined && ua.base === ub.base
    ? [ua.factor, ub.factor]
    : undefined
}

/** What an API answer says about a unit: its code and both names (a spelling outside the list as is). */
export function unitNames(spelling: string): { unitCode: UnitCode | null; unitZh: string; unitEn: string } {
  const code = unitOf(spelling)
  return code
    ? { unitCode: code, unitZh: UNITS[code].zh, unitEn: UNITS[code].en }
    : { unitCode: null, unitZh: spelling, unitEn: spelling }
}

/** `value` in `from` expressed in `to`; undefined when no exact factor links them. */
export function convertUnit(value: number, from: UnitCode, to: UnitCode): number | undefined {
  const a: UnitDef = UNITS[from]
  const b: UnitDef = UNITS[to]
  if (a.factor === undefined || b.factor === undefined || a.base !== b.base) return undefined
  return (value * a.factor) / b.factor
}
