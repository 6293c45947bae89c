/**
 * An illustrative agreement for a co-built park between Hubei (origin) and Hunan (host): the 2015
 * rule's shape (50:50 local retained taxes, 3 + 2 years, cap = 3 prior years' tax) plus output
 * and investment shared by an agreed ratio and a Guangxi-style assessment-only flag. The park,
 * firms and figures are SYNTHETIC, for tests and the demonstration; no such agreement is known.
 */
import type { TermsInput } from './agreement.ts'

export const EXAMPLE_PARTIES = {
  parkId: 'DEMO-PARK',
  parkName: { zh: '示例共建园区（合成数据）', en: 'Example co-built park (synthetic)' },
  originRegion: '42',
  hostRegion: '43',
}

export const exampleTerms = (): TermsInput => ({
  name: {
    zh: '示例：产业转移税收与统计分成协议（合成）',
    en: 'Example: tax and statistics sharing (synthetic)',
  },
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
    {
      metric: 'industrial_output',
      kind: 'statistic',
      unit: '万元',
      period: 'year',
      originShare: '0.3',
      assessmentDoubleCount: true,
    },
    { metric: 'fixed_asset_investment', kind: 'statistic', unit: '万元', period: 'year', originShare: '1/3' },
  ],
  term: { years: 3, extensionYears: 2, extendWhen: 'cap_not_reached' },
  cap: { rule: 'prior_tax', priorYears: 3 },
  eligibility: { minAveragePriorTax: '2000' },
  settlement: 'central_one_off_subsidy',
  projects: [
    {
      id: 'F1',
      name: '示例企业甲（合成）',
      registrationChangedOn: '2020-12-15',
      productionReachedOn: '2021-01-01',
      priorTax: [
        { year: 2018, amount: '2100' },
        { year: 2019, amount: '2200' },
        { year: 2020, amount: '2300' },
      ],
      eligibility: { confirmedByOrigin: '湖北省发展改革委', confirmedByHost: '湖南省发展改革委' },
    },
  ],
})
