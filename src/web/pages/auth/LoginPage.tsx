import { Alert, Button, Card, Form, Input } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router-dom'
import { useSession } from '../../session.tsx'

/** Sign-in for officials; the public pages need none. */
export function LoginPage() {
  const { t } = useTranslation()
  const { send, refresh } = useSession()
  const navigate = useNavigate()
  const [error, setError] = useState<string>()
  const [busy, setBusy] = useState(false)
  const onFinish = async (v: { username: string; password: string }) => {
    setBusy(true)
    setError(undefined)
    try {
      await send('/api/auth/login', v)
      await refresh()
      navigate('/tasks')
    } catch (e) {
      setError((e as Error).message)
    } finally {
      setBusy(false)
    }
  }
  return (
    <Card title={t('auth.heading')} style={{ maxWidth: 420, margin: '40px auto' }}>
      {error && (
        <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="login-error" />
      )}
      <Form layout="vertical" onFinish={onFinish}>
        <Form.Item name="username" label={t('auth.username')} rules={[{ required: true }]}>
          <Input autoComplete="username" data-testid="login-username" />
        </Form.Item>
        <Form.Item name="password" label={t('auth.password')} rules={[{ required: true }]}>
          <Input.Password autoComplete="current-password" data-testid="login-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy} block data-testid="login-submit">
          {t('auth.signIn')}
        </Button>
      </Form>
    </Card>
  )
}
