import { Button, Form, Input, Select } from 'antd'
import { useTranslation } from 'react-i18next'
import type { Region } from '../../api.ts'
import { useLangName } from '../../i18n/index.ts'
import { ROLE_CHOICES } from './users-api.ts'

export interface UserFormValues {
  username: string
  displayName?: string
  role: string
  regionCode: string
  parkId?: string
  password?: string
}

/** The account form: new (user name and optional password too) or an existing account's role and scope. */
export function UserForm({
  initial,
  scopes,
  isNew,
  onSubmit,
  busy,
}: {
  initial: Partial<UserFormValues>
  scopes: Region[]
  isNew: boolean
  onSubmit: (v: UserFormValues) => void
  busy: boolean
}) {
  const { t } = useTranslation()
  const name = useLangName()
  const [form] = Form.useForm<UserFormValues>()
  const role = Form.useWatch('role', form)
  return (
    <Form<UserFormValues> form={form} layout="vertical" initialValues={initial} onFinish={onSubmit}>
      {isNew && (
        <Form.Item
          name="username"
          label={t('users.username')}
          extra={t('users.usernameRule')}
          rules={[
            { required: true },
            { pattern: /^[a-z0-9][a-z0-9._-]{1,63}$/i, message: t('users.usernameRule') },
          ]}
        >
          <Input autoComplete="off" data-testid="user-form-username" />
        </Form.Item>
      )}
      <Form.Item name="displayName" label={t('users.displayName')}>
        <Input data-testid="user-form-display-name" />
      </Form.Item>
      <Form.Item name="role" label={t('users.role')} rules={[{ required: true }]}>
        <Select
          data-testid="user-form-role"
          options={ROLE_CHOICES.map((r) => ({ value: r, label: t(`roles.names.${r}`) }))}
        />
      </Form.Item>
      <Form.Item name="regionCode" label={t('users.region')} rules={[{ required: true }]}>
        <Select
          data-testid="user-form-region"
          showSearch={{ optionFilterProp: 'label' }}
          options={scopes.map((r) => ({ value: r.code, label: name(r, r.code) }))}
        />
      </Form.Item>
      {role === 'park_admin' && (
        <Form.Item
          name="parkId"
          label={t('users.park')}
          extra={t('users.parkHelp')}
          rules={[{ required: true }]}
        >
          <Input data-testid="user-form-park" />
        </Form.Item>
      )}
      {isNew && (
        <Form.Item name="password" label={t('users.password')} extra={t('users.passwordHelp')}>
          <Input.Password autoComplete="new-password" data-testid="user-form-password" />
        </Form.Item>
      )}
      <Button type="primary" htmlType="submit" loading={busy} data-testid="user-form-submit">
        {isNew ? t('users.create') : t('users.save')}
      </Button>
    </Form>
  )
}
