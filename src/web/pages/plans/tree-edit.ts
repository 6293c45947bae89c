/** Pure edits of a plan tree for the editor: each returns a new tree, so undo is keeping the old one. */
import type { PlanNode } from '../../api.ts'

const clone = (t: PlanNode): PlanNode => structuredClone(t)

export function findWithParent(
  t: PlanNode,
  id: string,
  parent: PlanNode | null = null,
): { node: PlanNode; parent: PlanNode | null } | null {
  if (t.id === id) return { node: t, parent }
  for (const c of t.children) {
    const f = findWithParent(c, id, t)
    if (f) return f
  }
  return null
}

export function rename(t: PlanNode, id: string, field: 'title_zh' | 'title_en', value: string): PlanNode {
  const out = clone(t)
  const f = findWithParent(out, id)
  if (f) f.node[field] = value
  return out
}

/** Move `id` to be a child of `target` (dropToGap false) or its sibling at `index` under target's parent. */
export function move(
  t: PlanNode,
  id: string,
  targetId: string,
  asChild: boolean,
  position: 'before' | 'after' = 'after',
): PlanNode {
  const out = clone(t)
  const from = findWithParent(out, id)
  if (!from?.parent || id === targetId || findWithParent(from.node, targetId)) return t
  from.parent.children = from.parent.children.filter((c) => c.id !== id)
  const to = findWithParent(out, targetId)
  if (!to) return t
  if (asChild) to.node.children.unshift(from.node)
  else if (to.parent) {
    const i = to.parent.children.findIndex((c) => c.id === targetId)
    to.parent.children.splice(position === 'before' ? i : i + 1, 0, from.node)
  }
  return out
}

/** Merge the next sibling into `id`: its body, targets, links and children follow; the sibling goes. */
export function mergeNext(t: PlanNode, id: string): PlanNode {
  const out = clone(t)
  const f = findWithParent(out, id)
  if (!f?.parent) return t
  const i = f.parent.children.findIndex((c) => c.id === id)
  const next = f.parent.children[i + 1]
  if (!next) return t
  f.node.targets.push(...next.targets)
  f.node.children.push(...next.children)
  f.node.related_national = [...new Set([...f.node.related_national, ...next.related_national])]
  const body = [(f.node as PlanNode & { body?: string }).body, (next as PlanNode & { body?: string }).body]
    .filter(Boolean)
    .join('\n')
  if (body) (f.node as PlanNode & { body?: string }).body = body
  f.parent.children.splice(i + 1, 1)
  return out
}

/** Split: a new empty sibling after `id` (same kind), for the second half of what it held. */
export function splitAfter(t: PlanNode, id: string): PlanNode {
  const out = clone(t)
  const f = findWithParent(out, id)
  if (!f?.parent) return t
  const ids = new Set<string>()
  const walk = (n: PlanNode) => {
    ids.add(n.id)
    n.children.forEach(walk)
  }
  walk(out)
  let k = 2
  while (ids.has(`${id}-s${k}`)) k++
  const sibling: PlanNode = {
    ...f.node,
    id: `${id}-s${k}`,
    title_zh: `${f.node.title_zh}（拆分）`,
    targets: [],
    children: [],
    related_national: [],
    provinces: [],
  }
  const i = f.parent.children.findIndex((c) => c.id === id)
  f.parent.children.splice(i + 1, 0, sibling)
  return out
}

export function update(t: PlanNode, id: string, change: (n: PlanNode) => void): PlanNode {
  const out = clone(t)
  const f = findWithParent(out, id)
  if (f) change(f.node)
  return out
}
