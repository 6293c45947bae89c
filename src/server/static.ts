import { existsSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { join, normalize } from 'node:path'
import type { Hono } from 'hono'

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.geojson': 'application/geo+json',
}

/** The built web app: files under `root`, and index.html for every other non-API path (client-side routes). */
export function registerWebApp(app: Hono<never>, root: string): void {
  const index = join(root, 'index.html')
  app.get('*', async (c, next) => {
    const path = c.req.path
    if (path.startsWith('/api/') || path === '/openapi.json') return next()
    if (!existsSync(index)) return c.text('The web app is not built: run `npm run build:web`.', 503)
    const file = normalize(join(root, decodeURIComponent(path)))
    const inside = file.startsWith(root) && !file.endsWith('/') && existsSync(file) && file !== root
    const target = inside ? file : index
    const ext = target.slice(target.lastIndexOf('.'))
    const cache = target.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache'
    return c.body(await readFile(target), 200, {
      'content-type': TYPES[ext] ?? 'application/octet-stream',
      'cache-control': cache,
    })
  })
}
