import { Button, Card, Descriptions, Select, Space, Table, Tag, Typography } from 'antd'
import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useNavigate, useParams } from 'react-router-dom'
import { api, type Observation, observationsCsvUrl, type Region } from '../api.ts'
import { Chart } from '../components/Chart.tsx'
import type { EChartsOption } from '../components/echarts.ts'
import { Provenance } from '../components/Provenance.tsx'
import { formatWhen, fromObservations } from '../components/provenance.ts'
import { Status } from '../components/Status.tsx'
import { CENTRAL_PROVINCES, formatValue } from '../format.ts'
import { useLoad } from '../hooks.ts'
import { useLangName } from '../i18n/index.ts'

/**
 * The indicators and the regions the page offers (nation, macro-regions, provinces), each level asked for
 * by name: the first 100 regions by code were mostly Beijing's prefectures and counties, so most
 * provinces had no name and the chart's legend showed their codes.
 */
async function loadBase() {
  const [indicators, ...levels] = await Promise.all([
    api.indicators(),
    ...['nation', 'macro', 'province'].map((level) => api.regions(`?level=${level}`)),
  ])
  return { indicators, regions: levels.flat() }
}

export function IndicatorPage() {
  const { key = 'rd_intensity' } = useParams()
  const navigate = useNavigate()
  const { t, i18n } = useTranslation()
  const name = useLangName()
  const [regions, setRegions] = useState<string[]>(['CN', ...CENTRAL_PROVINCES])
  const base = useLoad(loadBase, 'once')
  const params = useMemo(() => ({ indicator: key, region: regions.join(',') }), [key, regions])
  const obs = useLoad(() => (regions.length ? api.observations(params) : Promise.resolve([])), params)
  const regionByCode = useMemo(
    () => new Map<string, Region>((base.data?.regions ?? []).map((r) => [r.code, r])),
    [base.data],
  )
  // the chart draws the preferred row of each cell; the table lists every row
  const charted = useMemo(() => (obs.data ?? []).filter((o) => o.preferred), [obs.data])
  const option = useMemo<EChartsOption>(() => {
    const rows = charted
    const periods = [...new Set(rows.map((r) => r.period))].sort((a, b) => a - b)
    return {
      tooltip: { trigger: 'axis' },
      legend: { type: 'scroll', top: 0 },
      grid: { left: 60, right: 20, top: 40, bottom: 30 },
      xAxis: { type: 'category', data: periods.map(String) },
      yAxis: { type: 'value', scale: true },
      series: regions.map((code) => {
        const byPeriod = new Map(rows.filter((r) => r.region === code).map((r) => [r.period, r.value]))
        return {
          type: 'line',
          name: name(regionByCode.get(code), code),
          connectNulls: false,
          showSymbol: true,
          lineStyle: code === 'CN' ? { width: 3, type: 'dashed' } : undefined,
          data: periods.map((p) => byPeriod.get(p) ?? null),
        }
      }),
    } as EChartsOption
  }, [charted, regions, regionByCode, name])
  if (!base.data) return <Status loading={base.loading} error={base.error} />
  const ind = base.data.indicators.find((i) => i.key === key)
  if (!ind) return <Status loading={false} error={`${key}?`} />
  const columns = [
    { title: t('common.region'), dataIndex: 'region', render: (c: string) => name(regionByCode.get(c), c) },
    {
      title: t('common.year'),
      dataIndex: 'period',
      sorter: (a: Observation, b: Observation) => a.period - b.period,
    },
    {
      title: `${t('common.value')} (${ind.unit})`,
      dataIndex: 'value',
      render: (v: number) => formatValue(v, i18n.language),
    },
    {
      title: t('common.release'),
      dataIndex: 'release',
      render: (r: string, o: Observation) => (
        <Space orientation="vertical" size={0}>
          <span>{r}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {formatWhen(o.releaseDate, i18n.language)}
          </Typography.Text>
        </Space>
      ),
    },
    {
      title: t('common.source'),
      dataIndex: 'source',
      ellipsis: true,
      render: (s: string, o: Observation) => (
        <Space size={4}>
          {o.synthetic && <Tag color="red">{t('common.synthetic')}</Tag>}
          {o.derived && <Tag color="blue">{t('common.derived')}</Tag>}
          {!o.preferred && <Tag color="orange">{t('common.alsoReported')}</Tag>}
          <span title={`${s}\n${o.note}`}>{s}</span>
        </Space>
      ),
    },
  ]
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <Card
        title={`${name(ind)} (${ind.unit})`}
        extra={
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            style={{ width: 320 }}
            value={key}
            onChange={(k) => navigate(`/indicators/${k}`)}
            options={base.data.indicators.map((i) => ({ value: i.key, label: name(i) }))}
            aria-label={t('indicator.choose')}
          />
        }
      >
        <Descriptions column={1} size="small" bordered>
          <Descriptions.Item label={t('indicator.definition')}>{ind.definition}</Descriptions.Item>
          <Descriptions.Item label={t('indicator.sourceSeries')}>{ind.sourceSeries}</Descriptions.Item>
          <Descriptions.Item label={t('indicator.direction')}>
            {t(`indicator.directions.${ind.direction}`)}
          </Descriptions.Item>
          {ind.formula && (
            <Descriptions.Item label={t('indicator.formula')}>
              <code>{ind.formula}</code> <Tag color="blue">{t('common.derived')}</Tag>
            </Descriptions.Item>
          )}
          {ind.breaks.length > 0 && (
            <Descriptions.Item label={t('indicator.breaks')}>
              {ind.breaks.map((b) => `${b.year}: ${b.note}`).join('; ')}
            </Descriptions.Item>
          )}
        </Descriptions>
      </Card>
      <Card
        title={t('indicator.series')}
        extra={<Button href={observationsCsvUrl(params)}>{t('common.downloadCsv')}</Button>}
      >
        <Space style={{ marginBottom: 8 }}>
          <span>{t('indicator.regions')}</span>
          <Select
            mode="multiple"
            style={{ minWidth: 480 }}
            value={regions}
            onChange={setRegions}
            aria-label={t('indicator.regions')}
            options={base.data.regions.map((r) => ({ value: r.code, label: name(r) }))}
            optionFilterProp="label"
          />
        </Space>
        <Status loading={obs.loading} error={obs.error} />
        <Chart
          option={option}
          title={name(ind)}
          unit={ind.unit}
          category={t('common.year')}
          testId="series-chart"
        />
        <Provenance data={fromObservations(charted)} testId="series-provenance" />
      </Card>
      <Card title={t('indicator.table')}>
        <Table
          rowKey={(o) => `${o.region}|${o.period}|${o.source}|${o.release}`}
          size="small"
          columns={columns}
          dataSource={obs.data ?? []}
          pagination={{ pageSize: 20 }}
          data-testid="observation-table"
        />
        <Provenance data={fromObservations(obs.data ?? [])} testId="table-provenance" />
      </Card>
    </Space>
  )
}
