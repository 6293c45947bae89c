import { Alert, Card, Select, Space, Typography } from 'antd'
import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { api, type GeoJSON, type Observation, type Region } from '../api.ts'
import { Chart } from '../components/Chart.tsx'
import { type EChartsOption, echarts } from '../components/echarts.ts'
import { Provenance } from '../components/Provenance.tsx'
import { fromObservations } from '../components/provenance.ts'
import { Status } from '../components/Status.tsx'
import { CENTRAL_PROVINCES, escapeHtml, formatValue } from '../format.ts'
import { useLoad } from '../hooks.ts'
import { useLangName } from '../i18n/index.ts'
import { unitName } from '../i18n/words.ts'

const MAP = 'jueqi-provinces'

/** Register the province boundaries under their two-digit GB/T 2260 codes, the key the data uses. */
function registerMap(geo: GeoJSON) {
  const features = geo.features.map((f) => ({
    ...f,
    properties: { ...f.properties, name: String(f.properties.id).slice(0, 2) },
  }))
  echarts.registerMap(MAP, { ...geo, features } as never)
}

async function loadBase() {
  const [geo, indicators, provinces] = await Promise.all([
    api.provincesGeo(),
    api.indicators(),
    api.regions('?level=province'),
  ])
  registerMap(geo)
  return { indicators, provinces }
}

export function MapPage() {
  const { t, i18n } = useTranslation()
  const name = useLangName()
  const [indicator, setIndicator] = useState('rd_intensity')
  const [year, setYear] = useState<number | undefined>()
  const base = useLoad(loadBase, 'once')
  const obs = useLoad(
    () => api.observations({ indicator, level: 'province', preferredOnly: 'true' }),
    indicator,
  )
  const years = useMemo(
    () => [...new Set((obs.data ?? []).map((o) => o.period))].sort((a, b) => b - a),
    [obs.data],
  )
  const shownYear = year !== undefined && years.includes(year) ? year : years[0]
  const provinces = useMemo(
    () => new Map<string, Region>((base.data?.provinces ?? []).map((p) => [p.code, p])),
    [base.data],
  )
  const rows = useMemo(
    () => (obs.data ?? []).filter((o) => o.period === shownYear && o.preferred),
    [obs.data, shownYear],
  )
  const option = useMemo<EChartsOption>(() => {
    const values = rows.map((r) => r.value)
    const byCode = new Map<string, Observation>(rows.map((r) => [r.region, r]))
    return {
      tooltip: {
        trigger: 'item',
        formatter: (p: { name: string }) => {
          const o = byCode.get(p.name)
          const title = name(provinces.get(p.name), p.name)
          if (!o) return `${title}<br/>${t('common.noData')}`
          return [
            `<b>${escapeHtml(title)}</b>`,
            `${escapeHtml(formatValue(o.value, i18n.language))} ${escapeHtml(unitName(o, i18n.language, t))} (${o.period})`,
            `${t('common.source')}: ${o.derived ? escapeHtml(t('common.derived')) : `<cite>${escapeHtml(o.source.slice(0, 90))}</cite>`}`,
            `${t('common.release')}: <cite>${escapeHtml(o.release)}</cite> (${escapeHtml(o.releaseDate)})`,
            ...(o.synthetic ? [`<b style="color:#cf1322">${escapeHtml(t('common.synthetic'))}</b>`] : []),
          ].join('<br/>')
        },
      },
      visualMap: {
        min: values.length ? Math.min(...values) : 0,
        max: values.length ? Math.max(...values) : 1,
        calculable: true,
        left: 'left',
        bottom: 20,
        inRange: { color: ['#fff5eb', '#fd8d3c', '#7f2704'] },
      },
      series: [
        {
          type: 'map',
          map: MAP,
          roam: true,
          name: name(
            base.data?.indicators.find((i) => i.key === indicator),
            indicator,
          ),
          data: rows.map((r) => ({ name: r.region, value: r.value })),
          itemStyle: { borderColor: '#999', borderWidth: 0.5, areaColor: '#eee' },
          regions: CENTRAL_PROVINCES.map((code) => ({
            name: code,
            itemStyle: { borderColor: '#111', borderWidth: 2.5 },
          })),
          emphasis: { label: { show: false }, itemStyle: { areaColor: '#ffd666' } },
        },
      ],
    } as EChartsOption
  }, [rows, provinces, indicator, name, t, i18n.language, base.data])
  if (!base.data) return <Status loading={base.loading} error={base.error} />
  const ind = base.data.indicators.find((i) => i.key === indicator)
  return (
    <Card title={t('map.heading')}>
      <Space wrap style={{ marginBottom: 12 }}>
        <span>{t('map.indicator')}</span>
        <Select
          showSearch={{ optionFilterProp: 'label' }}
          style={{ width: 320 }}
          value={indicator}
          onChange={(v) => setIndicator(v)}
          options={base.data.indicators.map((i) => ({
            value: i.key,
            label: `${name(i)} (${unitName(i, i18n.language, t)})`,
          }))}
          data-testid="map-indicator"
          aria-label={t('map.indicator')}
        />
        <span>{t('map.year')}</span>
        <Select
          style={{ width: 100 }}
          value={shownYear}
          onChange={(v) => setYear(v)}
          options={years.map((y) => ({ value: y, label: String(y) }))}
          data-testid="map-year"
          aria-label={t('map.year')}
        />
      </Space>
      <Alert
        type="info"
        showIcon
        title={`${t('map.disclaimer')} ${t('map.centralHighlight')}`}
        style={{ marginBottom: 12 }}
        data-testid="map-disclaimer"
      />
      <Status loading={obs.loading} error={obs.error} />
      {ind && (
        <Typography.Paragraph type="secondary">
          {name(ind)} · {unitName(ind, i18n.language, t)} · {shownYear ?? t('common.noData')}
        </Typography.Paragraph>
      )}
      <Chart
        option={option}
        title={`${ind ? name(ind) : indicator} (${shownYear ?? t('common.noData')})`}
        unit={ind?.unit}
        category={t('common.region')}
        rowName={(code) => name(provinces.get(code), code)}
        height={620}
        testId="map-chart"
      />
      <Provenance data={fromObservations(rows)} />
    </Card>
  )
}
