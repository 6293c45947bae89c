/** The user-management API as the Users page calls it (types mirror src/server/routes/users). */
import { api, type Region } from '../../api.ts'

export interface ListedUser {
  id: number
  username: string
  displayName: string
  disabled: boolean
  createdAt: string
  grants: { role: string; regionCode: string; parkId: string | null }[]
}

export const ROLE_CHOICES = [
  'national_planner',
  'provincial_officer',
  'statistician',
  'park_admin',
  'reviewer',
  'admin',
] as const

export async function loadUsers(): Promise<ListedUser[]> {
  const res = await fetch('/api/users', { headers: { accept: 'application/json' } })
  const body = (await res.json()) as { users: ListedUser[]; error?: { message: string } }
  if (!res.ok) throw new Error(body.error?.message ?? `${res.status}`)
  return body.users
}

/** The regions a scope may name: the nation, the provinces and the prefectures. */
export async function loadScopes(): Promise<Region[]> {
  const levels = await Promise.all(
    ['nation', 'province', 'prefecture'].map((l) => api.regions(`?level=${l}`)),
  )
  return levels.flat()
}
