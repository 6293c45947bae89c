import { Alert, Card, Table } from 'antd'
import { useTranslation } from 'react-i18next'
import { Quoting } from '../../components/Lang.tsx'
import { ScrollRegion } from '../../components/ScrollRegion.tsx'
import { Status } from '../../components/Status.tsx'
import { WrapCell } from '../../components/WrapCell.tsx'
import { useLoad } from '../../hooks.ts'
import { pick } from '../../i18n/words.ts'
import { useRegionName } from '../../region-names.ts'
import { type AuditEntry, actionName, auditSummary, objectName } from './audit-text.ts'

interface Entry extends AuditEntry {
  summaryZh?: string
  summaryEn?: string
  seq: number
  at: string
  actor: string
  hash: string
}

/** The details a person wrote (a task's title, a reason, a reviewer's note), quoted as written. */
const AUTHORED = ['title', 'reason', 'note'] as const

/** The audit trail with the verification of the whole hash chain (administrators and reviewers). */
export function AuditPage() {
  const { t, i18n } = useTranslation()
  const regionName = useRegionName()
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
            { title: t('audit.action'), dataIndex: 'action', render: (a: string) => actionName(a, t) },
            {
              title: t('audit.object'),
              render: (_, e) => <WrapCell width={220}>{`${objectName(e, t)} ${e.objectId}`}</WrapCell>,
            },
            {
              title: t('audit.details'),
              // the page's own sentence (regions by name), else the server's in the page language
              render: (_, e) => (
                <WrapCell width={360}>
                  <Quoting
                    text={
                      // the page's own sentence first: it names regions by name; the server's
                      // (for API readers) where the page has none
                      auditSummary(e, t, regionName) ||
                      pick({ zh: e.summaryZh, en: e.summaryEn }, i18n.language)
                    }
                    quotes={AUTHORED.map((k) => e.details[k]).filter(
                      (v): v is string => typeof v === 'string',
                    )}
                  />
                </WrapCell>
              ),
            },
            {
              title: t('auditLog.hash'),
              dataIndex: 'hash',
              render: (h: string) => <code title={h}>{h.slice(0, 10)}…</code>,
            },
          ]}
        />
      </ScrollRegion>
    </Card>
  )
}
