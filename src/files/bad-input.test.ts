import { describe, expect, it } from 'vitest'
import { BadInput, excerpt, quoted } from './bad-input.ts'

describe('quoting a value in a message', () => {
  it('shows control characters and cuts long values with their length', () => {
    expect(quoted('a\u0000b\tc')).toBe('"a\\0b\\u0009c"')
    expect(quoted('x'.repeat(81))).toBe(`"${'x'.repeat(80)}…" (81 characters)`)
    expect(excerpt('y'.repeat(300_000_000 / 1000))).toBe(`${'y'.repeat(80)}… (300,000 characters)`)
    expect(excerpt('short')).toBe('short')
  })
  it('names the place before the message', () => {
    expect(new BadInput('not a number', 'f.csv:3:value').message).toBe('f.csv:3:value: not a number')
    expect(new BadInput('no such file').message).toBe('no such file')
  })
})
