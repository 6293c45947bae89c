import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { RULES } from './permissions.ts'
import {
  DONE_STATES,
  eventsFrom,
  isOverdue,
  TASK_EVENTS,
  TASK_STATES,
  type TaskEvent,
  TRANSITIONS,
  taskSchema,
  transition,
} from './tasks.ts'
import { dayAt, sampleTask } from './test-fixtures.ts'

const at = dayAt

describe('task state machine', () => {
  it('runs the whole life cycle with a return, recording every step', () => {
    let task = sampleTask()
    const steps: [TaskEvent, string?][] = [
      ['assign'],
      ['acknowledge'],
      ['start'],
      ['report'],
      ['return', 'evidence missing'],
      ['start'],
      ['report'],
      ['accept'],
      ['close'],
    ]
    const records = steps.map(([event, reason], i) => {
      const r = transition(task, event, 'u1', at(i), reason)
      if (!r.ok) throw new Error(r.code)
      task = r.task
      return `${r.record.from}→${r.record.to}`
    })
    expect(records).toEqual([
      'created→assigned',
      'assigned→acknowledged',
      'acknowledged→in_progress',
      'in_progress→reported',
      'reported→returned',
      'returned→in_progress',
      'in_progress→reported',
      'reported→accepted',
      'accepted→closed',
    ])
    expect(task).toMatchObject({ state: 'closed', acceptedAt: at(7), reportedAt: at(6), updatedAt: at(8) })
  })

  it('allows exactly the eight transitions of the table', () => {
    let legal = 0
    for (const state of TASK_STATES)
      for (const event of TASK_EVENTS) {
        const r = transition(sampleTask({ state }), event, 'u1', at(1), 'because')
        const expected = TRANSITIONS[event].from.includes(state)
        expect({ state, event, ok: r.ok }).toEqual({ state, event, ok: expected })
        if (!r.ok) expect(r.code).toBe('illegal_transition')
        legal += Number(r.ok)
      }
    expect(legal).toBe(8)
  })

  it('gives clear error codes', () => {
    const reported = sampleTask({ state: 'reported', updatedAt: at(5) })
    expect(transition(reported, 'return', 'u1', at(6))).toMatchObject({ ok: false, code: 'reason_required' })
    expect(transition(reported, 'return', 'u1', at(6), '  ')).toMatchObject({
      ok: false,
      code: 'reason_required',
    })
    expect(transition(reported, 'accept', 'u1', at(4))).toMatchObject({ ok: false, code: 'time_reversed' })
    expect(transition(reported, 'accept', '', at(6))).toMatchObject({ ok: false, code: 'actor_required' })
    expect(transition(reported, 'accept', 'u1', 'yesterday')).toMatchObject({ ok: false, code: 'bad_time' })
    expect(transition(reported, 'explode' as TaskEvent, 'u1', at(6))).toMatchObject({
      ok: false,
      code: 'unknown_event',
    })
    const r = transition(sampleTask(), 'close', 'u1', at(1))
    expect(r).toMatchObject({ ok: false, code: 'illegal_transition' })
    if (!r.ok) expect(r.message).toContain('created')
  })

  it('each event needs the permission whose rule allows exactly its from-states', () => {
    for (const event of TASK_EVENTS) {
      const { action, from } = TRANSITIONS[event]
      const states = RULES[action].flatMap((r) => r.states ?? [])
      for (const s of from) expect(states).toContain(s)
    }
  })

  it('lists the events possible from a state', () => {
    expect(eventsFrom('reported')).toEqual(['return', 'accept'])
    expect(eventsFrom('closed')).toEqual([])
  })

  it('is overdue only past the deadline day and until accepted', () => {
    expect(isOverdue(sampleTask({ state: 'in_progress' }), '2025-12-31')).toBe(false)
    expect(isOverdue(sampleTask({ state: 'in_progress' }), '2026-01-01')).toBe(true)
    expect(isOverdue(sampleTask({ state: 'reported' }), '2026-01-01')).toBe(true)
    expect(isOverdue(sampleTask({ state: 'accepted' }), '2026-01-01')).toBe(false)
  })

  it('refuses a deadline before the start', () => {
    expect(taskSchema.safeParse({ ...sampleTask(), deadline: '2024-12-31' }).success).toBe(false)
  })

  it('keeps its invariants under any sequence of events', () => {
    const step = fc.record({
      event: fc.constantFrom(...TASK_EVENTS),
      reason: fc.option(fc.constantFrom('fix the numbers', ''), { nil: undefined }),
      gap: fc.integer({ min: -2, max: 10 }),
    })
    fc.assert(
      fc.property(fc.array(step, { maxLength: 40 }), (steps) => {
        let task = Object.freeze(sampleTask())
        let time = 0
        let closed = false
        for (const { event, reason, gap } of steps) {
          time += gap
          const before = JSON.stringify(task)
          const r = transition(task, event, 'u1', at(time), reason)
          expect(JSON.stringify(task)).toBe(before) // the input is never modified
          if (closed) expect(r.ok).toBe(false) // closed is final
          if (!r.ok) continue
          const rule = TRANSITIONS[event]
          expect(rule.from).toContain(r.record.from)
          expect(r.record).toMatchObject({ from: task.state, to: rule.to, event })
          expect(TASK_STATES).toContain(r.task.state)
          if (task.updatedAt)
            expect(Date.parse(r.task.updatedAt!)).toBeGreaterThanOrEqual(Date.parse(task.updatedAt))
          expect(r.task.acceptedAt !== undefined).toBe(DONE_STATES.includes(r.task.state))
          if (rule.reasonRequired) expect(r.record.reason).toBeTruthy()
          task = Object.freeze(r.task)
          closed = task.state === 'closed'
        }
      }),
    )
  })
})
