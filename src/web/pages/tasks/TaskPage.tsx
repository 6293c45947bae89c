import { Alert, Button, Card, Descriptions, Space, Tag, Timeline } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useParams } from 'react-router-dom'
import { Authored, Quoting } from '../../components/Lang.tsx'
import { Status } from '../../components/Status.tsx'
import { useLoad } from '../../hooks.ts'
import { warningText } from '../../i18n/words.ts'
import { useRegionName } from '../../region-names.ts'
import { hasRole, useSession } from '../../session.tsx'
import { usePlanItemTitle } from '../plans/plan-titles.ts'
import { ReportForm } from './ReportForm.tsx'
import { ReportList } from './ReportList.tsx'
import { type TaskDetail, WARNING_COLOR } from './task-api.ts'

/** One task: what it is, its history, its reports, and the actions the signed-in user may take. */
export function TaskPage() {
  const { id = '' } = useParams()
  const { t, i18n } = useTranslation()
  const { user, send } = useSession()
  const regionName = useRegionName()
  const itemTitle = usePlanItemTitle()
  const [version, setVersion] = useState(0)
  const [error, setError] = useState<string>()
  const detail = useLoad(async () => {
    const res = await fetch(`/api/tasks/${encodeURIComponent(id)}`)
    const body = (await res.json()) as TaskDetail & { error?: { message: string } }
    if (!res.ok) throw new Error(body.error?.message)
    return body
  }, [id, version, user?.username])
  const reload = () => setVersion((v) => v + 1)
  const act = async (fn: () => Promise<unknown>) => {
    setError(undefined)
    try {
      await fn()
      reload()
    } catch (e) {
      setError((e as Error).message)
    }
  }
  if (!detail.data) return <Status loading={detail.loading} error={detail.error} />
  const { task, history, reports, next } = detail.data
  const officer = hasRole(user, 'provincial_officer')
  const simple = next.filter((e) => ['acknowledge', 'start', 'close'].includes(e))
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      {error && <Alert type="error" showIcon title={error} data-testid="task-error" closable />}
      <Card
        title={<Authored text={task.title} />}
        extra={<Tag data-testid="task-state">{t(`tasks.states.${task.state}`)}</Tag>}
      >
        <Descriptions column={2} size="small">
          <Descriptions.Item label={t('common.region')}>
            <span data-testid="task-region">{regionName(task.regionCode)}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('tasks.leadBody')}>
            {task.leadBody ? <Authored text={task.leadBody} /> : '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('tasks.start')}>{task.start}</Descriptions.Item>
          <Descriptions.Item label={t('tasks.deadline')}>{task.deadline}</Descriptions.Item>
          <Descriptions.Item label={t('tasks.planNode')}>
            {task.planId ? (
              <span data-testid="task-plan-item" data-item={task.planNodeId ?? task.planId}>
                {itemTitle(task.planNodeId ?? task.planId)}
              </span>
            ) : (
              '—'
            )}
          </Descriptions.Item>
          <Descriptions.Item label={t('tasks.progress')}>
            <span data-testid="task-progress">
              {task.progress
                ? t('tasks.truth.progress', {
                    percent: task.progress.percent,
                    period: task.progress.period,
                    status: t(`tasks.reportStatus.${task.progress.accepted ? 'accepted' : 'submitted'}`),
                  })
                : t('tasks.truth.none')}
            </span>
          </Descriptions.Item>
          <Descriptions.Item label={t('tasks.warning')}>
            {task.warnings.length
              ? task.warnings.map((w) => (
                  <Tag key={w.code + w.due} color={WARNING_COLOR[w.level]} data-testid={`warning-${w.code}`}>
                    {warningText(w, task.milestones ?? [], t, i18n.language)}
                  </Tag>
                ))
              : '—'}
          </Descriptions.Item>
        </Descriptions>
        {user && simple.length > 0 && (
          <Space style={{ marginTop: 12 }}>
            {simple.map((e) => (
              <Button
                key={e}
                data-testid={`event-${e}`}
                onClick={() => act(() => send(`/api/tasks/${task.id}/transitions`, { event: e }))}
              >
                {t(`tasks.events.${e}`)}
              </Button>
            ))}
          </Space>
        )}
      </Card>
      {officer && task.state === 'in_progress' && (
        <ReportForm task={task} onDone={reload} onError={setError} />
      )}
      <ReportList
        reports={reports}
        canReview={hasRole(user, 'reviewer')}
        onReview={(rid, body) => act(() => send(`/api/reports/${rid}/review`, body))}
      />
      <Card title={t('tasks.history')}>
        <Timeline
          data-testid="task-history"
          items={history.map((h) => ({
            content: (
              <Quoting
                text={`${h.at.slice(0, 16).replace('T', ' ')} · ${h.actor} · ${t(`tasks.events.${h.event}`)} (${t(`tasks.states.${h.fromState}`)} → ${t(`tasks.states.${h.toState}`)})${h.reason ? ` · ${h.reason}` : ''}`}
                quotes={h.reason ? [h.reason] : []}
              />
            ),
          }))}
        />
      </Card>
    </Space>
  )
}
