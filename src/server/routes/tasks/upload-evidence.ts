import { createRoute, type RouteHandler, z } from '@hono/zod-openapi'
import { appendAudit } from '../../../store/audit.ts'
import { getTask, putEvidence } from '../../../store/tasks.ts'
import { checkEvidence, DEFAULT_MAX_BYTES, EVIDENCE_TYPES } from '../../../supervision/evidence.ts'
import { authorize, canRead } from '../../access.ts'
import type { AppEnv } from '../../env.ts'
import { AppError } from '../../errors.ts'
import { readForm } from '../../hardening.ts'
import { writeErrorResponses } from '../../schemas.ts'

export const MAX_EVIDENCE_BYTES = DEFAULT_MAX_BYTES

export const route = createRoute({
  method: 'post',
  path: '/api/tasks/{id}/evidence',
  tags: ['supervision'],
  summary: `Upload an evidence file for a task being reported on (PDF, PNG, JPEG, XLSX, DOCX, CSV, text; at most ${DEFAULT_MAX_BYTES / 1024 / 1024} MB; the type is read from the content and must match the name)`,
  request: {
    params: z.object({ id: z.string().min(1).max(60) }),
    body: {
      content: {
        'multipart/form-data': {
          schema: z.object({ file: z.any().openapi({ type: 'string', format: 'binary' }) }),
        },
      },
      required: true,
    },
  },
  responses: {
    201: {
      content: {
        'application/json': {
          schema: z.object({
            sha256: z.string(),
            size: z.number().int(),
            type: z.enum(EVIDENCE_TYPES),
            name: z.string(),
          }),
        },
      },
      description: 'Stored (by content hash; attach it to a report by its sha256)',
    },
    ...writeErrorResponses,
  },
})

export const handler: RouteHandler<typeof route, AppEnv> = async (c) => {
  const { id } = c.req.valid('param')
  const db = c.get('store').db
  const task = await getTask(db, id)
  if (!task || !canRead(c, { kind: 'task', regionCode: task.regionCode, state: task.state }))
    throw new AppError('missing.task', { id })
  const actor = authorize(c, 'task.report', { kind: 'task', regionCode: task.regionCode, state: task.state })
  const form = await readForm(c)
  const file = form.get('file')
  if (!(file instanceof File)) throw new AppError('request.evidence_file')
  // path separators and control characters out of the stored name (it is shown and sent back)
  const name =
    [...file.name]
      .map((ch) => (ch === '/' || ch === '\\' || ch.charCodeAt(0) < 32 ? '_' : ch))
      .join('')
      .slice(0, 255) || 'evidence'
  const bytes = new Uint8Array(await file.arrayBuffer())
  const check = checkEvidence(bytes, name, { maxBytes: MAX_EVIDENCE_BYTES })
  if (!check.ok) throw new AppError(`evidence.${check.code}`, { name, bytes: MAX_EVIDENCE_BYTES })
  const at = new Date().toISOString()
  await db.transaction(async (tx) => {
    await putEvidence(tx, {
      sha256: check.sha256,
      type: check.type,
      mime: check.mime,
      size: check.size,
      name,
      taskId: task.id,
      regionCode: task.regionCode,
      uploadedBy: actor.id,
      uploadedAt: at,
      bytes,
    })
    await appendAudit(tx, {
      action: 'evidence.stored',
      objectType: 'evidence',
      objectId: check.sha256,
      region: task.regionCode,
      actor: actor.id,
      at,
      details: { sha256: check.sha256, size: check.size, type: check.type },
    })
  })
  return c.json({ sha256: check.sha256, size: check.size, type: check.type, name }, 201)
}
