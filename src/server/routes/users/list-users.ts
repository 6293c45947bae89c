import { createRoute, type RouteHandler, z } from '@hono/zod-openapi'
import { listUsers } from '../../../app/users.ts'
import { signedInActor } from '../../access.ts'
import type { AppEnv } from '../../env.ts'
import { writeErrorResponses } from '../../schemas.ts'
import { ListedUserSchema } from './schemas.ts'

export const route = createRoute({
  method: 'get',
  path: '/api/users',
  tags: ['users'],
  summary: 'The accounts an administrator manages (those within the regions of their admin grant)',
  responses: {
    200: {
      content: { 'application/json': { schema: z.object({ users: z.array(ListedUserSchema) }) } },
      description: 'Accounts by user name',
    },
    ...writeErrorResponses,
  },
})

export const handler: RouteHandler<typeof route, AppEnv> = async (c) => {
  const users = await listUsers({ db: c.get('store').db, actor: signedInActor(c) })
  return c.json({ users }, 200)
}
