import { createRoute, type RouteHandler, z } from '@hono/zod-openapi'
import { createUser, USERNAME_PATTERN } from '../../../app/users.ts'
import { signedInActor } from '../../access.ts'
import type { AppEnv } from '../../env.ts'
import { UserSchema, writeErrorResponses } from '../../schemas.ts'
import { GrantBody, OnceSchema, Password } from './schemas.ts'

const Body = GrantBody.extend({
  username: z.string().trim().regex(USERNAME_PATTERN).openapi({ example: 'hubei.officer' }),
  displayName: z.string().trim().max(100).optional().openapi({ example: '湖北省发展改革委 张三' }),
  password: Password.optional(),
})

export const route = createRoute({
  method: 'post',
  path: '/api/users',
  tags: ['users'],
  summary: 'Create an account with one role for a region scope (administrators, user.manage)',
  request: { body: { content: { 'application/json': { schema: Body } }, required: true } },
  responses: {
    201: {
      content: { 'application/json': { schema: OnceSchema.extend({ user: UserSchema }) } },
      description: 'Created; `password` when the server generated it',
    },
    ...writeErrorResponses,
  },
})

export const handler: RouteHandler<typeof route, AppEnv> = async (c) => {
  const b = c.req.valid('json')
  const r = await createUser({ db: c.get('store').db, actor: signedInActor(c), input: b })
  return c.json({ user: r.user, ...(r.password ? { password: r.password } : {}) }, 201)
}
