import { Card, Col, List, Row, Tag, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { api, type PlanNode } from '../../api.ts'
import { Status } from '../../components/Status.tsx'
import { useLoad } from '../../hooks.ts'
import { findNode, nodeTitle, numberedTitle } from './plan-titles.ts'

/** For a provincial or speech plan: which national items it implements, which it leaves out, and its own unlinked items. */
export function AlignmentCard({ planId, tree }: { planId: string; tree: PlanNode }) {
  const { t, i18n } = useTranslation()
  const data = useLoad(async () => {
    const a = await api.alignment(planId)
    return { a, national: await api.plan(a.national) }
  }, planId)
  if (!data.data) return <Status loading={data.loading} error={data.error} />
  const { a, national } = data.data
  const title = (root: PlanNode, id: string) => {
    const n = findNode(root, id)
    return n ? numberedTitle(n, i18n.language) : id
  }
  const col = (
    heading: string,
    ids: string[],
    root: PlanNode,
    testId: string,
    extra?: (id: string) => string,
  ) => (
    <Col xs={24} lg={8}>
      <Typography.Title level={5}>
        {heading} <Tag>{ids.length}</Tag>
      </Typography.Title>
      <List
        data-testid={testId}
        size="small"
        dataSource={ids}
        renderItem={(id) => (
          <List.Item>
            <span data-item={id}>
              {title(root, id)}
              {extra && <Typography.Text type="secondary"> ← {extra(id)}</Typography.Text>}
            </span>
          </List.Item>
        )}
      />
    </Col>
  )
  const by = new Map(
    a.implemented.map((i) => [
      i.nationalId,
      i.by.map((b) => title(tree, b)).join(t('provenance.listSeparator')),
    ]),
  )
  return (
    <Card title={t('plans.alignment.heading', { national: nodeTitle(national.tree, i18n.language) })}>
      <Row gutter={16}>
        {col(
          t('plans.alignment.implemented'),
          [...by.keys()],
          national.tree,
          'align-implemented',
          (id) => by.get(id) ?? '',
        )}
        {col(t('plans.alignment.withoutCounterpart'), a.withoutCounterpart, national.tree, 'align-missing')}
        {col(t('plans.alignment.unlinked'), a.unlinked, tree, 'align-unlinked')}
      </Row>
    </Card>
  )
}
