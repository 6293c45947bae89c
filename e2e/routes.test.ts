import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { appPatterns, KNOWN_PATTERNS } from './routes.ts'

describe('the crawlers’ route list', () => {
  it('knows every route of App.tsx', () => {
    const patterns = appPatterns(readFileSync('src/web/App.tsx', 'utf8'))
    expect(patterns.length).toBeGreaterThan(10)
    expect(patterns.filter((p) => !KNOWN_PATTERNS.includes(p))).toEqual([])
  })

  it('reads the patterns as App.tsx writes them', () => {
    expect(
      appPatterns('<Route path="/a" element={<A />} />\n<Route path="/b/:id" element={<B />} />'),
    ).toEqual(['/a', '/b/:id'])
  })
})
