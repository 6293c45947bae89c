import { Button, Card, Input, List, Space, Tag, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Authored } from '../../components/Lang.tsx'
import type { ReportView } from './task-api.ts'

const STATUS_COLOR = { submitted: 'processing', accepted: 'success', returned: 'warning' } as const

/** Reports, newest first, with their evidence files and (for reviewers) accept / return. */
export function ReportList({
  reports,
  canReview,
  onReview,
}: {
  reports: ReportView[]
  canReview: boolean
  onReview: (id: string, body: { decision: 'accept' | 'return'; note?: string }) => void
}) {
  const { t } = useTranslation()
  const [note, setNote] = useState('')
  return (
    <Card title={t('tasks.reports')}>
      <List
        data-testid="report-list"
        dataSource={reports}
        locale={{ emptyText: t('tasks.noReports') }}
        renderItem={(r) => (
          <List.Item data-testid={`report-${r.status}`}>
            <Space orientation="vertical" style={{ width: '100%' }}>
              <Space wrap>
                <Tag color={STATUS_COLOR[r.status]}>{t(`tasks.reportStatus.${r.status}`)}</Tag>
                <span>{r.period}</span>
                <strong>{r.percentComplete}%</strong>
                <Typography.Text type="secondary">
                  {r.redacted ? '' : `${r.submittedBy} · `}
                  {r.submittedAt.slice(0, 16).replace('T', ' ')}
                </Typography.Text>
              </Space>
              <Typography.Paragraph style={{ marginBottom: 0 }} type={r.redacted ? 'secondary' : undefined}>
                {r.redacted ? t('tasks.truth.hidden') : <Authored text={r.narrative} />}
              </Typography.Paragraph>
              {r.evidence.map((e) => (
                <a key={e.sha256} href={`/api/evidence/${e.sha256}`} download>
                  📎 {e.name ?? e.sha256.slice(0, 12)} ({Math.ceil(e.size / 1024)} KB)
                </a>
              ))}
              {r.reviewNote && (
                <Typography.Text type="warning">
                  {t('tasks.reviewNote')}
                  {t('provenance.colon')}
                  <Authored text={r.reviewNote} />
                </Typography.Text>
              )}
              {canReview && r.status === 'submitted' && (
                <Space wrap>
                  <Input.TextArea
                    rows={2}
                    style={{ width: 360 }}
                    placeholder={t('tasks.returnNote')}
                    value={note}
                    onChange={(e) => setNote(e.target.value)}
                    data-testid="review-note"
                  />
                  <Button
                    type="primary"
                    onClick={() => onReview(r.id, { decision: 'accept' })}
                    data-testid="review-accept"
                  >
                    {t('tasks.accept')}
                  </Button>
                  <Button
                    danger
                    onClick={() => onReview(r.id, { decision: 'return', note })}
                    data-testid="review-return"
                  >
                    {t('tasks.return')}
                  </Button>
                </Space>
              )}
            </Space>
          </List.Item>
        )}
      />
    </Card>
  )
}
