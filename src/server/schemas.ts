/** Response shapes shared by several operations, registered once as OpenAPI components. */
import { z } from '@hono/zod-openapi'

export const ErrorBody = z
  .object({
    error: z.object({
      code: z.string().openapi({ description: 'the category of refusal', example: 'not_found' }),
      key: z
        .string()
        .openapi({ description: 'the message key (src/i18n/server-messages.ts)', example: 'missing.task' }),
      message: z.string().openapi({
        description: "in the request's language (Accept-Language, the jueqi-lang cookie or ?lang=)",
      }),
    }),
  })
  .openapi('Error')

export const errorResponses = {
  400: { content: { 'application/json': { schema: ErrorBody } }, description: 'Invalid request' },
  404: { content: { 'application/json': { schema: ErrorBody } }, description: 'Not found' },
} as const

/** Errors a write can answer: not signed in, not allowed (role, region or state), a conflict. */
export const writeErrorResponses = {
  ...errorResponses,
  401: { content: { 'application/json': { schema: ErrorBody } }, description: 'Not signed in' },
  403: {
    content: { 'application/json': { schema: ErrorBody } },
    description: 'Not allowed, or the CSRF check failed',
  },
  409: {
    content: { 'application/json': { schema: ErrorBody } },
    description: 'Not possible in the current state',
  },
} as const

export const RegionSchema = z
  .object({
    code: z.string().openapi({ example: '42' }),
    level: z.enum(['nation', 'macro', 'province', 'prefecture', 'county']),
    nameZh: z.string().openapi({ example: '湖北省' }),
    nameEn: z.string().openapi({ example: 'Hubei' }),
    nameEnStatus: z.string(),
    parentCode: z.string().nullable(),
    inMainlandStats: z.boolean(),
    validFrom: z.string().nullable(),
    validTo: z.string().nullable(),
  })
  .openapi('Region')

/** A unit: its code in the closed list (statistics/units.ts) and its names in both languages. */
export const UnitNamesShape = {
  unitCode: z.string().nullable().openapi({
    description: 'code of the unit in the closed list; null for a spelling outside it',
    example: 'yuan_100m',
  }),
  unitZh: z.string().openapi({ example: '亿元' }),
  unitEn: z.string().openapi({ example: '100 million yuan' }),
}

export const IndicatorSchema = z
  .object({
    key: z.string().openapi({ example: 'rd_intensity' }),
    nameZh: z.string(),
    nameEn: z.string(),
    unit: z.string().openapi({ description: 'the English name of the unit (see unitCode, unitZh, unitEn)' }),
    ...UnitNamesShape,
    direction: z.enum(['higher', 'lower', 'neutral']),
    definition: z.string().openapi({ description: 'English (see definitionZh, definitionEn)' }),
    definitionZh: z.string(),
    definitionEn: z.string(),
    sourceSeries: z
      .string()
      .openapi({ description: 'as researched, either language (see sourceSeriesZh, sourceSeriesEn)' }),
    sourceSeriesZh: z.string(),
    sourceSeriesEn: z.string(),
    policyTarget: z.string(),
    formula: z.string().nullable(),
    derived: z.boolean(),
    aggregation: z.string(),
    aggregationWeight: z.string().nullable(),
    breaks: z.array(
      z.object({
        year: z.number().int(),
        note: z.string().openapi({ description: 'English' }),
        noteZh: z.string().optional(),
        noteEn: z.string().optional(),
      }),
    ),
    builtin: z.boolean(),
  })
  .openapi('Indicator')

export const ReleaseSchema = z
  .object({
    id: z.number().int(),
    name: z.string(),
    publishedOn: z.string(),
    kind: z.string(),
    synthetic: z.boolean(),
    description: z.string(),
    sourceFile: z.string().nullable(),
    rowCount: z.number().int(),
    createdAt: z.string(),
  })
  .openapi('Release')

export const ObservationSchema = z
  .object({
    id: z.number().int().openapi({ description: '0 for computed (derived or rolled-up) figures' }),
    region: z.string(),
    indicator: z.string(),
    period: z.number().int(),
    value: z.number(),
    unit: z.string().openapi({ description: 'as the source wrote it (see unitCode, unitZh, unitEn)' }),
    ...UnitNamesShape,
    source: z.string(),
    note: z.string(),
    vintage: z.string().nullable(),
    release: z.string(),
    releaseDate: z.string(),
    synthetic: z.boolean(),
    preferred: z
      .boolean()
      .openapi({ description: 'picked by the preference rule among rows for the same cell' }),
    superseded: z.boolean().openapi({ description: 'a newer release has this cell (only with allVintages)' }),
    derived: z
      .boolean()
      .openapi({ description: 'computed by jueqi from other figures (formula or roll-up)' }),
    computedAt: z.string().openapi({
      description:
        "ISO time the figure was computed: its release's creation for a stored figure, the refresh for a materialised roll-up, the request for a figure derived on the fly",
      example: '2026-11-22T08:00:00.000Z',
    }),
    coverage: z.object({ members: z.number().int(), withData: z.number().int() }).nullable().openapi({
      description: 'a roll-up: its member provinces and how many had the figure; null otherwise',
    }),
  })
  .openapi('Observation')

/** The rows of an observations answer as columns (format=columns; statistics/columns.ts). */
export const ObservationColumnsSchema = z
  .object({
    length: z.number().int().openapi({ description: 'number of rows' }),
    constant: ObservationSchema.partial().openapi({ description: 'fields with the same value in every row' }),
    columns: z
      .object(
        Object.fromEntries(
          Object.entries(ObservationSchema.shape).map(([k, v]) => [k, z.array(v).optional()]),
        ) as {
          [K in keyof typeof ObservationSchema.shape]: z.ZodOptional<
            z.ZodArray<(typeof ObservationSchema.shape)[K]>
          >
        },
      )
      .openapi({ description: "every other field: an array of the rows' values, in row order" }),
  })
  .openapi('ObservationColumns')

export const UserSchema = z
  .object({
    id: z.number().int(),
    username: z.string(),
    displayName: z.string(),
    grants: z.array(z.object({ role: z.string(), regionCode: z.string(), parkId: z.string().nullable() })),
  })
  .openapi('User')
