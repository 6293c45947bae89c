/**
 * Target proposals from sentences with a deadline and a number or a comparator — "到2025年…研发经费
 * 投入强度达到全国平均水平", "下降13.5%", "年均提高1个百分点", "by 2025 … reach the national average".
 * A proposal is for a person to confirm: it carries its sentence, the guessed form, the number
 * and unit, the deadline, and an indicator key only when a catalogue name occurs in the sentence.
 */
export type ProposalForm = 'level' | 'reference' | 'change' | 'increment' | 'in_step' | 'qualitative'

export interface Proposal {
  nodeId: string
  line: number
  sentence: string
  deadline: number | null
  form: ProposalForm
  value: number | null
  unit: string | null
  indicator: string | null
}

export interface CatalogueName {
  key: string
  nameZh: string
  nameEn: string
}

const DEADLINE = /(?:到|至|截至|于)?\s*(20[2-9]\d)\s*年|\bby\s+(?:the\s+end\s+of\s+)?(20[2-9]\d)\b/i
const NUMBER =
  /(-?\d+(?:\.\d+)?)\s*(%|％|个百分点|percentage points?|per\s?cent|万亿元|亿元|万元|万人|万|亿|元|吨|千米|公里|km|GW|个)?/i

export function proposeTargets(
  sentence: string,
  nodeId: string,
  line: number,
  catalogue: readonly CatalogueName[] = [],
): Proposal | null {
  const d = DEADLINE.exec(sentence)
  const deadline = d ? Number(d[1] ?? d[2]) : null
  const s = deadline ? sentence.replace(DEADLINE, ' ') : sentence
  const form = formOf(s)
  const n = NUMBER.exec(s.replace(/20[2-9]\d\s*年/g, ''))
  const value = n ? Number(n[1]) : null
  if (deadline === null && (form === 'qualitative' || value === null)) return null
  if (deadline === null && form === 'level') return null
  const unit = n?.[2] ? n[2].replace('％', '%') : null
  const signed =
    form === 'change' && value !== null && /下降|降低|减少|decreas|reduc|cut|down|fall/i.test(s)
      ? -Math.abs(value)
      : value
  return {
    nodeId,
    line,
    sentence: sentence.trim().slice(0, 300),
    deadline,
    form,
    value: form === 'reference' || form === 'in_step' ? null : signed,
    unit,
    indicator: guessIndicator(sentence, catalogue),
  }
}

function formOf(s: string): ProposalForm {
  if (/全国平均|national average|平均水平/i.test(s)) return 'reference'
  if (/同步|in step|in line with .*growth/i.test(s)) return 'in_step'
  if (
    /(每年|年均|annual(ly)?|a year|per year).{0,12}(提高|增长|增加|提升|increase|rise|raise)|(提高|增长|increase|rise).{0,12}(每年|a year|per year)/i.test(
      s,
    ) &&
    /百分点|percentage point/i.test(s)
  )
    return 'increment'
  if (
    /(下降|降低|减少|增长|提高)\s*\d|\d+(\.\d+)?\s*(%|％)\s*(以上)?.{0,4}(下降|降低|减少)|(decreas|reduc|cut|fall|down|increase|rise)\w*\s+(by\s+)?\d/i.test(
      s,
    )
  )
    return 'change'
  if (
    /(达到|超过|不低于|不少于|突破|力争|reach|exceed|at least|more than|above)\s*[^，。,;；]{0,20}\d/i.test(s)
  )
    return 'level'
  return 'qualitative'
}

function guessIndicator(sentence: string, catalogue: readonly CatalogueName[]): string | null {
  let best: { key: string; len: number } | null = null
  for (const c of catalogue)
    for (const name of [c.nameZh, c.nameEn]
      .map((x) => x.replace(/[(（].*?[)）]/g, '').trim())
      .filter((x) => x.length >= 4))
      if (sentence.toLowerCase().includes(name.toLowerCase()) && (!best || name.length > best.len))
        best = { key: c.key, len: name.length }
  return best?.key ?? null
}

/**
 * Proposals from the clauses of one sentence: "到2025年，A下降13.5%，B年均提高1个百分点" holds two
 * targets; the deadline stated once applies to every clause after it.
 */
export function clauseTargets(
  sentence: string,
  nodeId: string,
  line: number,
  catalogue: readonly CatalogueName[] = [],
): Proposal[] {
  const whole = proposeTargets(sentence, nodeId, line, catalogue)
  const clauses = sentence.split(/[，,、](?=[^，,、]{4,})/)
  if (clauses.length < 2) return whole ? [whole] : []
  const d = DEADLINE.exec(sentence)
  const deadline = d ? Number(d[1] ?? d[2]) : null
  const out: Proposal[] = []
  for (const clause of clauses) {
    const p = proposeTargets(
      deadline && !DEADLINE.test(clause) ? `${clause}（${deadline}年）` : clause,
      nodeId,
      line,
      catalogue,
    )
    if (p && (p.form !== 'qualitative' || p.value !== null))
      out.push({ ...p, sentence: sentence.trim().slice(0, 300) })
  }
  return out.length ? out : whole ? [whole] : []
}

/** Sentences of a text (Chinese and English stops). */
export function sentences(text: string): string[] {
  return text
    .split(/(?<=[。；！？!?;])|(?<=\.)\s+(?=[A-Z])/)
    .map((x) => x.trim())
    .filter(Boolean)
}
