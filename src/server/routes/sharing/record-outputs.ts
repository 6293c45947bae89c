import { createRoute, type RouteHandler, z } from '@hono/zod-openapi'
import { outputRecordSchema, recordProblems } from '../../../sharing/outputs.ts'
import { appendAudit } from '../../../store/audit.ts'
import { insertRelease } from '../../../store/sharing.ts'
import { isoDaySchema } from '../../../supervision/dates.ts'
import { authorize } from '../../access.ts'
import type { AppEnv } from '../../env.ts'
import { AppError } from '../../errors.ts'
import { recordProblemsText } from '../../import-issues.ts'
import { writeErrorResponses } from '../../schemas.ts'
import { agreementRef, loadAgreement } from '../../sharing-access.ts'
import { IdParam } from './schemas.ts'

const Body = z.object({
  name: z.string().trim().min(1).max(200).openapi({ example: '2024年统计年报' }),
  publishedOn: isoDaySchema,
  records: z.array(outputRecordSchema).min(1).max(100_000),
  file: z.string().max(300).optional(),
})

export const route = createRoute({
  method: 'post',
  path: '/api/sharing/agreements/{id}/releases',
  tags: ['sharing'],
  summary:
    'Record outputs (the host’s statistics) or tax payments and refunds (the tax authority) as a new release; all or nothing; earlier releases stay',
  request: { params: IdParam, body: { content: { 'application/json': { schema: Body } }, required: true } },
  responses: {
    201: {
      content: {
        'application/json': { schema: z.object({ releaseId: z.number().int(), rows: z.number().int() }) },
      },
      description: 'The new release',
    },
    ...writeErrorResponses,
  },
})

export const handler: RouteHandler<typeof route, AppEnv> = async (c) => {
  const b = c.req.valid('json')
  const a = await loadAgreement(c, c.req.valid('param').id)
  // the host's park administrators, or the host region's statistics office
  const actor = authorize(c, 'sharing.output.record', agreementRef(a, { side: 'host' }))
  const problems = recordProblems(b.records, a.versions)
  if (problems.length)
    throw new AppError('invalid_request', { details: recordProblemsText(problems.slice(0, 20)) })
  const at = new Date().toISOString()
  const db = c.get('store').db
  const release = await db.transaction(async (tx) => {
    const r = await insertRelease(
      tx,
      {
        agreementId: a.id,
        name: b.name,
        publishedOn: b.publishedOn,
        recordedBy: actor.id,
        recordedAt: at,
        sourceFile: b.file ?? null,
      },
      b.records,
    )
    await appendAudit(tx, {
      action: 'sharing.outputs.recorded',
      objectType: 'agreement',
      objectId: a.id,
      region: a.hostRegion,
      actor: actor.id,
      at,
      details: { releaseId: r.id, rows: b.records.length, ...(b.file ? { file: b.file } : {}) },
    })
    return r
  })
  return c.json({ releaseId: release.id, rows: b.records.length }, 201)
}
