import { Card, Space, Table, Tag, Tooltip, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router-dom'
import { conceptKeys, PUBLISHED_COUNTERPART, preferPublished } from '../../statistics/published.ts'
import { api, type Indicator, type Observation, type Region } from '../api.ts'
import { Provenance } from '../components/Provenance.tsx'
import { fromObservations } from '../components/provenance.ts'
import { ScrollRegion } from '../components/ScrollRegion.tsx'
import { Status } from '../components/Status.tsx'
import { CENTRAL_PROVINCES, changeOf, formatValue } from '../format.ts'
import { useLoad } from '../hooks.ts'
import { useLangName } from '../i18n/index.ts'
import { unitName } from '../i18n/words.ts'

/** The five quantified targets of the 2021 Opinions, by the indicator that measures each. */
export const TARGET_INDICATORS = [
  'rd_intensity',
  'urbanization_rate_derived',
  'energy_intensity',
  'co2_intensity',
  'disposable_income_per_capita',
] as const

const REGIONS = ['CN', ...CENTRAL_PROVINCES]

interface Cell {
  latest?: Observation
  previous?: Observation
}

export function latestCells(rows: Observation[]): Map<string, Cell> {
  const cells = new Map<string, Cell>()
  const sorted = rows.filter((r) => r.preferred).sort((a, b) => b.period - a.period)
  for (const r of sorted) {
    const key = `${r.indicator}|${r.region}`
    const cell = cells.get(key) ?? {}
    if (!cell.latest) cell.latest = r
    else if (!cell.previous) cell.previous = r
    cells.set(key, cell)
  }
  return cells
}

/**
 * The latest and previous figure of each target per region: the published figure where a source
 * published one, else the derived one (statistics/published.ts); the previous figure of the same
 * basis, so that a change of source is not shown as a change.
 */
function targetCells(rows: Observation[]): Map<string, Cell> {
  const cells = new Map<string, Cell>()
  for (const key of TARGET_INDICATORS)
    for (const r of preferPublished(key, rows).sort((a, b) => b.period - a.period)) {
      const id = `${key}|${r.region}`
      const cell = cells.get(id) ?? {}
      if (!cell.latest) cell.latest = r
      else if (!cell.previous && r.derived === cell.latest.derived) cell.previous = r
      cells.set(id, cell)
    }
  return cells
}

async function load() {
  const [indicators, provinces, nation, observations] = await Promise.all([
    api.indicators(),
    api.regions('?level=province'),
    api.regions('?level=nation'),
    api.observations({
      indicator: TARGET_INDICATORS.flatMap(conceptKeys).join(','),
      region: REGIONS.join(','),
      preferredOnly: 'true',
    }),
  ])
  return { indicators, regions: [...nation, ...provinces], observations }
}

function ValueCell({ cell, ind }: { cell?: Cell; ind: Indicator }) {
  const { t, i18n } = useTranslation()
  if (!cell?.latest) return <Tag data-testid="no-data">{t('common.noData')}</Tag>
  const { latest, previous } = cell
  const change = previous ? changeOf(latest.value, previous.value, i18n.language) : undefined
  // no colour for no change, or for a change that rounds to zero
  const better =
    !change?.direction || ind.direction === 'neutral'
      ? undefined
      : ind.direction === 'higher'
        ? change.direction > 0
        : change.direction < 0
  return (
    <Tooltip title={`${t('common.source')}: ${latest.source} · ${t('common.release')}: ${latest.release}`}>
      <Space orientation="vertical" size={0}>
        <Typography.Text strong data-testid="cell-value">
          {formatValue(latest.value, i18n.language)}
        </Typography.Text>
        {latest.synthetic && (
          <Tag color="red" data-testid="cell-synthetic">
            {t('common.synthetic')}
          </Tag>
        )}
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {latest.period}
          {latest.derived
            ? ` · ${t('common.derived')}`
            : PUBLISHED_COUNTERPART[ind.key]
              ? ` · ${t('basis.published')}`
              : ''}
        </Typography.Text>
        {change && previous && (
          <Typography.Text
            data-testid="cell-change"
            style={{ fontSize: 12, color: better === undefined ? undefined : better ? '#237804' : '#a8071a' }}
          >
            {change.direction === 0
              ? t('format.noChange')
              : `${change.direction > 0 ? '▲' : '▼'} ${change.text}`}{' '}
            {t('common.since', { year: previous.period })}
          </Typography.Text>
        )}
      </Space>
    </Tooltip>
  )
}

export function Overview() {
  const { t, i18n } = useTranslation()
  const name = useLangName()
  const { data, error, loading } = useLoad(load, 'once')
  if (!data) return <Status loading={loading} error={error} />
  const cells = targetCells(data.observations)
  const byKey = new Map(data.indicators.map((i) => [i.key, i]))
  const regionByCode = new Map<string, Region>(data.regions.map((r) => [r.code, r]))
  const columns = [
    {
      title: t('overview.target'),
      key: 'target',
      width: 260,
      render: (_: unknown, ind: Indicator) => (
        <Space orientation="vertical" size={0}>
          <Typography.Text strong>
            {t(`overview.targets.${ind.key}` as 'overview.targets.rd_intensity')}
          </Typography.Text>
          <Link to={`/indicators/${ind.key}`}>
            {name(ind)} ({unitName(ind, i18n.language, t)})
          </Link>
        </Space>
      ),
    },
    ...REGIONS.map((code) => ({
      title:
        code === 'CN' ? (
          t('common.national')
        ) : (
          <Link to={`/regions/${code}`}>{name(regionByCode.get(code), code)}</Link>
        ),
      key: code,
      render: (_: unknown, ind: Indicator) => <ValueCell cell={cells.get(`${ind.key}|${code}`)} ind={ind} />,
    })),
  ]
  const rows = TARGET_INDICATORS.map((k) => byKey.get(k)).filter((i): i is Indicator => i !== undefined)
  // every value a cell shows or compares with
  const shown = [...cells.values()].flatMap((c) => [c.latest, c.previous])
  return (
    <Card title={t('overview.heading')}>
      <Typography.Paragraph type="secondary">{t('overview.intro')}</Typography.Paragraph>
      <Typography.Paragraph type="secondary" data-testid="basis-rule">
        {t('basis.rule')}
      </Typography.Paragraph>
      <ScrollRegion label={t('overview.heading')}>
        <Table
          rowKey="key"
          columns={columns}
          dataSource={rows}
          pagination={false}
          bordered
          size="middle"
          style={{ minWidth: 900 }}
          data-testid="overview-table"
        />
      </ScrollRegion>
      <Provenance data={fromObservations(shown)} />
    </Card>
  )
}
