/**
 * Account use cases, once for the API and the CLI: each loads what it changes, asks the one
 * permission function (`user.manage` in supervision/permissions.ts) for every region the change
 * touches, guards what no rule can see (the last national administrator), then writes the change
 * and its audit entries in one transaction. Callers only parse, call and present.
 */
import { sql } from 'drizzle-orm'
import {
  generatePassword,
  hashPassword,
  PASSWORD_LENGTH,
  passwordProblem,
  verifyPassword,
} from '../access/passwords.ts'
import { appendAudit } from '../store/audit.ts'
import type { Db } from '../store/db.ts'
import { getRegion } from '../store/regions.ts'
import {
  countActiveWithGrant,
  countUsers,
  endSessionsOf,
  findUserByName,
  type Grant,
  grantsOf,
  insertUser,
  type ListedUser,
  listUsers as listStoredUsers,
  replaceGrants,
  setDisplayName,
  setPasswordHash,
  setUserDisabled,
  type UserRow,
} from '../store/users.ts'
import type { AuditEvent } from '../supervision/audit-events.ts'
import { can } from '../supervision/permissions.ts'
import { grantsFromRows, NATIONAL, ROLES, type Role, type User } from '../supervision/roles.ts'
import { Refusal } from './errors.ts'

/** Who acts: a signed-in account (checked), or the installation's operator at the CLI (recorded as such). */
export type Actor = { kind: 'user'; user: User } | { kind: 'operator'; name: string }

export interface UseCase<I> {
  db: Db
  actor: Actor
  input: I
}

/** The roles an administrator may give: every role a person can hold (not the anonymous 'public'). */
export const GRANTABLE_ROLES = ROLES.filter((r): r is Exclude<Role, 'public'> => r !== 'public')
export type GrantableRole = (typeof GRANTABLE_ROLES)[number]

export const USERNAME_PATTERN = /^[a-z0-9][a-z0-9._-]{1,63}$/i

/** The first administrator's name, and the scope every first administrator gets. */
export const FIRST_ADMIN = 'admin'

export interface GrantInput {
  role: GrantableRole
  regionCode: string
  parkId?: string | null
}

const actorName = (a: Actor) => (a.kind === 'user' ? a.user.id : a.name)

function refuseUnless(actor: Actor, regionCode: string, subject?: string): void {
  if (actor.kind === 'operator') return
  const d = can(actor.user, 'user.manage', {
    kind: 'user',
    regionCode,
    ...(subject ? { subjectUserId: subject } : {}),
  })
  if (!d.allowed) throw new Refusal(`deny.${d.reason}`)
}

/** The regions a user's grants touch (CN for a user with none: only a national administrator may touch them). */
const regionsOf = (grants: readonly Grant[]) =>
  grants.length ? [...new Set(grants.map((g) => g.regionCode))] : [NATIONAL]

async function loadSubject(db: Db, username: string): Promise<{ row: UserRow; grants: Grant[] }> {
  const row = await findUserByName(db, username)
  if (!row) throw new Refusal('unknown_user', { username })
  return { row, grants: await grantsOf(db, row.id) }
}

/** Load a subject and check the actor may manage every region the subject holds. */
async function loadManaged(db: Db, actor: Actor, username: string) {
  const subject = await loadSubject(db, username)
  for (const region of regionsOf(subject.grants)) refuseUnless(actor, region, subject.row.username)
  return subject
}

function checkPassword(password: string): void {
  const issue = passwordProblem(password)
  if (issue) throw new Refusal(issue, PASSWORD_LENGTH)
}

async function checkGrant(db: Db, g: GrantInput): Promise<Grant> {
  if (g.regionCode !== NATIONAL && !(await getRegion(db, g.regionCode)))
    throw new Refusal('unknown_scope_region', { code: g.regionCode })
  const park = g.parkId?.trim() || null
  if (g.role === 'park_admin' && !park) throw new Refusal('park_required')
  if (g.role !== 'park_admin' && park) throw new Refusal('park_not_allowed')
  return { role: g.role, regionCode: g.regionCode, parkId: park }
}

/** Refuse a change that leaves no active national administrator (the subject was one and stops being one). */
async function guardLastAdmin(
  db: Db,
  subject: { row: UserRow; grants: Grant[] },
  after: Grant[] | 'disabled',
) {
  const isNationalAdmin = (gs: Grant[]) => gs.some((g) => g.role === 'admin' && g.regionCode === NATIONAL)
  if (subject.row.disabled || !isNationalAdmin(subject.grants)) return
  if (after !== 'disabled' && isNationalAdmin(after)) return
  if ((await countActiveWithGrant(db, 'admin', NATIONAL, subject.row.id)) === 0)
    throw new Refusal('last_admin', { username: subject.row.username })
}

function audit(tx: Db, actor: Actor, username: string, e: Pick<AuditEvent, 'action' | 'details'>) {
  const at = new Date().toISOString()
  return appendAudit(tx, {
    ...e,
    objectType: 'user',
    objectId: username,
    region: NATIONAL,
    actor: actorName(actor),
    at,
  } as AuditEvent)
}

function grantsChanged(tx: Db, actor: Actor, username: string, before: Grant[], after: Grant[]) {
  const key = (g: Grant) => `${g.role}|${g.regionCode}|${g.parkId ?? ''}`
  const revoked = before.filter((b) => !after.some((a) => key(a) === key(b)))
  const granted = after.filter((a) => !before.some((b) => key(a) === key(b)))
  return audit(tx, actor, username, {
    action: 'permission.changed',
    details: { granted: grantsFromRows(granted).grants, revoked: grantsFromRows(revoked).grants },
  })
}

// ── use cases ─────────────────────────────────────────────────────────────────────────────

/** The accounts the actor may manage (every region of theirs is in the actor's scope), and the actor. */
export async function listUsers({ db, actor }: Omit<UseCase<unknown>, 'input'>): Promise<ListedUser[]> {
  if (actor.kind === 'user' && !actor.user.grants.some((g) => g.role === 'admin'))
    throw new Refusal('deny.no_role')
  const all = await listStoredUsers(db)
  if (actor.kind === 'operator') return all
  const user = actor.user
  const manages = (region: string) => can(user, 'user.manage', { kind: 'user', regionCode: region }).allowed
  return all.filter((u) => u.username === user.id || regionsOf(u.grants).every(manages))
}

export interface CreateUserInput extends GrantInput {
  username: string
  displayName?: string
  /** omitted: one is generated and returned once */
  password?: string
}

export async function createUser({ db, actor, input }: UseCase<CreateUserInput>) {
  if (!USERNAME_PATTERN.test(input.username)) throw new Refusal('bad_username')
  refuseUnless(actor, input.regionCode, input.username)
  const grant = await checkGrant(db, input)
  const password = input.password ?? generatePassword()
  checkPassword(password)
  if (await findUserByName(db, input.username)) throw new Refusal('user_exists', { username: input.username })
  const passwordHash = await hashPassword(password)
  const user = await db.transaction((tx) =>
    insertUser(tx, {
      username: input.username,
      displayName: input.displayName?.trim() || input.username,
      passwordHash,
      grants: [grant],
      actor: actorName(actor),
    }),
  )
  return { user, password: input.password === undefined ? password : undefined }
}

/** Disable (sessions end at once) or enable an account. */
export async function setDisabled({ db, actor, input }: UseCase<{ username: string; disabled: boolean }>) {
  const subject = await loadManaged(db, actor, input.username)
  if (input.disabled) await guardLastAdmin(db, subject, 'disabled')
  if (subject.row.disabled === input.disabled) return { changed: false }
  await db.transaction(async (tx) => {
    await setUserDisabled(tx, subject.row.id, input.disabled)
    if (input.disabled) await endSessionsOf(tx, subject.row.id)
    await audit(
      tx,
      actor,
      subject.row.username,
      input.disabled ? { action: 'user.disabled', details: {} } : { action: 'user.enabled', details: {} },
    )
  })
  return { changed: true }
}

/** A new password for someone else (generated and returned once unless given); their sessions end. */
export async function resetPassword({ db, actor, input }: UseCase<{ username: string; password?: string }>) {
  const subject = await loadManaged(db, actor, input.username)
  const password = input.password ?? generatePassword()
  checkPassword(password)
  const passwordHash = await hashPassword(password)
  await db.transaction(async (tx) => {
    await setPasswordHash(tx, subject.row.id, passwordHash)
    await endSessionsOf(tx, subject.row.id)
    await audit(tx, actor, subject.row.username, {
      action: 'user.password_reset',
      details: { generated: input.password === undefined },
    })
  })
  return { password: input.password === undefined ? password : undefined }
}

/** The account's one grant becomes (role, region, park); its display name may change too. */
export async function setGrant({
  db,
  actor,
  input,
}: UseCase<GrantInput & { username: string; displayName?: string }>) {
  const subject = await loadManaged(db, actor, input.username)
  refuseUnless(actor, input.regionCode, subject.row.username)
  const grant = await checkGrant(db, input)
  await guardLastAdmin(db, subject, [grant])
  const name = input.displayName?.trim()
  await db.transaction(async (tx) => {
    await replaceGrants(tx, subject.row.id, [grant])
    await grantsChanged(tx, actor, subject.row.username, subject.grants, [grant])
    if (name && name !== subject.row.displayName) {
      await setDisplayName(tx, subject.row.id, name)
      await audit(tx, actor, subject.row.username, { action: 'user.renamed', details: { displayName: name } })
    }
  })
  return { grants: [grant] }
}

/** A signed-in person changes their own password; their other sessions end. */
export async function changeOwnPassword({
  db,
  actor,
  input,
}: UseCase<{ current: string; next: string; keepSession?: string }>) {
  if (actor.kind !== 'user') throw new Refusal('unauthenticated')
  const subject = await loadSubject(db, actor.user.id)
  if (subject.row.disabled || !(await verifyPassword(subject.row.passwordHash, input.current)))
    throw new Refusal('wrong_current_password')
  checkPassword(input.next)
  const passwordHash = await hashPassword(input.next)
  await db.transaction(async (tx) => {
    await setPasswordHash(tx, subject.row.id, passwordHash)
    await endSessionsOf(tx, subject.row.id, input.keepSession)
    await audit(tx, actor, subject.row.username, { action: 'user.password_changed', details: {} })
  })
}

/**
 * On a store with no accounts: one national administrator `admin` with a generated password,
 * returned once for the console. Serialised by an advisory lock so that app processes starting
 * together make one; any later start finds accounts and makes none.
 */
export async function ensureFirstAdmin(db: Db): Promise<{ username: string; password: string } | null> {
  if ((await countUsers(db)) > 0) return null
  const password = generatePassword()
  const passwordHash = await hashPassword(password)
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${FIRST_ADMIN_LOCK})`)
    if ((await countUsers(tx)) > 0) return null
    await insertUser(tx, {
      username: FIRST_ADMIN,
      displayName: FIRST_ADMIN,
      passwordHash,
      grants: [{ role: 'admin', regionCode: NATIONAL, parkId: null }],
      actor: 'system:first-run',
    })
    return { username: FIRST_ADMIN, password }
  })
}

const FIRST_ADMIN_LOCK = 727_016
