import { createRoute, type RouteHandler, z } from '@hono/zod-openapi'
import { setGrant } from '../../../app/users.ts'
import { signedInActor } from '../../access.ts'
import type { AppEnv } from '../../env.ts'
import { writeErrorResponses } from '../../schemas.ts'
import { GrantBody, UsernameParam } from './schemas.ts'

const Body = GrantBody.extend({ displayName: z.string().trim().max(100).optional() })

export const route = createRoute({
  method: 'post',
  path: '/api/users/{username}/grant',
  tags: ['users'],
  summary: "Set an account's role and region scope (and display name)",
  request: {
    params: UsernameParam,
    body: { content: { 'application/json': { schema: Body } }, required: true },
  },
  responses: {
    200: {
      content: {
        'application/json': {
          schema: z.object({
            grants: z.array(
              z.object({ role: z.string(), regionCode: z.string(), parkId: z.string().nullable() }),
            ),
          }),
        },
      },
      description: 'The account’s grants now',
    },
    ...writeErrorResponses,
  },
})

export const handler: RouteHandler<typeof route, AppEnv> = async (c) => {
  const { username } = c.req.valid('param')
  const b = c.req.valid('json')
  const r = await setGrant({ db: c.get('store').db, actor: signedInActor(c), input: { ...b, username } })
  return c.json(r, 200)
}
