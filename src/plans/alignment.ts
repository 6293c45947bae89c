/**
 * Alignment of a provincial (or speech) plan with the national plan it implements, from the
 * `related_national` links of its nodes: which national items it implements (and by which of its
 * items), which national items have no counterpart, and which of its own items link to nothing.
 * Only items (not parts, measures or goals) of the national plan are expected to have
 * counterparts; a link to a part counts for every item under it.
 */
import { type PlanNode, walk } from './model.ts'

export interface Alignment {
  national: string
  provincial: string
  implemented: { nationalId: string; by: string[] }[]
  withoutCounterpart: string[]
  unlinked: string[]
}

/** National node kinds that a provincial plan is expected to cover. */
const COVERED_KINDS = new Set(['item'])

export function alignPlans(national: PlanNode, provincial: PlanNode): Alignment {
  const parentOf = new Map<string, string | null>()
  const nationalNodes = new Map<string, PlanNode>()
  for (const { node, parent } of walk(national)) {
    parentOf.set(node.id, parent)
    nationalNodes.set(node.id, node)
  }
  const by = new Map<string, Set<string>>()
  const unlinked: string[] = []
  for (const { node, depth } of walk(provincial)) {
    if (depth === 0) continue
    const links = node.related_national.filter((id) => nationalNodes.has(id))
    if (links.length === 0 && !hasLinkedAncestorOrChild(node)) unlinked.push(node.id)
    for (const id of links) for (const covered of coveredBy(nationalNodes.get(id)!)) add(by, covered, node.id)
  }
  const items = [...nationalNodes.values()].filter((n) => COVERED_KINDS.has(n.kind)).map((n) => n.id)
  return {
    national: national.id,
    provincial: provincial.id,
    implemented: items.filter((id) => by.has(id)).map((id) => ({ nationalId: id, by: [...by.get(id)!] })),
    withoutCounterpart: items.filter((id) => !by.has(id)),
    unlinked: unlinked.filter((id) => !isInsideLinked(id, provincial)),
  }
}

function add(m: Map<string, Set<string>>, k: string, v: string) {
  const s = m.get(k) ?? new Set<string>()
  s.add(v)
  m.set(k, s)
}

/** A link to a node covers that node if it is an item, or every item beneath it. */
function coveredBy(n: PlanNode): string[] {
  return [...walk(n)].filter(({ node }) => COVERED_KINDS.has(node.kind)).map(({ node }) => node.id)
}

/** A provincial part whose items carry the links is not itself "unlinked". */
function hasLinkedAncestorOrChild(n: PlanNode): boolean {
  return [...walk(n)].some(({ node }) => node !== n && node.related_national.length > 0)
}

/** Measures under a linked item inherit its link. */
function isInsideLinked(id: string, root: PlanNode): boolean {
  const stack: { node: PlanNode; linked: boolean }[] = [{ node: root, linked: false }]
  while (stack.length) {
    const { node, linked } = stack.pop()!
    if (node.id === id) return linked
    for (const c of node.children) stack.push({ node: c, linked: linked || node.related_national.length > 0 })
  }
  return false
}
