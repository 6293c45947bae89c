/**
 * The reconciliation of an agreement as a workbook both treasuries can file: per period and
 * metric the allocated and recorded amounts and their difference, the differing projects, the
 * cap and term of each project, and settlements. Amounts are written as exact decimal text, and
 * the assessment-only double count is never part of it.
 */
import ExcelJS from 'exceljs'
import type { ReconciliationReport } from '../store/sharing-runs.ts'

const STATE_ZH = { open: '未结算 open', settled: '已结算 settled', closed: '已关闭 closed' } as const

export async function reconciliationXlsx(
  r: ReconciliationReport,
  metricName: (m: string) => string,
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook()
  wb.creator = 'jueqi'
  const lines = wb.addWorksheet('对账 Reconciliation')
  lines.columns = [
    { header: '期间 Period', key: 'period', width: 10 },
    { header: '状态 State', key: 'state', width: 16 },
    { header: '指标 Metric', key: 'metric', width: 28 },
    { header: '来源 Source', key: 'source', width: 16 },
    { header: '分配所用 Allocated', key: 'allocated', width: 16 },
    { header: '迁出地 Origin', key: 'origin', width: 16 },
    { header: '迁入地 Host', key: 'host', width: 16 },
    { header: '最新记录 Recorded', key: 'recorded', width: 16 },
    { header: '差额 Difference', key: 'difference', width: 14 },
  ]
  const diffs = wb.addWorksheet('差异 Differences')
  diffs.columns = [
    { header: '期间 Period', key: 'period', width: 10 },
    { header: '指标 Metric', key: 'metric', width: 28 },
    { header: '项目 Project', key: 'projectId', width: 16 },
    { header: '分配所用 Allocated', key: 'allocated', width: 16 },
    { header: '最新记录 Recorded', key: 'recorded', width: 16 },
  ]
  for (const p of r.periods)
    for (const l of p.lines) {
      lines.addRow({ ...l, period: p.period, state: STATE_ZH[p.state], metric: metricName(l.metric) })
      for (const d of l.differing) diffs.addRow({ ...d, period: p.period, metric: metricName(l.metric) })
    }
  const projects = wb.addWorksheet('项目 Projects')
  projects.columns = [
    { header: '项目 Project', key: 'projectId', width: 14 },
    { header: '名称 Name', key: 'name', width: 24 },
    { header: '起算日 Start', key: 'start', width: 12 },
    { header: '期满 Term end', key: 'termEnd', width: 12 },
    { header: '延期 Extended', key: 'extended', width: 10 },
    { header: '状态 State', key: 'state', width: 14 },
    { header: '上限 Cap', key: 'cap', width: 14 },
    { header: '迁出地累计 Origin cumulative', key: 'originCumulative', width: 20 },
    { header: '达到上限 Cap reached in', key: 'capReachedIn', width: 16 },
  ]
  for (const p of r.projects)
    projects.addRow({ ...p, extended: p.extended === null ? '' : p.extended ? '是 yes' : '否 no' })
  const settle = wb.addWorksheet('结算 Settlements')
  settle.columns = [
    { header: '项目 Project', key: 'projectId', width: 14 },
    { header: '类型 Kind', key: 'kind', width: 26 },
    { header: '到期 Due', key: 'due', width: 12 },
    { header: '未达上限差额 Shortfall', key: 'shortfall', width: 20 },
  ]
  for (const s of r.settlements) settle.addRow(s)
  const about = wb.addWorksheet('说明 About')
  about.addRows([
    ['协议 Agreement', r.agreementId],
    ['分配 Allocation', r.allocationId],
    ['分配所用发布 Release used', r.releaseId],
    ['最新发布 Newest release', r.newestReleaseId],
    ['截至 As of', r.asOf],
    ['地区合计平衡 Regional totals balance', r.balanced ? '是 yes' : '否 NO'],
  ])
  return Buffer.from(await wb.xlsx.writeBuffer())
}
