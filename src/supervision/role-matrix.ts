/**
 * What each role may do, read off the permission rules (RULES in permissions.ts), so that the roles
 * page and the README's table cannot drift from what `can` decides. A cell lists the conditions of
 * every rule that lets the role do the action; no rule, no conditions.
 */
import { ACTIONS, type Action, RULES, type Rule } from './permissions.ts'
import { ROLES, type Role } from './roles.ts'

export interface Condition {
  /** 'anyone' for a rule open to everybody, the visitor signed out included */
  scope: NonNullable<Rule['scope']> | 'anyone'
  objectLevel?: Rule['objectLevel']
  states?: readonly string[]
  guards: NonNullable<Rule['guards']>
}

export interface MatrixRow {
  action: Action
  cells: { readonly [R in Role]: readonly Condition[] }
}

/** The columns: every role, the signed-out public last. */
export const MATRIX_ROLES: readonly Role[] = [...ROLES.filter((r) => r !== 'public'), 'public']

function conditionsFor(action: Action, role: Role): Condition[] {
  return RULES[action]
    .filter((rule) => rule.who === 'anyone' || (role !== 'public' && rule.who.includes(role)))
    .map((rule) => ({
      scope: rule.who === 'anyone' ? 'anyone' : (rule.scope ?? 'region'),
      ...(rule.objectLevel ? { objectLevel: rule.objectLevel } : {}),
      ...(rule.states ? { states: rule.states } : {}),
      guards: rule.guards ?? [],
    }))
}

export function roleMatrix(): MatrixRow[] {
  return ACTIONS.map((action) => {
    const cells = {} as Record<Role, Condition[]>
    for (const r of MATRIX_ROLES) cells[r] = conditionsFor(action, r)
    return { action, cells }
  })
}
