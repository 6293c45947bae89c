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
}

export const STATIC_ROUTES: readonly RouteToVisit[] = [
  { pattern: '/', path: '/' },
  { pattern: '/plans', path: '/plans' },
  { pattern: '/index', path: '/index' },
  { pattern: '/disparity', path: '/disparity' },
  { pattern: '/tasks', path: '/tasks' },
  { pattern: '/scorecard', path: '/scorecard' },
  { pattern: '/sharing', path: '/sharing' },
  { pattern: '/audit', path: '/audit', signedIn: true },
  { pattern: '/login', path: '/login' },
  { pattern: '/users', path: '/users', signedIn: true },
  { pattern: '/roles', path: '/roles' },
  { pattern: '/account', path: '/account', signedIn: true },
  { pattern: '/map', path: '/map' },
  { pattern: '/indicators/:key', path: '/indicators/rd_intensity' },
  { pattern: '/indicators/:key', path: '/indicators/gdp' },
  { pattern: '/regions/:code', path: '/regions/42' },
  { pattern: '/regions/:code', path: '/regions/CN' },
]

/** Routes whose address names a stored object: the first plan, task and agreement the API lists. */
export async function routesWithIds(api: ApiSession): Promise<RouteToVisit[]> {
  const out: RouteToVisit[] = []
  const plans = (await api.get('/api/plans')).body as unknown as
    | { plans?: { id: string }[] }
    | { id: string }[]
  const planList = Array.isArray(plans) ? plans : (plans.plans ?? [])
  const plan = planList[0]
  if (plan) {
    out.push({ pattern: '/plans/:id', path: `/plans/${plan.id}` })
    out.push({ pattern: '/plans/:id/edit', path: `/plans/${plan.id}/edit`, signedIn: true })
  }
  const tasks = (await api.get('/api/tasks')).body as unknown as
    | { tasks?: { id: number }[] }
    | { id: number }[]
  const taskList = Array.isArray(tasks) ? tasks : (tasks.tasks ?? [])
  if (taskList[0]) out.push({ pattern: '/tasks/:id', path: `/tasks/${taskList[0].id}` })
  const agreements = (await api.get('/api/sharing/agreements')).body as unknown as
    | { agreements?: { id: number }[] }
    | { id: number }[]
  const agreementList = Array.isArray(agreements) ? agreements : (agreements.agreements ?? [])
  if (agreementList[0]) out.push({ pattern: '/sharing/:id', path: `/sharing/${agreementList[0].id}` })
  return out
}
