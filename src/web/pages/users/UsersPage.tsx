import { Alert, Button, Card, Modal, Popconfirm, Space, Table, Tag, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router-dom'
import { Status } from '../../components/Status.tsx'
import { useLoad } from '../../hooks.ts'
import { useLangName } from '../../i18n/index.ts'
import { useSession } from '../../session.tsx'
import { UserForm, type UserFormValues } from './UserForm.tsx'
import { type ListedUser, loadScopes, loadUsers } from './users-api.ts'

/** What happened; a generated password is shown here once, for the account `of`. */
type Notice = { type: 'success' | 'error'; text: string; password?: string; of?: string }

/** Accounts for administrators: create, change role and scope, disable/enable, reset a password. */
export function UsersPage() {
  const { t } = useTranslation()
  const name = useLangName()
  const { user, send } = useSession()
  const [version, setVersion] = useState(0)
  const users = useLoad(loadUsers, ['users', version, user?.username])
  const scopes = useLoad(loadScopes, 'scopes')
  const [editing, setEditing] = useState<ListedUser | 'new' | null>(null)
  const [notice, setNotice] = useState<Notice>()
  const [busy, setBusy] = useState(false)
  if (!users.data || !scopes.data)
    return <Status loading={users.loading || scopes.loading} error={users.error ?? scopes.error} />
  const regionName = (code: string) =>
    name(
      scopes.data?.find((r) => r.code === code),
      code,
    )

  const act = async (run: () => Promise<Notice>) => {
    setBusy(true)
    try {
      setNotice(await run())
      setEditing(null)
      setVersion((v) => v + 1)
    } catch (e) {
      setNotice({ type: 'error', text: (e as Error).message })
    } finally {
      setBusy(false)
    }
  }
  const save = (v: UserFormValues) =>
    act(async () => {
      const grant = { role: v.role, regionCode: v.regionCode, parkId: v.parkId || null }
      if (editing === 'new') {
        const r = await send<{ password?: string }>('/api/users', {
          ...grant,
          username: v.username,
          ...(v.displayName ? { displayName: v.displayName } : {}),
          ...(v.password ? { password: v.password } : {}),
        })
        return {
          type: 'success',
          text: t('users.created', { name: v.username }),
          ...(r.password ? { password: r.password, of: v.username } : {}),
        }
      }
      const username = (editing as ListedUser).username
      await send(`/api/users/${encodeURIComponent(username)}/grant`, {
        ...grant,
        ...(v.displayName ? { displayName: v.displayName } : {}),
      })
      return { type: 'success', text: t('users.saved', { name: username }) }
    })
  const setDisabled = (u: ListedUser, disabled: boolean) =>
    act(async () => {
      await send(`/api/users/${encodeURIComponent(u.username)}/disabled`, { disabled })
      return { type: 'success', text: t('users.saved', { name: u.username }) }
    })
  const reset = (u: ListedUser) =>
    act(async () => {
      const r = await send<{ password?: string }>(`/api/users/${encodeURIComponent(u.username)}/password`, {})
      return {
        type: 'success',
        text: t('users.saved', { name: u.username }),
        ...(r.password ? { password: r.password, of: u.username } : {}),
      }
    })

  const initial = (u: ListedUser): Partial<UserFormValues> => {
    const g = u.grants[0]
    return {
      displayName: u.displayName,
      role: g?.role,
      regionCode: g?.regionCode,
      parkId: g?.parkId ?? undefined,
    }
  }
  return (
    <Card
      title={t('users.heading')}
      extra={
        <Button
          type="primary"
          onClick={() => {
            setNotice(undefined)
            setEditing('new')
          }}
          data-testid="users-create"
        >
          {t('users.create')}
        </Button>
      }
    >
      <Typography.Paragraph>
        {t('users.intro')} <Link to="/roles">{t('roles.heading')}</Link>
      </Typography.Paragraph>
      {notice && (
        <Alert
          type={notice.type}
          showIcon
          closable
          onClose={() => setNotice(undefined)}
          style={{ marginBottom: 16 }}
          data-testid="users-notice"
          title={notice.text}
          description={
            notice.password && (
              <span>
                {t('users.passwordOnce', { name: notice.of })}{' '}
                <Typography.Text code copyable data-testid="users-password">
                  {notice.password}
                </Typography.Text>
              </span>
            )
          }
        />
      )}
      <Table<ListedUser>
        rowKey="username"
        size="small"
        data-testid="users-table"
        dataSource={users.data}
        pagination={{ pageSize: 50 }}
        scroll={{ x: 'max-content' }}
        columns={[
          {
            title: t('users.username'),
            dataIndex: 'username',
            render: (n: string) => (n === user?.username ? `${n}${t('users.you')}` : n),
          },
          { title: t('users.displayName'), dataIndex: 'displayName' },
          {
            title: t('users.role'),
            render: (_, u) =>
              u.grants.map((g) => t(`roles.names.${g.role}`)).join(t('roles.listSeparator')) ||
              t('users.noGrant'),
          },
          {
            title: t('users.region'),
            render: (_, u) =>
              u.grants
                .map((g) => regionName(g.regionCode) + (g.parkId ? ` · ${g.parkId}` : ''))
                .join(t('roles.listSeparator')),
          },
          {
            title: t('users.status'),
            render: (_, u) =>
              u.disabled ? (
                <Tag color="default">{t('users.disabled')}</Tag>
              ) : (
                <Tag color="green">{t('users.active')}</Tag>
              ),
          },
          {
            title: t('users.actions'),
            render: (_, u) =>
              u.username === user?.username ? null : (
                <Space size="small" wrap>
                  <Button size="small" onClick={() => setEditing(u)} data-testid={`user-edit-${u.username}`}>
                    {t('users.edit')}
                  </Button>
                  <Popconfirm
                    title={t(u.disabled ? 'users.enable' : 'users.confirmDisable', { name: u.username })}
                    onConfirm={() => setDisabled(u, !u.disabled)}
                  >
                    <Button size="small" danger={!u.disabled} data-testid={`user-toggle-${u.username}`}>
                      {u.disabled ? t('users.enable') : t('users.disable')}
                    </Button>
                  </Popconfirm>
                  <Popconfirm
                    title={t('users.confirmReset', { name: u.username })}
                    onConfirm={() => reset(u)}
                  >
                    <Button size="small" data-testid={`user-reset-${u.username}`}>
                      {t('users.resetPassword')}
                    </Button>
                  </Popconfirm>
                </Space>
              ),
          },
        ]}
      />
      <Modal
        open={editing !== null}
        title={editing === 'new' ? t('users.create') : t('users.edit')}
        footer={null}
        onCancel={() => setEditing(null)}
        destroyOnHidden
      >
        {notice?.type === 'error' && (
          <Alert
            type="error"
            showIcon
            title={notice.text}
            style={{ marginBottom: 12 }}
            data-testid="user-form-error"
          />
        )}
        {editing !== null && (
          <UserForm
            isNew={editing === 'new'}
            initial={editing === 'new' ? { regionCode: 'CN' } : initial(editing)}
            scopes={scopes.data}
            onSubmit={save}
            busy={busy}
          />
        )}
      </Modal>
    </Card>
  )
}
