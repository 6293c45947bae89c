import { Card, Table, Tag, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router-dom'
import { api } from '../../api.ts'
import { Status } from '../../components/Status.tsx'
import { useLoad } from '../../hooks.ts'
import { useLangName } from '../../i18n/index.ts'
import { useSession } from '../../session.tsx'
import { type AgreementView, getJson } from './sharing-api.ts'

/** The sharing agreements the reader may see: those in force, and drafts of his parks or regions. */
export function SharingPage() {
  const { t, i18n } = useTranslation()
  const name = useLangName()
  const { user } = useSession()
  const data = useLoad(async () => {
    const [list, regions] = await Promise.all([
      getJson<{ agreements: AgreementView[] }>('/api/sharing/agreements'),
      api.regions('?level=province'),
    ])
    return { agreements: list?.agreements ?? [], regions }
  }, ['sharing', user?.username])
  if (!data.data) return <Status loading={data.loading} error={data.error} />
  const region = (c: string) =>
    name(
      data.data?.regions.find((r) => r.code === c),
      c,
    )
  const en = i18n.language === 'en'
  return (
    <Card title={t('sharing.heading')}>
      <Typography.Paragraph type="secondary">{t('sharing.intro')}</Typography.Paragraph>
      <Table<AgreementView>
        rowKey="id"
        size="small"
        pagination={false}
        data-testid="agreements"
        locale={{ emptyText: t('sharing.none') }}
        dataSource={data.data.agreements}
        columns={[
          {
            title: t('sharing.park'),
            dataIndex: 'id',
            render: (_: string, a) => (
              <Link to={`/sharing/${encodeURIComponent(a.id)}`}>
                {en && a.parkName.en ? a.parkName.en : a.parkName.zh}
              </Link>
            ),
          },
          { title: t('sharing.origin'), dataIndex: 'originRegion', render: region },
          { title: t('sharing.host'), dataIndex: 'hostRegion', render: region },
          {
            title: t('sharing.state'),
            dataIndex: 'state',
            render: (s: string) => (
              <Tag color={s === 'active' ? 'green' : 'orange'}>{t(`sharing.states.${s}`)}</Tag>
            ),
          },
          { title: t('sharing.versions'), render: (_: unknown, a) => a.versions.length },
        ]}
      />
    </Card>
  )
}
