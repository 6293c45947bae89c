import { Card, List, Tag } from 'antd'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router-dom'
import { api } from '../../api.ts'
import { Status } from '../../components/Status.tsx'
import { useLoad } from '../../hooks.ts'

/** The plans held, with their level and current published version. */
export function PlansPage() {
  const { t, i18n } = useTranslation()
  const plans = useLoad(() => api.plans(), 'once')
  if (!plans.data) return <Status loading={plans.loading} error={plans.error} />
  return (
    <Card title={t('plans.heading')}>
      <List
        dataSource={plans.data}
        renderItem={(p) => (
          <List.Item
            actions={[
              <Link key="open" to={`/plans/${p.planId}`}>
                {t('plans.open')}
              </Link>,
            ]}
          >
            <List.Item.Meta
              title={
                <Link to={`/plans/${p.planId}`} data-testid={`plan-${p.planId}`}>
                  {i18n.language === 'en' && p.titleEn ? p.titleEn : p.titleZh}
                </Link>
              }
              description={
                <>
                  <Tag>{t(`plans.levels.${p.level}`, { defaultValue: p.level })}</Tag>
                  <Tag>{t('plans.version', { version: p.publishedVersion })}</Tag>
                  <code>{p.planId}</code>
                </>
              }
            />
          </List.Item>
        )}
      />
    </Card>
  )
}
