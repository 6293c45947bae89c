/**
 * Approval of a statistics release over a chain of levels, lowest first (e.g. province → national).
 * A submitted release is pending until every level has approved, in order; an approval locks the
 * release against the levels below it; a level may withdraw its approval only while the level
 * above has not acted; the top level approves and then, as a separate step, accepts. These are
 * the rules whose violations were reported against DHIS2's data approval (a level skipped,
 * unapproval under a higher approval, approve-and-accept collapsed into one step).
 */
import { z } from 'zod'
import { isoDateTimeSchema } from './dates.ts'
import { NATIONAL, prefixParent } from './roles.ts'

export const approvalWorkflowSchema = z.object({
  /** Region codes (or level names) lowest first; the last one is the top. */
  levels: z
    .array(z.string().min(1))
    .min(1)
    .refine((l) => new Set(l).size === l.length, { message: 'a level appears twice' }),
  /** Whether the top level accepts after approving (two steps), as for national sign-off. */
  acceptAtTop: z.boolean().default(true),
})
export type ApprovalWorkflow = z.output<typeof approvalWorkflowSchema>

export interface Stamp {
  by: string
  at: string
}

export interface ApprovalState {
  workflow: ApprovalWorkflow
  submitted: Stamp | null
  /** One per workflow level, same order. */
  approvals: (Stamp | null)[]
  accepted: Stamp | null
  lastAt: string | null
}

export type ApprovalStep = 'submit' | 'approve' | 'unapprove' | 'accept' | 'unaccept'

export interface ApprovalRecord {
  step: ApprovalStep
  level: string | null
  actor: string
  at: string
  reason: string | null
}

export const APPROVAL_ERRORS = [
  'already_submitted',
  'not_submitted',
  'unknown_level',
  'skipped_level',
  'already_approved',
  'not_approved',
  'locked_by_higher',
  'accepted',
  'no_accept_step',
  'already_accepted',
  'not_accepted',
  'own_submission',
  'same_actor',
  'bad_time',
  'time_reversed',
] as const
export type ApprovalErrorCode = (typeof APPROVAL_ERRORS)[number]

export type ApprovalResult =
  | { ok: true; state: ApprovalState; record: ApprovalRecord }
  | { ok: false; code: ApprovalErrorCode; message: string }

/** Overall status, as permission rules and public visibility see it. */
export type ReleaseStatus = 'draft' | 'pending' | 'awaiting_acceptance' | 'approved'

export function startApproval(workflow: z.input<typeof approvalWorkflowSchema>): ApprovalState {
  const wf = approvalWorkflowSchema.parse(workflow)
  return { workflow: wf, submitted: null, approvals: wf.levels.map(() => null), accepted: null, lastAt: null }
}

/**
 * Does the chain of levels skip none? Each level must be the parent of the one before it, by the
 * caller's hierarchy: a prefecture's release cannot go straight to the nation past its province.
 */
export function checkChain(
  regionCode: string,
  levels: readonly string[],
  parentOf: (code: string) => string | null,
): { ok: true } | { ok: false; code: 'skipped_level'; message: string } {
  let below = regionCode
  for (const [i, level] of levels.entries()) {
    // The first level may be the release's own region (its own office signs first) or its parent.
    if (level === below && i === 0) continue
    if (parentOf(below) !== level)
      return {
        ok: false,
        code: 'skipped_level',
        message: `${level} is not the level directly above ${below}`,
      }
    below = level
  }
  return { ok: true }
}

export function releaseStatus(s: ApprovalState): ReleaseStatus {
  if (!s.submitted) return 'draft'
  if (s.approvals.some((a) => a === null)) return 'pending'
  return s.workflow.acceptAtTop && !s.accepted ? 'awaiting_acceptance' : 'approved'
}

/** Data may change only while no level has approved. */
export const canEditData = (s: ApprovalState) => s.approvals.every((a) => a === null)

/** Is `level` locked, that is, has a level above it approved? */
export function lockedFor(s: ApprovalState, level: string): boolean {
  const i = s.workflow.levels.indexOf(level)
  return i >= 0 && s.approvals.slice(i + 1).some((a) => a !== null)
}

const fail = (code: ApprovalErrorCode, message: string): ApprovalResult => ({ ok: false, code, message })

function stamped(
  s: ApprovalState,
  step: ApprovalStep,
  level: string | null,
  actor: string,
  at: string,
  change: Partial<ApprovalState>,
  reason?: string,
): ApprovalResult {
  if (!isoDateTimeSchema.safeParse(at).success) return fail('bad_time', `"${at}" is not an ISO timestamp`)
  if (s.lastAt && Date.parse(at) < Date.parse(s.lastAt))
    return fail('time_reversed', `${at} is before ${s.lastAt}`)
  return {
    ok: true,
    state: { ...s, ...change, lastAt: at },
    record: { step, level, actor, at, reason: reason?.trim() || null },
  }
}

export function submit(s: ApprovalState, actor: string, at: string): ApprovalResult {
  if (s.submitted) return fail('already_submitted', 'the release is already submitted')
  return stamped(s, 'submit', null, actor, at, { submitted: { by: actor, at } })
}

export function approve(s: ApprovalState, level: string, actor: string, at: string): ApprovalResult {
  const i = s.workflow.levels.indexOf(level)
  if (i < 0) return fail('unknown_level', `${level} is not a level of this workflow`)
  if (!s.submitted) return fail('not_submitted', 'submit the release first')
  if (s.approvals[i]) return fail('already_approved', `${level} has already approved`)
  const missing = s.workflow.levels.findIndex((_, j) => j < i && !s.approvals[j])
  if (missing >= 0) return fail('skipped_level', `${s.workflow.levels[missing]} has not approved yet`)
  if (actor === s.submitted.by)
    return fail('own_submission', 'the submitter does not approve his own release')
  const approvals = s.approvals.with(i, { by: actor, at })
  return stamped(s, 'approve', level, actor, at, { approvals })
}

export function unapprove(
  s: ApprovalState,
  level: string,
  actor: string,
  at: string,
  reason?: string,
): ApprovalResult {
  const i = s.workflow.levels.indexOf(level)
  if (i < 0) return fail('unknown_level', `${level} is not a level of this workflow`)
  if (!s.approvals[i]) return fail('not_approved', `${level} has not approved`)
  if (lockedFor(s, level))
    return fail('locked_by_higher', `a level above ${level} has approved; it must withdraw first`)
  if (s.accepted) return fail('accepted', 'the top level has accepted; unaccept first')
  const approvals = s.approvals.with(i, null)
  return stamped(s, 'unapprove', level, actor, at, { approvals }, reason)
}

const top = (s: ApprovalState) => s.workflow.levels.at(-1) ?? null

export function accept(s: ApprovalState, actor: string, at: string): ApprovalResult {
  if (!s.workflow.acceptAtTop) return fail('no_accept_step', 'this workflow ends with approval')
  if (s.accepted) return fail('already_accepted', 'already accepted')
  const approved = s.approvals.at(-1)
  if (!approved) return fail('not_approved', 'the top level approves before it accepts')
  // Two steps mean two people: the acceptance checks the approval, it does not repeat it.
  if (actor === approved.by) return fail('same_actor', 'someone other than the approver accepts')
  if (actor === s.submitted?.by)
    return fail('own_submission', 'the submitter does not accept his own release')
  return stamped(s, 'accept', top(s), actor, at, { accepted: { by: actor, at } })
}

export function unaccept(s: ApprovalState, actor: string, at: string, reason?: string): ApprovalResult {
  if (!s.accepted) return fail('not_accepted', 'not accepted')
  return stamped(s, 'unaccept', top(s), actor, at, { accepted: null }, reason)
}

/** The default chain for a region's release: its own office, then each level above it up to the nation. */
export function defaultApprovalChain(region: string): string[] {
  const chain = [region]
  for (let p = prefixParent(region); p; p = prefixParent(p)) chain.push(p)
  if (chain.at(-1) !== NATIONAL) chain.push(NATIONAL)
  return chain
}
