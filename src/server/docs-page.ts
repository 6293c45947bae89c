import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import type { Hono } from 'hono'
import { API_DOCS_EN, API_DOCS_ZH } from '../i18n/api-docs.ts'
import type { Lang } from '../i18n/lang.ts'
import type { AppEnv } from './env.ts'
import { requestLang } from './errors.ts'

/**
 * Swagger UI served from the installed package (no CDN: the product works offline), in the
 * request's language: the page's title and the document (summaries, title, description) come in
 * zh-CN or English with a link to the other; Swagger UI's own buttons have no translation.
 */
export function registerDocsPage(app: Hono<AppEnv>): void {
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
    c.body(docsInit(requestLang(c)), 200, { 'content-type': 'text/javascript', 'cache-control': 'no-cache' }),
  )
  app.get('/api/docs', (c) => c.html(docsHtml(requestLang(c))))
}

function docsHtml(lang: Lang): string {
  const words = lang === 'en' ? API_DOCS_EN : API_DOCS_ZH
  const other: Lang = lang === 'en' ? 'zh-CN' : 'en'
  return `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><title>${words.pageTitle}</title>
<link rel="stylesheet" href="/api/docs/swagger-ui.css"></head>
<body><p style="text-align:right;margin:8px 16px"><a href="/api/docs?lang=${other}" lang="${other}">${words.switchTo}</a></p>
<div id="ui"></div><script src="/api/docs/swagger-ui-bundle.js"></script>
<script src="/api/docs/init.js?lang=${lang}"></script></body></html>`
}

function docsInit(lang: Lang): string {
  return `window.ui = SwaggerUIBundle({ url: '/openapi.json?lang=${lang}', dom_id: '#ui' })\n`
}
