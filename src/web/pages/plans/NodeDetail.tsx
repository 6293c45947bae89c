import { Card, Descriptions, Space, Table, Tag, Typography } from 'antd'
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router-dom'
import { api, type PlanNode, type TargetStatus } from '../../api.ts'
import { Chart } from '../../components/Chart.tsx'
import type { EChartsOption } from '../../components/echarts.ts'
import { Authored, InLang } from '../../components/Lang.tsx'
import { Provenance } from '../../components/Provenance.tsx'
import { fromObservations } from '../../components/provenance.ts'
import { CENTRAL_PROVINCES, formatValue } from '../../format.ts'
import { useLoad } from '../../hooks.ts'
import { useLangName } from '../../i18n/index.ts'
import { CreateTasks } from './CreateTasks.tsx'
import { ItemTitle } from './ItemTitle.tsx'
import { usePlanItemTitle } from './plan-titles.ts'
import { STATUS_COLOR } from './status-colors.ts'

/** One plan item: its wording and provenance, its targets with status and method, and a chart of the measured indicator. */
export function NodeDetail({
  node,
  statuses,
  province,
  regionName,
  national,
  planId,
}: {
  node: PlanNode
  statuses: TargetStatus[]
  province?: string | undefined
  regionName: (code: string) => string
  national?: boolean
  planId?: string
}) {
  const { t, i18n } = useTranslation()
  const implementations = useLoad(async () => {
    if (!national) return []
    const plans = (await api.plans()).filter((p) => p.level !== 'national')
    const lists = await Promise.all(
      plans.map(async (p) => ({ planId: p.planId, a: await api.alignment(p.planId) })),
    )
    return lists.flatMap(({ planId, a }) =>
      a.implemented.map((i) => ({ planId, nationalId: i.nationalId, by: i.by })),
    )
  }, ['implementations', national])
  const implementedBy = (implementations.data ?? []).filter((i) => i.nationalId === node.id)
  const itemTitle = usePlanItemTitle()
  const name = useLangName()
  const indicators = useLoad(() => api.indicators(), 'indicators')
  const indicatorName = (key: string) =>
    name(
      indicators.data?.find((i) => i.key === key),
      key,
    )
  const fmt = (v: number | null) => (v === null ? '—' : formatValue(v, i18n.language))
  const columns = [
    { title: t('common.region'), dataIndex: 'region', render: (c: string) => regionName(c) },
    {
      title: t('plans.status'),
      dataIndex: 'status',
      render: (_: string, s: TargetStatus) => (
        <Tag color={STATUS_COLOR[s.status]} data-testid={`status-${s.targetId}-${s.region}`}>
          {s.label}
        </Tag>
      ),
    },
    {
      title: t('plans.current'),
      render: (_: unknown, s: TargetStatus) =>
        s.currentYear ? `${fmt(s.currentValue)} (${s.currentYear})` : '—',
    },
    {
      title: t('plans.base'),
      render: (_: unknown, s: TargetStatus) => (s.baseYear ? `${fmt(s.baseValue)} (${s.baseYear})` : '—'),
    },
    { title: t('plans.method'), dataIndex: 'method' },
    {
      title: t('plans.reason'),
      render: (_: unknown, s: TargetStatus) =>
        s.missing.length ? `${t('plans.missing')}: ${s.missing.join('; ')}` : s.reason,
    },
  ]
  const indicator = node.targets.find((x) => x.indicator)?.indicator ?? undefined
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Card title={<ItemTitle node={node} />} data-testid="node-detail">
        <Descriptions column={1} size="small">
          <Descriptions.Item label={t('words.bothTitles.zh')}>
            <span lang="zh-CN">{node.title_zh}</span>
          </Descriptions.Item>
          {node.title_en && (
            <Descriptions.Item label={t('words.bothTitles.en')}>
              <span lang="en">{node.title_en}</span>
            </Descriptions.Item>
          )}
          {node.title_status && (
            <Descriptions.Item label={t('plans.wording')}>
              <Tag color={node.title_status === 'official' ? 'green' : 'gold'}>
                {t(`plans.titleStatus.${node.title_status}`, { defaultValue: node.title_status })}
              </Tag>
            </Descriptions.Item>
          )}
          {node.related_national.length > 0 && (
            <Descriptions.Item label={t('plans.related')}>
              {node.related_national.map((r) => (
                <Tag key={r} data-item={r}>
                  {itemTitle(r)}
                </Tag>
              ))}
            </Descriptions.Item>
          )}
          {node.notes && (
            <Descriptions.Item label={t('plans.notes')}>
              <InLang en={node.notes} />
            </Descriptions.Item>
          )}
          {planId && (
            <Descriptions.Item label={t('nav.tasks')}>
              <CreateTasks planId={planId} nodeId={node.id} title={node.title_zh} regionName={regionName} />
            </Descriptions.Item>
          )}
          {implementedBy.length > 0 && (
            <Descriptions.Item label={t('plans.implementedBy')}>
              {implementedBy.flatMap((i) =>
                i.by.map((b) => (
                  <Link key={`${i.planId}-${b}`} to={`/plans/${i.planId}`}>
                    <Tag data-testid="implemented-by" data-item={b}>
                      {itemTitle(b)}
                    </Tag>
                  </Link>
                )),
              )}
            </Descriptions.Item>
          )}
        </Descriptions>
      </Card>
      <Card title={t('plans.targets')}>
        {node.targets.length === 0 && (
          <Typography.Text type="secondary">{t('plans.noTargets')}</Typography.Text>
        )}
        {node.targets.map((target) => (
          <div key={target.id} style={{ marginBottom: 16 }}>
            <Typography.Paragraph>
              <Typography.Text strong>
                <Authored text={target.text} />
              </Typography.Text>{' '}
              {target.indicator && (
                <Link to={`/indicators/${target.indicator}`}>{indicatorName(target.indicator)}</Link>
              )}{' '}
              {target.deadline && (
                <Tag>
                  {t('plans.deadline')} {target.deadline}
                </Tag>
              )}
            </Typography.Paragraph>
            <Table
              size="small"
              pagination={false}
              rowKey={(s) => `${s.targetId}|${s.region}`}
              columns={columns}
              dataSource={statuses.filter((s) => s.targetId === target.id)}
            />
          </div>
        ))}
      </Card>
      {indicator && (
        <IndicatorChart
          indicator={indicator}
          title={indicatorName(indicator)}
          province={province}
          regionName={regionName}
        />
      )}
    </Space>
  )
}

function IndicatorChart({
  indicator,
  title,
  province,
  regionName,
}: {
  indicator: string
  title: string
  province?: string | undefined
  regionName: (code: string) => string
}) {
  const regions = province ? ['CN', province] : ['CN', ...CENTRAL_PROVINCES]
  const key = { indicator, region: regions.join(',') }
  const { t } = useTranslation()
  const obs = useLoad(() => Promise.all([api.observations(key), api.indicators()]), key)
  const rows = useMemo(() => (obs.data?.[0] ?? []).filter((o) => o.preferred), [obs.data])
  const ind = obs.data?.[1].find((i) => i.key === indicator)
  const option = useMemo<EChartsOption>(() => {
    const periods = [...new Set(rows.map((r) => r.period))].sort((a, b) => a - b)
    return {
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 60, right: 20, top: 40, bottom: 30 },
      xAxis: { type: 'category', data: periods.map(String) },
      yAxis: { type: 'value', scale: true },
      series: regions.map((code) => {
        const byPeriod = new Map(rows.filter((r) => r.region === code).map((r) => [r.period, r.value]))
        return { type: 'line', name: regionName(code), data: periods.map((p) => byPeriod.get(p) ?? null) }
      }),
    } as EChartsOption
  }, [rows, regions, regionName])
  return (
    <Card title={title}>
      <Chart
        option={option}
        title={title}
        unit={ind?.unit}
        category={t('common.year')}
        height={280}
        testId="target-chart"
      />
      <Provenance data={fromObservations(rows)} testId="target-provenance" />
    </Card>
  )
}
