import { Alert, Button, Card, Table, Tabs, Tag, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Status } from '../../components/Status.tsx'
import { useLoad } from '../../hooks.ts'
import { useSession } from '../../session.tsx'
import {
  type AgreementView,
  type AllocationView,
  agreementPath,
  getJson,
  type MetricTerms,
  type View,
} from './sharing-api.ts'

/**
 * The newest allocation in its three views, never mixed: the official in-situ view, the agreed
 * allocation, and (for the parties alone, flagged) the assessment-only double count; regional
 * totals as published and after sharing, with the balance check on the page.
 */
export function AllocationCard(props: {
  agreement: AgreementView
  region: (code: string) => string
  tick: number
  onAllocated: (message: string) => void
  metricLabel: (m: MetricTerms) => string
}) {
  const { t } = useTranslation()
  const { send } = useSession()
  const [view, setView] = useState<View>('allocation')
  const a = props.agreement
  const data = useLoad(
    () => getJson<AllocationView>(`${agreementPath(a.id)}/allocations/latest?view=${view}`),
    [a.id, view, props.tick],
  )
  const metrics = new Map(a.versions.flatMap((v) => v.terms.metrics.map((m) => [m.metric, m] as const)))
  const label = (key: string) => {
    const m = metrics.get(key)
    return m ? props.metricLabel(m) : key
  }
  const views: View[] = a.canSeeAssessment
    ? ['allocation', 'official', 'assessment']
    : ['allocation', 'official']
  const canAllocate = a.mySides.length > 0
  const al = data.data
  return (
    <Card
      title={t('sharing.views.allocation')}
      data-testid="allocation-card"
      extra={
        canAllocate && (
          <Button
            data-testid="allocate"
            onClick={async () => {
              try {
                const r = await send<{ allocationId: number }>(`${agreementPath(a.id)}/allocations`, {})
                props.onAllocated(t('sharing.allocated', { id: r.allocationId }))
              } catch (e) {
                props.onAllocated((e as Error).message)
              }
            }}
          >
            {t('sharing.allocate')}
          </Button>
        )
      }
    >
      <Tabs
        activeKey={view}
        onChange={(k) => setView(k as View)}
        items={views.map((v) => ({
          key: v,
          label: <span data-testid={`view-${v}`}>{t(`sharing.views.${v}`)}</span>,
        }))}
      />
      {data.loading && !al ? (
        <Status loading error={undefined} />
      ) : !al ? (
        <Typography.Text type="secondary">{t('sharing.noAllocation')}</Typography.Text>
      ) : (
        <>
          <Typography.Paragraph type="secondary">
            {t('sharing.allocationOf', {
              id: al.id,
              release: al.releaseId,
              versions: al.versions.join(', '),
              asOf: al.asOf,
            })}
          </Typography.Paragraph>
          {al.doubleCounted && <Alert type="warning" showIcon title={t('sharing.doubleCountedWarning')} />}
          <Table
            rowKey={(c) => `${c.projectId}/${c.metric}/${c.period}/${c.region}`}
            size="small"
            pagination={false}
            data-testid="credits"
            dataSource={al.credits}
            columns={[
              { title: t('sharing.project'), dataIndex: 'projectId' },
              { title: t('sharing.metric'), dataIndex: 'metric', render: label },
              { title: t('sharing.period'), dataIndex: 'period' },
              {
                title: t('sharing.region'),
                dataIndex: 'region',
                render: (c: string) => (c === 'CN' ? t('common.national') : props.region(c)),
              },
              { title: t('sharing.credited'), dataIndex: 'amount', align: 'right' },
            ]}
          />
          {!al.doubleCounted && (
            <>
              <Typography.Title level={5} style={{ marginTop: 16 }}>
                {t('sharing.published')} / {t('sharing.afterSharing')}
              </Typography.Title>
              <Tag color={al.balanced ? 'green' : 'red'} data-testid="balance-check">
                {al.balanced ? t('sharing.balanced') : t('sharing.unbalanced')}
              </Tag>
              <Table
                rowKey={(x) => `${x.metric}/${x.period}/${x.region}`}
                size="small"
                pagination={false}
                data-testid="regional-totals"
                dataSource={al.totals.filter((x) => x.region !== 'CN')}
                columns={[
                  { title: t('sharing.metric'), dataIndex: 'metric', render: label },
                  { title: t('sharing.period'), dataIndex: 'period' },
                  { title: t('sharing.region'), dataIndex: 'region', render: props.region },
                  { title: t('sharing.published'), dataIndex: 'published', align: 'right' },
                  { title: t('sharing.afterSharing'), dataIndex: 'afterSharing', align: 'right' },
                ]}
              />
            </>
          )}
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            {t('sharing.projects')}
          </Typography.Title>
          <Table
            rowKey="projectId"
            size="small"
            pagination={false}
            dataSource={al.projects}
            columns={[
              { title: t('sharing.project'), render: (_: unknown, p) => `${p.projectId} ${p.name}` },
              { title: t('sharing.start'), dataIndex: 'start' },
              { title: t('sharing.termEnd'), dataIndex: 'termEnd' },
              {
                title: t('sharing.state'),
                dataIndex: 'state',
                render: (s: string) => t(`sharing.termStates.${s}`),
              },
              { title: t('sharing.capAmount'), dataIndex: 'cap' },
              { title: t('sharing.cumulative'), dataIndex: 'originCumulative' },
            ]}
          />
          {al.settlements.map((s) => (
            <Alert
              key={s.projectId}
              type="info"
              showIcon
              title={t('sharing.settlements', { project: s.projectId, due: s.due, shortfall: s.shortfall })}
            />
          ))}
        </>
      )}
    </Card>
  )
}
