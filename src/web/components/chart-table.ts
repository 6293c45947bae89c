/**
 * The figures a chart draws, as a table: the text alternative of every chart and of the map. Read from
 * the very ECharts option the chart is given, so the table cannot tell a different story from the
 * picture. Series without a name are drawing aids (e.g. the invisible base of a floating bar) and are
 * left out; a data item may carry `tableText` when its drawn value is not the figure a reader wants
 * (the floating bar's length stands for an interval "3–7").
 */
import type { EChartsOption } from './echarts.ts'

export type Cell = number | string | null

export interface ChartTable {
  /** one per shown series, in the chart's order */
  series: string[]
  /** one per category (a year, a region), with one cell per shown series; null: nothing drawn */
  rows: { key: string; cells: Cell[] }[]
}

interface SeriesLike {
  type?: string
  name?: string
  data?: unknown[]
}

interface AxisLike {
  type?: string
  data?: unknown[]
}

const list = <T>(x: T | T[] | undefined): T[] => (x === undefined ? [] : Array.isArray(x) ? x : [x])

/** A data item's figure: a number, `{ value }`, `{ tableText }`; '-' and null are ECharts' gaps. */
export function cellOf(item: unknown): Cell {
  if (typeof item === 'number') return Number.isFinite(item) ? item : null
  if (item && typeof item === 'object') {
    const o = item as { value?: unknown; tableText?: unknown }
    if (typeof o.tableText === 'string') return o.tableText
    return cellOf(o.value)
  }
  return null
}

/** The category axis (x or y) whose labels the bars, lines and points stand on. */
function categoryAxis(option: EChartsOption): AxisLike | undefined {
  const o = option as { xAxis?: AxisLike | AxisLike[]; yAxis?: AxisLike | AxisLike[] }
  return [...list(o.xAxis), ...list(o.yAxis)].find((a) => a.type === 'category')
}

export function chartTable(option: EChartsOption): ChartTable {
  const shown = list((option as { series?: SeriesLike | SeriesLike[] }).series).filter(
    (s): s is SeriesLike & { name: string } => typeof s.name === 'string' && s.name !== '',
  )
  const series = shown.map((s) => s.name)
  // a map (or pie): each data item names its own row
  if (shown.every((s) => s.type === 'map' || s.type === 'pie')) {
    const keys = [
      ...new Set(shown.flatMap((s) => (s.data ?? []).map((d) => String((d as { name: unknown }).name)))),
    ]
    const byKey = shown.map(
      (s) => new Map((s.data ?? []).map((d) => [String((d as { name: unknown }).name), cellOf(d)])),
    )
    return { series, rows: keys.map((key) => ({ key, cells: byKey.map((m) => m.get(key) ?? null) })) }
  }
  const categories = (categoryAxis(option)?.data ?? []).map((c) =>
    String(c && typeof c === 'object' ? (c as { value: unknown }).value : c),
  )
  return {
    series,
    rows: categories.map((key, i) => ({ key, cells: shown.map((s) => cellOf(s.data?.[i])) })),
  }
}
