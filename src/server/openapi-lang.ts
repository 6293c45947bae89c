/**
 * The OpenAPI document in the reader's language: the English written beside each operation, or
 * for zh-CN the title, description and operation summaries of i18n/api-docs.ts. Made once per
 * language and kept (the operations do not change while the process runs).
 */
import type { OpenAPIHono } from '@hono/zod-openapi'
import { API_DOCS_EN, API_DOCS_ZH, OPERATION_SUMMARIES_ZH } from '../i18n/api-docs.ts'
import type { Lang } from '../i18n/lang.ts'
import type { AppEnv } from './env.ts'
import { requestLang } from './errors.ts'

type Document = ReturnType<OpenAPIHono<AppEnv>['getOpenAPI31Document']>

function documentIn(app: OpenAPIHono<AppEnv>, lang: Lang): Document {
  const words = lang === 'en' ? API_DOCS_EN : API_DOCS_ZH
  const doc = app.getOpenAPI31Document({
    openapi: '3.1.0',
    info: { title: words.title, version: '0.1.0', description: words.description },
  })
  if (lang === 'en') return doc
  for (const [path, ops] of Object.entries(doc.paths ?? {}))
    for (const [method, op] of Object.entries(ops ?? {})) {
      const zh = OPERATION_SUMMARIES_ZH[`${method.toUpperCase()} ${path}`]
      if (zh && op && typeof op === 'object' && 'summary' in op) op.summary = zh
    }
  return doc
}

/** GET /openapi.json in the request's language (?lang=, the language cookie, Accept-Language). */
export function registerOpenApiDocument(app: OpenAPIHono<AppEnv>): void {
  const made = new Map<Lang, Document>()
  app.get('/openapi.json', (c) => {
    const lang = requestLang(c)
    const doc = made.get(lang) ?? documentIn(app, lang)
    made.set(lang, doc)
    return c.json(doc)
  })
}
