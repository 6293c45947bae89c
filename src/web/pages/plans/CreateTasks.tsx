import { Alert, Button, DatePicker, Form, Input, Modal, Select } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { CENTRAL_PROVINCES } from '../../format.ts'
import { hasRole, useSession } from '../../session.tsx'

/** A plan measure becomes one task per chosen province (立项 + 交办), for national planners. */
export function CreateTasks({
  planId,
  nodeId,
  title,
  regionName,
}: {
  planId: string
  nodeId: string
  title: string
  regionName: (c: string) => string
}) {
  const { t } = useTranslation()
  const { user, send } = useSession()
  const [open, setOpen] = useState(false)
  const [result, setResult] = useState<{ type: 'success' | 'error'; text: string }>()
  if (!hasRole(user, 'national_planner')) return null
  const submit = async (v: {
    regions: string[]
    deadline: { format: (f: string) => string }
    leadBody?: string
    title: string
  }) => {
    try {
      const start = new Date().toISOString().slice(0, 10)
      const made: string[] = []
      for (const regionCode of v.regions) {
        const r = await send<{ id: string }>('/api/tasks', {
          title: v.title,
          regionCode,
          planId,
          planNodeId: nodeId,
          start,
          deadline: v.deadline.format('YYYY-MM-DD'),
          leadBody: v.leadBody ?? '',
          cadence: 'quarterly',
        })
        made.push(r.id)
      }
      setResult({ type: 'success', text: t('createTasks.done', { count: made.length }) })
    } catch (e) {
      setResult({ type: 'error', text: (e as Error).message })
    }
  }
  return (
    <>
      <Button onClick={() => setOpen(true)} data-testid="create-tasks">
        {t('createTasks.button')}
      </Button>
      <Modal
        open={open}
        title={t('createTasks.heading')}
        footer={null}
        onCancel={() => setOpen(false)}
        destroyOnHidden
      >
        {result && <Alert type={result.type} title={result.text} showIcon style={{ marginBottom: 12 }} />}
        <Form layout="vertical" onFinish={submit} initialValues={{ title, regions: [] }}>
          <Form.Item name="title" label={t('tasks.title')} rules={[{ required: true }]}>
            <Input />
          </Form.Item>
          <Form.Item name="regions" label={t('createTasks.provinces')} rules={[{ required: true }]}>
            <Select
              mode="multiple"
              options={CENTRAL_PROVINCES.map((c) => ({ value: c, label: regionName(c) }))}
            />
          </Form.Item>
          <Form.Item name="deadline" label={t('tasks.deadline')} rules={[{ required: true }]}>
            <DatePicker />
          </Form.Item>
          <Form.Item name="leadBody" label={t('tasks.leadBody')}>
            <Input />
          </Form.Item>
          <Button type="primary" htmlType="submit">
            {t('createTasks.submit')}
          </Button>
        </Form>
      </Modal>
    </>
  )
}
