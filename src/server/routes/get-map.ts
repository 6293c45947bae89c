import { readFile } from 'node:fs/promises'
import { createRoute, type RouteHandler, z } from '@hono/zod-openapi'
import { DATA_DIR } from '../../files/data-dir.ts'
import type { AppEnv } from '../env.ts'

export const route = createRoute({
  method: 'get',
  path: '/api/maps/provinces',
  tags: ['maps'],
  summary: 'Province boundaries (GeoJSON) for the choropleth map',
  description:
    'From the cn-atlas package (SOURCES.md S10). For illustration only: the base map has not been through official map review (no 审图号) and has no South China Sea inset.',
  responses: {
    200: {
      content: { 'application/geo+json': { schema: z.any() } },
      description: 'GeoJSON FeatureCollection',
    },
  },
})

let cached: string | undefined

export const handler: RouteHandler<typeof route, AppEnv> = async (c) => {
  cached ??= await readFile(`${DATA_DIR}china-provinces.geojson`, 'utf8')
  // a ready-made GeoJSON text, passed through rather than parsed and re-serialised
  return c.body(cached, 200, {
    'content-type': 'application/geo+json',
    'cache-control': 'public, max-age=86400',
  }) as never
}
