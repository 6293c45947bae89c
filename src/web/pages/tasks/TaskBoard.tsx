import { Card, Progress, Select, Space, Table, Tag } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router-dom'
import { Authored } from '../../components/Lang.tsx'
import { Status } from '../../components/Status.tsx'
import { CENTRAL_PROVINCES } from '../../format.ts'
import { useLoad } from '../../hooks.ts'
import { warningText } from '../../i18n/words.ts'
import { useRegionName } from '../../region-names.ts'
import { type TaskView, WARNING_COLOR } from './task-api.ts'

/** The task board: every task with its state, progress and warning, by province. */
export function TaskBoard() {
  const { t, i18n } = useTranslation()
  const [region, setRegion] = useState<string | undefined>()
  const tasks = useLoad(
    async () =>
      (
        (await (await fetch(`/api/tasks${region ? `?region=${region}` : ''}`)).json()) as {
          tasks: TaskView[]
        }
      ).tasks,
    region ?? 'all',
  )
  const regionName = useRegionName()
  const columns = [
    {
      title: t('tasks.title'),
      dataIndex: 'title',
      render: (v: string, r: TaskView) => (
        <Link to={`/tasks/${r.id}`} data-testid={`task-${r.id}`}>
          <Authored text={v} />
        </Link>
      ),
    },
    { title: t('common.region'), dataIndex: 'regionCode', render: regionName },
    {
      title: t('tasks.state'),
      dataIndex: 'state',
      render: (s: string) => <Tag data-testid="task-state">{t(`tasks.states.${s}`)}</Tag>,
    },
    { title: t('tasks.deadline'), dataIndex: 'deadline' },
    {
      title: t('tasks.progress'),
      render: (_: unknown, r: TaskView) =>
        r.progress ? (
          <Progress
            percent={r.progress.percent}
            size="small"
            status={r.progress.accepted ? 'success' : 'active'}
            format={(p) => `${p}%`}
          />
        ) : (
          '—'
        ),
    },
    {
      title: t('tasks.warning'),
      render: (_: unknown, r: TaskView) =>
        r.warning ? (
          <Tag
            color={WARNING_COLOR[r.warning]}
            title={r.warnings.map((w) => warningText(w, r.milestones ?? [], t, i18n.language)).join('\n')}
          >
            {t(`tasks.warnings.${r.warning}`)}
          </Tag>
        ) : (
          '—'
        ),
    },
  ]
  return (
    <Card
      title={t('tasks.board')}
      extra={
        <Space>
          <Select
            allowClear
            style={{ width: 160 }}
            placeholder={t('plans.allProvinces')}
            aria-label={t('common.region')}
            value={region}
            onChange={setRegion}
            options={CENTRAL_PROVINCES.map((c) => ({ value: c, label: regionName(c) }))}
          />
        </Space>
      }
    >
      <Status loading={tasks.loading} error={tasks.error} />
      <Table
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={tasks.data ?? []}
        pagination={{ pageSize: 20 }}
        data-testid="task-board"
      />
    </Card>
  )
}
