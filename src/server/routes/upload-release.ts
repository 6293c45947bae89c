import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { extname, join } from 'node:path'
import { createRoute, type RouteHandler, z } from '@hono/zod-openapi'
import { BadInput } from '../../files/bad-input.ts'
import { importFile } from '../../importer/import-file.ts'
import { appendAudit } from '../../store/audit.ts'
import { defaultApprovalChain, releaseStatus, startApproval, submit } from '../../supervision/approval.ts'
import { covers, prefixContains } from '../../supervision/roles.ts'
import { authorize } from '../access.ts'
import type { AppEnv } from '../env.ts'
import { AppError } from '../errors.ts'
import { readForm } from '../hardening.ts'
import { importIssuesText } from '../import-issues.ts'
import { writeErrorResponses } from '../schemas.ts'

export const MAX_UPLOAD_BYTES = 50 * 1024 * 1024

export const route = createRoute({
  method: 'post',
  path: '/api/releases',
  tags: ['releases'],
  summary:
    "A province's statistician loads a release from a CSV or XLSX file: every row must be for the statistician's region (else 403, nothing written); all-or-nothing with every bad row listed; the release starts in approval and is not public until approved",
  request: {
    body: {
      content: {
        'multipart/form-data': {
          schema: z.object({
            file: z.any().openapi({ type: 'string', format: 'binary' }),
            release: z.string().min(1).max(200),
            region: z.string().min(2).max(12).openapi({ description: 'the region the release covers' }),
            published: z.string().optional().openapi({ description: 'YYYY-MM-DD; default today' }),
          }),
        },
      },
      required: true,
    },
  },
  responses: {
    201: {
      content: {
        'application/json': {
          schema: z.object({ releaseId: z.number().int(), rows: z.number().int(), status: z.string() }),
        },
      },
      description: 'Loaded, pending approval',
    },
    ...writeErrorResponses,
  },
})

export const handler: RouteHandler<typeof route, AppEnv> = async (c) => {
  const form = await readForm(c)
  const region = String(form.get('region') ?? '')
  const name = String(form.get('release') ?? '').trim()
  const published = form.get('published') ? String(form.get('published')) : undefined
  const file = form.get('file')
  const actor = authorize(c, 'observation.import', { kind: 'release', regionCode: region, state: 'draft' })
  if (!(file instanceof File)) throw new AppError('request.release_file')
  if (!name) throw new AppError('request.release_name')
  const ext = extname(file.name).toLowerCase()
  if (!['.csv', '.xlsx'].includes(ext)) throw new AppError('request.release_type', { name: file.name })
  const at = new Date().toISOString()
  const submitted = submit(
    startApproval({ levels: defaultApprovalChain(region), acceptAtTop: true }),
    actor.id,
    at,
  )
  if (!submitted.ok) throw new AppError(`approval.${submitted.code}`, { level: region })
  const dir = await mkdtemp(join(tmpdir(), 'jueqi-upload-'))
  const path = join(dir, `upload${ext}`)
  try {
    await writeFile(path, new Uint8Array(await file.arrayBuffer()))
    const store = c.get('store')
    const result = await importFile(store, path, {
      release: name,
      ...(published ? { publishedOn: published } : {}),
      description: `uploaded by ${actor.id} for ${region}`,
      regionAllowed: (code) => covers(region, code, prefixContains),
      approval: {
        regionCode: region,
        status: releaseStatus(submitted.state),
        state: submitted.state,
        updatedAt: at,
      },
    }).catch((e) => {
      // any file that cannot be read is bad input (a 400 naming the uploaded file), never a 500
      if (e instanceof BadInput)
        throw new AppError('invalid_request', {
          details: e.message.replaceAll(path, file.name).replaceAll(`upload${ext}`, file.name),
        })
      throw e
    })
    if (!result.ok) {
      const stem = file.name.replace(/\.[^.]+$/, '')
      const text = importIssuesText(result.issues.slice(0, 50), (l) => l.replaceAll('upload', stem))
      const outside = result.issues.some((i) => i.code === 'out_of_scope')
      throw outside
        ? new AppError('forbidden', { why: text })
        : new AppError('invalid_request', { details: text })
    }
    const release = result.release!
    await store.db.transaction(async (tx) => {
      const base = {
        objectType: 'release' as const,
        objectId: String(release.id),
        region,
        actor: actor.id,
        at,
      }
      await appendAudit(tx, {
        ...base,
        action: 'release.imported',
        details: { rows: result.rows, file: file.name },
      })
      await appendAudit(tx, { ...base, action: 'release.submitted', details: {} })
    })
    return c.json({ releaseId: release.id, rows: result.rows, status: releaseStatus(submitted.state) }, 201)
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}
