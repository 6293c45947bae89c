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
