/**
 * A tamper-evident audit trail: each entry's hash covers its content and the previous entry's
 * hash, so editing, deleting, reordering or inserting an entry breaks the chain where it was done.
 * `verifyChain` names the first bad sequence number and the most likely kind of tampering. A
 * rewrite of the tail with every hash recomputed (or a truncated tail) is only caught against a
 * checkpoint kept elsewhere, which `verifyChain` accepts as an anchor.
 */
import { createHash } from 'node:crypto'
import type { AuditEvent } from './audit-events.ts'

export type AuditEntry = AuditEvent & { seq: number; prevHash: string; hash: string }

export const GENESIS_HASH = '0'.repeat(64)

/** JSON with object keys sorted at every depth, so equal content always hashes equally. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`
  }
  return JSON.stringify(value) ?? 'null'
}

export function entryHash(entry: Omit<AuditEntry, 'hash'> | AuditEntry): string {
  const { hash: _ignored, ...rest } = entry as AuditEntry
  return createHash('sha256').update(canonicalJson(rest)).digest('hex')
}

/** The next entry after `prev` (null for the first), with its sequence number and hashes. */
export function appendEntry(prev: AuditEntry | null, event: AuditEvent): AuditEntry {
  const unhashed = { ...event, seq: prev ? prev.seq + 1 : 1, prevHash: prev ? prev.hash : GENESIS_HASH }
  return { ...unhashed, hash: entryHash(unhashed) } as AuditEntry
}

export type TamperKind = 'edited' | 'deleted' | 'reordered' | 'inserted'
export type ChainCheck = { ok: true; count: number } | { ok: false; firstBadSeq: number; reason: TamperKind }

/** A checkpoint published outside the store: the hash the chain had at `seq`. */
export interface Anchor {
  seq: number
  hash: string
}

/** Does `entry` correctly follow `prev` (null = the chain's start)? */
function follows(prev: AuditEntry | null, entry: AuditEntry): boolean {
  return (
    entry.seq === (prev ? prev.seq + 1 : 1) &&
    entry.prevHash === (prev ? prev.hash : GENESIS_HASH) &&
    entry.hash === entryHash(entry)
  )
}

/** Is the list a valid chain from index `from` on, given the entry before it? */
function validFrom(list: readonly AuditEntry[], from: number, prev: AuditEntry | null): boolean {
  let p = prev
  for (let i = from; i < list.length; i++) {
    const e = list[i]!
    if (!follows(p, e)) return false
    p = e
  }
  return true
}

/** Check a whole chain from seq 1, optionally against an external checkpoint. */
export function verifyChain(entries: readonly AuditEntry[], anchor?: Anchor): ChainCheck {
  let prev: AuditEntry | null = null
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i]!
    if (!follows(prev, e)) return { ok: false, ...diagnose(entries, i, prev) }
    prev = e
  }
  if (anchor) {
    const at = entries.find((e) => e.seq === anchor.seq)
    if (!at) return { ok: false, firstBadSeq: (prev?.seq ?? 0) + 1, reason: 'deleted' }
    if (at.hash !== anchor.hash) return { ok: false, firstBadSeq: anchor.seq, reason: 'edited' }
  }
  return { ok: true, count: entries.length }
}

/** Name what went wrong at index `i`, the first entry that does not follow its predecessor. */
function diagnose(
  entries: readonly AuditEntry[],
  i: number,
  prev: AuditEntry | null,
): { firstBadSeq: number; reason: TamperKind } {
  const e = entries[i]!
  const expected = prev ? prev.seq + 1 : 1
  const rest = [...entries.slice(0, i), ...entries.slice(i + 1)]
  const last = rest.at(-1) ?? null
  // Without this entry the rest is a valid chain: it is extra, unless it is simply the old last
  // entry moved up (then it would validly extend the rest, and the change is an order change).
  if (i < entries.length - 1 && validFrom(rest, i, prev)) {
    const movedLast = follows(last, e)
    return movedLast
      ? { firstBadSeq: expected, reason: 'reordered' }
      : { firstBadSeq: e.seq, reason: 'inserted' }
  }
  if (e.hash !== entryHash(e)) return { firstBadSeq: expected, reason: 'edited' }
  const prevHash = prev ? prev.hash : GENESIS_HASH
  // Intact, in place, yet unlinked: its predecessor was rewritten and re-hashed.
  if (e.seq === expected) return { firstBadSeq: prev ? prev.seq : e.seq, reason: 'edited' }
  // Linked to its predecessor yet numbered wrongly: its number was rewritten and re-hashed.
  if (e.prevHash === prevHash) return { firstBadSeq: expected, reason: 'edited' }
  if (entries.filter((x) => x.seq === e.seq).length > 1) return { firstBadSeq: e.seq, reason: 'inserted' }
  if (entries.some((x) => x.seq === expected)) return { firstBadSeq: expected, reason: 'reordered' }
  return { firstBadSeq: expected, reason: 'deleted' }
}
