import { createRoute, type RouteHandler, z } from '@hono/zod-openapi'
import { listRegions } from '../../store/regions.ts'
import type { AppEnv } from '../env.ts'

type TreeNode = { code: string; nameZh: string; nameEn: string; level: string; children: TreeNode[] }
// Described one level deep: the OpenAPI generator cannot follow a recursive schema.
const TreeNodeSchema = z
  .object({
    code: z.string(),
    nameZh: z.string(),
    nameEn: z.string(),
    level: z.string(),
    children: z.array(z.unknown()).openapi({ description: 'child nodes of the same shape' }),
  })
  .openapi('RegionTreeNode')

export const route = createRoute({
  method: 'get',
  path: '/api/regions/tree',
  tags: ['regions'],
  summary:
    'The hierarchy nation → macro-regions → provinces (→ prefectures with depth=4, → counties with depth=5)',
  request: { query: z.object({ depth: z.coerce.number().int().min(1).max(5).default(3) }) },
  responses: {
    200: {
      content: { 'application/json': { schema: z.object({ tree: z.array(TreeNodeSchema) }) } },
      description: 'Region tree',
    },
  },
})

const LEVELS = ['nation', 'macro', 'province', 'prefecture', 'county']

export const handler: RouteHandler<typeof route, AppEnv> = async (c) => {
  const { depth } = c.req.valid('query')
  const rows = (await listRegions(c.get('store').db)).filter((r) => LEVELS.indexOf(r.level) < depth)
  const nodes = new Map<string, TreeNode>(
    rows.map((r) => [
      r.code,
      { code: r.code, nameZh: r.nameZh, nameEn: r.nameEn, level: r.level, children: [] },
    ]),
  )
  const roots: TreeNode[] = []
  for (const r of rows) {
    const parent = r.parentCode ? nodes.get(r.parentCode) : undefined
    if (parent) parent.children.push(nodes.get(r.code)!)
    else roots.push(nodes.get(r.code)!)
  }
  return c.json({ tree: roots as z.infer<typeof TreeNodeSchema>[] }, 200)
}
