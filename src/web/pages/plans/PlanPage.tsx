import { Alert, Card, Col, Row, Select, Space, Switch, Tag, Tree, Typography } from 'antd'
import type { TFunction } from 'i18next'
import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useParams } from 'react-router-dom'
import { api, type PlanDetail, type PlanNode, type TargetStatus } from '../../api.ts'
import { InLang } from '../../components/Lang.tsx'
import { Status } from '../../components/Status.tsx'
import { CENTRAL_PROVINCES } from '../../format.ts'
import { useLoad } from '../../hooks.ts'
import { useLangName } from '../../i18n/index.ts'
import { splitBilingual } from '../../i18n/words.ts'
import { useRegionName } from '../../region-names.ts'
import { useSession } from '../../session.tsx'
import { AlignmentCard } from './AlignmentCard.tsx'
import { ItemTitle } from './ItemTitle.tsx'
import { NodeDetail } from './NodeDetail.tsx'
import { findNode, nodeTitle, numberedTitle } from './plan-titles.ts'
import { STATUS_COLOR } from './status-colors.ts'

interface Filters {
  province?: string
  status?: TargetStatus['status']
  /** a top-level part: in the 2021 Opinions each part is one development concept */
  part?: string
  binding?: 'binding' | 'expected'
  onlyTargets: boolean
}

/** Plan browser: the outline with status colours per target, filters, and the chosen item beside it. */
export function PlanPage() {
  const { id = 'C21' } = useParams()
  const { t, i18n } = useTranslation()
  const name = useLangName()
  const { user } = useSession()
  const plan = useLoad(() => api.plan(id), id)
  const statuses = useLoad(() => api.planStatus(id, i18n.language), [id, i18n.language])
  const regions = useLoad(() => api.regions('?level=province'), 'provinces')
  const [filters, setFilters] = useState<Filters>({ onlyTargets: false })
  const [selected, setSelected] = useState<string | undefined>()
  const shown = useMemo(
    () => (statuses.data ?? []).filter((s) => !filters.province || s.region === filters.province),
    [statuses.data, filters.province],
  )
  const byNode = useMemo(() => groupBy(shown, (s) => s.nodeId), [shown])
  const regionName = useRegionName()
  const treeData = useMemo(() => {
    if (!plan.data) return []
    const keep = (n: PlanNode): boolean =>
      n.children.some(keep) ||
      ((!filters.onlyTargets || n.targets.length > 0) &&
        (!filters.binding || n.targets.some((t) => t.binding === filters.binding)) &&
        (!filters.status || (byNode.get(n.id) ?? []).some((s) => s.status === filters.status)))
    const toItem = (n: PlanNode): TreeItem => ({
      key: n.id,
      title: <NodeTitle node={n} statuses={byNode.get(n.id) ?? []} regionName={regionName} />,
      children: n.children.filter(keep).map(toItem),
    })
    return plan.data.tree.children
      .filter((p) => !filters.part || p.id === filters.part)
      .filter(keep)
      .map(toItem)
  }, [plan.data, byNode, filters, regionName])
  if (!plan.data) return <Status loading={plan.loading} error={plan.error} />
  const tree = plan.data.tree
  const node = selected ? findNode(tree, selected) : undefined
  const provinceOptions = (regions.data ?? [])
    .filter((r) => (CENTRAL_PROVINCES as readonly string[]).includes(r.code))
    .map((r) => ({ value: r.code, label: name(r) }))
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <Card title={nodeTitle(tree, i18n.language)} data-testid="plan-title">
        <Space wrap>
          <Tag>{t(`plans.levels.${plan.data.level}`, { defaultValue: plan.data.level })}</Tag>
          <Tag>{t('plans.version', { version: plan.data.version })}</Tag>
          {user && (
            <Link to={`/plans/${id}/edit`} data-testid="plan-edit">
              {t('plans.edit')}
            </Link>
          )}
          {tree.issuer && (
            <Typography.Text type="secondary" data-testid="plan-issuer">
              {t('plans.issuer')}
              {t('provenance.colon')}
              <InLang {...issuerNames(plan.data)} />
            </Typography.Text>
          )}
        </Space>
        {tree.completeness?.status && (
          <Alert
            style={{ marginTop: 12 }}
            type="info"
            showIcon
            title={`${t('plans.completeness')}${t('provenance.colon')}${completenessText(tree.completeness.status, t)}`}
          />
        )}
      </Card>
      <Row gutter={16}>
        <Col xs={24} lg={10}>
          <Card>
            <Space wrap style={{ marginBottom: 12 }}>
              <Select
                allowClear
                style={{ width: 160 }}
                placeholder={t('plans.allProvinces')}
                aria-label={t('plans.province')}
                data-testid="filter-province"
                value={filters.province}
                onChange={(v) => setFilters({ ...filters, province: v })}
                options={provinceOptions}
              />
              <Select
                allowClear
                style={{ width: 160 }}
                placeholder={t('plans.allStatuses')}
                aria-label={t('plans.status')}
                value={filters.status}
                onChange={(v) => setFilters({ ...filters, status: v })}
                options={Object.keys(STATUS_COLOR).map((s) => ({
                  value: s,
                  label: t(`plans.statuses.${s}`),
                }))}
              />
              <Select
                allowClear
                style={{ width: 220 }}
                placeholder={t('plans.allParts')}
                aria-label={t('plans.part')}
                value={filters.part}
                onChange={(v) => setFilters({ ...filters, part: v })}
                options={plan.data.tree.children.map((p) => ({
                  value: p.id,
                  label: numberedTitle(p, i18n.language).slice(0, 40),
                }))}
                data-testid="filter-part"
              />
              <Select
                allowClear
                style={{ width: 140 }}
                placeholder={t('plans.allBinding')}
                aria-label={t('plans.binding')}
                value={filters.binding}
                onChange={(v) => setFilters({ ...filters, binding: v })}
                options={(['binding', 'expected'] as const).map((b) => ({
                  value: b,
                  label: t(`plans.bindingKinds.${b}`),
                }))}
              />
              {/* the label names the switch for screen readers, and a click on its text flips it */}
              <Space size={4}>
                <Switch
                  id="only-targets"
                  size="small"
                  checked={filters.onlyTargets}
                  onChange={(v) => setFilters({ ...filters, onlyTargets: v })}
                  data-testid="only-targets"
                />
                <label htmlFor="only-targets">{t('plans.onlyTargets')}</label>
              </Space>
            </Space>
            <Status loading={statuses.loading} error={statuses.error} />
            <Tree
              data-testid="plan-tree"
              defaultExpandAll
              height={640}
              treeData={treeData}
              selectedKeys={selected ? [selected] : []}
              onSelect={(keys) => setSelected(keys[0] as string | undefined)}
            />
          </Card>
        </Col>
        <Col xs={24} lg={14}>
          {node ? (
            <NodeDetail
              node={node}
              statuses={byNode.get(node.id) ?? []}
              province={filters.province}
              regionName={regionName}
              national={plan.data.level === 'national'}
              planId={id}
            />
          ) : (
            <Card>{t('plans.chooseNode')}</Card>
          )}
        </Col>
      </Row>
      {plan.data.level !== 'national' && <AlignmentCard planId={id} tree={tree} />}
    </Space>
  )
}

/** The issuer in both languages: the API's fields, else the data's "中文 (English)" form. */
function issuerNames(plan: PlanDetail) {
  const split = splitBilingual(plan.tree.issuer ?? '')
  return { zh: plan.issuerZh || split.zh, en: plan.issuerEn || split.en }
}

/** A plan's completeness status, from the catalogue; one it does not know points to the notes. */
function completenessText(status: string, t: TFunction): string {
  const known = t('planMeta.completeness', { returnObjects: true }) as unknown as Record<string, string>
  return known[status] ?? t('planMeta.completenessOther')
}

interface TreeItem {
  key: string
  title: React.ReactNode
  children: TreeItem[]
}

function NodeTitle({
  node,
  statuses,
  regionName,
}: {
  node: PlanNode
  statuses: TargetStatus[]
  regionName: (code: string) => string
}) {
  const { t } = useTranslation()
  const provisional = node.title_status === 'provisional'
  return (
    <span data-testid={`node-${node.id}`}>
      <ItemTitle node={node} />
      {provisional && (
        <Tag style={{ marginLeft: 4 }} color="gold">
          {t('plans.titleStatus.provisional')}
        </Tag>
      )}
      {statuses
        .filter((s) => s.status !== 'not_assessable')
        .map((s) => (
          <Tag
            key={`${s.targetId}|${s.region}`}
            color={STATUS_COLOR[s.status]}
            style={{ marginLeft: 2 }}
            title={`${regionName(s.region)}: ${s.label}`}
            data-region={s.region}
          >
            {regionName(s.region)}
          </Tag>
        ))}
    </span>
  )
}

function groupBy<T>(xs: T[], key: (x: T) => string): Map<string, T[]> {
  const m = new Map<string, T[]>()
  for (const x of xs) m.set(key(x), [...(m.get(key(x)) ?? []), x])
  return m
}
