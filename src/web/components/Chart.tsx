import { useEffect, useRef } from 'react'
import { type EChartsOption, echarts } from './echarts.ts'

/** One ECharts instance bound to a div; the option is replaced whenever it changes. */
export function Chart({
  option,
  height = 360,
  testId,
}: {
  option: EChartsOption
  height?: number
  testId?: string
}) {
  const ref = useRef<HTMLDivElement>(null)
  const chart = useRef<echarts.ECharts | null>(null)
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
  return <div ref={ref} style={{ width: '100%', height }} data-testid={testId} />
}
