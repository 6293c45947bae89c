import { Button } from 'antd'
import { useEffect, useId, useMemo, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { formatValue } from '../format.ts'
import { type Cell, chartTable } from './chart-table.ts'
import { type EChartsOption, echarts } from './echarts.ts'

export interface ChartProps {
  option: EChartsOption
  /** what the chart shows, in the page's language: its accessible name and its table's */
  title: string
  /** the header of the table's first column: what a category is (年份 / Year, 地区 / Region) */
  category: string
  /** the unit of the figures, shown in the table's column headers */
  unit?: string | undefined
  /** a category's name, when the option's categories are codes (the map's regions) */
  rowName?: ((key: string) => string) | undefined
  height?: number
  testId?: string
}

/**
 * One ECharts instance bound to a div; the option is replaced whenever it changes. Its text
 * alternative is a table of the figures drawn (`chartTable`, from the same option): always there for
 * screen readers, shown on the page with the toggle under the chart.
 */
export function Chart({ option, title, category, unit, rowName, height = 360, testId }: ChartProps) {
  const { t } = useTranslation()
  const ref = useRef<HTMLDivElement>(null)
  const chart = useRef<echarts.ECharts | null>(null)
  const [showTable, setShowTable] = useState(false)
  const tableId = useId()
  useEffect(() => {
    if (!ref.current) return
    chart.current = echarts.init(ref.current)
    // the browser tests read the instance to find a province's pixel position
    ;(ref.current as HTMLDivElement & { __echarts?: echarts.ECharts }).__echarts = chart.current
    const onResize = () => chart.current?.resize()
    window.addEventListener('resize', onResize)
    return () => {
      window.removeEventListener('resize', onResize)
      chart.current?.dispose()
    }
  }, [])
  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true })
  }, [option])
  return (
    <div data-testid={testId && `${testId}-figure`}>
      <div
        ref={ref}
        role="img"
        aria-label={t('a11y.chart', { title })}
        style={{ width: '100%', height }}
        data-testid={testId}
      />
      <Button
        type="link"
        size="small"
        aria-controls={tableId}
        onClick={() => setShowTable(!showTable)}
        data-testid={testId && `${testId}-table-toggle`}
      >
        {showTable ? t('a11y.hideTable') : t('a11y.showTable')}
      </Button>
      <div id={tableId} className={showTable ? 'jueqi-chart-table' : 'sr-only'}>
        <ChartTableView option={option} title={title} category={category} unit={unit} rowName={rowName} />
      </div>
    </div>
  )
}

function ChartTableView({ option, title, category, unit, rowName }: Omit<ChartProps, 'height' | 'testId'>) {
  const { t, i18n } = useTranslation()
  const table = useMemo(() => chartTable(option), [option])
  const cell = (c: Cell) =>
    c === null ? t('common.noData') : typeof c === 'string' ? c : formatValue(c, i18n.language)
  return (
    // named by aria-label, not a <caption>: the card above already shows the title as text
    <table data-testid="chart-table" aria-label={t('a11y.tableCaption', { title })}>
      <thead>
        <tr>
          <th scope="col">{category}</th>
          {table.series.map((s) => (
            <th scope="col" key={s}>
              {unit ? `${s} (${unit})` : s}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {table.rows.map((r) => (
          <tr key={r.key}>
            <th scope="row">{rowName ? rowName(r.key) : r.key}</th>
            {r.cells.map((c, i) => (
              <td key={table.series[i]} data-missing={c === null || undefined}>
                {cell(c)}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  )
}
