/** The API's operations, one file each; this file only lists them. */
import type { OpenAPIHono } from '@hono/zod-openapi'
import type { AppEnv } from './env.ts'
import * as authLogin from './routes/auth-login.ts'
import * as authLogout from './routes/auth-logout.ts'
import * as authSession from './routes/auth-session.ts'
import * as getIndicator from './routes/get-indicator.ts'
import * as getMap from './routes/get-map.ts'
import * as getPlan from './routes/get-plan.ts'
import * as getRegion from './routes/get-region.ts'
import * as listIndicators from './routes/list-indicators.ts'
import * as listObservations from './routes/list-observations.ts'
import * as listPlans from './routes/list-plans.ts'
import * as listRegions from './routes/list-regions.ts'
import * as listReleases from './routes/list-releases.ts'
import * as planAlignment from './routes/plan-alignment.ts'
import * as planStatus from './routes/plan-status.ts'
import * as regionTree from './routes/region-tree.ts'

export function registerRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(regionTree.route, regionTree.handler)
  app.openapi(listRegions.route, listRegions.handler)
  app.openapi(getRegion.route, getRegion.handler)
  app.openapi(listIndicators.route, listIndicators.handler)
  app.openapi(getIndicator.route, getIndicator.handler)
  app.openapi(listObservations.route, listObservations.handler)
  app.openapi(listReleases.route, listReleases.handler)
  app.openapi(getMap.route, getMap.handler)
  app.openapi(listPlans.route, listPlans.handler)
  app.openapi(getPlan.route, getPlan.handler)
  app.openapi(planStatus.route, planStatus.handler)
  app.openapi(planAlignment.route, planAlignment.handler)
  app.openapi(authSession.route, authSession.handler)
  app.openapi(authLogin.route, authLogin.handler)
  app.openapi(authLogout.route, authLogout.handler)
}
