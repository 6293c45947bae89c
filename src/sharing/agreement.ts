/**
 * A sharing agreement as data. The parties (origin and host region, the park) are fixed for the
 * life of an agreement; its terms are versioned: an amendment is a new version in force from a
 * date and never an edit of an earlier one. A version takes effect only when both parties have
 * confirmed it. The rules follow the cases in docs/sharing.md: the 2015 Beijing–Tianjin–Hebei
 * tax rule (财预〔2015〕92号), the NBS in-situ rule (国统字〔2011〕96号), Guangxi's assessment-only
 * double count (桂统函〔2025〕29号) and Gaozhu's split of increments.
 */
import { z } from 'zod'
import { isoDaySchema } from '../supervision/dates.ts'
import { amountSchema, nonNegativeAmountSchema, shareSchema } from './decimal.ts'
import { PERIOD_KINDS } from './periods.ts'

const idSchema = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,59}$/, { message: 'letters, digits, _ . - (at most 60)' })
const nameSchema = z.object({
  zh: z.string().trim().min(1).max(200),
  en: z.string().trim().max(200).default(''),
})

/** Metrics the rules name; others may be added with their own names. */
export const KNOWN_METRICS = {
  gdp: { kind: 'statistic', zh: '地区生产总值', en: 'GDP (value added)' },
  industrial_output: { kind: 'statistic', zh: '工业总产值', en: 'Industrial gross output' },
  industrial_value_added: { kind: 'statistic', zh: '工业增加值', en: 'Industrial value added' },
  fixed_asset_investment: { kind: 'statistic', zh: '固定资产投资', en: 'Fixed-asset investment' },
  vat_local: { kind: 'tax', zh: '增值税地方留成', en: 'VAT, local retained share' },
  eit_local: { kind: 'tax', zh: '企业所得税地方留成', en: 'Enterprise income tax, local retained share' },
} as const

export const metricTermsSchema = z
  .object({
    metric: z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, { message: 'a metric key such as vat_local' }),
    /** Taxes carry a central part that is never shared; statistics do not. */
    kind: z.enum(['statistic', 'tax']),
    name: nameSchema.optional(),
    unit: z.string().trim().min(1).max(20),
    period: z.enum(PERIOD_KINDS),
    /** The origin's share; the host takes the rest. */
    originShare: shareSchema,
    /** 'increment': only the part above the project's base amount per period is split (Gaozhu). */
    basis: z.enum(['total', 'increment']).default('total'),
    /** Counts toward the origin's cap (the JJJ rule caps the shared taxes together). */
    countsTowardCap: z.boolean().default(false),
    /** Guangxi: both sides count the full amount, for the park assessment only; never published. */
    assessmentDoubleCount: z.boolean().default(false),
  })
  .superRefine((m, ctx) => {
    const known = (KNOWN_METRICS as Record<string, { kind: string }>)[m.metric]
    if (known && known.kind !== m.kind)
      ctx.addIssue({ code: 'custom', path: ['kind'], message: `${m.metric} is a ${known.kind}` })
    if (!known && !m.name)
      ctx.addIssue({ code: 'custom', path: ['name'], message: 'name a metric of your own' })
  })
export type MetricTerms = z.infer<typeof metricTermsSchema>

export const projectSchema = z.object({
  id: idSchema,
  name: z.string().trim().min(1).max(200),
  /** The clock starts when both have happened (JJJ: registration change and reaching production). */
  registrationChangedOn: isoDaySchema.nullable().default(null),
  productionReachedOn: isoDaySchema.nullable().default(null),
  /** The firm's shared taxes in the years before moving: the JJJ eligibility test and cap. */
  priorTax: z
    .array(z.object({ year: z.number().int(), amount: nonNegativeAmountSchema }))
    .max(10)
    .default([]),
  /** A cap agreed as an amount (cap rule 'fixed'). */
  capAmount: nonNegativeAmountSchema.nullable().default(null),
  /** Per metric, the base amount of one period (increments-only metrics). */
  base: z.record(z.string(), amountSchema).default({}),
  /** The eligibility of the firm, confirmed by a named person of each side. */
  eligibility: z
    .object({
      confirmedByOrigin: z.string().trim().max(100).default(''),
      confirmedByHost: z.string().trim().max(100).default(''),
      note: z.string().trim().max(2000).default(''),
    })
    .default({ confirmedByOrigin: '', confirmedByHost: '', note: '' }),
})
export type Project = z.infer<typeof projectSchema>

export const termsSchema = z
  .object({
    name: nameSchema,
    projects: z.array(projectSchema).min(1).max(500),
    metrics: z.array(metricTermsSchema).min(1).max(20),
    term: z.object({
      years: z.number().int().min(1).max(50),
      extensionYears: z.number().int().min(0).max(50).default(0),
      /** JJJ: the extension applies only when the cap was not reached in the first term. */
      extendWhen: z.enum(['cap_not_reached', 'always', 'never']).default('cap_not_reached'),
    }),
    cap: z.object({
      /** 'prior_tax': the sum of the firm's taxes in the last `priorYears` years before moving. */
      rule: z.enum(['none', 'prior_tax', 'fixed']),
      priorYears: z.number().int().min(1).max(10).default(3),
      /** At the cap the origin's share is truncated and the rest goes to the host (the one rule known). */
      atCap: z.literal('truncate_rest_to_host').default('truncate_rest_to_host'),
    }),
    eligibility: z.object({
      /** JJJ: at least this much shared tax a year on average over the prior years; null = no test. */
      minAveragePriorTax: nonNegativeAmountSchema.nullable().default(null),
      requireBothConfirmations: z.boolean().default(true),
    }),
    /** JJJ: a one-off central subsidy when the cap is not reached by the end of the term. */
    settlement: z.enum(['none', 'central_one_off_subsidy']).default('none'),
    note: z.string().trim().max(4000).default(''),
  })
  .superRefine((t, ctx) => {
    const seen = new Set<string>()
    t.metrics.forEach((m, i) => {
      if (seen.has(m.metric))
        ctx.addIssue({ code: 'custom', path: ['metrics', i, 'metric'], message: `${m.metric} twice` })
      seen.add(m.metric)
    })
    const ids = new Set<string>()
    t.projects.forEach((p, i) => {
      if (ids.has(p.id))
        ctx.addIssue({ code: 'custom', path: ['projects', i, 'id'], message: `${p.id} twice` })
      ids.add(p.id)
      for (const m of t.metrics)
        if (m.basis === 'increment' && p.base[m.metric] === undefined)
          ctx.addIssue({
            code: 'custom',
            path: ['projects', i, 'base', m.metric],
            message: `${m.metric} is split by increment: give the project's base amount`,
          })
      if (t.cap.rule === 'fixed' && p.capAmount === null)
        ctx.addIssue({ code: 'custom', path: ['projects', i, 'capAmount'], message: 'the cap rule is fixed' })
      if (t.cap.rule === 'prior_tax' && p.priorTax.length < t.cap.priorYears)
        ctx.addIssue({
          code: 'custom',
          path: ['projects', i, 'priorTax'],
          message: `the cap is the tax of the ${t.cap.priorYears} years before moving: give them`,
        })
    })
    if (t.cap.rule !== 'none' && !t.metrics.some((m) => m.countsTowardCap))
      ctx.addIssue({ code: 'custom', path: ['cap'], message: 'a cap needs a metric that counts toward it' })
  })
export type Terms = z.infer<typeof termsSchema>
export type TermsInput = z.input<typeof termsSchema>

export const partiesSchema = z.object({
  parkId: idSchema,
  parkName: nameSchema,
  originRegion: z.string().trim().min(2).max(12),
  hostRegion: z.string().trim().min(2).max(12),
})
export type Parties = z.infer<typeof partiesSchema>

export const SIDES = ['origin', 'host'] as const
export type Side = (typeof SIDES)[number]

export interface Confirmation {
  by: string
  at: string
}

export interface AgreementVersion {
  agreementId: string
  version: number
  effectiveFrom: string
  terms: Terms
  confirmations: { origin: Confirmation | null; host: Confirmation | null }
}

export const isInForce = (v: AgreementVersion) =>
  v.confirmations.origin !== null && v.confirmations.host !== null

export const metricName = (m: MetricTerms) =>
  m.name ??
  (KNOWN_METRICS as Record<string, { zh: string; en: string }>)[m.metric] ?? { zh: m.metric, en: m.metric }
