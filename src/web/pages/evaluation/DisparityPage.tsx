import { Alert, Card, Descriptions, Space } from 'antd'
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { api } from '../../api.ts'
import { Chart } from '../../components/Chart.tsx'
import type { EChartsOption } from '../../components/echarts.ts'
import { Status } from '../../components/Status.tsx'
import { formatValue } from '../../format.ts'
import { useLoad } from '../../hooks.ts'
import { latestRun } from './evaluation-api.ts'
import { RunProvenance } from './RunProvenance.tsx'

const load = () => Promise.all([latestRun(), api.releases()]).then(([run, releases]) => ({ run, releases }))

/** Regional disparity: Theil between/within the four macro-regions, and σ-convergence, over time. */
export function DisparityPage() {
  const { t, i18n } = useTranslation()
  const loaded = useLoad(load, 'disparity')
  const d = loaded.data?.run.results.disparity
  const theil = useMemo<EChartsOption>(
    () =>
      ({
        tooltip: { trigger: 'axis' },
        legend: { top: 0 },
        grid: { left: 60, right: 20, top: 40, bottom: 30 },
        xAxis: { type: 'category', data: (d?.theil ?? []).map((x) => String(x.year)) },
        yAxis: { type: 'value', name: t('words.theil') },
        series: [
          {
            type: 'bar',
            stack: 't',
            name: t('disparity.between'),
            data: (d?.theil ?? []).map((x) => x.between),
          },
          {
            type: 'bar',
            stack: 't',
            name: t('disparity.within'),
            data: (d?.theil ?? []).map((x) => x.within),
          },
        ],
      }) as EChartsOption,
    [d, t],
  )
  const sigma = useMemo<EChartsOption>(
    () =>
      ({
        tooltip: { trigger: 'axis' },
        grid: { left: 60, right: 20, top: 30, bottom: 30 },
        xAxis: { type: 'category', data: (d?.sigma ?? []).map((x) => String(x.year)) },
        yAxis: { type: 'value', name: 'σ', scale: true },
        series: [{ type: 'line', name: 'σ', data: (d?.sigma ?? []).map((x) => x.sigma) }],
      }) as EChartsOption,
    [d],
  )
  if (!loaded.data) return <Status loading={loaded.loading} error={loaded.error} />
  const { run, releases } = loaded.data
  if (!d || d.theil.length === 0) return <Alert type="warning" title={t('disparity.none')} />
  const f = (v: number) => formatValue(v, i18n.language)
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <Card title={t('disparity.heading')} data-testid="disparity-page">
        <Chart
          option={theil}
          title={t('disparity.heading')}
          category={t('common.year')}
          height={320}
          testId="theil-chart"
        />
        <RunProvenance run={run} releases={releases} testId="theil-provenance" />
      </Card>
      <Card title={t('disparity.sigma')}>
        <Chart
          option={sigma}
          title={t('disparity.sigma')}
          category={t('common.year')}
          height={260}
          testId="sigma-chart"
        />
        <RunProvenance run={run} releases={releases} testId="sigma-provenance" />
        {d.beta && (
          <Descriptions size="small" column={3} data-testid="beta">
            <Descriptions.Item label="β">
              {f(d.beta.b)} ({t('words.standardError')} {f(d.beta.se_b)})
            </Descriptions.Item>
            <Descriptions.Item label="R²">{f(d.beta.r2)}</Descriptions.Item>
            <Descriptions.Item label={t('disparity.halfLife')}>
              {Number.isFinite(d.beta.half_life) ? f(d.beta.half_life) : '—'}
            </Descriptions.Item>
            <Descriptions.Item label={t('disparity.period')}>
              {d.beta.from}–{d.beta.to}, n = {d.beta.n}
            </Descriptions.Item>
          </Descriptions>
        )}
      </Card>
    </Space>
  )
}
