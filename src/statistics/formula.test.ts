import { describe, expect, it } from 'vitest'
import { evaluateFormula, FormulaError, formulaInputs, parseFormula } from './formula.ts'

const s = (o: Record<number, number>) => new Map(Object.entries(o).map(([k, v]) => [Number(k), v]))

describe('formula', () => {
  it('parses precedence and lists inputs', () => {
    const f = parseFormula('a / b * 100 - c')
    expect([...formulaInputs(f)].sort()).toEqual(['a', 'b', 'c'])
    const r = evaluateFormula(
      f,
      new Map([
        ['a', s({ 2020: 1 })],
        ['b', s({ 2020: 4 })],
        ['c', s({ 2020: 5 })],
      ]),
    )
    expect(r.get(2020)).toBe(20)
  })
  it('leaves a gap where an input is missing and never divides by zero', () => {
    const f = parseFormula('a / b')
    const r = evaluateFormula(
      f,
      new Map([
        ['a', s({ 2019: 1, 2020: 2, 2021: 3 })],
        ['b', s({ 2019: 2, 2021: 0 })],
      ]),
    )
    expect([...r.entries()]).toEqual([[2019, 0.5]])
  })
  it('chains a constant-price level forwards and backwards from the base year', () => {
    const f = parseFormula('chain(gdp, g, 2015)')
    const r = evaluateFormula(
      f,
      new Map([
        ['gdp', s({ 2015: 100, 2016: 999 })],
        ['g', s({ 2015: 25, 2016: 10, 2017: 10 })],
      ]),
    )
    expect(r.get(2014)).toBeCloseTo(80, 12)
    expect(r.get(2015)).toBe(100)
    expect(r.get(2016)).toBeCloseTo(110, 12)
    expect(r.get(2017)).toBeCloseTo(121, 12)
  })
  it('stops a chain at the first missing growth rate instead of bridging it', () => {
    const r = evaluateFormula(
      parseFormula('chain(gdp, g, 2015)'),
      new Map([
        ['gdp', s({ 2015: 100 })],
        ['g', s({ 2016: 10, 2018: 10 })],
      ]),
    )
    expect([...r.keys()].sort()).toEqual([2015, 2016])
  })
  it('computes growth in percent', () => {
    const r = evaluateFormula(parseFormula('growth(x)'), new Map([['x', s({ 2020: 200, 2021: 210 })]]))
    expect(r.get(2021)).toBeCloseTo(5, 12)
    expect(r.has(2020)).toBe(false)
  })
  it('names what is wrong in a bad formula', () => {
    expect(() => parseFormula('a / ')).toThrow(FormulaError)
    expect(() => parseFormula('sqrt(a)')).toThrow(/unknown function sqrt/)
    expect(() => parseFormula('a $ b')).toThrow(/position 3/)
    expect(() => parseFormula('chain(a, b)')).toThrow(/3 argument/)
  })
})
