import { describe, expect, it } from 'vitest'
import type { TermsInput } from './agreement.ts'
import { allocate } from './allocate.ts'
import { periodTransition, reconcile, regionalTotals } from './reconcile.ts'
import { confirmedVersion, output } from './test-fixtures.ts'

const terms: TermsInput = {
  name: { zh: '示例', en: 'example' },
  metrics: [
    { metric: 'gdp', kind: 'statistic', unit: '万元', period: 'year', originShare: '0.4' },
    { metric: 'vat_local', kind: 'tax', unit: '万元', period: 'year', originShare: '0.5' },
  ],
  term: { years: 5 },
  cap: { rule: 'none' },
  eligibility: {},
  projects: ['P', 'Q'].map((id) => ({
    id,
    name: id,
    registrationChangedOn: '2020-01-01',
    productionReachedOn: '2020-01-01',
    eligibility: { confirmedByOrigin: 'o', confirmedByHost: 'h' },
  })),
}

describe('reconciliation', () => {
  const used = [
    output('P', 'gdp', '2021', '1000'),
    output('Q', 'gdp', '2021', '500'),
    output('P', 'vat_local', '2021', '80', '80'),
  ]
  const a = allocate({
    parties: { originRegion: '42', hostRegion: '43' },
    versions: [confirmedVersion(terms)],
    outputs: used,
    asOf: '2021-12-31',
  })

  it('lists the projects whose newest records differ from what the allocation used', () => {
    // Q's GDP was revised from 500 to 520 after the allocation; a refund took P's VAT to 70.
    const latest = [
      used[0]!,
      output('Q', 'gdp', '2021', '520', '0', 2),
      output('P', 'vat_local', '2021', '70', '70', 2),
    ]
    const r = reconcile(a, latest, new Map([['2021', 'settled']]))
    expect(r.periods).toHaveLength(1)
    const [p] = r.periods
    expect(p!.state).toBe('settled')
    // GDP: allocated 1500 (origin 0.4 × 1500 = 600, host 900), recorded 1520, difference +20 from Q
    expect(p!.lines[0]).toMatchObject({
      metric: 'gdp',
      allocated: '1500',
      origin: '600',
      host: '900',
      recorded: '1520',
      difference: '20',
    })
    expect(p!.lines[0]!.differing).toEqual([{ projectId: 'Q', allocated: '500', recorded: '520' }])
    // VAT: shared 80 (origin 40), the tax authority's net is now 70: difference −10
    expect(p!.lines[1]).toMatchObject({
      metric: 'vat_local',
      source: 'tax_authority',
      origin: '40',
      difference: '-10',
    })
    expect(p!.differences).toBe(2)
  })

  it('balances regional totals: after sharing sums to the published total', () => {
    const t = regionalTotals(a)
    expect(t.balanced).toBe(true)
    const gdp = t.totals.filter((x) => x.metric === 'gdp')
    // published: host 43 has 1500; after sharing: 42 has 600, 43 has 900
    expect(gdp.map((x) => [x.region, x.published, x.afterSharing])).toEqual([
      ['42', '0', '600'],
      ['43', '1500', '900'],
    ])
    const broken = {
      ...a,
      credits: a.credits.map((c) =>
        c.view === 'allocation' && c.region === '42' ? { ...c, amount: '601' } : c,
      ),
    }
    expect(regionalTotals(broken).balanced).toBe(false)
  })

  it('moves periods open → settled → closed, and never reopens a closed one', () => {
    expect(periodTransition('open', 'settled')).toBeNull()
    expect(periodTransition('settled', 'open')).toBeNull()
    expect(periodTransition('settled', 'closed')).toBeNull()
    expect(periodTransition('closed', 'open')).toMatch(/closed/)
    expect(periodTransition('open', 'closed')).toMatch(/open/)
  })
})
