import { describe, expect, it } from 'vitest'
import { cellOf, chartTable } from './chart-table.ts'
import type { EChartsOption } from './echarts.ts'

describe('chartTable', () => {
  it('reads lines on a category x axis: one row per year, one column per named series, gaps as null', () => {
    const option = {
      xAxis: { type: 'category', data: ['2020', '2021', '2022'] },
      yAxis: { type: 'value' },
      series: [
        { type: 'line', name: '湖北省', data: [2.31, null, 2.54] },
        { type: 'line', name: '全国', data: [2.4, 2.43, '-'] },
      ],
    } as EChartsOption
    expect(chartTable(option)).toEqual({
      series: ['湖北省', '全国'],
      rows: [
        { key: '2020', cells: [2.31, 2.4] },
        { key: '2021', cells: [null, 2.43] },
        { key: '2022', cells: [2.54, null] },
      ],
    })
  })

  it('reads bars on a category y axis, leaves out unnamed drawing aids and prints tableText', () => {
    const option = {
      xAxis: { type: 'value' },
      yAxis: { type: 'category', data: ['42', '43'] },
      series: [
        { type: 'bar', stack: 'r', data: [3, 5] },
        { type: 'bar', stack: 'r', name: 'interval', data: [{ value: 4, tableText: '3–7' }, 2] },
        { type: 'scatter', name: 'rank', data: [5, 6] },
      ],
    } as EChartsOption
    expect(chartTable(option)).toEqual({
      series: ['interval', 'rank'],
      rows: [
        { key: '42', cells: ['3–7', 5] },
        { key: '43', cells: [2, 6] },
      ],
    })
  })

  it('reads a map by the names of its data items', () => {
    const option = {
      series: [
        {
          type: 'map',
          name: 'R&D',
          data: [
            { name: '42', value: 2.3 },
            { name: '43', value: Number.NaN },
          ],
        },
      ],
    } as EChartsOption
    expect(chartTable(option)).toEqual({
      series: ['R&D'],
      rows: [
        { key: '42', cells: [2.3] },
        { key: '43', cells: [null] },
      ],
    })
  })

  it('never turns a missing figure into zero', () => {
    expect([undefined, null, '-', {}, { value: null }, Number.NaN].map(cellOf)).toEqual(Array(6).fill(null))
    expect(cellOf(0)).toBe(0)
  })
})
