import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  type ApprovalResult,
  type ApprovalState,
  accept,
  approve,
  canEditData,
  checkChain,
  lockedFor,
  releaseStatus,
  startApproval,
  submit,
  unaccept,
  unapprove,
} from './approval.ts'
import { prefixParent } from './roles.ts'
import { dayAt } from './test-fixtures.ts'

const ok = (r: ApprovalResult): ApprovalState => {
  if (!r.ok) throw new Error(`${r.code}: ${r.message}`)
  return r.state
}

/** A Hubei release: the Hubei statistics office approves, then the national bureau. */
const submitted = () => ok(submit(startApproval({ levels: ['42', 'CN'] }), 'loader', dayAt(0)))
const provinceApproved = () => ok(approve(submitted(), '42', 'hubei-head', dayAt(1)))
const nationApproved = () => ok(approve(provinceApproved(), 'CN', 'nbs-approver', dayAt(2)))

describe('approval over a level chain', () => {
  it('is pending until every level approves in order, then awaits acceptance, then is approved', () => {
    const s0 = startApproval({ levels: ['42', 'CN'] })
    expect(releaseStatus(s0)).toBe('draft')
    expect(releaseStatus(submitted())).toBe('pending')
    expect(releaseStatus(provinceApproved())).toBe('pending')
    expect(releaseStatus(nationApproved())).toBe('awaiting_acceptance')
    const done = ok(accept(nationApproved(), 'nbs-director', dayAt(3)))
    expect(releaseStatus(done)).toBe('approved')
  })

  it('DHIS2 case 1: a level cannot be skipped', () => {
    expect(approve(submitted(), 'CN', 'nbs-approver', dayAt(2))).toMatchObject({
      ok: false,
      code: 'skipped_level',
    })
    expect(approve(startApproval({ levels: ['42', 'CN'] }), '42', 'x', dayAt(1))).toMatchObject({
      code: 'not_submitted',
    })
  })

  it('DHIS2 case 2: no unapproval below a higher approval; the higher level withdraws first', () => {
    const s = nationApproved()
    expect(lockedFor(s, '42')).toBe(true)
    expect(unapprove(s, '42', 'hubei-head', dayAt(3))).toMatchObject({ ok: false, code: 'locked_by_higher' })
    const withdrawn = ok(unapprove(s, 'CN', 'nbs-approver', dayAt(3), '数据口径待核实'))
    expect(lockedFor(withdrawn, '42')).toBe(false)
    const back = ok(unapprove(withdrawn, '42', 'hubei-head', dayAt(4)))
    expect(canEditData(back)).toBe(true)
    expect(releaseStatus(back)).toBe('pending')
  })

  it('DHIS2 case 3: approve and accept are two steps by two people at the top', () => {
    expect(accept(provinceApproved(), 'nbs-director', dayAt(3))).toMatchObject({ code: 'not_approved' })
    expect(accept(nationApproved(), 'nbs-approver', dayAt(3))).toMatchObject({ code: 'same_actor' })
    const accepted = ok(accept(nationApproved(), 'nbs-director', dayAt(3)))
    expect(accept(accepted, 'someone', dayAt(4))).toMatchObject({ code: 'already_accepted' })
    expect(unapprove(accepted, 'CN', 'nbs-approver', dayAt(4))).toMatchObject({ code: 'accepted' })
    const unaccepted = ok(unaccept(accepted, 'nbs-director', dayAt(4), 'revision coming'))
    expect(releaseStatus(unaccepted)).toBe('awaiting_acceptance')
    expect(unapprove(unaccepted, 'CN', 'nbs-approver', dayAt(5)).ok).toBe(true)
  })

  it('a workflow without the accept step ends at the top approval', () => {
    let s = ok(submit(startApproval({ levels: ['42', 'CN'], acceptAtTop: false }), 'loader', dayAt(0)))
    s = ok(approve(s, '42', 'a', dayAt(1)))
    s = ok(approve(s, 'CN', 'b', dayAt(2)))
    expect(releaseStatus(s)).toBe('approved')
    expect(accept(s, 'c', dayAt(3))).toMatchObject({ code: 'no_accept_step' })
  })

  it('locks data at the first approval and refuses repeats, strangers and time travel', () => {
    expect(canEditData(submitted())).toBe(true)
    expect(canEditData(provinceApproved())).toBe(false)
    expect(approve(provinceApproved(), '42', 'x', dayAt(2))).toMatchObject({ code: 'already_approved' })
    expect(approve(submitted(), '43', 'x', dayAt(2))).toMatchObject({ code: 'unknown_level' })
    expect(approve(submitted(), '42', 'loader', dayAt(2))).toMatchObject({ code: 'own_submission' })
    expect(approve(submitted(), '42', 'x', '2024-01-01T00:00:00Z')).toMatchObject({ code: 'time_reversed' })
    expect(unapprove(submitted(), '42', 'x', dayAt(2))).toMatchObject({ code: 'not_approved' })
    expect(submit(submitted(), 'loader', dayAt(2))).toMatchObject({ code: 'already_submitted' })
    expect(() => startApproval({ levels: ['42', '42'] })).toThrow()
  })

  it('returns a record for the audit trail', () => {
    const r = unapprove(nationApproved(), 'CN', 'nbs-approver', dayAt(3), ' 口径 ')
    expect(r).toMatchObject({
      ok: true,
      record: { step: 'unapprove', level: 'CN', actor: 'nbs-approver', reason: '口径' },
    })
  })

  it('checks that a chain skips no level of the hierarchy', () => {
    expect(checkChain('4201', ['42', 'CN'], prefixParent)).toEqual({ ok: true })
    expect(checkChain('42', ['42', 'CN'], prefixParent)).toEqual({ ok: true })
    expect(checkChain('4201', ['4201', '42', 'CN'], prefixParent)).toEqual({ ok: true })
    expect(checkChain('4201', ['CN'], prefixParent)).toMatchObject({ ok: false, code: 'skipped_level' })
    expect(checkChain('420102', ['42', 'CN'], prefixParent)).toMatchObject({
      ok: false,
      code: 'skipped_level',
    })
    expect(checkChain('42', ['CN', '42'], prefixParent)).toMatchObject({ ok: false })
  })

  it('property: approvals always form a prefix of the chain, and acceptance needs them all', () => {
    const levels = ['420102', '4201', '42', 'CN']
    const op = fc.record({
      kind: fc.constantFrom('approve', 'unapprove', 'accept', 'unaccept'),
      level: fc.constantFrom(...levels),
      actor: fc.constantFrom('a', 'b', 'c', 'loader'),
    })
    fc.assert(
      fc.property(fc.array(op, { maxLength: 40 }), (ops) => {
        let s = ok(submit(startApproval({ levels }), 'loader', dayAt(0)))
        for (const [i, o] of ops.entries()) {
          const t = dayAt(i + 1)
          const r =
            o.kind === 'approve'
              ? approve(s, o.level, o.actor, t)
              : o.kind === 'unapprove'
                ? unapprove(s, o.level, o.actor, t)
                : o.kind === 'accept'
                  ? accept(s, o.actor, t)
                  : unaccept(s, o.actor, t)
          if (!r.ok) continue
          s = r.state
          const flags = s.approvals.map((a) => a !== null)
          const n = flags.filter(Boolean).length
          expect(flags).toEqual(levels.map((_, j) => j < n))
          if (s.accepted) expect(n).toBe(levels.length)
          expect(s.approvals.every((a) => a?.by !== 'loader')).toBe(true)
        }
      }),
    )
  })
})
