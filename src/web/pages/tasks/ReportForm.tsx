import type { UploadFile } from 'antd'
import { Button, Card, Form, Input, InputNumber, Select, Upload } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useSession } from '../../session.tsx'
import type { TaskView } from './task-api.ts'

/** The current and the previous reporting periods of a task, in Beijing time. */
function periods(cadence: string): string[] {
  const d = new Date(Date.now() + 8 * 3600_000)
  const y = d.getUTCFullYear()
  const m = d.getUTCMonth()
  if (cadence === 'monthly') {
    const prev = m === 0 ? `${y - 1}-12` : `${y}-${String(m).padStart(2, '0')}`
    return [`${y}-${String(m + 1).padStart(2, '0')}`, prev]
  }
  const q = Math.floor(m / 3) + 1
  return [`${y}-Q${q}`, q === 1 ? `${y - 1}-Q4` : `${y}-Q${q - 1}`]
}

/** A progress report with evidence files (uploaded first; the report refers to them by hash). */
export function ReportForm({
  task,
  onDone,
  onError,
}: {
  task: TaskView
  onDone: () => void
  onError: (m: string) => void
}) {
  const { t } = useTranslation()
  const { send } = useSession()
  const [files, setFiles] = useState<UploadFile[]>([])
  const [busy, setBusy] = useState(false)
  const options = periods(task.cadence)
  const submit = async (v: { period: string; percentComplete: number; narrative: string }) => {
    setBusy(true)
    try {
      const evidence: string[] = []
      for (const f of files) {
        const form = new FormData()
        form.set('file', f.originFileObj as File, f.name)
        const r = await send<{ sha256: string }>(`/api/tasks/${task.id}/evidence`, form)
        evidence.push(r.sha256)
      }
      await send(`/api/tasks/${task.id}/reports`, { ...v, evidence })
      setFiles([])
      onDone()
    } catch (e) {
      onError((e as Error).message)
    } finally {
      setBusy(false)
    }
  }
  return (
    <Card title={t('tasks.report.heading')}>
      <Form
        layout="vertical"
        onFinish={submit}
        initialValues={{ period: options[0], percentComplete: task.progress?.percent ?? 0 }}
      >
        <Form.Item name="period" label={t('tasks.report.period')} rules={[{ required: true }]}>
          <Select options={options.map((p) => ({ value: p, label: p }))} style={{ width: 160 }} />
        </Form.Item>
        <Form.Item name="percentComplete" label={t('tasks.report.percent')} rules={[{ required: true }]}>
          <InputNumber min={0} max={100} data-testid="report-percent" />
        </Form.Item>
        <Form.Item name="narrative" label={t('tasks.report.narrative')} rules={[{ required: true }]}>
          <Input.TextArea rows={4} data-testid="report-narrative" />
        </Form.Item>
        <Form.Item label={t('tasks.report.evidence')} extra={t('tasks.report.evidenceHelp')}>
          <Upload
            beforeUpload={() => false}
            fileList={files}
            onChange={({ fileList }) => setFiles(fileList)}
            accept=".pdf,.png,.jpg,.jpeg,.xlsx,.docx,.csv,.txt"
            data-testid="report-upload"
          >
            <Button>{t('tasks.report.choose')}</Button>
          </Upload>
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy} data-testid="report-submit">
          {t('tasks.report.submit')}
        </Button>
      </Form>
    </Card>
  )
}
