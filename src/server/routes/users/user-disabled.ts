import { createRoute, type RouteHandler, z } from '@hono/zod-openapi'
import { setDisabled } from '../../../app/users.ts'
import { signedInActor } from '../../access.ts'
import type { AppEnv } from '../../env.ts'
import { writeErrorResponses } from '../../schemas.ts'
import { UsernameParam } from './schemas.ts'

const Body = z.object({ disabled: z.boolean() })

export const route = createRoute({
  method: 'post',
  path: '/api/users/{username}/disabled',
  tags: ['users'],
  summary: 'Disable an account (it cannot sign in; its sessions end) or enable it again',
  request: {
    params: UsernameParam,
    body: { content: { 'application/json': { schema: Body } }, required: true },
  },
  responses: {
    200: {
      content: { 'application/json': { schema: z.object({ changed: z.boolean() }) } },
      description: 'Done (changed: false when it already was so)',
    },
    ...writeErrorResponses,
  },
})

export const handler: RouteHandler<typeof route, AppEnv> = async (c) => {
  const { username } = c.req.valid('param')
  const { disabled } = c.req.valid('json')
  const r = await setDisabled({
    db: c.get('store').db,
    actor: signedInActor(c),
    input: { username, disabled },
  })
  return c.json(r, 200)
}
