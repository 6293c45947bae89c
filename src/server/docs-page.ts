import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import type { Hono } from 'hono'

/** Swagger UI served from the installed package (no CDN: the product works offline). */
export function registerDocsPage(app: Hono<never>): void {
  const dir = dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'))
  const assets: Record<string, string> = {
    'swagger-ui.css': 'text/css',
    'swagger-ui-bundle.js': 'text/javascript',
  }
  for (const [file, type] of Object.entries(assets)) {
    app.get(`/api/docs/${file}`, async (c) =>
      c.body(await readFile(join(dir, file)), 200, {
        'content-type': type,
        'cache-control': 'public, max-age=86400',
      }),
    )
  }
  // the page's own start-up script is a file too: the Content-Security-Policy allows no inline script
  app.get('/api/docs/init.js', (c) =>
    c.body(DOCS_INIT, 200, { 'content-type': 'text/javascript', 'cache-control': 'no-cache' }),
  )
  app.get('/api/docs', (c) => c.html(DOCS_HTML))
}

const DOCS_HTML = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>jueqi API</title>
<link rel="stylesheet" href="/api/docs/swagger-ui.css"></head>
<body><div id="ui"></div><script src="/api/docs/swagger-ui-bundle.js"></script>
<script src="/api/docs/init.js"></script></body></html>`

const DOCS_INIT = `window.ui = SwaggerUIBundle({ url: '/openapi.json', dom_id: '#ui' })\n`
