/**
 * Every route of the web app with a concrete address, for the crawlers (language, accessibility).
 * A route added to App.tsx is added here too; `routes.test` in the crawler fails on a route it
 * does not know. Addresses with an id are found through the API, as a visitor would follow a link.
 */
import type { ApiSession } from './api.ts'

export interface RouteToVisit {
  /** the App.tsx pattern, e.g. /plans/:id */
  pattern: string
  /** a concrete address */
  path: string
  /** whether the page needs a signed-in user to show its content */
  signedIn?: boolean
  /** the user who may see the content, when the crawler's usual signed-in user may not */
  user?: string
}

export const STATIC_ROUTES: readonly RouteToVisit[] = [
  { pattern: '/', path: '/' },
  { pattern: '/plans', path: '/plans' },
  { pattern: '/index', path: '/index' },
  { pattern: '/disparity', path: '/disparity' },
  { pattern: '/tasks', path: '/tasks' },
  { pattern: '/scorecard', path: '/scorecard' },
  { pattern: '/sharing', path: '/sharing' },
  { pattern: '/audit', path: '/audit', signedIn: true, user: 'reviewer' },
  { pattern: '/login', path: '/login' },
  { pattern: '/map', path: '/map' },
  { pattern: '/indicators/:key', path: '/indicators/rd_intensity' },
  { pattern: '/indicators/:key', path: '/indicators/gdp' },
  { pattern: '/regions/:code', path: '/regions/42' },
  { pattern: '/regions/:code', path: '/regions/CN' },
]

/** The patterns whose address names a stored object; `routesWithIds` finds one address for each. */
export const ID_PATTERNS = ['/plans/:id', '/plans/:id/edit', '/tasks/:id', '/sharing/:id'] as const

/** Every pattern the crawlers know: a route of App.tsx missing here fails `routes.test`. */
export const KNOWN_PATTERNS: readonly string[] = [
  ...new Set(STATIC_ROUTES.map((r) => r.pattern)),
  ...ID_PATTERNS,
]

/**
 * Routes whose address names a stored object: the first plan, task and agreement the API lists to
 * `api` (the shapes of /api/plans, /api/tasks and /api/sharing/agreements). A pattern without an
 * object to show is left out; the crawler fails on it rather than passing a page it never saw.
 */
export async function routesWithIds(api: ApiSession): Promise<RouteToVisit[]> {
  const out: RouteToVisit[] = []
  const { plans = [] } = (await api.get('/api/plans')).body as { plans?: { planId: string }[] }
  const plan = plans[0]
  if (plan) {
    out.push({ pattern: '/plans/:id', path: `/plans/${encodeURIComponent(plan.planId)}` })
    out.push({
      pattern: '/plans/:id/edit',
      path: `/plans/${encodeURIComponent(plan.planId)}/edit`,
      signedIn: true,
    })
  }
  const { tasks = [] } = (await api.get('/api/tasks')).body as { tasks?: { id: string }[] }
  if (tasks[0]) out.push({ pattern: '/tasks/:id', path: `/tasks/${encodeURIComponent(tasks[0].id)}` })
  const { agreements = [] } = (await api.get('/api/sharing/agreements')).body as {
    agreements?: { id: string }[]
  }
  if (agreements[0])
    out.push({ pattern: '/sharing/:id', path: `/sharing/${encodeURIComponent(agreements[0].id)}` })
  return out
}

/** The route patterns of App.tsx (`<Route path="..."`), read from its source. */
export function appPatterns(appSource: string): string[] {
  return [...appSource.matchAll(/<Route\s+path="([^"]+)"/g)].map((m) => m[1]!)
}
