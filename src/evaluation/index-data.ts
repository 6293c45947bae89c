/**
 * The index matrix for one year from stored figures: provinces × the meta's indicators, and the
 * choice of year — the latest in which every concept has at least one indicator covering two
 * thirds of the provinces (so no concept is scored on imputed values alone).
 */
import type { Hierarchy } from '../methods/composite/hierarchy.ts'
import { createMatrix, type Matrix } from '../methods/matrix.ts'

export type Cells = Map<string, number> // key `${indicator}|${region}|${year}`

export const cellKey = (ind: string, region: string, year: number) => `${ind}|${region}|${year}`

export function coverage(cells: Cells, ind: string, provinces: readonly string[], year: number): number {
  return provinces.filter((p) => cells.has(cellKey(ind, p, year))).length / provinces.length
}

export function chooseYear(
  cells: Cells,
  h: Hierarchy,
  provinces: readonly string[],
  years: readonly number[],
): number | null {
  const concepts = h.levels[0]!.nodes
  for (const y of [...years].sort((a, b) => b - a))
    if (concepts.every((c) => c.children.some((ind) => coverage(cells, ind, provinces, y) >= 2 / 3))) return y
  return null
}

export function indexMatrix(cells: Cells, h: Hierarchy, provinces: readonly string[], year: number): Matrix {
  const codes = h.indicators.map((r) => r.code)
  const m = createMatrix(provinces, codes)
  provinces.forEach((p, i) => {
    codes.forEach((c, j) => {
      m.data[i * codes.length + j] = cells.get(cellKey(c, p, year)) ?? Number.NaN
    })
  })
  return m
}
