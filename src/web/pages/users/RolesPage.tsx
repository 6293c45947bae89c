import { Alert, Card, Table, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { rolesTable } from '../../roles-table.ts'

/** What each role may do, generated from the permission rules; public. */
export function RolesPage() {
  const { t } = useTranslation()
  const table = rolesTable((key) => t(key))
  type Row = (typeof table.rows)[number]
  return (
    <Card title={t('roles.heading')}>
      <Typography.Paragraph>{t('roles.intro')}</Typography.Paragraph>
      <Alert
        type="info"
        showIcon
        title={t('roles.adminNote')}
        style={{ marginBottom: 16 }}
        data-testid="roles-admin-note"
      />
      <Table<Row>
        rowKey="action"
        size="small"
        pagination={false}
        data-testid="roles-table"
        scroll={{ x: 'max-content' }}
        dataSource={table.rows}
        columns={[
          { title: t('roles.action'), dataIndex: 'label', fixed: 'left', width: 150 },
          ...table.roles.map((r, i) => ({
            title: r.label,
            key: r.role,
            width: 130,
            render: (_: unknown, row: Row) => row.cells[i],
          })),
        ]}
      />
    </Card>
  )
}
