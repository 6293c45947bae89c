/**
 * The HTTP edge: an OpenAPIHono app whose operations validate their input with zod and answer
 * errors as JSON `{ error: { code, message } }` in the request's language.
 */
import { OpenAPIHono } from '@hono/zod-openapi'
import type { Hono } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import type { HTTPException } from 'hono/http-exception'
import { secureHeaders } from 'hono/secure-headers'
import { Refusal } from '../app/errors.ts'
import { type DataVersionSource, readDataVersion, readEveryTime } from '../store/data-version.ts'
import type { Store } from '../store/db.ts'
import { csrfMiddleware, sessionMiddleware } from './auth/middleware.ts'
import { registerDocsPage } from './docs-page.ts'
import type { AppEnv } from './env.ts'
import { AppError, errorResponse } from './errors.ts'
import { boundedBody, isDataException, refuseNul, writesNeedUser } from './hardening.ts'
import { registerOpenApiDocument } from './openapi-lang.ts'
import { CoalescedRead, ResponseCache } from './response-cache.ts'
import { registerRoutes } from './router.ts'
import { MAX_EVIDENCE_BYTES } from './routes/tasks/upload-evidence.ts'
import { MAX_UPLOAD_BYTES } from './routes/upload-release.ts'
import { registerWebApp } from './static.ts'
import { issuesText } from './validation-messages.ts'

export interface AppOptions {
  store: Store
  /** folder of the built web app; omitted in API-only tests */
  webRoot?: string
  /** bytes of cached public responses this process may hold (default JUEQI_RESPONSE_CACHE_MB, else 256 MiB) */
  responseCacheBytes?: number
  /** the cache itself (tests read its counters) */
  responseCache?: ResponseCache
  /**
   * where the data version comes from (store/data-version.ts): by default read per request;
   * `jueqi serve` passes one that listens for the version's notifications
   */
  dataVersion?: (read: () => Promise<number>) => DataVersionSource
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

/**
 * Scripts only from this origin, never inline (the web app and the API docs load theirs as files);
 * inline styles are allowed because Ant Design and ECharts set them at run time; nothing may frame
 * the pages or post forms elsewhere. Tested in Chromium (e2e/csp.e2e.ts).
 */
export const CONTENT_SECURITY_POLICY = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:', 'blob:'],
  fontSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
}

const DEFAULT_CACHE_BYTES = Number(process.env.JUEQI_RESPONSE_CACHE_MB ?? 256) * 2 ** 20

export function createApp({
  store,
  webRoot,
  responseCacheBytes,
  responseCache,
  dataVersion = readEveryTime,
}: AppOptions): OpenAPIHono<AppEnv> {
  const app = new OpenAPIHono<AppEnv>({
    defaultHook: (result, c) => {
      if (!result.success)
        return errorResponse(c, 'invalid_request', { details: issuesText(result.error.issues) })
    },
  })
  app.use(
    '*',
    secureHeaders({ contentSecurityPolicy: CONTENT_SECURITY_POLICY, crossOriginEmbedderPolicy: false }),
  )
  const versionRead = new CoalescedRead(() => readDataVersion(store.db))
  const responses = {
    cache: responseCache ?? new ResponseCache(responseCacheBytes ?? DEFAULT_CACHE_BYTES),
    dataVersion: dataVersion(() => versionRead.get()),
  }
  app.use('*', async (c, next) => {
    c.set('store', store)
    c.set('responses', responses)
    await next()
    // a write of this process: its next read asks the database, not what it was notified of
    if (!SAFE_METHODS.has(c.req.method)) responses.dataVersion.forget()
  })
  app.use('/api/*', refuseNul)
  app.use('/api/*', boundedBody)
  app.use('/api/*', sessionMiddleware)
  app.use('/api/*', csrfMiddleware)
  app.use('/api/*', writesNeedUser)
  // refuse an oversized upload before reading it (the multipart envelope gets 64 KiB of slack)
  app.use(
    '/api/releases',
    bodyLimit({
      maxSize: MAX_UPLOAD_BYTES,
      onError: (c) => errorResponse(c, 'too_large', { bytes: MAX_UPLOAD_BYTES }),
    }),
  )
  app.use(
    '/api/tasks/:id/evidence',
    bodyLimit({
      maxSize: MAX_EVIDENCE_BYTES + 65_536,
      onError: (c) => errorResponse(c, 'too_large', { bytes: MAX_EVIDENCE_BYTES }),
    }),
  )
  registerRoutes(app)
  registerOpenApiDocument(app)
  registerDocsPage(app)
  app.notFound((c) => errorResponse(c, 'missing.path', { path: c.req.path }))
  app.onError((err, c) => {
    if (err instanceof AppError || err instanceof Refusal) return errorResponse(c, err.code, err.params)
    // Hono's own refusals (an unsupported media type, a body that is not JSON) are the caller's; by
    // shape, since @hono/zod-openapi may throw the HTTPException of another copy of hono
    const status = (err as Partial<HTTPException>).status
    if (typeof status === 'number' && status >= 400 && status < 500 && 'getResponse' in err)
      return errorResponse(c, 'request.http', { status })
    if (isDataException(err)) return errorResponse(c, 'request.unstorable')
    console.error(err)
    return errorResponse(c, 'internal')
  })
  if (webRoot) registerWebApp(app as unknown as Hono<never>, webRoot)
  return app
}
