/**
 * Who is asking, and over what, when jueqi sits behind TLS-terminating proxies. The forwarded headers
 * are believed only as far as JUEQI_TRUST_PROXY says: the number of proxies in front of the app
 * (default 0: the headers are ignored, since any client can send them). With N proxies, the client is
 * the N-th address from the right of X-Forwarded-For (each proxy appends the address it saw), and the
 * scheme is the right-most X-Forwarded-Proto.
 */
import { getConnInfo } from '@hono/node-server/conninfo'
import type { Context } from 'hono'

export function trustedProxies(value = process.env.JUEQI_TRUST_PROXY): number {
  if (value === undefined || value === '') return 0
  const n = Number(value)
  if (!Number.isInteger(n) || n < 0 || n > 10)
    throw new Error(
      `JUEQI_TRUST_PROXY must be the number of proxies in front of jueqi (0–10), not "${value}"`,
    )
  return n
}

function socketAddress(c: Context): string {
  try {
    return getConnInfo(c).remote.address ?? 'unknown'
  } catch {
    return 'unknown' // app.request() in tests has no socket
  }
}

export function clientAddress(c: Context, trusted = trustedProxies()): string {
  if (trusted === 0) return socketAddress(c)
  const hops = (c.req.header('x-forwarded-for') ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
  return hops[hops.length - trusted] ?? hops[0] ?? socketAddress(c)
}

export function isHttps(c: Context, trusted = trustedProxies()): boolean {
  if (trusted > 0) {
    const proto = (c.req.header('x-forwarded-proto') ?? '').split(',').pop()?.trim().toLowerCase()
    if (proto) return proto === 'https'
  }
  return new URL(c.req.url).protocol === 'https:'
}
