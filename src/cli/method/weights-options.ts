/** Options shared by the methods that take or compute weights (entropy, critic, topsis, obstacle). */
import type { Direction, Matrix } from '../../methods/matrix.ts'
import {
  criticWeights,
  type EntropyZero,
  entropyWeights,
  equalWeights,
  MethodInputError,
} from '../../methods/weights.ts'
import { choice, optionalString, usage, weightsOption } from './shared.ts'
import type { MethodArgs, MethodOption } from './types.ts'

/**
 * The options of `weightsFor`, as topsis and obstacle declare them. None has a commander default:
 * a default --scheme would be "given" beside an explicit --weights and refused (issue 19); the
 * defaults are applied in weightsFor, only when the option is absent.
 */
export const WEIGHT_OPTIONS: readonly MethodOption[] = [
  { flags: '--cost <cols>', description: 'cost (lower-is-better) columns' },
  {
    flags: '--weights <list|file>',
    description: 'weights in column order, or a CSV file indicator,weight',
  },
  {
    flags: '--scheme <scheme>',
    description: 'equal, entropy or critic (when no --weights; default equal)',
  },
  { flags: '--on <values>', description: 'entropy scheme: minmax (default) or raw' },
  { flags: '--zero <rule>', description: 'entropy scheme: xlnx0 (default), column-zero or shift:<eps>' },
]

export function entropyZero(args: MethodArgs): EntropyZero {
  const text = optionalString(args, 'zero') ?? 'xlnx0'
  if (text === 'xlnx0') return { kind: 'xlnx0' }
  if (text === 'column-zero') return { kind: 'column-zero' }
  const m = /^shift:(.+)$/.exec(text)
  const eps = m ? Number(m[1]) : Number.NaN
  if (m && Number.isFinite(eps) && eps > 0) return { kind: 'shift', eps }
  throw usage(`--zero "${text}": expected xlnx0, column-zero or shift:<eps> with eps > 0`)
}

/**
 * Method errors (bad values for this method) become usage errors with their message, after `file: `
 * when the error is about a cell of that input file.
 */
export function methodInput<T>(fn: () => T, file?: string): T {
  try {
    return fn()
  } catch (e) {
    if (e instanceof MethodInputError || e instanceof RangeError)
      throw usage(file ? `${file}: ${e.message}` : e.message)
    throw e
  }
}

export const SCHEMES = ['equal', 'entropy', 'critic'] as const

/** `--weights` if given, else the `--scheme` (default equal); returns the weights and how they were made. */
export async function weightsFor(
  args: MethodArgs,
  m: Matrix,
  directions: Direction[],
): Promise<{ weights: Float64Array; source: string }> {
  const given = await weightsOption(args, m.columns)
  if (given) {
    if (optionalString(args, 'scheme')) throw usage('give either --weights or --scheme, not both')
    return { weights: given, source: 'user' }
  }
  const scheme = choice(args, 'scheme', SCHEMES, 'equal')
  if (scheme === 'equal') return { weights: equalWeights(m.cols), source: 'equal' }
  if (scheme === 'critic')
    return {
      weights: methodInput(() => criticWeights(m, { directions, sd: 'sample' })).weights,
      source: 'critic (sample sd)',
    }
  const on = choice(args, 'on', ['raw', 'minmax'] as const, 'minmax')
  const zero = entropyZero(args)
  return {
    weights: methodInput(() => entropyWeights(m, { on, directions, zero })).weights,
    source: `entropy (on ${on}, zero ${zero.kind === 'shift' ? `shift:${zero.eps}` : zero.kind})`,
  }
}
