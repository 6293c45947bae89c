import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  ACTIONS,
  type Action,
  can,
  type ObjectRef,
  PUBLIC_STATES,
  RULES,
  WRITE_ACTIONS,
} from './permissions.ts'
import { covers, prefixContains, ROLES, type Role, type User } from './roles.ts'

const OTHER = 'someone-else'
const STAFF: Role[] = ['national_planner', 'provincial_officer', 'statistician', 'reviewer', 'admin']

/** An object in the state in which the action is possible, submitted by someone else. */
function objectFor(action: Action, regionCode: string, level?: string): ObjectRef {
  const task = (state: string): ObjectRef => ({ kind: 'task', regionCode, state, submittedBy: OTHER })
  const release = (state: string): ObjectRef => ({
    kind: 'release',
    regionCode,
    state,
    level,
    submittedBy: OTHER,
  })
  const table: { [A in Action]: ObjectRef } = {
    read_public: { kind: 'plan', regionCode, state: 'published' },
    read_draft: { kind: 'plan', regionCode, state: 'draft' },
    'observation.import': release('draft'),
    'release.submit': release('draft'),
    'release.approve': release('pending'),
    'release.unapprove': release('pending'),
    'release.accept': release('awaiting_acceptance'),
    'task.create': task('created'),
    'task.assign': task('created'),
    'task.acknowledge': task('assigned'),
    'task.start': task('acknowledged'),
    'task.report': task('in_progress'),
    'task.review': task('reported'),
    'task.close': task('accepted'),
    'plan.edit': { kind: 'plan', regionCode, state: 'draft' },
    'plan.publish': { kind: 'plan', regionCode, state: 'draft' },
    'user.manage': { kind: 'user', regionCode, subjectUserId: OTHER },
    'audit.read': { kind: 'audit', regionCode },
    'sharing.agreement.create': { kind: 'agreement', regionCode, parks: ['P1'] },
    'sharing.agreement.edit': { kind: 'agreement', regionCode, state: 'draft', parks: ['P1'] },
    'sharing.agreement.confirm': { kind: 'agreement', regionCode, state: 'draft', parks: ['P1'] },
    'sharing.output.record': { kind: 'agreement', regionCode, state: 'active', parks: ['P1'] },
    'sharing.allocate': { kind: 'agreement', regionCode, state: 'active', parks: ['P1'] },
    'sharing.period.settle': { kind: 'agreement', regionCode, state: 'active', parks: ['P1'] },
    'sharing.assessment.read': { kind: 'agreement', regionCode, state: 'active', parks: ['P1'] },
  }
  return table[action]
}

const userWith = (role: Role, region: string, parks = ['P1']): User => ({
  id: 'u1',
  grants: [{ role, regions: [region], parks }],
})

type Expected = { [A in Action]: readonly Role[] }

/** Scenario A: a national-scope user acting on a Hubei object (approval at the national level). */
const NATIONAL_ON_PROVINCE: Expected = {
  read_public: ROLES,
  read_draft: STAFF,
  'observation.import': ['statistician', 'provincial_officer'],
  'release.submit': ['statistician', 'provincial_officer'],
  'release.approve': ['statistician'],
  'release.unapprove': ['statistician'],
  'release.accept': ['statistician'],
  'task.create': ['national_planner'],
  'task.assign': ['national_planner'],
  'task.acknowledge': ['provincial_officer'],
  'task.start': ['provincial_officer'],
  'task.report': ['provincial_officer'],
  'task.review': ['reviewer'],
  'task.close': ['national_planner'],
  'plan.edit': ['national_planner', 'provincial_officer'],
  'plan.publish': ['national_planner', 'provincial_officer'],
  'user.manage': ['admin'],
  'audit.read': ['admin', 'reviewer'],
  'sharing.agreement.create': ['park_admin'],
  'sharing.agreement.edit': ['park_admin'],
  'sharing.agreement.confirm': ['park_admin'],
  'sharing.output.record': ['park_admin', 'statistician'],
  'sharing.allocate': ['park_admin', 'national_planner', 'statistician'],
  'sharing.period.settle': ['park_admin'],
  'sharing.assessment.read': ['park_admin', ...STAFF],
}

/** Scenario B: a Hubei user on a Hubei object; release steps at the Hubei level. */
const PROVINCE_ON_OWN: Expected = { ...NATIONAL_ON_PROVINCE, 'task.review': [] }

/** Scenario C: a Hubei user on a Hubei release at the national level: that is the level above him. */
const PROVINCE_AT_NATIONAL_LEVEL: Expected = {
  ...PROVINCE_ON_OWN,
  'release.approve': [],
  'release.unapprove': [],
  'release.accept': [],
}

/** Scenario D: a Hubei user on a national object: only public reading and his park's agreement. */
const PROVINCE_ON_NATIONAL: Expected = Object.fromEntries(
  ACTIONS.map((a) => [a, a === 'read_public' ? ROLES : a.startsWith('sharing.') ? ['park_admin'] : []]),
) as unknown as Expected

const scenarios: [string, string, string, string | undefined, Expected][] = [
  ['CN scope on a Hubei object', 'CN', '42', undefined, NATIONAL_ON_PROVINCE],
  ['Hubei scope on a Hubei object, Hubei level', '42', '42', '42', PROVINCE_ON_OWN],
  ['Hubei scope on a Hubei object, national level', '42', '42', undefined, PROVINCE_AT_NATIONAL_LEVEL],
  ['Hubei scope on a national object', '42', 'CN', undefined, PROVINCE_ON_NATIONAL],
]

describe('permission matrix: every role × action', () => {
  for (const [name, scope, region, level, expected] of scenarios) {
    describe(name, () => {
      for (const action of ACTIONS) {
        it(action, () => {
          for (const role of ROLES) {
            const d = can(userWith(role, scope), action, objectFor(action, region, level))
            expect({ role, allowed: d.allowed }).toEqual({ role, allowed: expected[action].includes(role) })
          }
        })
      }
    })
  }

  it('anonymous visitors may read public objects and nothing else', () => {
    for (const action of ACTIONS) {
      const d = can(null, action, objectFor(action, '42'))
      expect({ action, d }).toEqual({
        action,
        d: action === 'read_public' ? { allowed: true } : { allowed: false, reason: 'not_signed_in' },
      })
    }
  })

  it('every cross-region write (and draft read) is refused, for every role and scope', () => {
    const scopes = ['CN', '42', '4201', '43', '14']
    const regions = ['CN', '42', '4201', '420102', '43', '430102', '14']
    let refusals = 0
    for (const role of ROLES)
      for (const scope of scopes)
        for (const region of regions) {
          if (covers(scope, region, prefixContains)) continue
          for (const action of [...WRITE_ACTIONS, 'read_draft' as const]) {
            for (const level of [undefined, region]) {
              // A park administrator's cross-party case: the agreement's parks are not his.
              const d = can(userWith(role, scope, ['P2']), action, objectFor(action, region, level))
              expect({ role, scope, region, action, allowed: d.allowed }).toMatchObject({ allowed: false })
              refusals++
            }
          }
        }
    expect(refusals).toBeGreaterThan(1000)
  })

  it('lists every action in the rule table and every write among the actions', () => {
    expect(Object.keys(RULES).sort()).toEqual([...ACTIONS].sort())
    expect(WRITE_ACTIONS).not.toContain('read_public')
    expect(WRITE_ACTIONS).toContain('task.report')
  })
})

describe('sharing parties', () => {
  const admin = (region: string): User => ({
    id: 'u',
    grants: [{ role: 'park_admin', regions: [region], parks: ['P1'] }],
  })
  const hostOnly = {
    kind: 'agreement' as const,
    regionCode: '43',
    state: 'active',
    parks: ['P1'],
    partyRegions: ['43'],
  }
  it('lets a park administrator act only for the party his grant’s region covers', () => {
    expect(can(admin('43'), 'sharing.output.record', hostOnly)).toEqual({ allowed: true })
    expect(can(admin('4301'), 'sharing.output.record', hostOnly)).toEqual({
      allowed: false,
      reason: 'not_party',
    })
    expect(can(admin('42'), 'sharing.output.record', hostOnly)).toEqual({
      allowed: false,
      reason: 'not_party',
    })
    expect(can(admin('CN'), 'sharing.output.record', hostOnly)).toEqual({ allowed: true })
  })
})

describe('refusal reasons', () => {
  const officer = userWith('provincial_officer', '42')
  it('names the region, the state and the level', () => {
    expect(can(officer, 'task.report', objectFor('task.report', '43'))).toEqual({
      allowed: false,
      reason: 'out_of_scope',
    })
    expect(can(officer, 'task.report', { kind: 'task', regionCode: '42', state: 'assigned' })).toEqual({
      allowed: false,
      reason: 'wrong_state',
    })
    expect(can(officer, 'plan.edit', objectFor('plan.edit', 'CN'))).toEqual({
      allowed: false,
      reason: 'out_of_scope',
    })
    expect(
      can(userWith('national_planner', 'CN'), 'task.acknowledge', objectFor('task.acknowledge', '42')),
    ).toEqual({ allowed: false, reason: 'no_role' })
  })
  it('a reviewer of Hubei does not review Hubei’s own tasks but reviews its prefectures’', () => {
    const reviewer = userWith('reviewer', '42')
    expect(can(reviewer, 'task.review', objectFor('task.review', '42'))).toEqual({
      allowed: false,
      reason: 'same_level',
    })
    expect(can(reviewer, 'task.review', objectFor('task.review', '4201')).allowed).toBe(true)
  })
  it('four eyes: nobody reviews or approves his own submission, nobody grants himself', () => {
    const reviewer = userWith('reviewer', 'CN')
    const own = { ...objectFor('task.review', '42'), submittedBy: 'u1' }
    expect(can(reviewer, 'task.review', own)).toEqual({ allowed: false, reason: 'own_submission' })
    const stat = userWith('statistician', 'CN')
    const release = { ...objectFor('release.approve', '42'), submittedBy: 'u1' }
    expect(can(stat, 'release.approve', release)).toEqual({ allowed: false, reason: 'own_submission' })
    const admin = userWith('admin', 'CN')
    expect(can(admin, 'user.manage', { kind: 'user', regionCode: '42', subjectUserId: 'u1' })).toEqual({
      allowed: false,
      reason: 'self_grant',
    })
  })
  it('an approval level must contain the release region', () => {
    const stat = userWith('statistician', 'CN')
    expect(can(stat, 'release.approve', objectFor('release.approve', '42', '43'))).toEqual({
      allowed: false,
      reason: 'bad_level',
    })
  })
  it('a national planner edits national plans; a provincial officer his province’s, drafts only', () => {
    expect(can(userWith('national_planner', 'CN'), 'plan.edit', objectFor('plan.edit', 'CN')).allowed).toBe(
      true,
    )
    expect(can(officer, 'plan.edit', objectFor('plan.edit', '42')).allowed).toBe(true)
    expect(can(officer, 'plan.edit', { kind: 'plan', regionCode: '42', state: 'published' })).toEqual({
      allowed: false,
      reason: 'wrong_state',
    })
    // A provincial officer grant that somehow says CN still cannot edit the national plan.
    expect(can(userWith('provincial_officer', 'CN'), 'plan.edit', objectFor('plan.edit', 'CN'))).toEqual({
      allowed: false,
      reason: 'wrong_object_level',
    })
  })
  it('drafts and unreviewed submissions are not public', () => {
    expect(can(null, 'read_public', { kind: 'plan', regionCode: '42', state: 'draft' })).toEqual({
      allowed: false,
      reason: 'not_public',
    })
    expect(can(null, 'read_public', { kind: 'report', regionCode: '42', state: 'submitted' }).allowed).toBe(
      false,
    )
    expect(can(null, 'read_public', { kind: 'release', regionCode: '42', state: 'pending' }).allowed).toBe(
      false,
    )
    expect(can(null, 'read_public', { kind: 'task', regionCode: '42', state: 'created' }).allowed).toBe(false)
    expect(can(null, 'read_public', { kind: 'audit', regionCode: '42', state: 'approved' }).allowed).toBe(
      false,
    )
    expect(can(null, 'read_public', { kind: 'report', regionCode: '42', state: 'accepted' }).allowed).toBe(
      true,
    )
  })
  it('refuses an action that is not in the table', () => {
    expect(
      can(userWith('admin', 'CN'), 'delete.everything' as Action, objectFor('audit.read', '42')),
    ).toEqual({
      allowed: false,
      reason: 'unknown_action',
    })
  })
  it('the caller’s hierarchy decides containment beyond GB/T prefixes', () => {
    const macro = (a: string, c: string) =>
      a === 'CENTRAL' && ['14', '34', '36', '41', '42', '43'].includes(c)
    const planner = userWith('national_planner', 'CENTRAL')
    expect(can(planner, 'task.create', objectFor('task.create', '42'), macro).allowed).toBe(true)
    expect(can(planner, 'task.create', objectFor('task.create', '44'), macro).allowed).toBe(false)
  })
})

describe('permission properties', () => {
  const region = fc.constantFrom('CN', '42', '4201', '43', '14')
  const grant = fc.record({
    role: fc.constantFrom(...ROLES),
    regions: fc.array(region, { maxLength: 2 }),
    parks: fc.array(fc.constantFrom('P1', 'P2'), { maxLength: 1 }),
  })
  const user = fc.record({ id: fc.constantFrom('u1', 'u2'), grants: fc.array(grant, { maxLength: 3 }) })
  const object = fc.record({
    kind: fc.constantFrom('plan', 'task', 'report', 'release', 'agreement', 'user', 'audit') as fc.Arbitrary<
      ObjectRef['kind']
    >,
    regionCode: region,
    state: fc.constantFrom('draft', 'created', 'pending', 'reported', 'published', 'accepted', 'approved'),
    level: fc.option(region, { nil: undefined }),
    parks: fc.array(fc.constantFrom('P1', 'P2', 'P3'), { maxLength: 2 }),
    submittedBy: fc.constantFrom('u1', 'u2'),
    subjectUserId: fc.constantFrom('u1', 'u2'),
  })

  it('an allowed non-park write always lies inside a scope of a role the rule names', () => {
    fc.assert(
      fc.property(user, fc.constantFrom(...WRITE_ACTIONS), object, (u, action, o) => {
        if (!can(u, action, o).allowed) return
        const viaPark =
          RULES[action].some((r) => r.scope === 'party') &&
          u.grants.some((g) => g.role === 'park_admin' && g.parks?.some((p) => o.parks.includes(p)))
        if (viaPark) return
        const roles = RULES[action]
          .filter((r) => r.scope !== 'party')
          .flatMap((r) => (r.who === 'anyone' ? [] : r.who))
        const scopes = u.grants.filter((g) => roles.includes(g.role)).flatMap((g) => g.regions)
        expect(scopes.some((s) => covers(s, o.regionCode, prefixContains))).toBe(true)
      }),
    )
  })

  it('anonymous reads exactly the public states', () => {
    fc.assert(
      fc.property(object, (o) => {
        expect(can(null, 'read_public', o).allowed).toBe(PUBLIC_STATES[o.kind].includes(o.state))
      }),
    )
  })
})
