import { describe, expect, it } from 'vitest'
import { CoalescedRead, etagMatches, makeBody, pickEncoding, ResponseCache } from './response-cache.ts'

const body = (n: number, fill = 'x') => makeBody(fill.repeat(n), 'text/plain')

describe('ResponseCache', () => {
  it('keeps its bytes under the bound, evicting the least recently used entry', async () => {
    const a = await body(10_000, 'a')
    const size = a.identity.length + a.gzip.length + a.br.length + 256
    const cache = new ResponseCache(Math.floor(size * 2.5))
    cache.set('a', a)
    cache.set('b', await body(10_000, 'b'))
    expect(cache.get('a')).toBe(a) // a is now more recently used than b
    cache.set('c', await body(10_000, 'c'))
    expect(cache.size).toBe(2)
    expect(cache.bytes).toBeLessThanOrEqual(cache.maxBytes)
    expect(cache.has('b')).toBe(false)
    expect(cache.has('a')).toBe(true)
    expect(cache.has('c')).toBe(true)
  })

  it('does not keep an entry larger than the whole bound', async () => {
    const cache = new ResponseCache(100)
    cache.set('big', await body(10_000))
    expect(cache.size).toBe(0)
    expect(cache.bytes).toBe(0)
  })

  it('computes a missing entry once for concurrent requests, and not again on a hit', async () => {
    const cache = new ResponseCache(1 << 20)
    let made = 0
    const make = async () => {
      made++
      await new Promise((r) => setTimeout(r, 20))
      return body(100)
    }
    const all = await Promise.all(Array.from({ length: 20 }, () => cache.getOrMake('k', make)))
    expect(made).toBe(1)
    expect(new Set(all.map((e) => e.etag)).size).toBe(1)
    await cache.getOrMake('k', make)
    expect(made).toBe(1)
  })

  it('finds an entry by a raw key only while the entry is cached, and forgets the oldest raw keys', async () => {
    const small = await makeBody('x'.repeat(1000), 'text/plain')
    const c = new ResponseCache(2 * (small.identity.length + small.gzip.length + small.br.length + 256))
    c.set('a', small)
    c.alias('raw a', 'a')
    expect(c.viaAlias('raw a')).toBe(small)
    expect(c.viaAlias('raw b')).toBeUndefined()
    c.set('b', small)
    c.set('c', small) // evicts a
    expect(c.viaAlias('raw a')).toBeUndefined()
    expect(c.aliasHits).toBe(1)
    // past 10,000 raw keys the oldest is forgotten
    c.set('b', small)
    for (let i = 0; i <= 10_000; i++) c.alias(`raw ${i}`, 'b')
    expect(c.viaAlias('raw 0')).toBeUndefined()
    expect(c.viaAlias('raw 10000')).toBe(small)
  })

  it('does not cache a failure', async () => {
    const cache = new ResponseCache(1 << 20)
    await expect(cache.getOrMake('k', () => Promise.reject(new Error('boom')))).rejects.toThrow('boom')
    expect((await cache.getOrMake('k', () => body(10))).identity.toString()).toBe('x'.repeat(10))
  })
})

describe('CoalescedRead', () => {
  it('gives each caller a read that started after it called, with at most one read in flight', async () => {
    let value = 0
    let inFlight = 0
    let maxInFlight = 0
    let reads = 0
    const r = new CoalescedRead(async () => {
      reads++
      inFlight++
      maxInFlight = Math.max(maxInFlight, inFlight)
      const seen = value
      await new Promise((res) => setTimeout(res, 10))
      inFlight--
      return seen
    })
    const first = r.get() // starts a read that sees 0
    value = 1 // a write commits while that read is in flight
    const later = Array.from({ length: 10 }, () => r.get())
    expect(await first).toBe(0)
    expect(await Promise.all(later)).toEqual(Array(10).fill(1))
    expect(reads).toBe(2)
    expect(maxInFlight).toBe(1)
  })
})

describe('content negotiation', () => {
  it('picks brotli, then gzip, honouring q=0', () => {
    expect(pickEncoding(undefined)).toBe('identity')
    expect(pickEncoding('gzip, deflate, br')).toBe('br')
    expect(pickEncoding('gzip')).toBe('gzip')
    expect(pickEncoding('br;q=0, gzip;q=0.5')).toBe('gzip')
    expect(pickEncoding('identity')).toBe('identity')
  })

  it('compares ETags weakly and in lists', () => {
    expect(etagMatches('W/"abc"', 'W/"abc"')).toBe(true)
    expect(etagMatches('"x", "abc"', 'W/"abc"')).toBe(true)
    expect(etagMatches('*', 'W/"abc"')).toBe(true)
    expect(etagMatches('W/"abd"', 'W/"abc"')).toBe(false)
    expect(etagMatches(undefined, 'W/"abc"')).toBe(false)
  })
})
