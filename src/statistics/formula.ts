/**
 * Formulas of derived indicators, e.g. `co2_emissions / gdp_real_2015 / 10000` or
 * `chain(gdp, gdp_growth_real, 2015)`. A formula is parsed once into a small tree and evaluated
 * per region over whole series (period → value), so a derived series is computed from the same
 * preferred observations the user sees, and a missing input leaves a gap, never a guess.
 *
 * Grammar: expr = term (('+'|'-') term)* ; term = factor (('*'|'/') factor)* ;
 *          factor = number | key | fn '(' args ')' | '(' expr ')' | '-' factor
 * Functions: chain(level, growth_pct, base_year) — constant-price level from a current-price
 *            level in base_year and real growth rates in % (x_t = x_{t-1}·(1 + g_t/100), and
 *            backwards x_{t-1} = x_t / (1 + g_t/100));
 *            growth(x) — (x_t / x_{t-1} − 1)·100; lag(x) — x_{t-1}.
 */
export type Node =
  | { kind: 'num'; value: number }
  | { kind: 'ref'; key: string }
  | { kind: 'neg'; arg: Node }
  | { kind: 'bin'; op: '+' | '-' | '*' | '/'; left: Node; right: Node }
  | { kind: 'call'; fn: 'chain' | 'growth' | 'lag'; args: Node[] }

export type Series = Map<number, number>

const FUNCTIONS = { chain: 3, growth: 1, lag: 1 } as const

export class FormulaError extends Error {}

function tokenize(src: string): string[] {
  const tokens = src.match(/\s*([A-Za-z_][A-Za-z0-9_]*|\d+(?:\.\d+)?(?:e[+-]?\d+)?|[()+\-*/,])\s*/gy)
  const joined = (tokens ?? []).join('')
  if (joined.length !== src.length)
    throw new FormulaError(`cannot read formula "${src}" at position ${joined.length + 1}`)
  return (tokens ?? []).map((t) => t.trim())
}

export function parseFormula(src: string): Node {
  const tokens = tokenize(src)
  let pos = 0
  const peek = () => tokens[pos]
  const next = () => {
    const t = tokens[pos++]
    if (t === undefined) throw new FormulaError(`formula "${src}" ends too early`)
    return t
  }
  const expect = (t: string) => {
    const got = next()
    if (got !== t) throw new FormulaError(`formula "${src}": expected "${t}", found "${got}"`)
  }
  function expr(): Node {
    let left = term()
    while (peek() === '+' || peek() === '-')
      left = { kind: 'bin', op: next() as '+' | '-', left, right: term() }
    return left
  }
  function term(): Node {
    let left = factor()
    while (peek() === '*' || peek() === '/')
      left = { kind: 'bin', op: next() as '*' | '/', left, right: factor() }
    return left
  }
  function factor(): Node {
    const t = next()
    if (t === '(') {
      const inner = expr()
      expect(')')
      return inner
    }
    if (t === '-') return { kind: 'neg', arg: factor() }
    if (/^\d/.test(t)) return { kind: 'num', value: Number(t) }
    if (!/^[A-Za-z_]/.test(t)) throw new FormulaError(`formula "${src}": unexpected "${t}"`)
    if (peek() !== '(') return { kind: 'ref', key: t }
    if (!(t in FUNCTIONS)) throw new FormulaError(`formula "${src}": unknown function ${t}()`)
    const fn = t as keyof typeof FUNCTIONS
    next()
    const args: Node[] = [expr()]
    while (peek() === ',') {
      next()
      args.push(expr())
    }
    expect(')')
    if (args.length !== FUNCTIONS[fn]) throw new FormulaError(`${fn}() takes ${FUNCTIONS[fn]} argument(s)`)
    return { kind: 'call', fn, args }
  }
  const tree = expr()
  if (pos !== tokens.length) throw new FormulaError(`formula "${src}": unexpected "${tokens[pos]}"`)
  return tree
}

/** The indicator keys a formula reads. */
export function formulaInputs(node: Node, out = new Set<string>()): Set<string> {
  if (node.kind === 'ref') out.add(node.key)
  else if (node.kind === 'neg') formulaInputs(node.arg, out)
  else if (node.kind === 'bin') {
    formulaInputs(node.left, out)
    formulaInputs(node.right, out)
  } else if (node.kind === 'call') for (const a of node.args) formulaInputs(a, out)
  return out
}

type Value = number | Series

function combine(a: Value, b: Value, f: (x: number, y: number) => number): Value {
  if (typeof a === 'number' && typeof b === 'number') return f(a, b)
  const out: Series = new Map()
  const periods = typeof a === 'number' ? [...(b as Series).keys()] : [...a.keys()]
  for (const p of periods) {
    const x = typeof a === 'number' ? a : a.get(p)
    const y = typeof b === 'number' ? b : b.get(p)
    if (x === undefined || y === undefined) continue
    const v = f(x, y)
    if (Number.isFinite(v)) out.set(p, v)
  }
  return out
}

function asSeries(v: Value, what: string): Series {
  if (typeof v === 'number') throw new FormulaError(`${what} needs a series, not a number`)
  return v
}

function chain(level: Series, growth: Series, base: number): Series {
  const out: Series = new Map()
  const start = level.get(base)
  if (start === undefined) return out
  out.set(base, start)
  for (let t = base + 1, x = start; growth.has(t); t++) {
    x *= 1 + growth.get(t)! / 100
    out.set(t, x)
  }
  for (let t = base, x = start; growth.has(t); t--) {
    x /= 1 + growth.get(t)! / 100
    out.set(t - 1, x)
  }
  return out
}

function shift(x: Series, f: (cur: number, prev: number) => number): Series {
  const out: Series = new Map()
  for (const [p, v] of x) {
    const prev = x.get(p - 1)
    if (prev === undefined) continue
    const r = f(v, prev)
    if (Number.isFinite(r)) out.set(p, r)
  }
  return out
}

/** Evaluate over the input series of one region; the result holds only periods with every input. */
export function evaluateFormula(node: Node, inputs: ReadonlyMap<string, Series>): Series {
  const v = evalNode(node, inputs)
  if (typeof v === 'number') throw new FormulaError('a formula must read at least one indicator')
  return v
}

function evalNode(node: Node, inputs: ReadonlyMap<string, Series>): Value {
  switch (node.kind) {
    case 'num':
      return node.value
    case 'ref':
      return inputs.get(node.key) ?? new Map()
    case 'neg':
      return combine(evalNode(node.arg, inputs), -1, (x, y) => x * y)
    case 'bin': {
      const ops = {
        '+': (x: number, y: number) => x + y,
        '-': (x: number, y: number) => x - y,
        '*': (x: number, y: number) => x * y,
        '/': (x: number, y: number) => (y === 0 ? Number.NaN : x / y),
      }
      return combine(evalNode(node.left, inputs), evalNode(node.right, inputs), ops[node.op])
    }
    case 'call': {
      const args = node.args.map((a) => evalNode(a, inputs))
      if (node.fn === 'chain') {
        const base = args[2]
        if (typeof base !== 'number') throw new FormulaError('chain() base year must be a number')
        return chain(asSeries(args[0]!, 'chain()'), asSeries(args[1]!, 'chain()'), base)
      }
      const x = asSeries(args[0]!, `${node.fn}()`)
      return node.fn === 'growth'
        ? shift(x, (c, p) => (p === 0 ? Number.NaN : (c / p - 1) * 100))
        : shift(x, (_c, p) => p)
    }
  }
}
