/**
 * A plan as Markdown: headings by depth with the number as printed, the wording's status where it
 * is not official, targets as a list under their item. For reading and review, not for import
 * (the JSON export round-trips; this does not carry every field).
 */
import type { PlanNode, Target } from './model.ts'

export function planToMarkdown(root: PlanNode, lang: 'zh' | 'en' = 'zh'): string {
  const out: string[] = []
  const title = (n: PlanNode) => (lang === 'en' && n.title_en ? n.title_en : n.title_zh)
  const visit = (n: PlanNode, depth: number) => {
    const hashes = '#'.repeat(Math.min(6, depth + 1))
    const status = n.title_status && n.title_status !== 'official' ? ` _(${n.title_status})_` : ''
    out.push(`${hashes} ${n.number ? `${n.number} ` : ''}${escapeMd(title(n))}${status}`, '')
    const other = lang === 'en' ? n.title_zh : n.title_en
    if (other) out.push(`> ${escapeMd(other)}`, '')
    if (typeof n.body === 'string' && n.body.trim()) out.push(escapeMd(n.body.trim()), '')
    for (const t of n.targets) out.push(`- ${targetLine(t)}`)
    if (n.targets.length) out.push('')
    for (const c of n.children) visit(c, depth + 1)
  }
  visit(root, 0)
  return `${out.join('\n').trimEnd()}\n`
}

function targetLine(t: Target): string {
  const f = t.target
  const what =
    f.form === 'level'
      ? `${f.op} ${f.value}`
      : f.form === 'reference'
        ? `${f.op} ${f.reference} (${f.compare})`
        : f.form === 'change'
          ? `${f.pct > 0 ? '+' : ''}${f.pct}% vs ${f.base_year ?? t.baseline_year ?? 'base'}`
          : f.form === 'increment'
            ? `+${f.per_year} a year`
            : f.form === 'in_step'
              ? `in step with ${f.with}`
              : 'qualitative'
  const parts = [
    t.indicator ? `\`${t.indicator}\`` : null,
    what,
    t.deadline ? `by ${t.deadline}` : null,
    t.regions.length ? `[${t.regions.join(', ')}]` : null,
    t.proposal ? '**proposal**' : null,
  ].filter(Boolean)
  return `${parts.join(' · ')}${t.text ? ` — ${escapeMd(t.text)}` : ''}`
}

/** Markdown control characters at the start of a line or anywhere that would change the structure. */
function escapeMd(s: string): string {
  return s.replace(/([\\`*_[\]<>#|])/g, '\\$1')
}
