/** The editor's tree operations: every edit returns a new tree and leaves the old one as it was (that is the undo). */
import { describe, expect, it } from 'vitest'
import type { PlanNode } from '../../api.ts'
import { findWithParent, mergeNext, move, rename, splitAfter } from './tree-edit.ts'

const n = (id: string, children: PlanNode[] = [], extra: Partial<PlanNode> = {}): PlanNode => ({
  id,
  kind: 'item',
  title_zh: id,
  provinces: [],
  related_national: [],
  targets: [],
  children,
  ...extra,
})
const ids = (t: PlanNode): string[] => [t.id, ...t.children.flatMap(ids)]
const base = () =>
  n('P', [n('P-1', [n('P-1-1'), n('P-1-2', [], { related_national: ['C21-2-3'] })]), n('P-2', [n('P-2-1')])])

describe('tree edits', () => {
  it('rename and move return new trees; the original is untouched', () => {
    const t = base()
    const r = rename(t, 'P-1-1', 'title_zh', '新标题')
    expect(findWithParent(r, 'P-1-1')!.node.title_zh).toBe('新标题')
    expect(findWithParent(t, 'P-1-1')!.node.title_zh).toBe('P-1-1')
    const m = move(t, 'P-2-1', 'P-1-1', false, 'before')
    expect(findWithParent(m, 'P-1')!.node.children.map((c) => c.id)).toEqual(['P-2-1', 'P-1-1', 'P-1-2'])
    expect(ids(m).sort()).toEqual(ids(t).sort())
    // a node cannot move into its own subtree
    expect(move(t, 'P-1', 'P-1-1', true)).toBe(t)
  })

  it('merge keeps the next sibling’s links and children; split adds a new sibling with a fresh id', () => {
    const t = base()
    const merged = mergeNext(t, 'P-1-1')
    const p1 = findWithParent(merged, 'P-1')!.node
    expect(p1.children.map((c) => c.id)).toEqual(['P-1-1'])
    expect(p1.children[0]!.related_national).toEqual(['C21-2-3'])
    const split = splitAfter(splitAfter(t, 'P-2'), 'P-2')
    expect(split.children.map((c) => c.id)).toEqual(['P-1', 'P-2', 'P-2-s3', 'P-2-s2'])
  })
})
