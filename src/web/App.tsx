import { Button, ConfigProvider, Layout, Space, Spin, Typography } from 'antd'
import enUS from 'antd/locale/en_US'
import zhCN from 'antd/locale/zh_CN'
import { lazy, Suspense } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, Route, Routes, useLocation } from 'react-router-dom'
import { MainNav } from './components/MainNav.tsx'
import { setLang } from './i18n/index.ts'
import { Overview } from './pages/Overview.tsx'
import { hasRole, useSession } from './session.tsx'
import { THEME } from './theme.ts'

/**
 * Two rows: the title and the user's controls, then the navigation, as tall as its items need (the
 * navigation is the header's last child, so the Tab order is the order on screen).
 */
const HEADER_STYLE = {
  display: 'grid',
  // the title, then one column each: who is signed in, Roles, API docs, the language switch
  gridTemplateColumns: '1fr auto auto auto auto',
  alignItems: 'center',
  columnGap: 16,
  height: 'auto',
  minHeight: 48,
  lineHeight: '48px',
  padding: '0 24px',
} as const

// Pages with charts load ECharts on demand, so the overview stays a small download.
const MapPage = lazy(() => import('./pages/MapPage.tsx').then((m) => ({ default: m.MapPage })))
const IndicatorPage = lazy(() =>
  import('./pages/IndicatorPage.tsx').then((m) => ({ default: m.IndicatorPage })),
)
const PlansPage = lazy(() => import('./pages/plans/PlansPage.tsx').then((m) => ({ default: m.PlansPage })))
const PlanEditPage = lazy(() =>
  import('./pages/plans/PlanEditPage.tsx').then((m) => ({ default: m.PlanEditPage })),
)
const PlanPage = lazy(() => import('./pages/plans/PlanPage.tsx').then((m) => ({ default: m.PlanPage })))
const TaskBoard = lazy(() => import('./pages/tasks/TaskBoard.tsx').then((m) => ({ default: m.TaskBoard })))
const TaskPage = lazy(() => import('./pages/tasks/TaskPage.tsx').then((m) => ({ default: m.TaskPage })))
const ScorecardPage = lazy(() =>
  import('./pages/scorecard/ScorecardPage.tsx').then((m) => ({ default: m.ScorecardPage })),
)
const IndexPage = lazy(() =>
  import('./pages/evaluation/IndexPage.tsx').then((m) => ({ default: m.IndexPage })),
)
const DisparityPage = lazy(() =>
  import('./pages/evaluation/DisparityPage.tsx').then((m) => ({ default: m.DisparityPage })),
)
const SharingPage = lazy(() =>
  import('./pages/sharing/SharingPage.tsx').then((m) => ({ default: m.SharingPage })),
)
const AgreementPage = lazy(() =>
  import('./pages/sharing/AgreementPage.tsx').then((m) => ({ default: m.AgreementPage })),
)
const AuditPage = lazy(() => import('./pages/audit/AuditPage.tsx').then((m) => ({ default: m.AuditPage })))
const LoginPage = lazy(() => import('./pages/auth/LoginPage.tsx').then((m) => ({ default: m.LoginPage })))
const UsersPage = lazy(() => import('./pages/users/UsersPage.tsx').then((m) => ({ default: m.UsersPage })))
const RolesPage = lazy(() => import('./pages/users/RolesPage.tsx').then((m) => ({ default: m.RolesPage })))
const AccountPage = lazy(() =>
  import('./pages/users/AccountPage.tsx').then((m) => ({ default: m.AccountPage })),
)
const RegionPage = lazy(() => import('./pages/RegionPage.tsx').then((m) => ({ default: m.RegionPage })))

export function App() {
  const { t, i18n } = useTranslation()
  const location = useLocation()
  const isEn = i18n.language === 'en'
  const { user, send, refresh } = useSession()
  const section = `/${location.pathname.split('/')[1] ?? ''}`
  const items = [
    { key: '/', label: <Link to="/">{t('nav.overview')}</Link> },
    { key: '/plans', label: <Link to="/plans">{t('nav.plans')}</Link> },
    { key: '/index', label: <Link to="/index">{t('nav.index')}</Link> },
    { key: '/disparity', label: <Link to="/disparity">{t('nav.disparity')}</Link> },
    { key: '/tasks', label: <Link to="/tasks">{t('nav.tasks')}</Link> },
    { key: '/scorecard', label: <Link to="/scorecard">{t('nav.scorecard')}</Link> },
    { key: '/sharing', label: <Link to="/sharing">{t('nav.sharing')}</Link> },
    ...(hasRole(user, 'admin') || hasRole(user, 'reviewer')
      ? [{ key: '/audit', label: <Link to="/audit">{t('nav.audit')}</Link> }]
      : []),
    ...(hasRole(user, 'admin') ? [{ key: '/users', label: <Link to="/users">{t('users.nav')}</Link> }] : []),
    { key: '/map', label: <Link to="/map">{t('nav.map')}</Link> },
    { key: '/indicators', label: <Link to="/indicators/rd_intensity">{t('nav.indicators')}</Link> },
    { key: '/regions', label: <Link to="/regions/42">{t('nav.regions')}</Link> },
  ]
  return (
    <ConfigProvider locale={isEn ? enUS : zhCN} theme={THEME}>
      <Layout style={{ minHeight: '100vh' }}>
        <a href="#main" className="jueqi-skip-link">
          {t('a11y.skipToContent')}
        </a>
        <Layout.Header className="jueqi-header" style={HEADER_STYLE}>
          <Typography.Text strong style={{ color: '#fff', whiteSpace: 'nowrap' }}>
            {t('app.title')}
          </Typography.Text>
          {user ? (
            <Space>
              <Link
                to="/account"
                style={{ color: '#ddd' }}
                data-testid="signed-in-as"
                title={t('account.nav')}
              >
                {user.displayName || user.username}
              </Link>
              <Button
                size="small"
                onClick={async () => {
                  await send('/api/auth/logout', {})
                  await refresh()
                }}
              >
                {t('auth.signOut')}
              </Button>
            </Space>
          ) : (
            <Link to="/login" style={{ color: '#ddd' }}>
              {t('nav.login')}
            </Link>
          )}
          <Link to="/roles" style={{ color: '#ddd', whiteSpace: 'nowrap' }} data-testid="nav-roles">
            {t('roles.nav')}
          </Link>
          <a href="/api/docs" style={{ color: '#ddd' }}>
            {t('nav.apiDocs')}
          </a>
          <Button
            size="small"
            onClick={() => setLang(isEn ? 'zh-CN' : 'en')}
            data-testid="lang-switch"
            // the switch names the other language in that language
            lang={isEn ? 'zh-CN' : 'en'}
          >
            {t('lang.switch')}
          </Button>
          <MainNav items={items} selected={section} label={t('a11y.mainNav')} />
        </Layout.Header>
        <Layout.Content
          id="main"
          tabIndex={-1}
          style={{ padding: 24, maxWidth: 1280, width: '100%', margin: '0 auto' }}
        >
          <Suspense fallback={<Spin />}>
            <Routes>
              <Route path="/" element={<Overview />} />
              <Route path="/plans" element={<PlansPage />} />
              <Route path="/plans/:id" element={<PlanPage />} />
              <Route path="/plans/:id/edit" element={<PlanEditPage />} />
              <Route path="/tasks" element={<TaskBoard />} />
              <Route path="/tasks/:id" element={<TaskPage />} />
              <Route path="/audit" element={<AuditPage />} />
              <Route path="/index" element={<IndexPage />} />
              <Route path="/disparity" element={<DisparityPage />} />
              <Route path="/scorecard" element={<ScorecardPage />} />
              <Route path="/sharing" element={<SharingPage />} />
              <Route path="/sharing/:id" element={<AgreementPage />} />
              <Route path="/login" element={<LoginPage />} />
              <Route path="/users" element={<UsersPage />} />
              <Route path="/roles" element={<RolesPage />} />
              <Route path="/account" element={<AccountPage />} />
              <Route path="/map" element={<MapPage />} />
              <Route path="/indicators/:key" element={<IndicatorPage />} />
              <Route path="/regions/:code" element={<RegionPage />} />
            </Routes>
          </Suspense>
        </Layout.Content>
      </Layout>
    </ConfigProvider>
  )
}
