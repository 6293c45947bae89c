import { Space, Tag, Tooltip, Typography } from 'antd'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { Cite } from './Lang.tsx'
import { computedTime, formatWhen, type ProvenanceData, type ReleaseRef } from './provenance.ts'

/** Releases named in the line itself; the rest are in a tooltip. */
const SHOWN = 3

/**
 * The provenance line under a chart or beside a table: the release(s) the figures come from with
 * their dates, when they were computed (the release date when the API does not say), anything
 * else the caller names (an evaluation run, a method version), and a red tag when any value
 * shown is synthetic.
 */
export function Provenance({
  data,
  extra = [],
  testId = 'provenance',
}: {
  data: ProvenanceData
  extra?: { label: string; value: ReactNode }[]
  testId?: string
}) {
  const { t, i18n } = useTranslation()
  const when = (s: string) => formatWhen(s, i18n.language)
  const releaseText = (r: ReleaseRef) =>
    r.date ? t('provenance.releaseWithDate', { name: r.name, date: when(r.date) }) : r.name
  // a release's name is cited as its publisher gave it; the words around it are the page's
  const releaseLine = (r: ReleaseRef) => {
    const [before = '', after = ''] = (
      r.date ? t('provenance.releaseWithDate', { name: '\u0000', date: when(r.date) }) : '\u0000'
    ).split('\u0000')
    return (
      <>
        {before}
        <Cite>{r.name}</Cite>
        {after}
      </>
    )
  }
  const shown = data.releases.slice(0, SHOWN)
  const hidden = data.releases.slice(SHOWN)
  const computed = computedTime(data)
  const small = { fontSize: 12 }
  const colon = t('provenance.colon')
  if (!data.releases.length && !computed && !data.asOf && !extra.length && !data.synthetic) return null
  return (
    <Space
      wrap
      size={[12, 2]}
      style={{ marginTop: 8 }}
      data-testid={testId}
      aria-label={t('provenance.label')}
    >
      {data.releases.length > 0 && (
        <Typography.Text type="secondary" style={small}>
          {data.releases.length > 1 ? t('provenance.releases') : t('provenance.release')}
          {colon}
          <span data-testid="provenance-release">
            {shown.map((r, i) => (
              <span key={r.name}>
                {i > 0 && t('provenance.listSeparator')}
                <Typography.Text type={r.synthetic ? 'danger' : 'secondary'} style={small}>
                  {releaseLine(r)}
                </Typography.Text>
              </span>
            ))}
          </span>
          {hidden.length > 0 && (
            <Tooltip title={hidden.map(releaseText).join(t('provenance.listSeparator'))}>
              <Typography.Text type="secondary" underline style={{ ...small, marginLeft: 4 }}>
                {t('provenance.more', { count: hidden.length })}
              </Typography.Text>
            </Tooltip>
          )}
        </Typography.Text>
      )}
      {data.asOf && (
        <Typography.Text type="secondary" style={small} data-testid="provenance-as-of">
          {t('provenance.asOf')}
          {colon}
          <time dateTime={data.asOf}>{when(data.asOf)}</time>
        </Typography.Text>
      )}
      {computed && (
        <Typography.Text type="secondary" style={small} data-testid="provenance-computed">
          {t('provenance.computedAt')}
          {colon}
          <time dateTime={computed.when}>{when(computed.when)}</time>
          {computed.isReleaseDate && t('provenance.releaseDateStandsIn')}
        </Typography.Text>
      )}
      {extra.map((x) => (
        <Typography.Text key={x.label} type="secondary" style={small}>
          {x.label}
          {colon}
          {x.value}
        </Typography.Text>
      ))}
      {data.synthetic && (
        <Tag color="red" data-testid="provenance-synthetic" style={{ marginInlineEnd: 0 }}>
          {t('common.synthetic')}
        </Tag>
      )}
    </Space>
  )
}
