/**
 * Worked examples of the allocation, every figure derived by hand in the comments.
 *
 * 1. The 2015 Beijing–Tianjin–Hebei rule (财预〔2015〕92号, see docs/sharing.md): the local retained
 *    VAT and enterprise income tax of a firm moved from Beijing (11) to Hebei (13) are shared
 *    origin : host = 50 : 50 for 3 years from the later of its registration change and reaching
 *    production, 2 more years if the cap is not reached, the cap being the firm's tax in the 3
 *    years before it moved; eligible firms paid at least 2,000 万元 (20 million yuan) a year on
 *    average in those years and are confirmed by both provinces. Amounts in 万元.
 * 2. The Gaozhu rule (川渝高竹新区): only increments of tax over the base are split 50:50; fixed-
 *    asset investment split by an agreed ratio (here 1/3 to the origin); an amendment from 2023.
 */
import { describe, expect, it } from 'vitest'
import type { TermsInput } from './agreement.ts'
import { type Allocation, allocate } from './allocate.ts'
import { confirmedVersion, output } from './test-fixtures.ts'

const JJJ: TermsInput = {
  name: { zh: '京津冀产业转移企业税收分享', en: 'JJJ relocated firms tax sharing' },
  metrics: [
    {
      metric: 'vat_local',
      kind: 'tax',
      unit: '万元',
      period: 'year',
      originShare: '0.5',
      countsTowardCap: true,
    },
    {
      metric: 'eit_local',
      kind: 'tax',
      unit: '万元',
      period: 'year',
      originShare: '0.5',
      countsTowardCap: true,
    },
  ],
  term: { years: 3, extensionYears: 2, extendWhen: 'cap_not_reached' },
  cap: { rule: 'prior_tax', priorYears: 3 },
  eligibility: { minAveragePriorTax: '2000' },
  settlement: 'central_one_off_subsidy',
  projects: [
    {
      // F: prior tax 2100 + 2200 + 2300 = 6600 = cap; average 2200 ≥ 2000 → eligible.
      id: 'F',
      name: 'Firm F',
      registrationChangedOn: '2015-11-20',
      productionReachedOn: '2016-01-01', // the later day: the clock starts 2016-01-01
      priorTax: [
        { year: 2013, amount: '2100' },
        { year: 2014, amount: '2200' },
        { year: 2015, amount: '2300' },
      ],
      eligibility: { confirmedByOrigin: 'Beijing DRC', confirmedByHost: 'Hebei DRC' },
    },
    {
      // G: prior tax 2000 × 3 = 6000 = cap; average exactly 2000 → eligible.
      id: 'G',
      name: 'Firm G',
      registrationChangedOn: '2016-01-01',
      productionReachedOn: '2016-01-01',
      priorTax: [
        { year: 2013, amount: '2000' },
        { year: 2014, amount: '2000' },
        { year: 2015, amount: '2000' },
      ],
      eligibility: { confirmedByOrigin: 'Beijing DRC', confirmedByHost: 'Hebei DRC' },
    },
    {
      // H: average (1500 + 1500 + 1500) / 3 = 1500 < 2000 → not eligible, the host keeps all.
      id: 'H',
      name: 'Firm H',
      registrationChangedOn: '2016-01-01',
      productionReachedOn: '2016-01-01',
      priorTax: [
        { year: 2013, amount: '1500' },
        { year: 2014, amount: '1500' },
        { year: 2015, amount: '1500' },
      ],
      eligibility: { confirmedByOrigin: 'Beijing DRC', confirmedByHost: 'Hebei DRC' },
    },
    {
      // K: production reached mid-year 2016-07-01; prior tax 3000 × 3 (cap 9000).
      id: 'K',
      name: 'Firm K',
      registrationChangedOn: '2016-03-15',
      productionReachedOn: '2016-07-01',
      priorTax: [
        { year: 2013, amount: '3000' },
        { year: 2014, amount: '3000' },
        { year: 2015, amount: '3000' },
      ],
      eligibility: { confirmedByOrigin: 'Beijing DRC', confirmedByHost: 'Hebei DRC' },
    },
  ],
}

const row = (a: Allocation, projectId: string, metric: string, period: string) => {
  const r = a.rows.find((x) => x.projectId === projectId && x.metric === metric && x.period === period)
  if (!r) throw new Error(`no row ${projectId} ${metric} ${period}`)
  return r
}
const split = (a: Allocation, p: string, m: string, y: string) => {
  const r = row(a, p, m, y)
  return [r.origin, r.host]
}

describe('JJJ 2015: 50:50, 3 + 2 years, cap reached in year 4', () => {
  const outputs = [
    // F, local retained 万元 (central parts: VAT 50%, EIT 60% of the total)
    output('F', 'vat_local', '2016', '1600', '1600'),
    output('F', 'eit_local', '2016', '600', '900'),
    output('F', 'vat_local', '2017', '2000', '2000'),
    output('F', 'eit_local', '2017', '1000', '1500'),
    output('F', 'vat_local', '2018', '2400', '2400'),
    output('F', 'eit_local', '2018', '1200', '1800'),
    output('F', 'vat_local', '2019', '3000', '3000'),
    output('F', 'eit_local', '2019', '1800', '2700'),
    output('F', 'vat_local', '2020', '3200', '3200'),
    output('F', 'eit_local', '2020', '2000', '3000'),
    output('F', 'vat_local', '2021', '3500', '3500'),
    ...['2016', '2017', '2018', '2019', '2020', '2021'].map((y) => output('G', 'vat_local', y, '1000')),
    output('H', 'vat_local', '2016', '1500'),
    output('K', 'vat_local', '2016', '1000'),
  ]
  const a = allocate({
    parties: { originRegion: '11', hostRegion: '13' },
    versions: [confirmedVersion(JJJ)],
    outputs,
    asOf: '2021-06-30',
  })

  it('shares half of each year in the first term (2016–2018)', () => {
    // 2016: VAT 1600/2 = 800, EIT 600/2 = 300 → cumulative 1100
    expect(split(a, 'F', 'vat_local', '2016')).toEqual(['800', '800'])
    expect(split(a, 'F', 'eit_local', '2016')).toEqual(['300', '300'])
    // 2017: 1000 + 500 → cumulative 2600; 2018: 1200 + 600 → cumulative 4400 < 6600
    expect(split(a, 'F', 'vat_local', '2017')).toEqual(['1000', '1000'])
    expect(split(a, 'F', 'eit_local', '2018')).toEqual(['600', '600'])
  })

  it('extends by 2 years because 4400 < 6600 at the end of 2018, and reaches the cap in 2019', () => {
    // 2019: VAT 3000/2 = 1500 → cumulative 5900; EIT 1800/2 = 900 would make 6800 > 6600,
    // so it is cut to 6600 − 5900 = 700 and the host gets 1800 − 700 = 1100.
    expect(split(a, 'F', 'vat_local', '2019')).toEqual(['1500', '1500'])
    expect(split(a, 'F', 'eit_local', '2019')).toEqual(['700', '1100'])
    expect(row(a, 'F', 'eit_local', '2019').notes).toContain('cap_truncated')
    // 2020 lies in the extension but the cap is reached: the host keeps everything.
    expect(split(a, 'F', 'vat_local', '2020')).toEqual(['0', '3200'])
    expect(row(a, 'F', 'vat_local', '2020').notes).toContain('after_cap')
    // 2021 is after the term (2016-01-01 + 3 + 2 years = 2021-01-01).
    expect(split(a, 'F', 'vat_local', '2021')).toEqual(['0', '3500'])
    expect(row(a, 'F', 'vat_local', '2021').notes).toContain('outside_term')
    const f = a.projects.find((p) => p.projectId === 'F')!
    expect(f).toMatchObject({
      start: '2016-01-01',
      baseEnd: '2019-01-01',
      termEnd: '2021-01-01',
      extended: true,
      cap: '6600',
      originCumulative: '6600',
      capReachedIn: '2019',
      state: 'ended',
    })
  })

  it('credits the central part to the centre in every view, never to a party', () => {
    for (const view of ['official', 'allocation', 'assessment'] as const) {
      const c = a.credits.filter((x) => x.view === view && x.projectId === 'F' && x.period === '2019')
      expect(c.filter((x) => x.region === 'CN').map((x) => x.amount)).toEqual(['3000', '2700'])
    }
    // the official view credits the host with the whole local part: 3000 + 1800 = 4800
    const official = a.credits.filter(
      (x) => x.view === 'official' && x.projectId === 'F' && x.period === '2019',
    )
    expect(official.filter((x) => x.region === '13').map((x) => x.amount)).toEqual(['3000', '1800'])
    expect(official.some((x) => x.region === '11')).toBe(false)
  })

  it('records a one-off central subsidy when the cap is not reached in 3 + 2 years', () => {
    // G: 500 a year for 2016–2020 = 2500 < 6000; nothing in 2021 (after the term)
    expect(split(a, 'G', 'vat_local', '2020')).toEqual(['500', '500'])
    expect(split(a, 'G', 'vat_local', '2021')).toEqual(['0', '1000'])
    expect(a.settlements).toEqual([
      { projectId: 'G', kind: 'central_one_off_subsidy', due: '2021-01-01', shortfall: '3500' },
    ])
  })

  it('shares nothing for a firm below the threshold', () => {
    expect(split(a, 'H', 'vat_local', '2016')).toEqual(['0', '1500'])
    expect(row(a, 'H', 'vat_local', '2016').notes).toContain('below_threshold')
    expect(a.projects.find((p) => p.projectId === 'H')!.state).toBe('not_eligible')
  })

  it('shares the days of a year inside the term when production is reached mid-year', () => {
    // 2016-07-01 .. 2016-12-31 is 184 of 366 days: 1000 × 0.5 × 184 / 366 = 251.36612…
    // truncated to 251.3661; the host gets 1000 − 251.3661 = 748.6339.
    const r = row(a, 'K', 'vat_local', '2016')
    expect([r.origin, r.host, r.daysInTerm, r.daysInPeriod]).toEqual(['251.3661', '748.6339', 184, 366])
    expect(r.notes).toContain('partly_in_term')
  })
})

describe('Gaozhu: increments only, a ratio for investment, an amendment from 2023', () => {
  const terms = (vatShare: string): TermsInput => ({
    name: { zh: '川渝高竹新区税收增量分成', en: 'Gaozhu increment sharing' },
    metrics: [
      {
        metric: 'vat_local',
        kind: 'tax',
        unit: '万元',
        period: 'year',
        originShare: vatShare,
        basis: 'increment',
      },
      {
        metric: 'fixed_asset_investment',
        kind: 'statistic',
        unit: '万元',
        period: 'year',
        originShare: '1/3',
      },
      {
        metric: 'industrial_output',
        kind: 'statistic',
        unit: '万元',
        period: 'year',
        originShare: '0',
        assessmentDoubleCount: true,
      },
    ],
    term: { years: 10, extensionYears: 0 },
    cap: { rule: 'none' },
    eligibility: { minAveragePriorTax: null },
    projects: [
      {
        id: 'P',
        name: 'Project P',
        registrationChangedOn: '2021-01-01',
        productionReachedOn: '2021-01-01',
        base: { vat_local: '800' },
        eligibility: { confirmedByOrigin: '渝北区', confirmedByHost: '邻水县' },
      },
    ],
  })
  const v1 = confirmedVersion(terms('0.5'), '2021-01-01', 1)
  const v2 = confirmedVersion(terms('0.6'), '2023-01-01', 2)
  const v3 = {
    ...confirmedVersion(terms('0.9'), '2023-01-01', 3),
    confirmations: { origin: null, host: null },
  }
  const a = allocate({
    parties: { originRegion: '50', hostRegion: '51' },
    versions: [v1, v2, v3],
    outputs: [
      output('P', 'vat_local', '2021', '1000'),
      output('P', 'vat_local', '2022', '700'),
      output('P', 'vat_local', '2023', '1250.55'),
      output('P', 'fixed_asset_investment', '2021', '5000'),
      output('P', 'fixed_asset_investment', '2022', '1000.0001'),
      output('P', 'industrial_output', '2021', '9000'),
    ],
    asOf: '2023-12-31',
  })

  it('splits only the increment over the base', () => {
    // 2021: 1000 − 800 = 200 shared, origin 100; the host keeps the stock 800 and its half: 900
    expect(split(a, 'P', 'vat_local', '2021')).toEqual(['100', '900'])
    // 2022: 700 < 800, no increment: all to the host
    expect(split(a, 'P', 'vat_local', '2022')).toEqual(['0', '700'])
    expect(row(a, 'P', 'vat_local', '2022').notes).toContain('at_or_below_base')
  })

  it('applies the amendment in force from 2023 and ignores an unconfirmed one', () => {
    // 2023 under version 2 (0.6): (1250.55 − 800) × 0.6 = 450.55 × 0.6 = 270.33; host 980.22
    const r = row(a, 'P', 'vat_local', '2023')
    expect([r.version, r.origin, r.host]).toEqual([2, '270.33', '980.22'])
  })

  it('truncates a third to 0.0001 and gives the remainder to the host', () => {
    // 5000 / 3 = 1666.66666… → 1666.6666; host 5000 − 1666.6666 = 3333.3334
    expect(split(a, 'P', 'fixed_asset_investment', '2021')).toEqual(['1666.6666', '3333.3334'])
    // 1000.0001 / 3 = 333.33336̅ → 333.3333; host 666.6668
    expect(split(a, 'P', 'fixed_asset_investment', '2022')).toEqual(['333.3333', '666.6668'])
  })

  it('double counts a flagged metric in the assessment view only', () => {
    const c = (view: string) =>
      a.credits
        .filter((x) => x.view === view && x.metric === 'industrial_output')
        .map((x) => [x.region, x.amount])
    expect(c('assessment')).toEqual([
      ['50', '9000'],
      ['51', '9000'],
    ])
    expect(c('allocation')).toEqual([
      ['50', '0'],
      ['51', '9000'],
    ])
    expect(c('official')).toEqual([['51', '9000']])
  })
})
