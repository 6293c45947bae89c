import { describe, expect, it } from 'vitest'
import { foreignText } from './language.ts'

describe('foreignText', () => {
  it('finds Latin words on a Chinese page, but not codes, numbers or the allowed abbreviations', () => {
    const text =
      '研发经费投入强度（R&D/GDP，%）2.35 较2020年 · C21-1-2 · GB/T 4754-2017 · CO2 · 2026-Q1 · 3 KB'
    expect(foreignText(text, 'zh-CN')).toEqual([])
  })

  it('takes a cited file name or path as a code', () => {
    expect(foreignText('（见SOURCES.md 分歧2；src/supervision/permissions.ts）', 'zh-CN')).toEqual([])
    expect(foreignText('见 sources 文件', 'zh-CN')).toEqual(['sources'])
  })

  it('names each English word of a Chinese page once', () => {
    const text = '单位：tce per 10k yuan (2015 prices)；完整性: partial；Theil T；yuan'
    expect(foreignText(text, 'zh-CN')).toEqual(['tce', 'per', 'yuan', 'prices', 'partial', 'Theil'])
  })

  it('lets the caller name codes (indicator keys, user names), and hashes pass', () => {
    expect(foreignText('rd_intensity · planner · 3f9a0c12e4', 'zh-CN', ['rd_intensity', 'planner'])).toEqual(
      [],
    )
    expect(foreignText('task.transition', 'zh-CN')).toEqual(['task.transition'])
  })

  it('finds Chinese characters and full-width punctuation on an English page', () => {
    expect(foreignText('Issued by: 中共中央、国务院 · 一 General requirements', 'en')).toEqual([
      '中共中央、国务院',
      '一',
    ])
    expect(foreignText('R&D intensity (%), 2.35 in 2023 · τ ≥ 0.5 — “quoted”', 'en')).toEqual([])
    expect(foreignText('（一）', 'en')).toEqual(['（一）'])
  })
})
