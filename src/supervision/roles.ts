/**
 * Roles and their region scopes. A grant gives a role over regions (GB/T 2260 codes; 'CN' is the
 * whole nation) or, for a park administrator, over parks. Whether one region lies inside another
 * is the caller's knowledge (the region hierarchy lives in the store), so it is passed in as a
 * `contains` function; `prefixContains` is the GB/T 2260 default for numeric codes.
 */
import { z } from 'zod'

export const ROLES = [
  'national_planner',
  'provincial_officer',
  'statistician',
  'park_admin',
  'reviewer',
  'admin',
  'public',
] as const
export type Role = (typeof ROLES)[number]
export const roleSchema = z.enum(ROLES)

export const NATIONAL = 'CN'

export const grantSchema = z.object({
  role: roleSchema,
  regions: z.array(z.string().min(1)).readonly(),
  parks: z.array(z.string().min(1)).readonly().optional(),
})
export type Grant = z.infer<typeof grantSchema>

export interface User {
  id: string
  grants: readonly Grant[]
}

/** Is `code` inside `ancestor`? Callers may answer strictly or not; `covers` adds equality. */
export type Contains = (ancestor: string, code: string) => boolean

/**
 * GB/T 2260 containment by code prefix: '42' ⊃ '4201' ⊃ '420102'. Codes that are not numeric
 * (macro-regions such as 'CENTRAL') are contained only by 'CN'; use the store's hierarchy for them.
 */
export const prefixContains: Contains = (ancestor, code) =>
  ancestor === NATIONAL || (/^\d+$/.test(ancestor) && /^\d+$/.test(code) && code.startsWith(ancestor))

/** GB/T 2260 parent: county → prefecture → province → CN → none. */
export function prefixParent(code: string): string | null {
  if (code === NATIONAL) return null
  if (/^\d{6}$/.test(code)) return code.slice(0, 4)
  if (/^\d{4}$/.test(code)) return code.slice(0, 2)
  return NATIONAL
}

/** Does a scope region cover a region? CN covers everything, whatever `contains` says. */
export const covers = (scope: string, code: string, contains: Contains) =>
  scope === NATIONAL || scope === code || contains(scope, code)

/** Is a scope region strictly above a region (covers it and is not the same region)? */
export const isAbove = (scope: string, code: string, contains: Contains) =>
  scope !== code && covers(scope, code, contains)

export const grantsWithRole = (user: User, roles: readonly Role[]) =>
  user.grants.filter((g) => roles.includes(g.role))

/** A row as the store keeps it: one role per region or per park. */
export interface GrantRow {
  role: string
  regionCode: string
  parkId: string | null
}

/**
 * Store rows grouped into grants, one per role. Unknown role names are returned, not granted:
 * a typo in the database must not open anything.
 */
export function grantsFromRows(rows: readonly GrantRow[]): { grants: Grant[]; unknownRoles: string[] } {
  const byRole = new Map<Role, { regions: Set<string>; parks: Set<string> }>()
  const unknownRoles = new Set<string>()
  for (const row of rows) {
    const role = roleSchema.safeParse(row.role)
    if (!role.success) {
      unknownRoles.add(row.role)
      continue
    }
    const g = byRole.get(role.data) ?? { regions: new Set<string>(), parks: new Set<string>() }
    // a park grant keeps its region too: it says which party of the park's agreements he acts for
    if (row.parkId) g.parks.add(row.parkId)
    g.regions.add(row.regionCode)
    byRole.set(role.data, g)
  }
  const grants = [...byRole].map(([role, g]) => ({
    role,
    regions: [...g.regions],
    ...(g.parks.size ? { parks: [...g.parks] } : {}),
  }))
  return { grants, unknownRoles: [...unknownRoles] }
}
