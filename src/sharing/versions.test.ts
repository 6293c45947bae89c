import { describe, expect, it } from 'vitest'
import { prefixContains } from '../supervision/roles.ts'
import type { TermsInput } from './agreement.ts'
import { confirmedVersion } from './test-fixtures.ts'
import { agreementState, amend, confirm, replaceTerms, sidesOf } from './versions.ts'

const terms: TermsInput = {
  name: { zh: '示例', en: 'example' },
  metrics: [{ metric: 'gdp', kind: 'statistic', unit: '万元', period: 'year', originShare: '0.5' }],
  term: { years: 3 },
  cap: { rule: 'none' },
  eligibility: {},
  projects: [{ id: 'P', name: 'P' }],
}
const draft = { ...confirmedVersion(terms), confirmations: { origin: null, host: null } }
const parties = { parkId: 'PK', parkName: { zh: '园', en: '' }, originRegion: '42', hostRegion: '4305' }

describe('agreement versions', () => {
  it('is in force only when both sides have confirmed, through different people', () => {
    const a = confirm(draft, 'host', 'h', '2026-01-01T00:00:00Z')
    expect(a.ok && agreementState([a.value])).toBe('draft')
    if (!a.ok) return
    expect(confirm(a.value, 'host', 'h2', '2026-01-02T00:00:00Z')).toMatchObject({
      ok: false,
      error: { code: 'already_confirmed' },
    })
    expect(confirm(a.value, 'origin', 'h', '2026-01-02T00:00:00Z')).toMatchObject({
      ok: false,
      error: { code: 'same_person' },
    })
    const b = confirm(a.value, 'origin', 'o', '2026-01-02T00:00:00Z')
    expect(b.ok && agreementState([b.value])).toBe('active')
    if (!b.ok) return
    expect(replaceTerms(b.value, b.value.terms, '2027-01-01')).toMatchObject({
      ok: false,
      error: { code: 'frozen' },
    })
  })

  it('withdraws confirmations when a draft’s terms are replaced', () => {
    const a = confirm(draft, 'host', 'h', '2026-01-01T00:00:00Z')
    if (!a.ok) throw new Error('confirm')
    const r = replaceTerms(a.value, a.value.terms, '2021-01-01')
    expect(r.ok && r.value.confirmations).toEqual({ origin: null, host: null })
  })

  it('amends from a later date only, as the next version number', () => {
    const inForce = confirmedVersion(terms, '2021-01-01', 1)
    expect(amend([inForce], inForce.terms, '2021-01-01')).toMatchObject({
      ok: false,
      error: { code: 'date_not_later' },
    })
    const r = amend([inForce], inForce.terms, '2023-01-01')
    expect(r.ok && [r.value.version, r.value.confirmations.origin]).toEqual([2, null])
  })

  it('finds the side a park administrator acts for from his grant’s region', () => {
    const admin = (region: string, park = 'PK') => ({
      id: 'u',
      grants: [{ role: 'park_admin' as const, regions: [region], parks: [park] }],
    })
    expect(sidesOf(admin('42'), parties, prefixContains)).toEqual(['origin'])
    expect(sidesOf(admin('43'), parties, prefixContains)).toEqual(['host'])
    expect(sidesOf(admin('43', 'OTHER'), parties, prefixContains)).toEqual([])
    expect(sidesOf(admin('41'), parties, prefixContains)).toEqual([])
    expect(sidesOf(null, parties, prefixContains)).toEqual([])
  })
})
