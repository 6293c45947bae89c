import { Alert, Button, Card, Form, Input } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Navigate } from 'react-router-dom'
import { useSession } from '../../session.tsx'

/** A signed-in person changes their own password (the current one is asked for). */
export function AccountPage() {
  const { t } = useTranslation()
  const { user, ready, send } = useSession()
  const [form] = Form.useForm()
  const [result, setResult] = useState<{ type: 'success' | 'error'; text: string }>()
  const [busy, setBusy] = useState(false)
  if (ready && !user) return <Navigate to="/login" />
  const onFinish = async (v: { current: string; next: string }) => {
    setBusy(true)
    setResult(undefined)
    try {
      await send('/api/auth/password', { current: v.current, next: v.next })
      form.resetFields()
      setResult({ type: 'success', text: t('account.done') })
    } catch (e) {
      setResult({ type: 'error', text: (e as Error).message })
    } finally {
      setBusy(false)
    }
  }
  return (
    <Card title={t('account.heading')} style={{ maxWidth: 480, margin: '24px auto' }}>
      {result && (
        <Alert
          type={result.type}
          showIcon
          title={result.text}
          style={{ marginBottom: 16 }}
          data-testid="account-result"
        />
      )}
      <Form form={form} layout="vertical" onFinish={onFinish}>
        <Form.Item name="current" label={t('account.current')} rules={[{ required: true }]}>
          <Input.Password autoComplete="current-password" data-testid="account-current" />
        </Form.Item>
        <Form.Item
          name="next"
          label={t('account.next')}
          extra={t('account.nextHelp')}
          rules={[{ required: true }]}
        >
          <Input.Password autoComplete="new-password" data-testid="account-next" />
        </Form.Item>
        <Form.Item
          name="repeat"
          label={t('account.repeat')}
          dependencies={['next']}
          rules={[
            { required: true },
            ({ getFieldValue }) => ({
              validator: (_, value) =>
                !value || value === getFieldValue('next')
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('account.mismatch'))),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" data-testid="account-repeat" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy} data-testid="account-submit">
          {t('account.submit')}
        </Button>
      </Form>
    </Card>
  )
}
