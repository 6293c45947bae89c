/**
 * A parsed draft (parse/) as a plan tree the store keeps (model.ts): titles in the document's
 * language with the wording status "draft", target proposals as targets marked `proposal`, so a
 * planner confirms or edits them before the plan is published.
 */
import type { PlanNode, Target } from './model.ts'
import { PlanNodeSchema, TargetSchema } from './model.ts'
import type { DraftNode, DraftPlan } from './parse/index.ts'
import type { Proposal } from './parse/targets.ts'

export function draftToTree(d: DraftPlan): PlanNode {
  const byNode = new Map<string, Proposal[]>()
  for (const p of d.proposals) byNode.set(p.nodeId, [...(byNode.get(p.nodeId) ?? []), p])
  const convert = (n: DraftNode, depth: number): unknown => ({
    id: n.id,
    kind: depth === 0 ? 'plan' : n.kind,
    ...(depth > 0 ? { number: n.number } : {}),
    title_zh: d.lang === 'zh' ? n.title : '',
    ...(d.lang === 'en' ? { title_en: n.title } : {}),
    title_status: 'draft',
    ...(n.body ? { body: n.body } : {}),
    source_line: n.line,
    targets: (byNode.get(n.id) ?? []).map((p, i) => toTarget(p, `${n.id}#${i}`)),
    children: n.children.map((c) => convert(c, depth + 1)),
  })
  return PlanNodeSchema.parse(convert(d.tree, 0))
}

function toTarget(p: Proposal, id: string): Target {
  const form =
    p.form === 'level' && p.value !== null
      ? { form: 'level', op: '>=', value: p.value }
      : p.form === 'reference'
        ? { form: 'reference', op: '>=', reference: 'CN' }
        : p.form === 'change' && p.value !== null
          ? { form: 'change', pct: p.value }
          : p.form === 'increment' && p.value !== null
            ? { form: 'increment', per_year: p.value }
            : { form: 'qualitative' }
  return TargetSchema.parse({
    id,
    indicator: form.form === 'qualitative' ? null : p.indicator,
    deadline: p.deadline,
    text: p.sentence,
    proposal: true,
    proposed_form: p.form,
    unit: p.unit,
    target: form,
  })
}
