/** Users, their grants, sessions and failed logins. Sessions are rows, so app processes share them. */
import { and, asc, eq, gt, lt, ne, sql } from 'drizzle-orm'
import type { FailureStats } from '../access/throttle.ts'
import { grantsFromRows } from '../supervision/roles.ts'
import { appendAudit } from './audit.ts'
import type { Db } from './db.ts'
import { loginFailures, sessions, userGrants, users } from './schema.ts'

export type UserRow = typeof users.$inferSelect
export type Grant = { role: string; regionCode: string; parkId: string | null }
export interface UserWithGrants {
  id: number
  username: string
  displayName: string
  grants: Grant[]
}

export interface NewUser {
  username: string
  displayName?: string
  passwordHash: string
  grants: Grant[]
  actor?: string
}

/** Creates a user with grants; the audit trail records it in the same transaction. */
export async function createUser(db: Db, u: NewUser): Promise<UserWithGrants> {
  return db.transaction((tx) => insertUser(tx, u))
}

/** `createUser` inside the caller's transaction `tx` (a use case that checks before it writes). */
export async function insertUser(tx: Db, u: NewUser): Promise<UserWithGrants> {
  const [row] = await tx
    .insert(users)
    .values({ username: u.username, displayName: u.displayName ?? '', passwordHash: u.passwordHash })
    .returning()
  if (!row) throw new Error('user was not created')
  if (u.grants.length) await tx.insert(userGrants).values(u.grants.map((g) => ({ ...g, userId: row.id })))
  const at = new Date().toISOString()
  const actor = u.actor ?? 'system'
  const base = { objectType: 'user' as const, objectId: row.username, region: 'CN', actor, at }
  await appendAudit(tx, { ...base, action: 'user.created', details: { username: row.username } })
  if (u.grants.length) {
    const granted = grantsFromRows(u.grants).grants
    await appendAudit(tx, { ...base, action: 'permission.changed', details: { granted, revoked: [] } })
  }
  return { id: row.id, username: row.username, displayName: row.displayName, grants: u.grants }
}

export interface ListedUser extends UserWithGrants {
  disabled: boolean
  createdAt: string
}

/** Every account with its grants, by user name. */
export async function listUsers(db: Db): Promise<ListedUser[]> {
  const rows = await db.select().from(users).orderBy(asc(users.username))
  const grants = await db.select().from(userGrants).orderBy(asc(userGrants.id))
  return rows.map((r) => ({
    id: r.id,
    username: r.username,
    displayName: r.displayName,
    disabled: r.disabled,
    createdAt: r.createdAt.toISOString(),
    grants: grants
      .filter((g) => g.userId === r.id)
      .map((g) => ({ role: g.role, regionCode: g.regionCode, parkId: g.parkId })),
  }))
}

export async function setUserDisabled(tx: Db, userId: number, disabled: boolean): Promise<void> {
  await tx.update(users).set({ disabled }).where(eq(users.id, userId))
}

export async function setPasswordHash(tx: Db, userId: number, passwordHash: string): Promise<void> {
  await tx.update(users).set({ passwordHash }).where(eq(users.id, userId))
}

export async function setDisplayName(tx: Db, userId: number, displayName: string): Promise<void> {
  await tx.update(users).set({ displayName }).where(eq(users.id, userId))
}

/** The user's grants become exactly `grants`. */
export async function replaceGrants(tx: Db, userId: number, grants: Grant[]): Promise<void> {
  await tx.delete(userGrants).where(eq(userGrants.userId, userId))
  if (grants.length) await tx.insert(userGrants).values(grants.map((g) => ({ ...g, userId })))
}

/** Ends the user's sessions (all of them, or all but `keep`). */
export async function endSessionsOf(tx: Db, userId: number, keep?: string): Promise<void> {
  await tx
    .delete(sessions)
    .where(keep ? and(eq(sessions.userId, userId), ne(sessions.id, keep)) : eq(sessions.userId, userId))
}

/** Active users other than `except` holding `role` for the region `regionCode`. */
export async function countActiveWithGrant(
  db: Db,
  role: string,
  regionCode: string,
  except: number,
): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(distinct ${users.id})::int` })
    .from(users)
    .innerJoin(userGrants, eq(userGrants.userId, users.id))
    .where(
      and(
        eq(users.disabled, false),
        ne(users.id, except),
        eq(userGrants.role, role),
        eq(userGrants.regionCode, regionCode),
      ),
    )
  return row?.n ?? 0
}

export async function findUserByName(db: Db, username: string): Promise<UserRow | undefined> {
  const [row] = await db.select().from(users).where(eq(users.username, username))
  return row
}

export async function grantsOf(db: Db, userId: number): Promise<Grant[]> {
  return db
    .select({ role: userGrants.role, regionCode: userGrants.regionCode, parkId: userGrants.parkId })
    .from(userGrants)
    .where(eq(userGrants.userId, userId))
}

export async function countUsers(db: Db): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(users)
  return row?.n ?? 0
}

export async function createSession(
  db: Db,
  s: { id: string; userId: number; csrfToken: string; expiresAt: Date },
) {
  await db.insert(sessions).values(s)
}

/** The live session with its user, or nothing when expired, unknown or the user is disabled. */
export async function loadSession(db: Db, id: string, now = new Date()) {
  const [row] = await db
    .select({ session: sessions, user: users })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.id, id), gt(sessions.expiresAt, now), eq(users.disabled, false)))
  if (!row) return undefined
  const grants = await grantsOf(db, row.user.id)
  return {
    csrfToken: row.session.csrfToken,
    user: {
      id: row.user.id,
      username: row.user.username,
      displayName: row.user.displayName,
      grants,
    } satisfies UserWithGrants,
  }
}

export async function deleteSession(db: Db, id: string) {
  await db.delete(sessions).where(eq(sessions.id, id))
}

export async function recordLoginFailure(db: Db, keys: string[]) {
  await db.insert(loginFailures).values(keys.map((key) => ({ key })))
}

/** How many failures a key had since `since`, and the latest. */
export async function loginFailureStats(db: Db, key: string, since: Date): Promise<FailureStats> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int`, last: sql<string | null>`max(${loginFailures.at})` })
    .from(loginFailures)
    .where(and(eq(loginFailures.key, key), gt(loginFailures.at, since)))
  return { count: row?.n ?? 0, last: row?.last ? new Date(row.last) : null }
}

/** An administrator's unlock: forget a user name's failures from every address. */
export async function clearLoginFailures(db: Db, username: string): Promise<number> {
  const prefix = `pair:${username.toLowerCase()}|`
  const gone = await db
    .delete(loginFailures)
    .where(sql`starts_with(${loginFailures.key}, ${prefix})`)
    .returning({ id: loginFailures.id })
  return gone.length
}

export async function pruneLoginFailures(db: Db, before: Date) {
  await db.delete(loginFailures).where(lt(loginFailures.at, before))
}
