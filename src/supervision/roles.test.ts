import { describe, expect, it } from 'vitest'
import { covers, grantSchema, grantsFromRows, isAbove, prefixContains, prefixParent } from './roles.ts'

describe('region containment', () => {
  it('follows GB/T 2260 prefixes and lets CN contain everything', () => {
    expect(prefixContains('42', '4201')).toBe(true)
    expect(prefixContains('42', '420102')).toBe(true)
    expect(prefixContains('42', '43')).toBe(false)
    expect(prefixContains('4201', '42')).toBe(false)
    expect(prefixContains('CN', 'CENTRAL')).toBe(true)
    expect(prefixContains('CENTRAL', '42')).toBe(false)
  })
  it('covers adds equality and CN whatever the hierarchy function says', () => {
    const never = () => false
    expect(covers('42', '42', never)).toBe(true)
    expect(covers('CN', '43', never)).toBe(true)
    expect(covers('42', '4201', never)).toBe(false)
  })
  it('isAbove is strict', () => {
    expect(isAbove('CN', '42', prefixContains)).toBe(true)
    expect(isAbove('42', '42', prefixContains)).toBe(false)
    expect(isAbove('42', '4201', prefixContains)).toBe(true)
  })
  it('knows the parent of county, prefecture, province and nation', () => {
    expect(prefixParent('420102')).toBe('4201')
    expect(prefixParent('4201')).toBe('42')
    expect(prefixParent('42')).toBe('CN')
    expect(prefixParent('CN')).toBeNull()
  })
})

describe('grants', () => {
  it('refuses unknown roles in the schema', () => {
    expect(grantSchema.safeParse({ role: 'superuser', regions: ['CN'] }).success).toBe(false)
    expect(grantSchema.safeParse({ role: 'park_admin', regions: [], parks: ['P1'] }).success).toBe(true)
  })
  it('groups store rows per role and never grants an unknown role', () => {
    const { grants, unknownRoles } = grantsFromRows([
      { role: 'provincial_officer', regionCode: '42', parkId: null },
      { role: 'provincial_officer', regionCode: '43', parkId: null },
      { role: 'park_admin', regionCode: '42', parkId: 'P1' },
      { role: 'root', regionCode: 'CN', parkId: null },
    ])
    expect(grants).toEqual([
      { role: 'provincial_officer', regions: ['42', '43'] },
      // the park grant keeps its region: the party of the park he acts for
      { role: 'park_admin', regions: ['42'], parks: ['P1'] },
    ])
    expect(unknownRoles).toEqual(['root'])
  })
})
