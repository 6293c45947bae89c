/** What every method command does the same way: read the matrix, parse lists and weights, stamp, print. */
import { readFile } from 'node:fs/promises'
import { basename } from 'node:path'
import { csvTextToTable } from '../../files/csv.ts'
import { type MatrixFile, readMatrixCsv } from '../../files/matrix-csv.ts'
import { type Direction, directionsFromCost, type Matrix } from '../../methods/matrix.ts'
import { makeStamp, type Stamp } from '../../methods/stamp.ts'
import { CliError } from '../errors.ts'
import type { MethodArgs } from './types.ts'

/** Bad options or input: exit code 2, message names the option, file, line or column. */
export function usage(message: string): CliError {
  return new CliError(message, 2)
}

export function requireString(args: MethodArgs, key: string, flag = key): string {
  const v = args[key]
  if (typeof v !== 'string' || v === '') throw usage(`missing --${flag}`)
  return v
}

export function optionalString(args: MethodArgs, key: string): string | undefined {
  const v = args[key]
  return typeof v === 'string' && v !== '' ? v : undefined
}

/** One of the allowed values, or a usage error that lists them. */
export function choice<T extends string>(
  args: MethodArgs,
  key: string,
  allowed: readonly T[],
  fallback: T,
): T {
  const v = optionalString(args, key) ?? fallback
  if (!(allowed as readonly string[]).includes(v))
    throw usage(`--${kebab(key)} "${v}": expected one of ${allowed.join(', ')}`)
  return v as T
}

export function numberOption(args: MethodArgs, key: string, fallback?: number): number | undefined {
  const v = optionalString(args, key)
  if (v === undefined) return fallback
  const n = Number(v)
  if (!Number.isFinite(n)) throw usage(`--${kebab(key)} "${v}" is not a number`)
  return n
}

export function kebab(key: string): string {
  return key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)
}

export function list(text: string | undefined): string[] {
  return (text ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '')
}

/** Read the `--input` matrix; file errors become usage errors with the file's own message. */
export async function loadMatrix(args: MethodArgs, keep: string[] = []): Promise<MatrixFile> {
  const path = requireString(args, 'input')
  try {
    return await readMatrixCsv(path, keep)
  } catch (e) {
    throw usage(e instanceof Error ? e.message : String(e))
  }
}

/** Directions from `--cost a,b`: listed columns are lower-is-better, the rest higher-is-better. */
export function directionsOf(args: MethodArgs, m: Matrix): Direction[] {
  try {
    return directionsFromCost(m.columns, list(optionalString(args, 'cost')))
  } catch (e) {
    throw usage(`--cost: ${(e as Error).message}`)
  }
}

/**
 * `--weights`: either numbers `w1,w2,...` in column order, or a CSV file with columns
 * `indicator,weight` (or the weights as its only row under a header of column names).
 * Weights are rescaled to sum to 1; negative or non-numeric weights are refused.
 */
export async function weightsOption(
  args: MethodArgs,
  columns: readonly string[],
): Promise<Float64Array | undefined> {
  const text = optionalString(args, 'weights')
  if (text === undefined) return undefined
  const looksLikeNumbers = /^[\s\d.,eE+-]+$/.test(text)
  const values = looksLikeNumbers ? numbersInOrder(text, columns) : await weightsFile(text, columns)
  let sum = 0
  for (const w of values) sum += w
  if (!(sum > 0)) throw usage('--weights must not all be zero')
  return values.map((w) => w / sum)
}

function numbersInOrder(text: string, columns: readonly string[]): Float64Array {
  const parts = list(text)
  if (parts.length !== columns.length)
    throw usage(`--weights has ${parts.length} values for ${columns.length} columns (${columns.join(', ')})`)
  return Float64Array.from(parts, (p, i) => {
    const w = Number(p)
    if (!Number.isFinite(w) || w < 0)
      throw usage(`--weights value ${i + 1} "${p}" is not a non-negative number`)
    return w
  })
}

async function weightsFile(path: string, columns: readonly string[]): Promise<Float64Array> {
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch {
    throw usage(`--weights "${path}": neither a list of numbers nor a readable file`)
  }
  const file = basename(path)
  const t = csvTextToTable(text, file)
  const byName = new Map<string, number>()
  const put = (name: string, raw: string, where: string) => {
    const w = Number(raw)
    if (raw.trim() === '' || !Number.isFinite(w) || w < 0)
      throw usage(`${where}: weight "${raw}" is not a non-negative number`)
    byName.set(name.trim(), w)
  }
  const wi = t.header.findIndex((h) => /^weight$/i.test(h.trim()))
  if (wi >= 0) {
    const ni = wi === 0 ? 1 : 0
    for (const r of t.rows) put(r.cells[ni] ?? '', r.cells[wi] ?? '', `${file}:${r.line}`)
  } else {
    const row = t.rows[0]
    if (!row) throw usage(`${file}: no weights`)
    for (const [i, h] of t.header.entries()) put(h, row.cells[i] ?? '', `${file}:${row.line}:${h}`)
  }
  const missing = columns.filter((c) => !byName.has(c))
  if (missing.length) throw usage(`${file}: no weight for ${missing.join(', ')}`)
  return Float64Array.from(columns, (c) => byName.get(c)!)
}

/** The stamp of a CLI run: options as given, inputs = the file's parsed content. */
export function cliStamp(
  method: string,
  version: string,
  options: Record<string, unknown>,
  inputs: unknown,
): Stamp {
  return makeStamp(method, version, options, inputs)
}

/** JSON with NaN/±Infinity as null and typed arrays as plain arrays. */
export function toJson(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) => {
    if (typeof v === 'number' && !Number.isFinite(v)) return null
    if (ArrayBuffer.isView(v) && !(v instanceof DataView))
      return Array.from(v as unknown as ArrayLike<number>)
    return v
  })
}

/** A matrix as `{ units, columns, rows }` for output. */
export function matrixJson(m: Matrix): {
  units: readonly string[]
  columns: readonly string[]
  rows: number[][]
} {
  const rows: number[][] = []
  for (let i = 0; i < m.rows; i++) rows.push(Array.from(m.data.subarray(i * m.cols, (i + 1) * m.cols)))
  return { units: m.units, columns: m.columns, rows }
}

/** Named per-column values as an object keyed by column. */
export function byColumn(columns: readonly string[], values: ArrayLike<number>): Record<string, number> {
  return Object.fromEntries(columns.map((c, j) => [c, values[j]!]))
}

/** Named per-unit values as an object keyed by unit id. */
export function byUnit(units: readonly string[], values: ArrayLike<number>): Record<string, number> {
  return Object.fromEntries(units.map((u, i) => [u, values[i]!]))
}

export { csvTextToTable }
