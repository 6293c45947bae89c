/**
 * Checks on an edited plan tree before it is saved as a version: unique node ids, target
 * indicators that exist in the catalogue, links to national nodes that exist. Every problem is
 * named by node and field. Pure: the caller passes what exists.
 */
import { duplicateIds, type PlanNode, walk } from './model.ts'

export function treeProblems(
  tree: PlanNode,
  known: { indicators: ReadonlySet<string>; nationalNodes: ReadonlySet<string> },
): string[] {
  const problems = duplicateIds(tree).map((id) => `node ${id}: the id appears more than once`)
  for (const { node } of walk(tree)) {
    for (const t of node.targets) {
      if (t.indicator !== null && !known.indicators.has(t.indicator))
        problems.push(`node ${node.id}, target ${t.id}: unknown indicator "${t.indicator}"`)
      const f = t.target
      if (f.form === 'in_step' && !known.indicators.has(f.with))
        problems.push(`node ${node.id}, target ${t.id}: unknown indicator "${f.with}" to be in step with`)
    }
    for (const link of node.related_national)
      if (!known.nationalNodes.has(link))
        problems.push(`node ${node.id}: linked national node "${link}" does not exist`)
  }
  return problems
}

/** Ids of nodes whose content differs between two versions (added, removed or changed). */
export function changedNodes(before: PlanNode | null, after: PlanNode): string[] {
  const flat = (t: PlanNode | null) =>
    new Map(
      t
        ? [...walk(t)].map(({ node, parent }) => [
            node.id,
            JSON.stringify({ ...node, children: node.children.map((c) => c.id), parent }),
          ])
        : [],
    )
  const a = flat(before)
  const b = flat(after)
  const ids = new Set([...a.keys(), ...b.keys()])
  return [...ids].filter((id) => a.get(id) !== b.get(id)).sort()
}
