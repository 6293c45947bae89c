/** The API's operations, one file each; this file only lists them. */
import type { OpenAPIHono } from '@hono/zod-openapi'
import type { AppEnv } from './env.ts'
import * as listAudit from './routes/audit/list-audit.ts'
import * as authLogin from './routes/auth-login.ts'
import * as authLogout from './routes/auth-logout.ts'
import * as authPassword from './routes/auth-password.ts'
import * as authSession from './routes/auth-session.ts'
import * as evaluations from './routes/evaluations.ts'
import * as getEvaluation from './routes/get-evaluation.ts'
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
import * as planDrafts from './routes/plan-drafts.ts'
import * as planPublish from './routes/plan-publish.ts'
import * as planStatus from './routes/plan-status.ts'
import * as regionTree from './routes/region-tree.ts'
import * as releaseApproval from './routes/release-approval.ts'
import * as scorecard from './routes/scorecard.ts'
import * as allocateSharing from './routes/sharing/allocate.ts'
import * as confirmVersion from './routes/sharing/confirm-version.ts'
import * as createAgreement from './routes/sharing/create-agreement.ts'
import * as getAgreement from './routes/sharing/get-agreement.ts'
import * as getAllocation from './routes/sharing/get-allocation.ts'
import * as listAgreements from './routes/sharing/list-agreements.ts'
import * as periodState from './routes/sharing/period-state.ts'
import * as reconciliation from './routes/sharing/reconciliation.ts'
import * as recordOutputs from './routes/sharing/record-outputs.ts'
import * as regionalTotals from './routes/sharing/regional-totals.ts'
import * as saveVersion from './routes/sharing/save-version.ts'
import * as createTask from './routes/tasks/create-task.ts'
import * as getEvidence from './routes/tasks/get-evidence.ts'
import * as getTask from './routes/tasks/get-task.ts'
import * as listTasks from './routes/tasks/list-tasks.ts'
import * as reviewReport from './routes/tasks/review-report.ts'
import * as submitReport from './routes/tasks/submit-report.ts'
import * as taskTransition from './routes/tasks/task-transition.ts'
import * as uploadEvidence from './routes/tasks/upload-evidence.ts'
import * as uploadRelease from './routes/upload-release.ts'
import * as createUser from './routes/users/create-user.ts'
import * as listUsers from './routes/users/list-users.ts'
import * as resetPassword from './routes/users/reset-password.ts'
import * as userDisabled from './routes/users/user-disabled.ts'
import * as userGrant from './routes/users/user-grant.ts'

export function registerRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(regionTree.route, regionTree.handler)
  app.openapi(listRegions.route, listRegions.handler)
  app.openapi(getRegion.route, getRegion.handler)
  app.openapi(listIndicators.route, listIndicators.handler)
  app.openapi(getIndicator.route, getIndicator.handler)
  // an answer cached for the same query string is sent before the query is validated
  app.use(listObservations.route.path, listObservations.answerFromRawQuery)
  app.openapi(listObservations.route, listObservations.handler)
  app.openapi(listReleases.route, listReleases.handler)
  app.openapi(releaseApproval.route, releaseApproval.handler)
  app.openapi(uploadRelease.route, uploadRelease.handler)
  app.openapi(getMap.route, getMap.handler)
  app.openapi(listPlans.route, listPlans.handler)
  app.openapi(getPlan.route, getPlan.handler)
  app.openapi(planStatus.route, planStatus.handler)
  app.openapi(planAlignment.route, planAlignment.handler)
  app.openapi(planDrafts.route, planDrafts.handler)
  app.openapi(planPublish.route, planPublish.handler)
  app.openapi(listTasks.route, listTasks.handler)
  app.openapi(createTask.route, createTask.handler)
  app.openapi(getTask.route, getTask.handler)
  app.openapi(taskTransition.route, taskTransition.handler)
  app.openapi(uploadEvidence.route, uploadEvidence.handler)
  app.openapi(getEvidence.route, getEvidence.handler)
  app.openapi(submitReport.route, submitReport.handler)
  app.openapi(reviewReport.route, reviewReport.handler)
  app.openapi(listAudit.route, listAudit.handler)
  app.openapi(scorecard.route, scorecard.handler)
  app.openapi(evaluations.route, evaluations.handler)
  app.openapi(getEvaluation.route, getEvaluation.handler)
  app.openapi(listAgreements.route, listAgreements.handler)
  app.openapi(createAgreement.route, createAgreement.handler)
  app.openapi(getAgreement.route, getAgreement.handler)
  app.openapi(saveVersion.route, saveVersion.handler)
  app.openapi(confirmVersion.route, confirmVersion.handler)
  app.openapi(recordOutputs.route, recordOutputs.handler)
  app.openapi(allocateSharing.route, allocateSharing.handler)
  app.openapi(getAllocation.route, getAllocation.handler)
  app.openapi(reconciliation.route, reconciliation.handler)
  app.openapi(periodState.route, periodState.handler)
  app.openapi(regionalTotals.route, regionalTotals.handler)
  app.openapi(authSession.route, authSession.handler)
  app.openapi(authLogin.route, authLogin.handler)
  app.openapi(authLogout.route, authLogout.handler)
  app.openapi(authPassword.route, authPassword.handler)
  app.openapi(listUsers.route, listUsers.handler)
  app.openapi(createUser.route, createUser.handler)
  app.openapi(userDisabled.route, userDisabled.handler)
  app.openapi(resetPassword.route, resetPassword.handler)
  app.openapi(userGrant.route, userGrant.handler)
}
