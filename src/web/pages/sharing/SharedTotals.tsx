import { Card, Table, Tag, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router-dom'
import { useLoad } from '../../hooks.ts'
import { getJson } from './sharing-api.ts'

interface Totals {
  totals: { metric: string; period: string; region: string; published: string; afterSharing: string }[]
  balanced: boolean
  agreements: string[]
}

/** A region's shared metrics as published and after sharing, with the balance check; nothing if none. */
export function SharedTotals({ region }: { region: string }) {
  const { t } = useTranslation()
  const data = useLoad(
    () => getJson<Totals>(`/api/sharing/totals?region=${encodeURIComponent(region)}`),
    region,
  )
  const d = data.data
  if (!d?.totals.length) return null
  return (
    <Card title={t('sharing.heading')} style={{ marginTop: 16 }} data-testid="shared-totals">
      <Typography.Paragraph type="secondary">
        {d.agreements.map((id) => (
          <Link key={id} to={`/sharing/${encodeURIComponent(id)}`} style={{ marginRight: 8 }}>
            {id}
          </Link>
        ))}
      </Typography.Paragraph>
      <Tag color={d.balanced ? 'green' : 'red'}>
        {d.balanced ? t('sharing.balanced') : t('sharing.unbalanced')}
      </Tag>
      <Table
        rowKey={(x) => `${x.metric}/${x.period}`}
        size="small"
        pagination={false}
        dataSource={d.totals}
        columns={[
          {
            title: t('sharing.metric'),
            dataIndex: 'metric',
            render: (m: string) => t(`sharing.metrics.${m}`, { defaultValue: m }),
          },
          { title: t('sharing.period'), dataIndex: 'period' },
          { title: t('sharing.published'), dataIndex: 'published', align: 'right' },
          { title: t('sharing.afterSharing'), dataIndex: 'afterSharing', align: 'right' },
        ]}
      />
    </Card>
  )
}
