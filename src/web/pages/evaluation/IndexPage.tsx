import { Alert, Card, Space, Table, Tag, Typography } from 'antd'
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { api } from '../../api.ts'
import { Chart } from '../../components/Chart.tsx'
import type { EChartsOption } from '../../components/echarts.ts'
import { Status } from '../../components/Status.tsx'
import { CENTRAL_PROVINCES, formatPercent, formatValue } from '../../format.ts'
import { useLoad } from '../../hooks.ts'
import { useLangName } from '../../i18n/index.ts'
import { latestRun } from './evaluation-api.ts'
import { RunProvenance } from './RunProvenance.tsx'

/** Interpolated rank quantiles to one decimal (15.95 → 16). */
export const rankText = (x: number) => String(Math.round(x * 10) / 10)

/** Index and rankings: scores, ranks with their 5–95% uncertainty interval, obstacle factors per province. */
export function IndexPage() {
  const { t, i18n } = useTranslation()
  const name = useLangName()
  const data = useLoad(async () => {
    const [run, regions, indicators, releases] = await Promise.all([
      latestRun(),
      api.regions('?level=province'),
      api.indicators(),
      api.releases(),
    ])
    return { run, regions, indicators, releases }
  }, 'index')
  const rows = useMemo(() => {
    const ix = data.data?.run.results.index
    if (!ix) return []
    return ix.units
      .map((u, i) => ({
        code: u,
        index: ix.index[i]!,
        rank: ix.rank[i]!,
        p05: ix.uncertainty.p05[i]!,
        p95: ix.uncertainty.p95[i]!,
        concepts: ix.conceptScores[i]!,
        obstacles: ix.obstacles[i]!.top,
        coupling: i18n.language === 'en' ? ix.coupling.levelEn[i] : ix.coupling.level[i],
      }))
      .sort((a, b) => a.rank - b.rank)
  }, [data.data, i18n.language])
  const region = (c: string) =>
    name(
      data.data?.regions.find((r) => r.code === c),
      c,
    )
  const indicator = (k: string) =>
    name(
      data.data?.indicators.find((x) => x.key === k),
      k,
    )
  // biome-ignore lint/correctness/useExhaustiveDependencies: region names follow rows and language
  const option = useMemo<EChartsOption>(() => {
    const labels = rows.map((r) => region(r.code))
    return {
      tooltip: { trigger: 'axis' },
      grid: { left: 90, right: 20, top: 30, bottom: 30 },
      xAxis: { type: 'value', inverse: true, name: t('index.rank'), min: 1, max: rows.length },
      yAxis: { type: 'category', data: labels, inverse: true },
      series: [
        {
          type: 'bar',
          stack: 'r',
          itemStyle: { color: 'transparent' },
          data: rows.map((r) => r.p05),
          tooltip: { show: false },
        },
        {
          type: 'bar',
          stack: 'r',
          name: t('index.interval'),
          itemStyle: { color: '#f0b7b5' },
          // the table prints the interval, not the bar's length
          data: rows.map((r) => ({
            value: r.p95 - r.p05,
            tableText: `${rankText(r.p05)}–${rankText(r.p95)}`,
          })),
        },
        {
          type: 'scatter',
          name: t('index.rank'),
          itemStyle: { color: '#b5312c' },
          data: rows.map((r) => r.rank),
        },
      ],
    } as EChartsOption
  }, [rows, t])
  if (!data.data) return <Status loading={data.loading} error={data.error} />
  const { run, releases } = data.data
  const ix = run.results.index
  if (!ix) return <Alert type="warning" title={t('index.noIndex')} />
  const central = new Set<string>(CENTRAL_PROVINCES)
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <Card title={t('index.heading', { year: run.results.year })} data-testid="index-page">
        <Typography.Paragraph type="secondary">
          {t('index.intro', { draws: ix.uncertainty.draws, run: run.id })}
        </Typography.Paragraph>
        <Typography.Paragraph type="secondary" data-testid="sensitivity">
          {t('index.sensitivity')}:{' '}
          {Object.entries(ix.uncertainty.sensitivity).map(([k, v]) => (
            <Tag key={k}>
              {t(`index.choices.${k}`, { defaultValue: k })} {formatPercent(v, i18n.language)}
            </Tag>
          ))}
        </Typography.Paragraph>
        <Chart
          option={option}
          title={t('index.heading', { year: run.results.year })}
          category={t('common.region')}
          height={760}
          testId="rank-chart"
        />
        <RunProvenance run={run} releases={releases} testId="rank-provenance" />
      </Card>
      <Card title={t('index.table')}>
        <Table
          rowKey="code"
          size="small"
          pagination={false}
          data-testid="index-table"
          dataSource={rows}
          rowClassName={(r) => (central.has(r.code) ? 'central-row' : '')}
          columns={[
            { title: t('index.rank'), dataIndex: 'rank' },
            {
              title: t('common.region'),
              dataIndex: 'code',
              render: (c: string) => (central.has(c) ? <strong>{region(c)}</strong> : region(c)),
            },
            {
              title: t('index.score'),
              dataIndex: 'index',
              render: (v: number) => formatValue(v, i18n.language),
            },
            {
              title: t('index.interval'),
              render: (_: unknown, r: (typeof rows)[number]) => `${rankText(r.p05)}–${rankText(r.p95)}`,
            },
            ...ix.concepts.map((c, k) => ({
              title: t(`index.concepts.${c}`, { defaultValue: c }),
              render: (_: unknown, r: (typeof rows)[number]) => formatValue(r.concepts[k]!, i18n.language),
            })),
            { title: t('index.coupling'), dataIndex: 'coupling' },
            {
              title: t('index.obstacles'),
              render: (_: unknown, r: (typeof rows)[number]) =>
                r.obstacles.map((o) => (
                  <Tag key={o.indicator}>
                    {indicator(o.indicator)} {formatPercent(o.value, i18n.language)}
                  </Tag>
                )),
            },
          ]}
        />
        <RunProvenance run={run} releases={releases} testId="table-provenance" />
      </Card>
    </Space>
  )
}
