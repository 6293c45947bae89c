import { createRoute, type RouteHandler, z } from '@hono/zod-openapi'
import { changeOwnPassword } from '../../app/users.ts'
import { signedInActor } from '../access.ts'
import type { AppEnv } from '../env.ts'
import { writeErrorResponses } from '../schemas.ts'

const Body = z.object({
  current: z.string().min(1).max(256),
  next: z.string().max(256).openapi({ description: 'at least 12 characters' }),
})

export const route = createRoute({
  method: 'post',
  path: '/api/auth/password',
  tags: ['auth'],
  summary: 'Change your own password; your other sessions end',
  request: { body: { content: { 'application/json': { schema: Body } }, required: true } },
  responses: {
    200: {
      content: { 'application/json': { schema: z.object({ ok: z.literal(true) }) } },
      description: 'Changed',
    },
    ...writeErrorResponses,
  },
})

export const handler: RouteHandler<typeof route, AppEnv> = async (c) => {
  const { current, next } = c.req.valid('json')
  const keepSession = c.get('sessionId') ?? undefined
  await changeOwnPassword({
    db: c.get('store').db,
    actor: signedInActor(c),
    input: { current, next, ...(keepSession ? { keepSession } : {}) },
  })
  return c.json({ ok: true as const }, 200)
}
