import { Button, Card, Space, Table, Tag, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { useLoad } from '../../hooks.ts'
import { useSession } from '../../session.tsx'
import { type AgreementView, agreementPath, getJson, type ReconciliationView } from './sharing-api.ts'

type Period = ReconciliationView['periods'][number]

/** Per period: what the newest allocation used against the newest records, the differences, and settling. */
export function ReconciliationCard(props: {
  agreement: AgreementView
  tick: number
  onChanged: (m: string) => void
}) {
  const { t } = useTranslation()
  const { send } = useSession()
  const a = props.agreement
  const data = useLoad(
    () => getJson<ReconciliationView>(`${agreementPath(a.id)}/reconciliation`),
    [a.id, props.tick],
  )
  const r = data.data
  if (!r) return null
  const move = async (period: string, state: string) => {
    try {
      await send(`${agreementPath(a.id)}/periods/${period}`, { state })
      props.onChanged(t(`sharing.states.${state}`))
    } catch (e) {
      props.onChanged((e as Error).message)
    }
  }
  const party = a.mySides.length > 0
  return (
    <Card
      title={t('sharing.reconciliation')}
      data-testid="reconciliation"
      extra={
        <Button href={`${agreementPath(a.id)}/reconciliation?format=xlsx`} data-testid="reconciliation-xlsx">
          {t('sharing.downloadXlsx')}
        </Button>
      }
    >
      <Table<Period>
        rowKey="period"
        size="small"
        pagination={false}
        dataSource={r.periods}
        columns={[
          { title: t('sharing.period'), dataIndex: 'period' },
          {
            title: t('sharing.state'),
            dataIndex: 'state',
            render: (s: string) => <Tag data-testid="period-state">{t(`sharing.states.${s}`)}</Tag>,
          },
          { title: t('sharing.differences'), dataIndex: 'differences' },
          {
            title: '',
            render: (_: unknown, p) =>
              party && (
                <Space>
                  {p.state === 'open' && (
                    <Button
                      size="small"
                      onClick={() => move(p.period, 'settled')}
                      data-testid={`settle-${p.period}`}
                    >
                      {t('sharing.settle')}
                    </Button>
                  )}
                  {p.state === 'settled' && (
                    <>
                      <Button size="small" onClick={() => move(p.period, 'closed')}>
                        {t('sharing.close')}
                      </Button>
                      <Button size="small" onClick={() => move(p.period, 'open')}>
                        {t('sharing.reopen')}
                      </Button>
                    </>
                  )}
                </Space>
              ),
          },
        ]}
        expandable={{
          defaultExpandAllRows: true,
          expandedRowRender: (p) => (
            <Table
              rowKey="metric"
              size="small"
              pagination={false}
              dataSource={p.lines}
              columns={[
                {
                  title: t('sharing.metric'),
                  dataIndex: 'metric',
                  render: (m: string) => t(`sharing.metrics.${m}`, { defaultValue: m }),
                },
                { title: t('sharing.allocatedAmount'), dataIndex: 'allocated', align: 'right' },
                { title: t('sharing.origin'), dataIndex: 'origin', align: 'right' },
                { title: t('sharing.host'), dataIndex: 'host', align: 'right' },
                { title: t('sharing.recorded'), dataIndex: 'recorded', align: 'right' },
                { title: t('sharing.difference'), dataIndex: 'difference', align: 'right' },
              ]}
            />
          ),
        }}
      />
      <Typography.Text type={r.balanced ? 'success' : 'danger'}>
        {r.balanced ? t('sharing.balanced') : t('sharing.unbalanced')}
      </Typography.Text>
    </Card>
  )
}
