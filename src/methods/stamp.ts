import { createHash } from 'node:crypto'

/**
 * Reproducibility stamp carried by every evaluation result: which method and version produced
 * it, with which options, from which data releases, and a hash of the exact inputs, so that a
 * published score can be traced and recomputed.
 */
export interface Stamp {
  method: string
  version: string
  options: Record<string, unknown>
  releases: string[]
  inputHash: string
}

/** Canonical JSON: object keys sorted, typed arrays as plain arrays, NaN as null. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (ArrayBuffer.isView(v) && !(v instanceof DataView))
      return Array.from(v as unknown as ArrayLike<number>)
    if (typeof v === 'number' && !Number.isFinite(v)) return null
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      return Object.fromEntries(
        Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)),
      )
    }
    return v
  })
}

export function hashInputs(inputs: unknown): string {
  return `sha256:${createHash('sha256').update(canonicalJson(inputs)).digest('hex')}`
}

export function makeStamp(
  method: string,
  version: string,
  options: Record<string, unknown>,
  inputs: unknown,
  releases: string[] = [],
): Stamp {
  return { method, version, options, releases, inputHash: hashInputs(inputs) }
}
