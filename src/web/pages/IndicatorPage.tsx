import { Button, Card, Descriptions, Select, Space, Table, Tag, Typography } from 'antd'
import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useNavigate, useParams } from 'react-router-dom'
import { api, type Observation, observationsCsvUrl, type Region } from '../api.ts'
import { secondAxisSeries, seriesSize } from '../axes.ts'
import { Chart } from '../components/Chart.tsx'
import type { EChartsOption } from '../components/echarts.ts'
import { Cite, InLang } from '../components/Lang.tsx'
import { Provenance } from '../components/Provenance.tsx'
import { formatWhen, fromObservations } from '../components/provenance.ts'
import { ObservationSource } from '../components/Source.tsx'
import { Status } from '../components/Status.tsx'
import { WrapCell } from '../components/WrapCell.tsx'
import { CENTRAL_PROVINCES, formatValue } from '../format.ts'
import { useLoad } from '../hooks.ts'
import { useLangName } from '../i18n/index.ts'
import { pick, unitName } from '../i18n/words.ts'

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
    const values = new Map(
      regions.map((code) => {
        const byPeriod = new Map(rows.filter((r) => r.region === code).map((r) => [r.period, r.value]))
        return [code, periods.map((p) => byPeriod.get(p) ?? null)] as const
      }),
    )
    // levels of very different size (the nation among provinces) get an axis of their own
    const right = secondAxisSeries(new Map([...values].map(([code, v]) => [code, seriesSize(v)])))
    const axis = { type: 'value', scale: true } as const
    return {
      tooltip: { trigger: 'axis' },
      legend: { type: 'scroll', top: 0 },
      grid: { left: 60, right: right.size ? 80 : 20, top: 40, bottom: 30 },
      xAxis: { type: 'category', data: periods.map(String) },
      yAxis: right.size ? [axis, { ...axis, position: 'right' }] : axis,
      series: regions.map((code) => {
        const label = name(regionByCode.get(code), code)
        return {
          type: 'line',
          name: right.has(code) ? t('indicator.rightAxis', { name: label }) : label,
          yAxisIndex: right.has(code) ? 1 : 0,
          connectNulls: false,
          showSymbol: true,
          lineStyle: code === 'CN' ? { width: 3, type: 'dashed' } : undefined,
          data: values.get(code),
        }
      }),
    } as EChartsOption
  }, [charted, regions, regionByCode, name, t])
  if (!base.data) return <Status loading={base.loading} error={base.error} />
  const ind = base.data.indicators.find((i) => i.key === key)
  if (!ind) return <Status loading={false} error={`${key}?`} />
  const unit = unitName(ind, i18n.language, t)
  const columns = [
    { title: t('common.region'), dataIndex: 'region', render: (c: string) => name(regionByCode.get(c), c) },
    {
      title: t('common.year'),
      dataIndex: 'period',
      sorter: (a: Observation, b: Observation) => a.period - b.period,
    },
    {
      title: `${t('common.value')} (${unit})`,
      dataIndex: 'value',
      render: (v: number) => formatValue(v, i18n.language),
    },
    {
      title: t('common.release'),
      dataIndex: 'release',
      render: (r: string, o: Observation) => (
        <Space orientation="vertical" size={0}>
          <Cite>{r}</Cite>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {formatWhen(o.releaseDate, i18n.language)}
          </Typography.Text>
        </Space>
      ),
    },
    {
      title: t('common.source'),
      dataIndex: 'source',
      render: (_: string, o: Observation) => (
        <WrapCell width={420}>
          {o.synthetic && <Tag color="red">{t('common.synthetic')}</Tag>}
          {o.derived && <Tag color="blue">{t('common.derived')}</Tag>}
          {!o.preferred && <Tag color="orange">{t('common.alsoReported')}</Tag>}
          <ObservationSource o={o} formula={ind.formula} />
        </WrapCell>
      ),
    },
  ]
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <Card
        title={`${name(ind)} (${unit})`}
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
          <Descriptions.Item label={t('indicator.definition')}>
            <InLang zh={ind.definitionZh} en={ind.definitionEn ?? ind.definition} />
          </Descriptions.Item>
          <Descriptions.Item label={t('indicator.sourceSeries')}>
            {ind.formula && !ind.sourceSeriesZh ? (
              t('common.derived')
            ) : (
              <Cite>
                {pick({ zh: ind.sourceSeriesZh, en: ind.sourceSeriesEn }, i18n.language) || ind.sourceSeries}
              </Cite>
            )}
          </Descriptions.Item>
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
              {ind.breaks.map((b) => (
                <div key={b.year}>
                  {b.year}
                  {t('provenance.colon')}
                  <InLang zh={b.noteZh} en={b.noteEn ?? b.note} />
                </div>
              ))}
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
          unit={unit}
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
