import { Button, Card, Table, Tag, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { api } from '../../api.ts'
import { Provenance } from '../../components/Provenance.tsx'
import { Status } from '../../components/Status.tsx'
import { formatValue } from '../../format.ts'
import { useLoad } from '../../hooks.ts'
import { useLangName } from '../../i18n/index.ts'

interface Line {
  item: string
  points: number
  why: string
  refs: string[]
}
interface Missing {
  target: string
  status: 'insufficient_data' | 'not_assessable'
  why: string
}
interface Score {
  province: string
  total: number
  /** null: none of the province's targets could be assessed */
  rank: number | null
  scheme: string
  assessed: number
  targetCount: number
  missing: Missing[]
  breakdown: Line[]
}

/** The province scorecard: ranks and totals, each total's lines on expansion, and the XLSX. */
export function ScorecardPage() {
  const { t, i18n } = useTranslation()
  const name = useLangName()
  const data = useLoad(async () => {
    const [card, regions] = await Promise.all([
      // the scorecard is computed when asked: the response's Date is when
      fetch('/api/scorecard?plan=C21').then(async (r) => ({
        ...((await r.json()) as {
          asOf: string
          planVersion: number
          scheme: { id: string; version: string }
          scores: Score[]
        }),
        computedAt: new Date(r.headers.get('date') ?? Date.now()).toISOString(),
      })),
      api.regions('?level=province'),
    ])
    return { card, regions }
  }, 'scorecard')
  if (!data.data) return <Status loading={data.loading} error={data.error} />
  const { card, regions } = data.data
  // the scheme by name, with the version every published score names
  const schemeName = `${t(`words.schemes.${card.scheme.id}`, { defaultValue: card.scheme.id })} ${card.scheme.version}`
  const regionName = (c: string) =>
    name(
      regions.find((r) => r.code === c),
      c,
    )
  return (
    <Card
      title={t('scorecard.heading')}
      extra={
        <Button href="/api/scorecard?plan=C21&format=xlsx" data-testid="scorecard-xlsx">
          {t('scorecard.download')}
        </Button>
      }
    >
      <Typography.Paragraph type="secondary">
        {t('scorecard.intro', {
          scheme: schemeName,
          asOf: card.asOf,
          version: card.planVersion,
        })}
      </Typography.Paragraph>
      <Typography.Paragraph type="secondary" data-testid="scorecard-rule">
        {t('scorecard.missingData.rule')}
      </Typography.Paragraph>
      <Table<Score>
        rowKey="province"
        size="small"
        pagination={false}
        data-testid="scorecard-table"
        dataSource={card.scores}
        columns={[
          {
            title: t('scorecard.rank'),
            dataIndex: 'rank',
            render: (r: number | null) =>
              r ?? (
                <Tag title={t('scorecard.missingData.notRankedWhy')}>
                  {t('scorecard.missingData.notRanked')}
                </Tag>
              ),
          },
          { title: t('common.region'), dataIndex: 'province', render: regionName },
          {
            title: t('scorecard.total'),
            dataIndex: 'total',
            render: (v: number) => formatValue(v, i18n.language),
          },
          {
            title: t('scorecard.missingData.assessed'),
            key: 'assessed',
            render: (_: unknown, s: Score) => (
              <span data-testid={`assessed-${s.province}`}>
                {t('scorecard.missingData.count', { assessed: s.assessed, total: s.targetCount })}
              </span>
            ),
          },
        ]}
        expandable={{
          expandedRowRender: (s) => (
            <>
              <ScoreLines lines={s.breakdown} />
              {s.missing.length > 0 && <MissingTargets missing={s.missing} />}
            </>
          ),
        }}
      />
      <Provenance
        data={{ releases: [], asOf: card.asOf, computedAt: card.computedAt, synthetic: false }}
        extra={[{ label: t('provenance.scheme'), value: schemeName }]}
      />
    </Card>
  )
}

/** Where every point of a province's total comes from. */
function ScoreLines({ lines }: { lines: Line[] }) {
  const { t, i18n } = useTranslation()
  return (
    <Table<Line>
      rowKey="item"
      size="small"
      pagination={false}
      dataSource={lines}
      columns={[
        {
          title: t('scorecard.item'),
          dataIndex: 'item',
          render: (i: string) => <Tag>{t(`scorecard.items.${i}`, { defaultValue: i })}</Tag>,
        },
        {
          title: t('scorecard.points'),
          dataIndex: 'points',
          render: (v: number) => formatValue(v, i18n.language),
        },
        { title: t('scorecard.how'), dataIndex: 'why' },
        { title: t('scorecard.refs'), dataIndex: 'refs', render: (r: string[]) => r.join(', ') },
      ]}
    />
  )
}

/** The targets that could not be assessed: listed with what is missing, never scored. */
function MissingTargets({ missing }: { missing: Missing[] }) {
  const { t } = useTranslation()
  return (
    <Table<Missing>
      rowKey="target"
      size="small"
      pagination={false}
      data-testid="scorecard-missing"
      title={() => t('scorecard.missingData.heading', { count: missing.length })}
      dataSource={missing}
      columns={[
        { title: t('scorecard.missingData.target'), dataIndex: 'target' },
        {
          title: t('scorecard.missingData.status'),
          dataIndex: 'status',
          render: (v: Missing['status']) => <Tag>{t(`scorecard.missingData.statuses.${v}`)}</Tag>,
        },
        { title: t('scorecard.missingData.why'), dataIndex: 'why' },
      ]}
    />
  )
}
