import { Alert, Card, Table } from 'antd'
import { useTranslation } from 'react-i18next'
import { ScrollRegion } from '../../components/ScrollRegion.tsx'
import { Status } from '../../components/Status.tsx'
import { useLoad } from '../../hooks.ts'

interface Entry {
  seq: number
  at: string
  actor: string
  action: string
  objectType: string
  objectId: string
  region: string
  details: Record<string, unknown>
  hash: string
}

/** The audit trail with the verification of the whole hash chain (administrators and reviewers). */
export function AuditPage() {
  const { t } = useTranslation()
  const data = useLoad(async () => {
    const res = await fetch('/api/audit?limit=500')
    const body = (await res.json()) as {
      entries: Entry[]
      verification: { ok: boolean; count?: number; firstBadSeq?: number; reason?: string }
      error?: { message: string }
    }
    if (!res.ok) throw new Error(body.error?.message)
    return body
  }, 'audit')
  if (!data.data) return <Status loading={data.loading} error={data.error} />
  const v = data.data.verification
  return (
    <Card title={t('audit.heading')}>
      <Alert
        data-testid="audit-verification"
        type={v.ok ? 'success' : 'error'}
        showIcon
        title={
          v.ok
            ? t('audit.intact', { count: v.count })
            : t('audit.broken', { seq: v.firstBadSeq, reason: v.reason })
        }
        style={{ marginBottom: 16 }}
      />
      <ScrollRegion label={t('audit.heading')}>
        <Table<Entry>
          style={{ minWidth: 'max-content' }}
          rowKey="seq"
          size="small"
          data-testid="audit-table"
          dataSource={[...data.data.entries].reverse()}
          pagination={{ pageSize: 50 }}
          columns={[
            { title: '#', dataIndex: 'seq' },
            {
              title: t('audit.at'),
              dataIndex: 'at',
              render: (s: string) => s.slice(0, 19).replace('T', ' '),
            },
            { title: t('audit.actor'), dataIndex: 'actor' },
            { title: t('audit.action'), dataIndex: 'action' },
            {
              title: t('audit.object'),
              ellipsis: true,
              width: 220,
              render: (_, e) => `${e.objectType} ${e.objectId}`,
            },
            {
              title: t('audit.details'),
              ellipsis: true,
              width: 360,
              render: (_, e) => (
                <code title={JSON.stringify(e.details, null, 1)}>{JSON.stringify(e.details)}</code>
              ),
            },
            {
              title: 'hash',
              dataIndex: 'hash',
              render: (h: string) => <code title={h}>{h.slice(0, 10)}…</code>,
            },
          ]}
        />
      </ScrollRegion>
    </Card>
  )
}
