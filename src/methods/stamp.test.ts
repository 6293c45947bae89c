import { describe, expect, it } from 'vitest'
import { canonicalJson, hashInputs, makeStamp } from './stamp.ts'

describe('stamp', () => {
  it('hashes equal inputs equally whatever the key order', () => {
    expect(hashInputs({ a: 1, b: [1, 2] })).toBe(hashInputs({ b: [1, 2], a: 1 }))
  })
  it('distinguishes different inputs and serialises typed arrays and NaN', () => {
    expect(hashInputs({ a: 1 })).not.toBe(hashInputs({ a: 2 }))
    expect(canonicalJson({ x: new Float64Array([1, Number.NaN]) })).toBe('{"x":[1,null]}')
  })
  it('records method, version, options and releases', () => {
    const s = makeStamp('entropy', '1.0.0', { on: 'raw' }, [1], ['NBS 2024'])
    expect(s).toMatchObject({
      method: 'entropy',
      version: '1.0.0',
      options: { on: 'raw' },
      releases: ['NBS 2024'],
    })
    expect(s.inputHash).toMatch(/^sha256:[0-9a-f]{64}$/)
  })
})
