import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { alignPlans } from './alignment.ts'
import { builtinPlan, parseOverlay } from './builtin.ts'
import { type PlanNode, PlanNodeSchema, walk } from './model.ts'

const node = (id: string, kind: string, children: PlanNode[] = [], related: string[] = []): PlanNode =>
  PlanNodeSchema.parse({ id, kind, title_zh: id, children, related_national: related })

describe('alignPlans', () => {
  it('lists implemented items, national items without counterpart and provincial items linked to nothing', () => {
    const national = node('N', 'plan', [
      node('N-1', 'part', [node('N-1-1', 'item'), node('N-1-2', 'item')]),
      node('N-2', 'part', [node('N-2-3', 'item'), node('N-2-4', 'item')]),
    ])
    const provincial = node('P', 'plan', [
      node('P-1', 'part', [
        node('P-1-1', 'item', [node('P-1-1-m1', 'measure')], ['N-1-1']),
        node('P-1-2', 'item', [], ['N-2']), // a link to a part covers its items
      ]),
      node('P-2', 'part', [node('P-2-1', 'item')]),
    ])
    const a = alignPlans(national, provincial)
    expect(a.implemented).toEqual([
      { nationalId: 'N-1-1', by: ['P-1-1'] },
      { nationalId: 'N-2-3', by: ['P-1-2'] },
      { nationalId: 'N-2-4', by: ['P-1-2'] },
    ])
    expect(a.withoutCounterpart).toEqual(['N-1-2'])
    // P-1 holds linked items; P-1-1-m1 inherits its item's link; P-2 and P-2-1 link to nothing
    expect(a.unlinked).toEqual(['P-2', 'P-2-1'])
  })

  it('aligns the built-in Hubei plan with the 2021 national plan', () => {
    const overlay = parseOverlay(JSON.parse(readFileSync('data/policy/targets.json', 'utf8')), 'targets.json')
    const load = (f: string) =>
      builtinPlan(JSON.parse(readFileSync(`data/policy/${f}`, 'utf8')), overlay, f).tree
    const c21 = load('central-2021.json')
    const h19 = load('hubei-2019.json')
    const a = alignPlans(c21, h19)
    // every link stated in the Hubei file is to a national node that exists
    const stated = new Set([...walk(h19)].flatMap(({ node }) => node.related_national))
    const c21Ids = new Set([...walk(c21)].map(({ node }) => node.id))
    expect([...stated].every((id) => c21Ids.has(id))).toBe(true)
    const items = [...walk(c21)].filter(({ node }) => node.kind === 'item').length
    expect(a.implemented.length + a.withoutCounterpart.length).toBe(items)
    expect(a.implemented.map((i) => i.nationalId)).toContain('C21-2-3')
    expect(a.implemented.find((i) => i.nationalId === 'C21-2-3')!.by).toContain('H19-1-1')
  })
})
