/**
 * Who may do what: the single permission decision for every action, as a table of rules (data)
 * read by one small evaluator. An action is allowed when any of its rules passes; each rule
 * names the roles, how their scope must relate to the object (region, strictly above, approval
 * level, park party), the object's level and states, and extra guards (four eyes, no self-grant).
 * When every rule fails, the reason of the rule that got furthest is returned, so the caller
 * hears "wrong state" rather than "no role" from the officer who merely acted too early.
 */
import {
  type Contains,
  covers,
  grantsWithRole,
  isAbove,
  NATIONAL,
  prefixContains,
  type Role,
  type User,
} from './roles.ts'

export const ACTIONS = [
  'read_public',
  'read_draft',
  'observation.import',
  'release.submit',
  'release.approve',
  'release.unapprove',
  'release.accept',
  'task.create',
  'task.assign',
  'task.acknowledge',
  'task.start',
  'task.report',
  'task.review',
  'task.close',
  'plan.edit',
  'plan.publish',
  'user.manage',
  'audit.read',
  'sharing.agreement.create',
  'sharing.agreement.edit',
  'sharing.agreement.confirm',
  'sharing.output.record',
  'sharing.allocate',
  'sharing.period.settle',
  'sharing.assessment.read',
] as const
export type Action = (typeof ACTIONS)[number]

const READS: readonly Action[] = ['read_public', 'read_draft', 'audit.read', 'sharing.assessment.read']
/** Actions that change something; the matrix test refuses all of them across regions. */
export const WRITE_ACTIONS: readonly Action[] = ACTIONS.filter((a) => !READS.includes(a))

export const OBJECT_KINDS = [
  'plan',
  'task',
  'report',
  'release',
  'indicator',
  'agreement',
  'user',
  'audit',
] as const
export type ObjectKind = (typeof OBJECT_KINDS)[number]

/** The object an action is about, as far as permission needs to know it. */
export interface ObjectRef {
  kind: ObjectKind
  regionCode: string
  state?: string
  /** Release approvals: the level (region code) acting; a missing level means national. */
  level?: string
  /** Sharing agreements: the parks that are party to it. */
  parks?: readonly string[]
  /**
   * Sharing agreements: the party regions a park administrator must act for (his park grant's
   * region covers one of them); absent = either party.
   */
  partyRegions?: readonly string[]
  /** Who submitted it (four-eyes rules refuse the submitter). */
  submittedBy?: string
  /** user.manage: whose grants change (nobody grants himself). */
  subjectUserId?: string
}

/** States in which each kind of object is public; drafts and unreviewed submissions are not. */
export const PUBLIC_STATES: { readonly [K in ObjectKind]: readonly string[] } = {
  plan: ['published'],
  task: ['assigned', 'acknowledged', 'in_progress', 'reported', 'returned', 'accepted', 'closed'],
  report: ['accepted'],
  release: ['approved'],
  indicator: ['published'],
  agreement: ['active', 'ended'],
  user: [],
  audit: [],
}

type Scope = 'region' | 'above' | 'level' | 'party'
type Guard = 'public_state' | 'not_submitter' | 'not_self'

export interface Rule {
  /** 'anyone' includes anonymous visitors. */
  who: readonly Role[] | 'anyone'
  scope?: Scope
  objectLevel?: 'national' | 'subnational'
  states?: readonly string[]
  guards?: readonly Guard[]
}

const STAFF: readonly Role[] = ['national_planner', 'provincial_officer', 'statistician', 'reviewer', 'admin']
const REGIONAL_WRITERS: readonly Role[] = ['statistician', 'provincial_officer']
const PLAN_DRAFT = ['draft']

export const RULES: { readonly [A in Action]: readonly Rule[] } = {
  read_public: [{ who: 'anyone', guards: ['public_state'] }],
  read_draft: [
    { who: STAFF, scope: 'region' },
    { who: ['park_admin'], scope: 'party' },
  ],
  'observation.import': [{ who: REGIONAL_WRITERS, scope: 'region', states: ['draft'] }],
  'release.submit': [{ who: REGIONAL_WRITERS, scope: 'region', states: ['draft'] }],
  'release.approve': [
    { who: ['statistician'], scope: 'level', states: ['pending'], guards: ['not_submitter'] },
  ],
  'release.unapprove': [
    { who: ['statistician'], scope: 'level', states: ['pending', 'awaiting_acceptance', 'approved'] },
  ],
  'release.accept': [
    { who: ['statistician'], scope: 'level', states: ['awaiting_acceptance'], guards: ['not_submitter'] },
  ],
  'task.create': [{ who: ['national_planner'], scope: 'region' }],
  'task.assign': [{ who: ['national_planner'], scope: 'region', states: ['created'] }],
  'task.acknowledge': [{ who: ['provincial_officer'], scope: 'region', states: ['assigned'] }],
  'task.start': [{ who: ['provincial_officer'], scope: 'region', states: ['acknowledged', 'returned'] }],
  'task.report': [{ who: ['provincial_officer'], scope: 'region', states: ['in_progress'] }],
  'task.review': [{ who: ['reviewer'], scope: 'above', states: ['reported'], guards: ['not_submitter'] }],
  'task.close': [{ who: ['national_planner'], scope: 'region', states: ['accepted'] }],
  'plan.edit': [
    { who: ['national_planner'], scope: 'region', objectLevel: 'national', states: PLAN_DRAFT },
    {
      who: ['national_planner', 'provincial_officer'],
      scope: 'region',
      objectLevel: 'subnational',
      states: PLAN_DRAFT,
    },
  ],
  'plan.publish': [
    { who: ['national_planner'], scope: 'region', objectLevel: 'national', states: PLAN_DRAFT },
    {
      who: ['national_planner', 'provincial_officer'],
      scope: 'region',
      objectLevel: 'subnational',
      states: PLAN_DRAFT,
    },
  ],
  'user.manage': [{ who: ['admin'], scope: 'region', guards: ['not_self'] }],
  'audit.read': [{ who: ['admin', 'reviewer'], scope: 'region' }],
  'sharing.agreement.create': [{ who: ['park_admin'], scope: 'party' }],
  'sharing.agreement.edit': [{ who: ['park_admin'], scope: 'party', states: ['draft'] }],
  'sharing.agreement.confirm': [{ who: ['park_admin'], scope: 'party', states: ['draft'] }],
  // the host's park administrator or statistics office records what was produced there
  'sharing.output.record': [
    { who: ['park_admin'], scope: 'party' },
    { who: ['statistician'], scope: 'region' },
  ],
  'sharing.allocate': [
    { who: ['park_admin'], scope: 'party' },
    { who: ['national_planner', 'statistician'], scope: 'region' },
  ],
  'sharing.period.settle': [{ who: ['park_admin'], scope: 'party' }],
  // Guangxi's double count is for the parties' assessment only: never public
  'sharing.assessment.read': [
    { who: ['park_admin'], scope: 'party' },
    { who: STAFF, scope: 'region' },
  ],
}

export const DENY_REASONS = [
  'unknown_action',
  'not_signed_in',
  'no_role',
  'out_of_scope',
  'same_level',
  'not_party',
  'bad_level',
  'wrong_object_level',
  'wrong_state',
  'not_public',
  'own_submission',
  'self_grant',
] as const
export type DenyReason = (typeof DENY_REASONS)[number]

export const DENY_MESSAGES: { readonly [R in DenyReason]: string } = {
  unknown_action: 'no such action',
  not_signed_in: 'sign in first',
  no_role: 'none of your roles may do this',
  out_of_scope: 'the object is outside the regions or levels you hold',
  same_level: 'review is done by the level above the region, not the region itself',
  not_party: 'you administer none of the parks party to this',
  bad_level: 'the approval level does not contain the release region',
  wrong_object_level: 'national plans are edited nationally, provincial plans by their province',
  wrong_state: 'not possible in the object’s current state',
  not_public: 'not published yet',
  own_submission: 'someone other than the submitter must decide',
  self_grant: 'nobody changes his own grants',
}

export type Decision = { allowed: true } | { allowed: false; reason: DenyReason }

/** How far a failing check got: the furthest failing rule explains the refusal best. */
const STAGE: { readonly [R in DenyReason]: number } = {
  unknown_action: 0,
  not_signed_in: 0,
  no_role: 1,
  out_of_scope: 2,
  same_level: 2,
  not_party: 2,
  bad_level: 2,
  wrong_object_level: 3,
  wrong_state: 4,
  not_public: 4,
  own_submission: 5,
  self_grant: 5,
}

/** Decide whether `user` (null = anonymous) may do `action` to `object`. */
export function can(
  user: User | null,
  action: Action,
  object: ObjectRef,
  contains: Contains = prefixContains,
): Decision {
  const rules = Object.hasOwn(RULES, action) ? RULES[action] : undefined
  if (!rules) return { allowed: false, reason: 'unknown_action' }
  let worst: DenyReason | null = null
  for (const rule of rules) {
    const reason = checkRule(rule, user, object, contains)
    if (reason === null) return { allowed: true }
    if (worst === null || STAGE[reason] > STAGE[worst]) worst = reason
  }
  return { allowed: false, reason: worst ?? 'no_role' }
}

function checkRule(rule: Rule, user: User | null, object: ObjectRef, contains: Contains): DenyReason | null {
  if (rule.who !== 'anyone') {
    if (!user) return 'not_signed_in'
    const scopeFailure = checkScope(rule, user, object, contains)
    if (scopeFailure) return scopeFailure
  }
  if (rule.objectLevel && (object.regionCode === NATIONAL) !== (rule.objectLevel === 'national'))
    return 'wrong_object_level'
  if (rule.states && !rule.states.includes(object.state ?? '')) return 'wrong_state'
  for (const guard of rule.guards ?? []) {
    const failure = checkGuard(guard, user, object)
    if (failure) return failure
  }
  return null
}

function checkScope(rule: Rule, user: User, object: ObjectRef, contains: Contains): DenyReason | null {
  const grants = grantsWithRole(user, rule.who === 'anyone' ? [] : rule.who)
  if (!grants.length) return 'no_role'
  const regions = grants.flatMap((g) => g.regions)
  const code = object.regionCode
  switch (rule.scope ?? 'region') {
    case 'region':
      return regions.some((r) => covers(r, code, contains)) ? null : 'out_of_scope'
    case 'above':
      if (regions.some((r) => isAbove(r, code, contains))) return null
      return regions.some((r) => covers(r, code, contains)) ? 'same_level' : 'out_of_scope'
    case 'level': {
      const level = object.level ?? NATIONAL
      if (!covers(level, code, contains)) return 'bad_level'
      return regions.some((r) => covers(r, level, contains)) ? null : 'out_of_scope'
    }
    case 'party': {
      const mine = grants.filter((g) => g.parks?.some((p) => object.parks?.includes(p)))
      if (!mine.length) return 'not_party'
      const sides = object.partyRegions
      if (!sides) return null
      const acts = mine.some((g) => g.regions.some((r) => sides.some((s) => covers(r, s, contains))))
      return acts ? null : 'not_party'
    }
  }
}

function checkGuard(guard: Guard, user: User | null, object: ObjectRef): DenyReason | null {
  switch (guard) {
    case 'public_state':
      return PUBLIC_STATES[object.kind]?.includes(object.state ?? '') ? null : 'not_public'
    case 'not_submitter':
      return user && object.submittedBy === user.id ? 'own_submission' : null
    case 'not_self':
      return user && object.subjectUserId === user.id ? 'self_grant' : null
  }
}
