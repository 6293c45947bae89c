import { Alert, Button, Card, Descriptions, Space, Table, Tag, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useParams } from 'react-router-dom'
import { api } from '../../api.ts'
import { Status } from '../../components/Status.tsx'
import { useLoad } from '../../hooks.ts'
import { useLangName } from '../../i18n/index.ts'
import { unitName } from '../../i18n/words.ts'
import { useSession } from '../../session.tsx'
import { AllocationCard } from './AllocationCard.tsx'
import { ReconciliationCard } from './ReconciliationCard.tsx'
import { RecordForm } from './RecordForm.tsx'
import { type AgreementView, agreementPath, getJson, type MetricTerms } from './sharing-api.ts'

/** One agreement: parties, versions and confirmations, terms, recording, allocation and reconciliation. */
export function AgreementPage() {
  const { id = '' } = useParams()
  const { t, i18n } = useTranslation()
  const name = useLangName()
  const { user, send } = useSession()
  const [tick, setTick] = useState(0)
  const [message, setMessage] = useState<{ type: 'success' | 'error'; text: string } | null>(null)
  const data = useLoad(async () => {
    const [a, regions] = await Promise.all([
      getJson<AgreementView>(agreementPath(id)),
      api.regions('?level=province'),
    ])
    return { a, regions }
  }, [id, tick, user?.username])
  if (!data.data) return <Status loading={data.loading} error={data.error} />
  const { a, regions } = data.data
  if (!a) return <Status loading={false} error={t('common.noData')} />
  const region = (c: string) =>
    name(
      regions.find((r) => r.code === c),
      c,
    )
  const en = i18n.language === 'en'
  const act = async (fn: () => Promise<string>) => {
    try {
      setMessage({ type: 'success', text: await fn() })
      setTick((x) => x + 1)
    } catch (e) {
      setMessage({ type: 'error', text: (e as Error).message })
    }
  }
  const current = a.versions.filter((v) => v.state === 'in_force').at(-1) ?? a.versions.at(-1)!
  const metricLabel = (m: MetricTerms) =>
    m.name ? (en ? m.name.en : m.name.zh) : t(`sharing.metrics.${m.metric}`, { defaultValue: m.metric })
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <Card
        title={`${en && a.parkName.en ? a.parkName.en : a.parkName.zh} · ${en ? current.terms.name.en || current.terms.name.zh : current.terms.name.zh}`}
      >
        {message && (
          <Alert type={message.type} title={message.text} showIcon closable data-testid="sharing-message" />
        )}
        <Descriptions size="small" column={2}>
          <Descriptions.Item label={t('sharing.origin')}>{region(a.originRegion)}</Descriptions.Item>
          <Descriptions.Item label={t('sharing.host')}>{region(a.hostRegion)}</Descriptions.Item>
          <Descriptions.Item label={t('sharing.state')}>
            <Tag color={a.state === 'active' ? 'green' : 'orange'} data-testid="agreement-state">
              {t(`sharing.states.${a.state}`)}
            </Tag>
          </Descriptions.Item>
          <Descriptions.Item label={t('sharing.mySides')}>
            {a.mySides.map((s) => t(`sharing.sides.${s}`)).join(', ') || '—'}
          </Descriptions.Item>
        </Descriptions>
        <Typography.Title level={5}>{t('sharing.versions')}</Typography.Title>
        <Table
          rowKey="version"
          size="small"
          pagination={false}
          dataSource={a.versions}
          columns={[
            { title: t('sharing.version'), dataIndex: 'version' },
            { title: t('sharing.effectiveFrom'), dataIndex: 'effectiveFrom' },
            {
              title: t('sharing.state'),
              dataIndex: 'state',
              render: (s: string) => t(`sharing.states.${s}`),
            },
            {
              title: t('sharing.confirmedBy'),
              render: (_: unknown, v) =>
                (['origin', 'host'] as const).map((side) => (
                  <div key={side}>
                    {t(`sharing.sides.${side}`)}: {v.confirmations[side]?.by ?? t('sharing.notConfirmed')}
                    {v.state === 'draft' && !v.confirmations[side] && a.mySides.includes(side) && (
                      <Button
                        size="small"
                        type="link"
                        data-testid={`confirm-${side}`}
                        onClick={() =>
                          act(async () => {
                            await send(`${agreementPath(a.id)}/versions/${v.version}/confirmation`, { side })
                            return t('sharing.confirmed')
                          })
                        }
                      >
                        {t('sharing.confirm', { side: t(`sharing.sides.${side}`) })}
                      </Button>
                    )}
                  </div>
                )),
            },
          ]}
        />
        <Typography.Title level={5}>{t('sharing.terms')}</Typography.Title>
        <Typography.Paragraph>
          {t('sharing.term', { years: current.terms.term.years, ext: current.terms.term.extensionYears })} ·{' '}
          {t('sharing.cap')}:{' '}
          {t(`sharing.caps.${current.terms.cap.rule}`, { n: current.terms.cap.priorYears })}
        </Typography.Paragraph>
        <Table<MetricTerms>
          rowKey="metric"
          size="small"
          pagination={false}
          dataSource={current.terms.metrics}
          columns={[
            {
              title: t('sharing.metric'),
              render: (_: unknown, m) => `${metricLabel(m)} (${unitName(m, i18n.language, t)})`,
            },
            { title: t('sharing.originShare'), dataIndex: 'originShare' },
            { title: t('sharing.basis'), dataIndex: 'basis', render: (b: string) => t(`sharing.bases.${b}`) },
            {
              title: t('sharing.countsTowardCap'),
              dataIndex: 'countsTowardCap',
              render: (x: boolean) => (x ? '✓' : ''),
            },
            {
              title: t('sharing.doubleCount'),
              dataIndex: 'assessmentDoubleCount',
              render: (x: boolean) => (x ? '✓' : ''),
            },
          ]}
        />
      </Card>
      {a.state === 'active' && a.mySides.includes('host') && (
        <RecordForm
          agreement={a}
          terms={current.terms}
          metricLabel={metricLabel}
          onDone={(text) => act(async () => text)}
        />
      )}
      {a.state === 'active' && (
        <AllocationCard
          agreement={a}
          region={region}
          tick={tick}
          onAllocated={(text) => act(async () => text)}
          metricLabel={metricLabel}
        />
      )}
      {a.state === 'active' && (
        <ReconciliationCard agreement={a} tick={tick} onChanged={(text) => act(async () => text)} />
      )}
    </Space>
  )
}
