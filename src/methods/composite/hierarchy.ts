/**
 * The structure of a composite index from its metadata table (COINr's iMeta layout): one row per
 * code with its level (1 = indicator), parent, weight and direction. Aggregates are any codes of
 * level ≥ 2; the single code of the highest level is the index. Checked here, once: duplicate
 * codes, unknown parents, a parent not exactly one level up (which also rules out cycles), an
 * aggregate without children, an indicator without direction, several top codes.
 */
import type { Direction } from '../matrix.ts'
import { MethodInputError } from '../weights.ts'

export interface MetaRow {
  code: string
  level: number
  parent: string | null
  weight: number
  direction: Direction
  denominator: string | null
}

export interface Hierarchy {
  indicators: MetaRow[]
  /** aggregates by level, lowest first, each with its children's codes */
  levels: { level: number; nodes: { code: string; weight: number; children: string[] }[] }[]
  top: string
  byCode: Map<string, MetaRow>
}

export function buildHierarchy(rows: readonly MetaRow[]): Hierarchy {
  const byCode = new Map<string, MetaRow>()
  if (rows.length === 0) throw new MethodInputError('meta: no rows with a level')
  for (const r of rows) {
    if (r.code === '') throw new MethodInputError('meta: a row without a code')
    if (byCode.has(r.code)) throw new MethodInputError(`meta: code "${r.code}" appears twice`)
    byCode.set(r.code, r)
  }
  const maxLevel = Math.max(...rows.map((r) => r.level))
  const tops = rows.filter((r) => r.level === maxLevel)
  if (maxLevel < 2) throw new MethodInputError('meta: no aggregate (level ≥ 2) above the indicators')
  if (tops.length !== 1)
    throw new MethodInputError(
      `meta: one top code expected at level ${maxLevel}, found ${tops.map((t) => t.code).join(', ')}`,
    )
  if (tops[0]!.parent)
    throw new MethodInputError(
      `meta: the top code "${tops[0]!.code}" has parent "${tops[0]!.parent}"; the index has none`,
    )
  for (const r of rows) {
    if (r.level === maxLevel) continue
    if (!r.parent) throw new MethodInputError(`meta: "${r.code}" has no parent`)
    const p = byCode.get(r.parent)
    if (!p) throw new MethodInputError(`meta: parent "${r.parent}" of "${r.code}" is not in the table`)
    // one level up, as COINr's iMeta requires: every aggregate mixes children of one level only
    if (p.level !== r.level + 1)
      throw new MethodInputError(
        `meta: parent "${p.code}" (level ${p.level}) of "${r.code}" (level ${r.level}) must be at level ${r.level + 1}`,
      )
  }
  const levels: Hierarchy['levels'] = []
  for (let level = 2; level <= maxLevel; level++) {
    const nodes = rows
      .filter((r) => r.level === level)
      .map((r) => ({
        code: r.code,
        weight: r.weight,
        children: rows.filter((c) => c.parent === r.code).map((c) => c.code),
      }))
    for (const n of nodes)
      if (n.children.length === 0) throw new MethodInputError(`meta: aggregate "${n.code}" has no children`)
    levels.push({ level, nodes })
  }
  return { indicators: rows.filter((r) => r.level === 1), levels, top: tops[0]!.code, byCode }
}

/**
 * Meta rows from a table with COINr's iMeta columns (iCode, Parent, Level, Weight, Direction,
 * Denominator) or their lower-case names (code, parent, level, weight, direction, denominator).
 * Rows without a level (groups, denominators) are not part of the structure. Direction is 1/−1 or
 * higher/lower; a missing weight is 1. Errors name the file, line and column.
 */
export function metaFromTable(
  header: readonly string[],
  rows: readonly { line: number; cells: readonly string[] }[],
  file: string,
): MetaRow[] {
  const find = (...names: string[]) => header.findIndex((h) => names.includes(h.trim().toLowerCase()))
  const col = {
    code: find('icode', 'code'),
    parent: find('parent'),
    level: find('level'),
    weight: find('weight'),
    direction: find('direction'),
    denominator: find('denominator'),
  }
  for (const k of ['code', 'parent', 'level'] as const)
    if (col[k] < 0)
      throw new MethodInputError(
        `${file}: no "${k}" column (COINr iMeta: iCode, Parent, Level, Weight, Direction)`,
      )
  const out: MetaRow[] = []
  for (const r of rows) {
    const cell = (j: number) => (j >= 0 ? (r.cells[j] ?? '').trim() : '')
    const at = (name: string) => `${file}:${r.line}:${name}`
    if (cell(col.level) === '') continue
    const level = Number(cell(col.level))
    if (!Number.isInteger(level) || level < 1)
      throw new MethodInputError(`${at('level')}: "${cell(col.level)}" is not a level (1, 2, …)`)
    const w = cell(col.weight)
    const weight = w === '' ? 1 : Number(w)
    if (!Number.isFinite(weight) || weight < 0)
      throw new MethodInputError(`${at('weight')}: "${w}" is not a weight`)
    const d = cell(col.direction).toLowerCase()
    const direction = ['1', 'higher', 'positive', 'increase', ''].includes(d)
      ? 'higher'
      : ['-1', 'lower', 'negative', 'decrease'].includes(d)
        ? 'lower'
        : null
    if (direction === null || (level === 1 && d === ''))
      throw new MethodInputError(
        `${at('direction')}: "${cell(col.direction)}" — give 1 or -1 (higher or lower) for every indicator`,
      )
    out.push({
      code: cell(col.code),
      level,
      parent: cell(col.parent) || null,
      weight,
      direction,
      denominator: cell(col.denominator) || null,
    })
  }
  return out
}
