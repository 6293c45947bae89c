/**
 * Invariants of the allocation over generated agreements and outputs (fast-check, seeded):
 * conservation to the last 0.0001, shares within [0, 1], the cap never crossed, nothing credited
 * outside the term, the central part never shared, and a new release leaving the allocation of an
 * earlier one unchanged.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { type AgreementVersion, type TermsInput, termsSchema } from './agreement.ts'
import { allocate } from './allocate.ts'
import { fromUnits, toUnits } from './decimal.ts'
import { capOf, startDay } from './eligibility.ts'
import { resolveOutputs, type StoredRecord } from './outputs.ts'
import { addYears, dayNumber, periodSpan } from './periods.ts'

const RUNS = { numRuns: 2000, seed: 20151 }
const METRICS = ['vat_local', 'eit_local', 'gdp', 'fixed_asset_investment'] as const
const isTax = (m: string) => m.endsWith('_local')

const amount = fc.bigInt({ min: -5_000_000_000n, max: 50_000_000_000n }).map((u) => fromUnits(u))
const share = fc.oneof(
  fc.integer({ min: 0, max: 1_000_000 }).map((n) => fromUnits(BigInt(n) * 100n).replace(/^(\d+)$/, '$1')),
  fc
    .tuple(fc.integer({ min: 0, max: 50 }), fc.integer({ min: 1, max: 50 }))
    .map(([a, b]) => `${Math.min(a, b)}/${b}`),
)
const day = fc
  .integer({ min: dayNumber('2014-01-01'), max: dayNumber('2022-12-31') })
  .map((n) => new Date(n * 86_400_000).toISOString().slice(0, 10))
const periodKind = fc.constantFrom('year' as const, 'quarter' as const, 'month' as const)

const shareForm = (s: string) => (s.includes('/') ? s : Number(s) > 1 ? '1' : s)

const termsArb = fc
  .record({
    kinds: fc.tuple(periodKind, periodKind, periodKind, periodKind),
    shares: fc.tuple(share, share, share, share),
    basis: fc.tuple(fc.boolean(), fc.boolean(), fc.boolean(), fc.boolean()),
    toCap: fc.tuple(fc.boolean(), fc.boolean(), fc.boolean(), fc.boolean()),
    nMetrics: fc.integer({ min: 1, max: 4 }),
    years: fc.integer({ min: 1, max: 5 }),
    ext: fc.integer({ min: 0, max: 3 }),
    extendWhen: fc.constantFrom('cap_not_reached' as const, 'always' as const, 'never' as const),
    capRule: fc.constantFrom('none' as const, 'prior_tax' as const, 'fixed' as const),
    projects: fc.array(
      fc.record({
        reg: fc.option(day, { nil: null, freq: 10 }),
        prod: fc.option(day, { nil: null, freq: 10 }),
        prior: fc.tuple(amount, amount, amount).map((xs) => xs.map((x) => x.replace('-', ''))),
        cap: amount.map((x) => x.replace('-', '')),
        base: amount,
        confirmed: fc.integer({ min: 0, max: 4 }).map((n) => n > 0),
      }),
      { minLength: 1, maxLength: 3 },
    ),
  })
  .map((g): TermsInput => {
    const metrics = METRICS.slice(0, g.nMetrics).map((m, i) => ({
      metric: m,
      kind: isTax(m) ? ('tax' as const) : ('statistic' as const),
      unit: '万元',
      period: g.kinds[i]!,
      originShare: shareForm(g.shares[i]!),
      basis: g.basis[i] ? ('increment' as const) : ('total' as const),
      countsTowardCap: g.toCap[i]! || (i === 0 && g.capRule !== 'none'),
    }))
    return {
      name: { zh: '生成的协议', en: 'generated' },
      metrics,
      term: { years: g.years, extensionYears: g.ext, extendWhen: g.extendWhen },
      cap: { rule: g.capRule, priorYears: 3 },
      eligibility: { minAveragePriorTax: null, requireBothConfirmations: true },
      settlement: 'central_one_off_subsidy',
      projects: g.projects.map((p, i) => ({
        id: `P${i}`,
        name: `P${i}`,
        registrationChangedOn: p.reg,
        productionReachedOn: p.prod,
        priorTax: p.prior.map((amount, k) => ({ year: 2011 + k, amount })),
        capAmount: p.cap,
        base: Object.fromEntries(metrics.map((m) => [m.metric, p.base])),
        eligibility: { confirmedByOrigin: p.confirmed ? 'o' : '', confirmedByHost: 'h' },
      })),
    }
  })

const periodsOf = (kind: 'year' | 'quarter' | 'month', from: number, n: number) =>
  Array.from({ length: n }, (_, i) => {
    if (kind === 'year') return String(2014 + ((from + i) % 12))
    if (kind === 'quarter') return `${2014 + Math.floor(((from + i) % 48) / 4)}-Q${((from + i) % 4) + 1}`
    const k = (from + i * 3) % 144
    return `${2014 + Math.floor(k / 12)}-${String((k % 12) + 1).padStart(2, '0')}`
  })

const scenario = termsArb.chain((input) => {
  const terms = termsSchema.parse(input)
  const record = fc
    .record({
      p: fc.integer({ min: 0, max: terms.projects.length - 1 }),
      m: fc.integer({ min: 0, max: terms.metrics.length - 1 }),
      from: fc.nat(200),
      amounts: fc.array(fc.tuple(amount, amount, fc.constantFrom(1, 2)), { minLength: 1, maxLength: 12 }),
    })
    .map(({ p, m, from, amounts }) => {
      const metric = terms.metrics[m]!
      const periods = [...new Set(periodsOf(metric.period, from, amounts.length))]
      return periods.map(
        (period, i): StoredRecord => ({
          projectId: `P${p}`,
          metric: metric.metric,
          period,
          kind: isTax(metric.metric) ? 'payment' : 'output',
          amount: amounts[i]![0],
          central: isTax(metric.metric) ? amounts[i]![1].replace('-', '') : null,
          source: isTax(metric.metric) ? 'tax_authority' : 'host_statistics',
          note: '',
          releaseId: amounts[i]![2],
        }),
      )
    })
  return fc.record({ terms: fc.constant(terms), records: fc.array(record, { minLength: 1, maxLength: 6 }) })
})

const version = (terms: ReturnType<typeof termsSchema.parse>): AgreementVersion => ({
  agreementId: 'A',
  version: 1,
  effectiveFrom: '2000-01-01',
  terms,
  confirmations: {
    origin: { by: 'o', at: '2014-01-01T00:00:00Z' },
    host: { by: 'h', at: '2014-01-01T00:00:00Z' },
  },
})

const run = (terms: ReturnType<typeof termsSchema.parse>, records: StoredRecord[], release: number) =>
  allocate({
    parties: { originRegion: '42', hostRegion: '43' },
    versions: [version(terms)],
    outputs: resolveOutputs(records, release),
    asOf: '2030-01-01',
  })

describe('allocation invariants (fast-check, 2,000 cases each)', () => {
  it('conserves every amount exactly and keeps the central part with the centre', () => {
    fc.assert(
      fc.property(scenario, ({ terms, records }) => {
        const a = run(terms, records.flat(), 2)
        for (const r of a.rows) {
          expect(toUnits(r.origin) + toUnits(r.host)).toBe(toUnits(r.amount))
          for (const view of ['official', 'allocation'] as const) {
            const c = a.credits.filter(
              (x) =>
                x.view === view &&
                x.projectId === r.projectId &&
                x.metric === r.metric &&
                x.period === r.period,
            )
            const parties = c.filter((x) => x.region !== 'CN').reduce((s, x) => s + toUnits(x.amount), 0n)
            const centre = c.filter((x) => x.region === 'CN').reduce((s, x) => s + toUnits(x.amount), 0n)
            expect(parties).toBe(toUnits(r.amount))
            expect(centre).toBe(toUnits(r.central))
          }
        }
      }),
      RUNS,
    )
  })

  it('keeps the origin’s part between 0 and the shared amount (a share in [0, 1])', () => {
    fc.assert(
      fc.property(scenario, ({ terms, records }) => {
        for (const r of run(terms, records.flat(), 2).rows) {
          const o = toUnits(r.origin)
          const s = toUnits(r.shared)
          if (s >= 0n) expect(o >= 0n && o <= s).toBe(true)
          else expect(o <= 0n && o >= s).toBe(true)
        }
      }),
      RUNS,
    )
  })

  it('never lets the origin’s cumulative share of cap metrics pass the cap', () => {
    fc.assert(
      fc.property(scenario, ({ terms, records }) => {
        const a = run(terms, records.flat(), 2)
        for (const p of terms.projects) {
          const cap = capOf(p, terms)
          if (cap === null) continue
          const capMetrics = new Set(terms.metrics.filter((m) => m.countsTowardCap).map((m) => m.metric))
          let cum = 0n
          for (const r of a.rows.filter((x) => x.projectId === p.id && capMetrics.has(x.metric))) {
            cum += toUnits(r.origin)
            expect(cum <= cap).toBe(true)
          }
        }
      }),
      RUNS,
    )
  })

  it('credits the origin nothing outside the longest possible term', () => {
    fc.assert(
      fc.property(scenario, ({ terms, records }) => {
        for (const r of run(terms, records.flat(), 2).rows) {
          const p = terms.projects.find((x) => x.id === r.projectId)!
          const start = startDay(p)
          const span = periodSpan(r.period)
          const confirmed = p.eligibility.confirmedByOrigin !== ''
          if (!start || !confirmed) {
            expect(r.origin).toBe('0')
            continue
          }
          const s = dayNumber(start)
          const end = addYears(addYears(s, terms.term.years), terms.term.extensionYears)
          if (span.end <= s || span.start >= end) expect(r.origin).toBe('0')
        }
      }),
      RUNS,
    )
  })

  it('leaves the allocation on an earlier release unchanged when a new release arrives', () => {
    fc.assert(
      fc.property(scenario, ({ terms, records }) => {
        const all = records.flat()
        const before = run(
          terms,
          all.filter((r) => r.releaseId === 1),
          1,
        )
        const after = run(terms, all, 1)
        expect(after).toEqual(before)
      }),
      RUNS,
    )
  })
})
