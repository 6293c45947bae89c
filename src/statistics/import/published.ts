/**
 * Tables as statistics offices publish them: a yearbook sheet or a national-database CSV export
 * carries rows around its table — a title, `单位：亿元`, `指标：地区生产总值(亿元)`, blank rows, and
 * footnotes (`注：…`, `数据来源：国家统计局`). This recognises those rows, the header row among
 * them (`地  区 | 2015年 | … | 2024 年`, or `年份 | 北京 | …` for a transposed table) and the unit
 * the table states. Pure: rows in, decisions out.
 */

/** Why a row of a published table holds no figures. */
export type SkipReason = 'blank' | 'title' | 'unit' | 'description' | 'footnote' | 'header_group'

/** A row that was read and deliberately not imported, and why (listed by the dry run). */
export interface SkippedRow {
  location: string
  reason: SkipReason
  text: string
}

export const SKIP_REASONS: Record<SkipReason, string> = {
  blank: 'blank row',
  title: 'title (one cell above the header)',
  unit: 'unit row',
  description: 'description row (key：value)',
  footnote: 'footnote or source',
  header_group: 'header row above the years (merged header cells)',
}

/** Spaces inside labels are typesetting (`地  区`); case does not matter in English. */
function compact(text: string): string {
  return text.replace(/[\s\u3000]+/g, '').toLowerCase()
}

const REGION_LABELS = new Set(
  [
    '地区',
    '省份',
    '地区名称',
    '省市',
    '省区市',
    '省(区、市)',
    '省（区、市）',
    '区域',
    'region',
    'province',
    'area',
  ].map(compact),
)
const YEAR_LABELS = new Set(['年份', '年度', '年', '时间', '时期', 'year', 'period'].map(compact))
const NOTE = /^(注|附注|资料来源|数据来源|说明|notes?|sources?)\s*\d*\s*[:：]/i
const UNIT = /(?:计量单位|单位|unit)\s*[:：]\s*([^）)]+)/i
/** `指标：地区生产总值(亿元)`: the national database names the indicator and its unit in one row */
const NAMED = /^(?:指标|indicator)\s*[:：]\s*(.+?)\s*[（(]([^（()）]+)[)）]\s*$/i
const KEY_VALUE = /^[^\s:：]{1,8}\s*[:：]/

/** `2024`, `2024年`, `2024 年` → 2024 */
export function yearOf(text: string): number | undefined {
  const m = /^(\d{4})\s*年?$/.exec(text.trim())
  return m ? Number(m[1]) : undefined
}

export function isRegionLabel(text: string): boolean {
  return REGION_LABELS.has(compact(text))
}

export function isYearLabel(text: string): boolean {
  return YEAR_LABELS.has(compact(text))
}

export function isFootnote(cells: string[]): boolean {
  const first = cells.find((c) => c.trim() !== '')
  return first !== undefined && NOTE.test(first.trim())
}

function filled(cells: string[]): string[] {
  return cells.filter((c) => c.trim() !== '')
}

/** What a row above the header is, with the unit it states; undefined when it may be the header. */
export function preambleRow(
  cells: string[],
): { reason: SkipReason; unit?: { text: string; column: number }; name?: string } | undefined {
  const full = filled(cells)
  if (full.length === 0) return { reason: 'blank' }
  const first = full[0]!.trim()
  if (isRegionLabel(cells[0] ?? '') || isYearLabel(cells[0] ?? ''))
    return cells.slice(1).some((c) => yearOf(c) !== undefined) || isYearLabel(cells[0] ?? '')
      ? undefined
      : { reason: 'header_group' }
  if (NOTE.test(first)) return { reason: 'footnote' }
  for (let i = 0; i < cells.length; i++) {
    const m = UNIT.exec(cells[i] ?? '')
    if (m) return { reason: 'unit', unit: { text: m[1]!.trim(), column: i } }
  }
  const named = NAMED.exec(first)
  if (named)
    return {
      reason: 'description',
      name: named[1]!,
      unit: { text: named[2]!.trim(), column: cells.indexOf(full[0]!) },
    }
  if (KEY_VALUE.test(first) && full.length === 1) return { reason: 'description' }
  if (full.length === 1) return { reason: 'title' }
  return undefined
}

/** A row inside or below the table that holds no figures: blank, a footnote, or a footnote's next line. */
export function bodySkip(cells: string[], afterNote: boolean): SkipReason | undefined {
  const full = filled(cells)
  if (full.length === 0) return 'blank'
  if (isFootnote(cells)) return 'footnote'
  if (afterNote && full.length === 1) return 'footnote'
  return undefined
}

/**
 * A header with years down the first column and regions across: its first cell says `年份`
 * (or is empty) and no other cell is a year.
 */
export function isTransposedHeader(header: string[]): boolean {
  const others = header.slice(1).filter((h) => h.trim() !== '')
  if (others.length === 0 || others.some((h) => yearOf(h) !== undefined)) return false
  return isYearLabel(header[0] ?? '') || (header[0] ?? '').trim() === ''
}
