/** Every code the domain core can refuse with has a message in the server catalogue. */
import { describe, expect, it } from 'vitest'
import { catalogueEntries } from '../i18n/server-messages.ts'
import { PERIOD_STATES } from '../sharing/reconcile.ts'
import { APPROVAL_ERRORS } from '../supervision/approval.ts'
import { EVIDENCE_ERRORS } from '../supervision/evidence.ts'
import { DENY_REASONS } from '../supervision/permissions.ts'
import { REPORT_ERRORS } from '../supervision/reports.ts'
import { TASK_EVENTS, TASK_STATES, TRANSITION_ERRORS } from '../supervision/tasks.ts'

describe('domain codes in the server catalogue', () => {
  const keys = new Set(catalogueEntries().map((e) => e.key))
  it.each([
    ['transition', TRANSITION_ERRORS],
    ['report', REPORT_ERRORS],
    ['evidence', EVIDENCE_ERRORS],
    ['approval', APPROVAL_ERRORS],
    ['deny', DENY_REASONS],
    ['task_state', TASK_STATES],
    ['task_event', TASK_EVENTS],
    ['period_state', PERIOD_STATES],
  ] as const)('%s', (prefix, codes) => {
    for (const code of codes) expect(keys.has(`${prefix}.${code}`), `${prefix}.${code}`).toBe(true)
  })
})
