/**
 * The one door every API write goes through: the signed-in user as the permission function sees
 * them, and `authorize`, which asks src/supervision/permissions.ts and turns a refusal into a
 * 401/403 with the rule's reason. Handlers call it after loading the object (with its region and
 * state) and before changing anything.
 */
import type { Context } from 'hono'
import type { Actor } from '../app/users.ts'
import { type Action, can, type ObjectRef } from '../supervision/permissions.ts'
import { grantsFromRows, type User } from '../supervision/roles.ts'
import type { AppEnv } from './env.ts'
import { AppError } from './errors.ts'

/** The signed-in user as the permission function sees them (null for the public). */
export function actorOf(c: Context<AppEnv>): User | null {
  const u = c.get('user')
  if (!u) return null
  return { id: u.username, grants: grantsFromRows(u.grants).grants }
}

/** Throws 401 for the public on a write, 403 with the reason otherwise; returns the actor. */
export function authorize(c: Context<AppEnv>, action: Action, object: ObjectRef): User {
  const user = actorOf(c)
  const d = can(user, action, object)
  if (!d.allowed) {
    if (!user) throw new AppError('unauthenticated')
    throw new AppError(`deny.${d.reason}`)
  }
  return user as User
}

/** May this reader see an object in this state (public, or staff of its region)? */
export function canRead(c: Context<AppEnv>, object: ObjectRef): boolean {
  const user = actorOf(c)
  return can(user, 'read_public', object).allowed || can(user, 'read_draft', object).allowed
}

/** The signed-in user as a use case's actor (src/app/); 401 for the public. */
export function signedInActor(c: Context<AppEnv>): Actor {
  const user = actorOf(c)
  if (!user) throw new AppError('unauthenticated')
  return { kind: 'user', user }
}
