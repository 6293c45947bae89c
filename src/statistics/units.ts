/**
 * Unit spellings that mean the same unit. Sources write "pp" or "percentage points",
 * "% of GDP" for a share in percent; an import is checked against the indicator's unit after
 * both sides are reduced to a canonical spelling, so a true mismatch ("yuan" vs "100 million
 * yuan") is still refused.
 */
const ALIASES: Record<string, string> = {
  pp: 'percentage points',
  'percentage point': 'percentage points',
  百分点: 'percentage points',
  个百分点: 'percentage points',
  '%': '%',
  percent: '%',
  '% of gdp': '%',
  '％': '%',
  '% y/y': '% y/y',
  '%, y/y': '% y/y',
  亿元: '100 million yuan',
  '100 million yuan': '100 million yuan',
  '10^8 yuan': '100 million yuan',
  元: 'yuan',
  yuan: 'yuan',
  万人: '10k persons',
  '10k persons': '10k persons',
  '10,000 persons': '10k persons',
  万吨标准煤: '10k tce',
  '10k tce': '10k tce',
}

export function canonicalUnit(unit: string): string {
  const u = unit.trim().toLowerCase().replace(/\s+/g, ' ')
  return ALIASES[u] ?? u
}

export function sameUnit(a: string, b: string): boolean {
  return canonicalUnit(a) === canonicalUnit(b)
}

/**
 * Units that are one unit scaled by a stated factor (亿元 = 10⁸ 元, 万人 = 10⁴ 人): a table in one
 * may be read into an indicator kept in another. Keys are canonical spellings (and the Chinese
 * spelling, for units without an alias above).
 */
const SCALED: Record<string, readonly [base: string, factor: number]> = {
  '100 million yuan': ['yuan', 1e8],
  '10k yuan': ['yuan', 1e4],
  万元: ['yuan', 1e4],
  '10,000 yuan': ['yuan', 1e4],
  yuan: ['yuan', 1],
  '10k persons': ['persons', 1e4],
  persons: ['persons', 1],
  person: ['persons', 1],
  人: ['persons', 1],
}

/**
 * How a figure in unit `from` becomes one in unit `to`: multiply by the first number, then divide
 * by the second (in that order, so 12345600 万元 → 1234.56 亿元 is exact to the last digit
 * printed). Undefined when no stated factor links the two.
 */
export function unitConversion(from: string, to: string): readonly [number, number] | undefined {
  if (sameUnit(from, to)) return [1, 1]
  const a = SCALED[canonicalUnit(from)]
  const b = SCALED[canonicalUnit(to)]
  return a && b && a[0] === b[0] ? [a[1], b[1]] : undefined
}
