import { Alert, Spin } from 'antd'
import { useTranslation } from 'react-i18next'

/** The loading and error states every page shows the same way. */
export function Status({ loading, error }: { loading: boolean; error?: string }) {
  const { t } = useTranslation()
  if (error) return <Alert type="error" showIcon title={t('common.error', { message: error })} />
  if (loading) return <Spin description={t('common.loading')} />
  return null
}
