import { createRoute, type RouteHandler, z } from '@hono/zod-openapi'
import { resetPassword } from '../../../app/users.ts'
import { signedInActor } from '../../access.ts'
import type { AppEnv } from '../../env.ts'
import { writeErrorResponses } from '../../schemas.ts'
import { OnceSchema, Password, UsernameParam } from './schemas.ts'

const Body = z.object({ password: Password.optional() })

export const route = createRoute({
  method: 'post',
  path: '/api/users/{username}/password',
  tags: ['users'],
  summary: "Reset someone's password (generated and shown once unless given); their sessions end",
  request: {
    params: UsernameParam,
    body: { content: { 'application/json': { schema: Body } }, required: true },
  },
  responses: {
    200: { content: { 'application/json': { schema: OnceSchema } }, description: 'Reset' },
    ...writeErrorResponses,
  },
})

export const handler: RouteHandler<typeof route, AppEnv> = async (c) => {
  const { username } = c.req.valid('param')
  const { password } = c.req.valid('json')
  const r = await resetPassword({
    db: c.get('store').db,
    actor: signedInActor(c),
    input: { username, ...(password === undefined ? {} : { password }) },
  })
  return c.json(r.password ? { password: r.password } : {}, 200)
}
