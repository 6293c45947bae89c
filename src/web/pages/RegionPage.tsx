import { Card, Select, Table, Tag, Tooltip, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate, useParams } from 'react-router-dom'
import { api, type Indicator } from '../api.ts'
import { Cite } from '../components/Lang.tsx'
import { Provenance } from '../components/Provenance.tsx'
import { fromObservations } from '../components/provenance.ts'
import { ObservationSource } from '../components/Source.tsx'
import { Status } from '../components/Status.tsx'
import { formatValue } from '../format.ts'
import { useLoad } from '../hooks.ts'
import { useLangName } from '../i18n/index.ts'
import { unitName } from '../i18n/words.ts'
import { namedRegions } from '../region-names.ts'
import { latestCells } from './Overview.tsx'
import { SharedTotals } from './sharing/SharedTotals.tsx'

const COMPARE = ['CN', 'CENTRAL'] as const

async function load(code: string) {
  const [indicators, regions] = await Promise.all([api.indicators(), namedRegions()])
  // the page's choice: the nation and the provinces
  const provinces = regions.filter((r) => r.level === 'nation' || r.level === 'province')
  const observations = await api.observations({
    indicator: indicators.map((i) => i.key).join(','),
    region: [code, ...COMPARE].join(','),
    preferredOnly: 'true',
  })
  return { indicators, provinces, observations }
}

export function RegionPage() {
  const { code = '42' } = useParams()
  const navigate = useNavigate()
  const { t, i18n } = useTranslation()
  const name = useLangName()
  const { data, error, loading } = useLoad(() => load(code), code)
  if (!data) return <Status loading={loading} error={error} />
  const region = data.provinces.find((p) => p.code === code)
  const regionName = name(region, code)
  const cells = latestCells(data.observations)
  const shown = [code, ...COMPARE].flatMap((c) =>
    data.indicators.map((ind) => cells.get(`${ind.key}|${c}`)?.latest),
  )
  const valueColumn = (c: string, title: string) => ({
    title,
    key: c,
    render: (_: unknown, ind: Indicator) => {
      const latest = cells.get(`${ind.key}|${c}`)?.latest
      if (!latest) return <Typography.Text type="secondary">{t('common.noData')}</Typography.Text>
      return (
        <Tooltip
          title={
            <>
              <ObservationSource o={latest} formula={ind.formula} /> · <Cite>{latest.release}</Cite>
            </>
          }
        >
          <span>
            {formatValue(latest.value, i18n.language)}{' '}
            <Typography.Text type="secondary">({latest.period})</Typography.Text>
            {latest.synthetic && (
              <Tag color="red" style={{ marginInlineStart: 4 }} data-testid="cell-synthetic">
                {t('common.synthetic')}
              </Tag>
            )}
          </span>
        </Tooltip>
      )
    },
  })
  const columns = [
    {
      title: t('common.indicator'),
      key: 'name',
      render: (_: unknown, i: Indicator) => <Link to={`/indicators/${i.key}`}>{name(i)}</Link>,
    },
    {
      title: t('common.unit'),
      key: 'unit',
      render: (_: unknown, i: Indicator) => unitName(i, i18n.language, t),
    },
    valueColumn(code, regionName),
    valueColumn('CN', t('common.national')),
    valueColumn('CENTRAL', t('common.central')),
  ]
  return (
    <Card
      title={t('region.heading', { name: regionName })}
      extra={
        <Select
          showSearch={{ optionFilterProp: 'label' }}
          style={{ width: 220 }}
          value={code}
          onChange={(c) => navigate(`/regions/${c}`)}
          options={data.provinces.map((p) => ({ value: p.code, label: name(p) }))}
          aria-label={t('region.choose')}
        />
      }
    >
      <Typography.Paragraph type="secondary">{t('region.compare')}</Typography.Paragraph>
      <Table
        rowKey="key"
        size="small"
        columns={columns}
        dataSource={data.indicators}
        pagination={false}
        data-testid="region-table"
      />
      <Provenance data={fromObservations(shown)} />
      <SharedTotals region={code} />
    </Card>
  )
}
