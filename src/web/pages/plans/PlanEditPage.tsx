import {
  Alert,
  Button,
  Card,
  Col,
  Form,
  Input,
  InputNumber,
  Row,
  Select,
  Space,
  Tag,
  Tree,
  Typography,
} from 'antd'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useParams } from 'react-router-dom'
import { api, type PlanNode } from '../../api.ts'
import { Status } from '../../components/Status.tsx'
import { useLoad } from '../../hooks.ts'
import { useLangName } from '../../i18n/index.ts'
import { useSession } from '../../session.tsx'
import { ItemTitle } from './ItemTitle.tsx'
import { nodeTitle, numberedTitle } from './plan-titles.ts'
import { findWithParent, mergeNext, move, rename, splitAfter, update } from './tree-edit.ts'

interface Loaded {
  version: number
  state: string
  tree: PlanNode
}

/** The plan editor: rename, move (drag), merge, split, attach targets and indicators, link national items; undo; save a draft; publish. */
export function PlanEditPage() {
  const { id = '' } = useParams()
  const { t, i18n } = useTranslation()
  const name = useLangName()
  const { send, user } = useSession()
  const [reload, setReload] = useState(0)
  const loaded = useLoad(async () => {
    const res = await fetch(`/api/plans/${encodeURIComponent(id)}?draft=true`)
    const body = (await res.json()) as Loaded & { error?: { message: string } }
    if (!res.ok) throw new Error(body.error?.message)
    return body
  }, [id, reload, user?.username])
  const catalogue = useLoad(() => api.indicators(), 'indicators')
  const national = useLoad(() => api.plan('C21'), 'C21')
  const [tree, setTree] = useState<PlanNode | null>(null)
  const [history, setHistory] = useState<PlanNode[]>([])
  const [selected, setSelected] = useState<string>()
  const [message, setMessage] = useState<{ type: 'success' | 'error'; text: string }>()
  useEffect(() => {
    if (loaded.data) {
      setTree(loaded.data.tree)
      setHistory([])
    }
  }, [loaded.data])
  if (!loaded.data || !tree) return <Status loading={loaded.loading} error={loaded.error} />
  const edit = (next: PlanNode) => {
    setHistory([...history, tree])
    setTree(next)
  }
  const node = selected ? findWithParent(tree, selected)?.node : undefined
  const save = async () => {
    try {
      const r = await send<{ version: number; changed: string[] }>(`/api/plans/${id}/drafts`, {
        basedOn: loaded.data!.version,
        tree,
        note: 'edited in the web app',
      })
      setMessage({
        type: 'success',
        text: t('planEdit.saved', { version: r.version, count: r.changed.length }),
      })
      setReload((x) => x + 1)
    } catch (e) {
      setMessage({ type: 'error', text: (e as Error).message })
    }
  }
  const publish = async () => {
    try {
      await send(`/api/plans/${id}/publish`, { version: loaded.data!.version })
      setMessage({ type: 'success', text: t('planEdit.published', { version: loaded.data!.version }) })
      setReload((x) => x + 1)
    } catch (e) {
      setMessage({ type: 'error', text: (e as Error).message })
    }
  }
  interface Item {
    key: string
    title: React.ReactNode
    children: Item[]
  }
  const toItems = (n: PlanNode): Item => ({
    key: n.id,
    title: <ItemTitle node={n} />,
    children: n.children.map(toItems),
  })
  const nationalIds = national.data ? flat(national.data.tree, i18n.language) : []
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <Card
        title={t('planEdit.heading', { id: nodeTitle(tree, i18n.language) })}
        extra={
          <Space>
            <Tag>
              {t('planEdit.version', {
                version: loaded.data.version,
                state: t(`planMeta.planStates.${loaded.data.state}`, { defaultValue: loaded.data.state }),
              })}
            </Tag>
            <Button
              disabled={history.length === 0}
              onClick={() => {
                setTree(history.at(-1)!)
                setHistory(history.slice(0, -1))
              }}
              data-testid="edit-undo"
            >
              {t('planEdit.undo')}
            </Button>
            <Button type="primary" onClick={save} data-testid="edit-save">
              {t('planEdit.save')}
            </Button>
            <Button
              disabled={loaded.data.state !== 'draft' || history.length > 0}
              onClick={publish}
              data-testid="edit-publish"
            >
              {t('planEdit.publish')}
            </Button>
            <Link to={`/plans/${id}`}>{t('planEdit.back')}</Link>
          </Space>
        }
      >
        {message && (
          <Alert type={message.type} showIcon title={message.text} closable data-testid="edit-message" />
        )}
        <Typography.Paragraph type="secondary">{t('planEdit.help')}</Typography.Paragraph>
      </Card>
      <Row gutter={16}>
        <Col xs={24} lg={10}>
          <Card>
            <Tree
              draggable
              blockNode
              defaultExpandAll
              height={640}
              treeData={tree.children.map(toItems)}
              selectedKeys={selected ? [selected] : []}
              onSelect={(k) => setSelected(k[0] as string | undefined)}
              onDrop={(info) => {
                const pos = info.dropPosition - Number(info.node.pos.split('-').at(-1))
                edit(
                  move(
                    tree,
                    String(info.dragNode.key),
                    String(info.node.key),
                    !info.dropToGap,
                    pos < 0 ? 'before' : 'after',
                  ),
                )
              }}
              data-testid="edit-tree"
            />
          </Card>
        </Col>
        <Col xs={24} lg={14}>
          {node ? (
            <Card title={<ItemTitle node={node} />} data-testid="edit-node">
              <Form layout="vertical">
                <Form.Item label={t('planEdit.titleZh')}>
                  <Input
                    value={node.title_zh}
                    onChange={(e) => edit(rename(tree, node.id, 'title_zh', e.target.value))}
                    data-testid="edit-title-zh"
                    aria-label={t('planEdit.titleZh')}
                  />
                </Form.Item>
                <Form.Item label={t('planEdit.titleEn')}>
                  <Input
                    value={node.title_en ?? ''}
                    onChange={(e) => edit(rename(tree, node.id, 'title_en', e.target.value))}
                    aria-label={t('planEdit.titleEn')}
                  />
                </Form.Item>
                <Space style={{ marginBottom: 16 }}>
                  <Button onClick={() => edit(mergeNext(tree, node.id))}>{t('planEdit.merge')}</Button>
                  <Button onClick={() => edit(splitAfter(tree, node.id))}>{t('planEdit.split')}</Button>
                </Space>
                <Form.Item label={t('planEdit.links')}>
                  <Select
                    mode="multiple"
                    aria-label={t('planEdit.links')}
                    value={node.related_national}
                    onChange={(v: string[]) =>
                      edit(
                        update(tree, node.id, (n) => {
                          n.related_national = v
                        }),
                      )
                    }
                    options={nationalIds.map((n) => ({ value: n.id, label: n.title }))}
                  />
                </Form.Item>
                <Typography.Title level={5}>{t('plans.targets')}</Typography.Title>
                {node.targets.map((tg) => (
                  <Space key={tg.id} wrap style={{ marginBottom: 8 }}>
                    <Tag>{tg.id}</Tag>
                    <Select
                      style={{ width: 260 }}
                      value={tg.indicator ?? undefined}
                      allowClear
                      placeholder={t('planEdit.indicator')}
                      aria-label={t('planEdit.indicator')}
                      onChange={(v: string | undefined) =>
                        edit(
                          update(tree, node.id, (n) => {
                            n.targets.find((x) => x.id === tg.id)!.indicator = v ?? null
                          }),
                        )
                      }
                      options={(catalogue.data ?? []).map((i) => ({ value: i.key, label: name(i) }))}
                      showSearch={{ optionFilterProp: 'label' }}
                    />
                    <Tag>{t(`planEdit.forms.${tg.target.form}`, { defaultValue: tg.target.form })}</Tag>
                    {tg.deadline && <Tag>{tg.deadline}</Tag>}
                    <Button
                      size="small"
                      danger
                      onClick={() =>
                        edit(
                          update(tree, node.id, (n) => {
                            n.targets = n.targets.filter((x) => x.id !== tg.id)
                          }),
                        )
                      }
                    >
                      {t('planEdit.remove')}
                    </Button>
                  </Space>
                ))}
                <AddTarget
                  onAdd={(target) =>
                    edit(
                      update(tree, node.id, (n) => {
                        n.targets.push({ ...target, id: `${n.id}#${n.targets.length}` })
                      }),
                    )
                  }
                  indicators={(catalogue.data ?? []).map((i) => ({ value: i.key, label: name(i) }))}
                />
              </Form>
            </Card>
          ) : (
            <Card>{t('plans.chooseNode')}</Card>
          )}
        </Col>
      </Row>
    </Space>
  )
}

function AddTarget({
  onAdd,
  indicators,
}: {
  onAdd: (t: PlanNode['targets'][number]) => void
  indicators: { value: string; label: string }[]
}) {
  const { t } = useTranslation()
  const [indicator, setIndicator] = useState<string>()
  const [form, setForm] = useState('level')
  const [value, setValue] = useState<number | null>(null)
  const [deadline, setDeadline] = useState<number | null>(2025)
  const target =
    form === 'level'
      ? { form, op: '>=', value: value ?? 0 }
      : form === 'reference'
        ? { form, op: '>=', reference: 'CN' }
        : form === 'change'
          ? { form, pct: value ?? 0 }
          : form === 'increment'
            ? { form, per_year: value ?? 0 }
            : { form: 'qualitative' }
  return (
    <Space wrap>
      <Select
        style={{ width: 220 }}
        placeholder={t('planEdit.indicator')}
        aria-label={t('planEdit.indicator')}
        value={indicator}
        onChange={setIndicator}
        options={indicators}
        showSearch={{ optionFilterProp: 'label' }}
      />
      <Select
        style={{ width: 140 }}
        aria-label={t('a11y.targetForm')}
        value={form}
        onChange={setForm}
        options={['level', 'reference', 'change', 'increment', 'qualitative'].map((f) => ({
          value: f,
          label: t(`planEdit.forms.${f}`),
        }))}
      />
      <InputNumber
        placeholder={t('planEdit.value')}
        aria-label={t('planEdit.value')}
        value={value}
        onChange={setValue}
      />
      <InputNumber
        placeholder={t('planEdit.deadline')}
        aria-label={t('planEdit.deadline')}
        value={deadline}
        onChange={setDeadline}
      />
      <Button
        onClick={() =>
          onAdd({
            id: '',
            indicator: form === 'qualitative' ? null : (indicator ?? null),
            regions: [],
            deadline,
            text: '',
            binding: null,
            target,
          } as PlanNode['targets'][number])
        }
      >
        {t('planEdit.addTarget')}
      </Button>
    </Space>
  )
}

function flat(n: PlanNode, lang: string): { id: string; title: string }[] {
  return [{ id: n.id, title: numberedTitle(n, lang) }, ...n.children.flatMap((c) => flat(c, lang))]
}
