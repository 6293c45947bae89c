import { createRoute, type RouteHandler, z } from '@hono/zod-openapi'
import { stringify } from 'csv-stringify/sync'
import type { MiddlewareHandler } from 'hono'
import { csvSafeCast } from '../../files/spreadsheet-safe.ts'
import { toColumns } from '../../statistics/columns.ts'
import { SDMX_CSV_MEDIA_TYPE, sdmxCsvRecords } from '../../statistics/import/sdmx.ts'
import { type FigureRow, getFigures, UnknownIndicatorError } from '../../store/figures.ts'
import { withUnitNames } from '../catalogue-answers.ts'
import type { AppEnv } from '../env.ts'
import { AppError } from '../errors.ts'
import { makeBody, sendCached } from '../response-cache.ts'
import { errorResponses, ObservationColumnsSchema, ObservationSchema } from '../schemas.ts'

const list = (max: number) =>
  z
    .string()
    .transform((s) =>
      s
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.string().min(1).max(80)).min(1).max(max))

export const Query = z.object({
  indicator: list(1_000).openapi({
    description: 'indicator key(s), comma-separated',
    example: 'rd_intensity',
  }),
  region: list(5_000)
    .optional()
    .openapi({ description: 'region code(s), comma-separated', example: 'CN,42' }),
  level: z
    .enum(['nation', 'macro', 'province', 'prefecture', 'county'])
    .optional()
    .openapi({ description: 'all regions of a level' }),
  from: z.coerce.number().int().min(1900).max(2200).optional(),
  to: z.coerce.number().int().min(1900).max(2200).optional(),
  asOf: z.iso.date().optional().openapi({
    description: 'what was known on this date (release publication date)',
    example: '2025-01-01',
  }),
  allVintages: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  preferredOnly: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  format: z.enum(['json', 'columns', 'csv', 'sdmx-csv']).default('json').openapi({
    description:
      "json: one object per row; columns: the same rows as columns (each field once when every row has the same value, else an array of all rows' values; a tenth of the JSON, under half once compressed); csv: a file; sdmx-csv: SDMX-CSV 2.0, preferred figures only (also chosen by `Accept: application/vnd.sdmx.data+csv; version=2.0.0`)",
  }),
  lang: z.enum(['zh-CN', 'en']).optional(),
})

export const route = createRoute({
  method: 'get',
  path: '/api/observations',
  tags: ['observations'],
  summary: 'Observations of indicators for regions, with vintages, as JSON or CSV',
  description:
    'Rows of the newest release that has each cell as of `asOf` (default: today). Where sources disagree within a release all rows are returned and one is `preferred` (revised > final > first-published > preliminary, then file order). Derived indicators and macro-region and national roll-ups are computed and flagged `derived`; every row says when it was computed (`computedAt`). Roll-ups of the latest view are materialised when a release lands or is approved; real and synthetic releases are rolled up apart; a sum is published only when every province has the figure, a mean or weighted mean when at least half have it, with `coverage` stated.',
  request: { query: Query },
  responses: {
    200: {
      content: {
        'application/json': {
          schema: z.union([z.object({ observations: z.array(ObservationSchema) }), ObservationColumnsSchema]),
        },
        'text/csv': { schema: z.string() },
        [SDMX_CSV_MEDIA_TYPE]: { schema: z.string() },
      },
      description: 'Observations',
    },
    ...errorResponses,
  },
})

const FIELDS = Object.keys(ObservationSchema.shape) as (keyof typeof ObservationSchema.shape &
  keyof ReturnType<typeof withUnitNames>[number])[]

const CSV_COLUMNS: (keyof FigureRow)[] = [
  'region',
  'indicator',
  'period',
  'value',
  'unit',
  'source',
  'note',
  'vintage',
  'release',
  'releaseDate',
  'preferred',
  'superseded',
  'derived',
  'synthetic',
  'computedAt',
]

/**
 * Public and the same for every caller (unapproved releases are left out for everyone), so whole
 * responses are cached per process under the normalised query and the store's data version.
 */
export const handler: RouteHandler<typeof route, AppEnv> = async (c) => {
  const q = c.req.valid('query')
  // content negotiation: an SDMX client asks by media type; an explicit format other than json wins
  const format = q.format === 'json' && wantsSdmx(c.req.header('accept')) ? 'sdmx-csv' : q.format
  const { cache, dataVersion } = c.get('responses')
  // read before the figures: a release committing in between can only make the entry newer than its key
  const version = await dataVersion.get()
  const key = JSON.stringify([
    version,
    q.indicator,
    q.region ?? null,
    q.level ?? null,
    q.from ?? null,
    q.to ?? null,
    q.asOf ?? null,
    q.allVintages ?? null,
    q.preferredOnly ?? null,
    format,
  ])
  try {
    const body = await cache.getOrMake(key, async () => {
      const rows = await getFigures(c.get('store').db, {
        indicators: q.indicator,
        regions: q.region,
        level: q.level,
        from: q.from,
        to: q.to,
        asOf: q.asOf,
        allVintages: q.allVintages,
        // an SDMX dataset holds one observation per series key and period
        preferredOnly: q.preferredOnly || format === 'sdmx-csv',
      })
      if (format === 'sdmx-csv')
        return makeBody(stringify(sdmxCsvRecords(rows)), `${SDMX_CSV_MEDIA_TYPE}; charset=utf-8`, VARY)
      if (format === 'csv') {
        const csv = stringify(rows, {
          header: true,
          columns: CSV_COLUMNS as string[],
          // text that a spreadsheet would run as a formula is neutralised (files/spreadsheet-safe.ts)
          cast: csvSafeCast,
        })
        return makeBody(`\uFEFF${csv}`, 'text/csv; charset=utf-8', {
          'content-disposition': `attachment; filename="${q.indicator.join('+')}.csv"`,
          ...VARY,
        })
      }
      const named = withUnitNames(rows)
      if (format === 'columns')
        return makeBody(JSON.stringify(toColumns(named, FIELDS)), 'application/json', VARY)
      return makeBody(JSON.stringify({ observations: named }), 'application/json', VARY)
    })
    cache.alias(rawKey(version, c.req.url, c.req.header('accept')), key)
    return sendCached(c, body) as never
  } catch (e) {
    if (e instanceof UnknownIndicatorError) throw new AppError('unknown_indicator', { key: e.key })
    throw e
  }
}

/** The answer depends on the Accept header as well as the query (SDMX-CSV by media type). */
const VARY = { vary: 'Accept, Accept-Encoding' }

function wantsSdmx(accept: string | undefined): boolean {
  return accept !== undefined && /application\/vnd\.sdmx\.data\+csv/i.test(accept)
}

/** A request's key as sent: the data version, the query string before any parsing, and whether SDMX was asked for. */
const rawKey = (version: number, url: string, accept: string | undefined) => {
  const q = url.indexOf('?')
  return `${version} ${q < 0 ? '' : url.slice(q)}${wantsSdmx(accept) ? ' sdmx' : ''}`
}

/**
 * Runs before the route's validation: a request spelled exactly like one already answered (same
 * query string, same data version) gets the cached answer at once. Validating the query of a
 * 300-indicator request cost more than sending its answer; a request never answered, or answered
 * with an error, still goes through validation.
 */
export const answerFromRawQuery: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (c.req.method !== 'GET') return next()
  const { cache, dataVersion } = c.get('responses')
  const hit = cache.viaAlias(rawKey(await dataVersion.get(), c.req.url, c.req.header('accept')))
  if (hit) return sendCached(c, hit)
  return next()
}
