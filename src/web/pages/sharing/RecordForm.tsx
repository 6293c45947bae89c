import { Button, Card, Form, Input, InputNumber, Select, Space, Table } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useSession } from '../../session.tsx'
import { type AgreementView, agreementPath, type MetricTerms, type Terms } from './sharing-api.ts'

interface Row {
  key: number
  projectId: string
  metric: string
  period: string
  amount: string
  central: string
}

/** The host records a period's outputs (and tax payments) as a new release; all rows or none. */
export function RecordForm(props: {
  agreement: AgreementView
  terms: Terms
  metricLabel: (m: MetricTerms) => string
  onDone: (message: string) => void
}) {
  const { t } = useTranslation()
  const { send } = useSession()
  const [rows, setRows] = useState<Row[]>([])
  const [form] = Form.useForm()
  const [meta] = Form.useForm()
  const metric = (key: string) => props.terms.metrics.find((m) => m.metric === key)
  const add = (v: {
    projectId: string
    metric: string
    period: string
    amount: number
    central?: number
  }) => {
    setRows((r) => [
      ...r,
      {
        key: Date.now() + r.length,
        projectId: v.projectId,
        metric: v.metric,
        period: v.period,
        amount: String(v.amount),
        central: v.central === undefined || v.central === null ? '' : String(v.central),
      },
    ])
    form.resetFields(['amount', 'central'])
  }
  const save = async () => {
    const m = await meta.validateFields()
    try {
      const records = rows.map((r) => {
        const tax = metric(r.metric)?.kind === 'tax'
        return {
          projectId: r.projectId,
          metric: r.metric,
          period: r.period,
          amount: r.amount,
          kind: tax ? 'payment' : 'output',
          source: tax ? 'tax_authority' : 'host_statistics',
          ...(tax && r.central ? { central: r.central } : {}),
        }
      })
      const res = await send<{ releaseId: number; rows: number }>(
        `${agreementPath(props.agreement.id)}/releases`,
        {
          name: m.name,
          publishedOn: m.publishedOn,
          records,
        },
      )
      setRows([])
      props.onDone(t('sharing.saved', { id: res.releaseId, rows: res.rows }))
    } catch (e) {
      props.onDone((e as Error).message)
    }
  }
  return (
    <Card title={t('sharing.record')} data-testid="record-form">
      <Form form={form} layout="inline" onFinish={add}>
        <Form.Item name="projectId" rules={[{ required: true }]} initialValue={props.terms.projects[0]?.id}>
          <Select
            style={{ width: 180 }}
            aria-label={t('sharing.project')}
            options={props.terms.projects.map((p) => ({ value: p.id, label: `${p.id} ${p.name}` }))}
          />
        </Form.Item>
        <Form.Item name="metric" rules={[{ required: true }]} initialValue={props.terms.metrics[0]?.metric}>
          <Select
            style={{ width: 220 }}
            data-testid="record-metric"
            aria-label={t('sharing.metric')}
            options={props.terms.metrics.map((m) => ({ value: m.metric, label: props.metricLabel(m) }))}
          />
        </Form.Item>
        <Form.Item name="period" rules={[{ required: true }]}>
          <Input
            placeholder={t('sharing.period')}
            aria-label={t('sharing.period')}
            style={{ width: 100 }}
            data-testid="record-period"
          />
        </Form.Item>
        <Form.Item name="amount" rules={[{ required: true }]}>
          <InputNumber
            placeholder={t('sharing.amount')}
            aria-label={t('sharing.amount')}
            style={{ width: 160 }}
            stringMode
            data-testid="record-amount"
          />
        </Form.Item>
        <Form.Item name="central">
          <InputNumber
            placeholder={t('sharing.central')}
            aria-label={t('sharing.central')}
            style={{ width: 120 }}
            stringMode
            data-testid="record-central"
          />
        </Form.Item>
        <Button htmlType="submit" data-testid="record-add">
          {t('sharing.addRow')}
        </Button>
      </Form>
      <Table<Row>
        style={{ marginTop: 12 }}
        rowKey="key"
        size="small"
        pagination={false}
        dataSource={rows}
        data-testid="record-rows"
        columns={[
          { title: t('sharing.project'), dataIndex: 'projectId' },
          { title: t('sharing.metric'), dataIndex: 'metric' },
          { title: t('sharing.period'), dataIndex: 'period' },
          { title: t('sharing.amount'), dataIndex: 'amount' },
          { title: t('sharing.central'), dataIndex: 'central' },
        ]}
      />
      <Form form={meta} layout="inline" style={{ marginTop: 12 }}>
        <Form.Item name="name" label={t('sharing.releaseName')} rules={[{ required: true }]}>
          <Input style={{ width: 220 }} data-testid="record-name" />
        </Form.Item>
        <Form.Item
          name="publishedOn"
          label={t('sharing.publishedOn')}
          rules={[{ required: true, pattern: /^\d{4}-\d{2}-\d{2}$/, message: 'YYYY-MM-DD' }]}
        >
          <Input placeholder="YYYY-MM-DD" style={{ width: 130 }} data-testid="record-date" />
        </Form.Item>
        <Space>
          <Button type="primary" disabled={!rows.length} onClick={save} data-testid="record-save">
            {t('sharing.saveRelease')}
          </Button>
        </Space>
      </Form>
    </Card>
  )
}
