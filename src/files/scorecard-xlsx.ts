/** The province scorecard as a workbook officials can file: scores, every point's line, and the scheme. */
import ExcelJS from 'exceljs'
import type { Scorecard } from '../store/scorecard.ts'

export async function scorecardXlsx(card: Scorecard, regionName: (code: string) => string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook()
  wb.creator = 'jueqi'
  const scores = wb.addWorksheet('得分 Scores')
  scores.columns = [
    { header: '名次 Rank', key: 'rank', width: 10 },
    { header: '省份 Province', key: 'province', width: 16 },
    { header: '代码 Code', key: 'code', width: 8 },
    { header: '总分 Total', key: 'total', width: 12 },
    { header: '可评估目标 Targets assessed', key: 'assessed', width: 26 },
    { header: '评分方案 Scheme', key: 'scheme', width: 28 },
  ]
  for (const s of card.scores)
    scores.addRow({
      rank: s.rank ?? '—',
      province: regionName(s.province),
      code: s.province,
      total: s.total,
      assessed: `${s.assessed} / ${s.targetCount}`,
      scheme: s.scheme,
    })
  const lines = wb.addWorksheet('明细 Breakdown')
  lines.columns = [
    { header: '省份 Province', key: 'province', width: 16 },
    { header: '项目 Item', key: 'item', width: 26 },
    { header: '得分 Points', key: 'points', width: 10 },
    { header: '计算 How', key: 'why', width: 50 },
    { header: '依据 Refs', key: 'refs', width: 60 },
  ]
  for (const s of card.scores)
    for (const l of s.breakdown)
      lines.addRow({
        province: regionName(s.province),
        item: l.item,
        points: l.points,
        why: l.why,
        refs: l.refs.join(', '),
      })
  const missing = wb.addWorksheet('缺失 Missing')
  missing.columns = [
    { header: '省份 Province', key: 'province', width: 16 },
    { header: '目标 Target', key: 'target', width: 26 },
    { header: '状态 Status', key: 'status', width: 20 },
    { header: '缺少 What is missing', key: 'why', width: 80 },
  ]
  for (const s of card.scores)
    for (const m of s.missing) missing.addRow({ province: regionName(s.province), ...m })
  const about = wb.addWorksheet('方案 Scheme')
  about.addRows([
    ['plan', `${card.planId} v${card.planVersion}`],
    ['as of', card.asOf],
    ['scheme', `${card.scheme.id}@${card.scheme.version}`],
    ['scheme JSON', JSON.stringify(card.scheme)],
    [
      'missing data',
      'not scored: target points are over the assessable targets, scaled to all targets; a province with none is not ranked',
    ],
  ])
  for (const ws of [scores, lines, missing]) ws.getRow(1).font = { bold: true }
  return Buffer.from(await wb.xlsx.writeBuffer())
}
