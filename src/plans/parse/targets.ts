/**
 * Target proposals from the sentences of a policy text: "到2025年…研发经费投入强度达到全国平均水平",
 * "单位地区生产总值能耗比2020年下降13.5%", "常住人口城镇化率每年提高1个百分点", "by 2025 … reach the
 * national average". A proposal is for a person to confirm: it carries its sentence, the guessed
 * comparator kind, the number and unit, the deadline, the base year and reference where printed, and
 * an indicator key only when a catalogue name is found in the clause.
 *
 * Comparator kinds (`form`):
 *   level      a fixed level: 达到/超过/不低于/控制在/保持在 X, X以上, reach/exceed/at least X
 *   reference  reach a reference: 达到全国平均水平, 高于全国平均, reach the national average
 *   change     change against a base: 下降13.5%, 比2020年提高10%, reduce by 13.5% (signed: a fall
 *              is negative); `annual` when it is a yearly rate (年均增长7%)
 *   increment  a yearly step in percentage points or units: 每年提高1个百分点, 1 percentage point a year
 *   in_step    in step with another quantity: 与经济增长基本同步, in step with economic growth
 *   qualitative  a deadline without a number: 到2035年基本实现社会主义现代化
 *
 * Deadlines: 到/至/力争到 2025年(底), 2025年前, "十四五"末 (the 13th/14th/15th Five-Year Plans end
 * in 2020/2025/2030), by (the end of / the year) 2025, before 2025, "will … in 2025". A year
 * without such a marker ("2024年3月20日") is a date, not a deadline. Years, dates and numbers glued
 * to letters ("5G") are never the target value.
 *
 * Past figures are never proposed (a plan reviews where it stands before it says where it goes):
 * - a clause that names a year that is neither its deadline nor the base of a change ("2020年全省
 *   GDP为…", "In 2011, GDP reached …") gives nothing, and neither do the clauses after it (or after
 *   a clause in the past, below) in the same sentence until one states its own deadline
 *   ("2020年，全省GDP达到…", "“十三五”以来，粮食产量稳定在…");
 * - a number tied to such a year is skipped even in a clause with a deadline: "由2020年的58.8%提高到
 *   2025年的62%" and "from 58% in 2020 to 65% by 2025" propose 62 and 65;
 * - a clause in the perfect or past, or reporting a period: 已/已经…, 达到了/下降了…, 截至 (as of),
 *   …以来 (since), 同比, 较上年, 上半年, 近年; "was", "were", "had", without will/should/aim…; "has reached", "rose", "increased by"
 *   when no deadline governs the clause (under "By 2025, …" machine translations write goals so).
 * A base year (比2020年, 较2020年, compared with 2020, over 2015) makes a change target, not a past figure.
 *
 * Indicator guess: a catalogue name matches a clause when at least half of its character bigrams
 * (Chinese; words in English) occur in the clause, after R&D/研究与试验发展/研发 are made one word
 * and bracketed notes are dropped; among matches the one with most matched bigrams wins (a tie
 * keeps the earlier catalogue entry).
 */
export type ProposalForm = 'level' | 'reference' | 'change' | 'increment' | 'in_step' | 'qualitative'

export interface Proposal {
  nodeId: string
  line: number
  /** the whole sentence, for the person who confirms */
  sentence: string
  /** the clause the number was read from */
  clause: string
  deadline: number | null
  /** the deadline was stated in an earlier sentence of the paragraph ("By 2025, … . X should …") */
  deadlineInferred: boolean
  form: ProposalForm
  value: number | null
  unit: string | null
  /** a yearly rate (年均, annual average) */
  annual: boolean
  /** the base year of a change ("比2020年下降"), when printed */
  base: number | null
  /** the reference of a `reference` or `in_step` target, as printed */
  reference: string | null
  indicator: string | null
}

export interface CatalogueName {
  key: string
  name_zh: string
  name_en: string
}

const FYP: Record<string, number> = {
  十三五: 2020,
  十四五: 2025,
  十五五: 2030,
  '13th': 2020,
  '14th': 2025,
  '15th': 2030,
}

const DEADLINES: { re: RegExp; year: (m: RegExpExecArray) => number }[] = [
  {
    re: /(?<!截)(?:到|至|力争到?|争取到?|预计到)\s*(20\d{2})\s*年(?:底|末)?/,
    year: (m) => Number(m[1]),
  },
  { re: /(20\d{2})\s*年(?:底|末)?(?:前|以前|之前)/, year: (m) => Number(m[1]) },
  {
    re: /(十[三四五]五)["”]?(?:规划)?(?:时期|期)?末/,
    year: (m) => FYP[m[1]!]!,
  },
  {
    re: /\b(?:by|before|no later than|until)\s+(?:the\s+end\s+of\s+(?:the\s+year\s+)?|the\s+year\s+|end[\s-]+)?(20\d{2})\b/i,
    year: (m) => Number(m[1]),
  },
  {
    re: /\bby\s+the\s+end\s+of\s+the\s+(13th|14th|15th)\s+Five-Year\s+Plan/i,
    year: (m) => FYP[m[1]!.toLowerCase()]!,
  },
  {
    // "will reach 65% in 2025", "In 2025 the rate will reach …": a future year (not across a comma)
    re: /(?<=\b(?:will|shall|should|is\s+to|are\s+to|aims?\s+to|strives?\s+to)\b[^.;,]*?)\bin\s+(20\d{2})\b|\bin\s+(20\d{2})\b(?=\s*,?[^.;,]*\b(?:will|shall|should)\b)/i,
    year: (m) => Number(m[1] ?? m[2]),
  },
]

export function findDeadline(s: string): { year: number; text: string } | null {
  for (const d of DEADLINES) {
    const m = d.re.exec(s)
    if (m) return { year: d.year(m), text: m[0] }
  }
  return null
}

const UNIT =
  '%|个百分点|百分点|percentage points?|pp|per\\s?cent|万亿元|亿元|万元|元|万人次|万人|人|万吨|亿吨|吨|万千瓦|千瓦|GW|MW|万公里|公里|千米|km|万亩|亩|万户|户|万个|个|万家|家|所|座|亿斤|万公顷|公顷|岁|天|小时|倍|trillion yuan|billion yuan|million yuan|yuan|trillion|billion|million|hectares|tonnes|tons|kilometres|kilometers|years?'
/** A number with its unit (tried longest first). */
const NUMBER = new RegExp(`(?<![\\d.A-Za-z])(-?\\d+(?:,\\d{3})*(?:\\.\\d+)?)\\s*(${UNIT})?`, 'gi')

/** Dates and years, which never carry a target value. */
const DATE =
  /(?:19|20)\d{2}\s*年(?:\d{1,2}\s*月)?(?:\d{1,2}\s*日)?|\d{1,2}\s*月\s*\d{1,2}\s*日|\b(?:19|20)\d{2}\b/g

interface Num {
  value: number
  unit: string | null
  at: number
}

/** The numbers of a clause, without years, dates and numbers glued to letters ("5G"). */
function numbers(s: string): Num[] {
  const blanked = s.replace(DATE, (d) => ' '.repeat(d.length))
  const out: Num[] = []
  for (const m of blanked.matchAll(NUMBER)) {
    const after = blanked.slice((m.index ?? 0) + m[0].length)
    const unit = m[2] && !/^[A-Za-z]/.test(after) ? normalUnit(m[2]) : null
    if (!unit && /^\s*[年月日号]|^[A-Za-z]/.test(blanked.slice((m.index ?? 0) + m[1]!.length))) continue
    out.push({ value: Number(m[1]!.replace(/,/g, '')), unit, at: m.index ?? 0 })
  }
  return out
}

function normalUnit(u: string): string {
  if (/^(百分点|percentage points?|pp)$/i.test(u)) return '个百分点'
  if (/^per\s?cent$/i.test(u)) return '%'
  return u
}

const REFERENCE =
  /(全国(?:平均)?水平|全国平均|东部地区平均水平|national\s+(?:average|level)|average\s+of\s+the\s+(?:country|nation))/i
const IN_STEP =
  /(?:与|同)([^，。,;；]{1,16}?)(?:基本)?同步|in\s+step\s+with\s+([\w\s-]{1,30})|keep(?:s|ing)?\s+pace\s+with\s+([\w\s-]{1,30})|synchroni[sz]\w*\s+(?:of|with)\s+([\w\s-]{1,30})/i
const ANNUAL = /每年|年均|年平均|annual(?:ly)?|a year|per year|each year|every year/i
const FALL = /下降|降低|减少|降幅|压减|decreas|reduc|cut|fall|lower|drop|declin/i
const CHANGE_VERB =
  /(下降|降低|减少|增长|提高|提升|增加|降幅|增幅|decrease|reduce|cut|fall|lower|drop|increase|rise|raise|grow)\w*\s*(?:by\s+)?(?:more\s+than\s+|over\s+|at\s+least\s+|about\s+)?$/i
const LEVEL_VERB =
  /(达到|超过|突破|不低于|不少于|不高于|不超过|控制在|保持在|稳定在|力争|提高到|提升到|提高至|增加到|降至|降到|reach|exceed|at least|more than|above|no less than|no more than|around)\s*[^，。,;；\d]{0,20}$/i
/** "increase … to X", "from A to X": X is the level to reach */
const TO_LEVEL =
  /\b(?:increas|ris|rais|grow|reduc|lower|cut|bring|brought|expand|boost|lift|from)\w*\b[^，。,;；]{0,60}\bto\s+(?:about\s+|around\s+|over\s+|more\s+than\s+|at\s+least\s+|RMB\s*|CNY\s*|US\$\s*)?$/i
const BASE =
  /(?:比|较)\s*((?:19|20)\d{2})\s*年|与\s*((?:19|20)\d{2})\s*年\s*(?:相比|比)|((?:19|20)\d{2})\s*年(?:的)?基础上|以\s*((?:19|20)\d{2})\s*年为基|(?:compared\s+(?:with|to)|relative\s+to|from|over|than(?:\s+in)?|on|below|above)\s+(?:the\s+)?((?:19|20)\d{2})\b/i
const baseYearOf = (m: RegExpExecArray) => Number(m.slice(1).find(Boolean))
/** A year that is neither a deadline (removed before) nor a base: the clause speaks of that year. */
const YEAR = /(?:19|20)\d{2}\s*年|\b(?:in|since)\s+(?:the\s+year\s+)?(?:19|20)\d{2}\b/gi
const PAST_ZH =
  /(?<!不得|而)已经?[\u4e00-\u9fff]|(?:达到|达|超过|突破|实现|完成|提高|提升|增长|增加|下降|降低|减少|建成|累计)了|截[至止]|以来|过去[一二三四五六七八九十\d]*年|[一二三四五六七八九十]年来/
/** a report on a period gone or current: 同比, 上半年, 较上年, last year, currently */
const REPORTED =
  /同比|[比较]上年|去年|上半年|前三季度|[一二三四]季度|前[一二三四五六七八九十]+个?月|近年|目前|当前|year-on-year|last year|in recent years|currently|so far/i
const PAST_EN = /\b(?:was|were|had)\b/i
/** perfect and simple past: past unless a deadline governs the clause ("By 2025, … has reached …" is a goal) */
const PERFECT_EN =
  /\b(?:(?:has|have)\s+(?:already\s+)?(?:been|reached|risen|grown|fallen|exceeded|become|\w+ed)|(?<!\b(?:be|been|being)\s+)(?:reached|rose|grew|fell|increased|decreased|declined|dropped|exceeded|stood|amounted|totall?ed|climbed|registered|recorded|expanded|doubled))\b/i
const FUTURE_EN =
  /\b(?:will|shall|should|must|would|is\s+to|are\s+to|aims?|strive|seek|plans?\s+to|target|expected|projected|goal)\b/i

/** The clause reports the past (see the header); `governed`: a deadline applies to it. */
function speaksOfPast(rest: string, governed: boolean): boolean {
  if (REPORTED.test(rest) || PAST_ZH.test(rest)) return true
  if (FUTURE_EN.test(rest)) return false
  return PAST_EN.test(rest) || (!governed && PERFECT_EN.test(rest))
}

/** Years in the clause other than a base year ("比2020年"): each with where it stands. */
function pastYears(rest: string): { at: number; end: number }[] {
  const bases = [...rest.matchAll(new RegExp(BASE.source, 'gi'))].map((m) => [
    m.index ?? 0,
    (m.index ?? 0) + m[0].length,
  ])
  return [...rest.matchAll(YEAR)]
    .map((m) => ({ at: m.index ?? 0, end: (m.index ?? 0) + m[0].length }))
    .filter((y) => !bases.some(([a, b]) => y.at >= a! && y.end <= b!))
}

/**
 * A number tied to a year the clause speaks of: the first number after "2020年(的/为)" with no other
 * number between, or a number followed by "in 2020" / "(2020)".
 */
function placedInPast(
  n: Num,
  all: readonly Num[],
  years: readonly { at: number; end: number }[],
  rest: string,
): boolean {
  const before = years.filter((y) => y.end <= n.at).at(-1)
  if (
    before &&
    !all.some((o) => o.at > before.end && o.at < n.at) &&
    !/^\s*(?:in|since)\b/i.test(rest.slice(before.at))
  )
    return true
  const after = rest.slice(n.at).replace(/^[-\d.,]+\s*/, '')
  return /^(?:[^\s\d]+\s+){0,2}?(?:in\s+(?:19|20)\d{2}\b|\((?:19|20)\d{2}\))/i.test(after)
}

/** The target read from one clause, or null when it states none. */
export function proposeTargets(
  clause: string,
  nodeId: string,
  line: number,
  catalogue: readonly CatalogueName[] = [],
  inherited: number | null = null,
  /** the inherited deadline comes from an earlier sentence, not from this sentence */
  inferred = false,
): Proposal | null {
  const d = findDeadline(clause)
  const deadline = d?.year ?? inherited
  const rest = d ? clause.replace(d.text, ' '.repeat(d.text.length)) : clause
  const years = pastYears(rest)
  // a clause naming a year that is neither its deadline nor a base reports a past figure
  if (deadline === null && years.length > 0) return null
  if (speaksOfPast(rest, deadline !== null)) return null
  const all = numbers(rest)
  const nums = all.filter((n) => !placedInPast(n, all, years, rest))
  const ref = REFERENCE.exec(rest)
  const step = IN_STEP.exec(rest)
  const annual = ANNUAL.test(rest)
  const base = BASE.exec(rest)
  const baseYear = base ? baseYearOf(base) : null
  const pick = (verb: RegExp) => nums.find((n) => verb.test(rest.slice(Math.max(0, n.at - 24), n.at))) ?? null
  const common = {
    nodeId,
    line,
    sentence: clause,
    clause,
    deadline,
    deadlineInferred: d === null && deadline !== null && inferred,
    base: baseYear,
    indicator: guessIndicator(clause, catalogue),
  }
  if (ref) return { ...common, form: 'reference', value: null, unit: null, annual, reference: ref[1]!.trim() }
  if (step) {
    const what = (step[1] ?? step[2] ?? step[3] ?? step[4] ?? '').trim()
    return { ...common, form: 'in_step', value: null, unit: null, annual, reference: what || null }
  }
  const changed = pick(CHANGE_VERB)
  if (changed) {
    const fall = FALL.test(rest.slice(Math.max(0, changed.at - 24), changed.at))
    const value = fall ? -Math.abs(changed.value) : changed.value
    const increment =
      annual && (changed.unit === '个百分点' || (changed.unit !== '%' && changed.unit !== null))
    return {
      ...common,
      form: increment ? 'increment' : 'change',
      value,
      unit: changed.unit,
      annual,
      reference: null,
    }
  }
  const toLevel = nums.find((n) => TO_LEVEL.test(rest.slice(0, n.at))) ?? null
  const level =
    pick(LEVEL_VERB) ?? toLevel ?? (deadline !== null ? (nums.find((n) => n.unit !== null) ?? null) : null)
  if (level && (level.unit !== null || level === toLevel || LEVEL_VERB.test(rest.slice(0, level.at))))
    return { ...common, form: 'level', value: level.value, unit: level.unit, annual, reference: null }
  if (d) return { ...common, form: 'qualitative', value: null, unit: null, annual: false, reference: null }
  return null
}

const bigrams = (s: string): string[] =>
  Array.from({ length: Math.max(0, s.length - 1) }, (_, i) => s.slice(i, i + 2))
const STOPWORDS = new Set(['of', 'the', 'and', 'in', 'to', 'a', 'an', 'per', 'vs', 'for', 'on', 'by', 'all'])
const words = (s: string): string[] =>
  s
    .toLowerCase()
    .split(/[^a-z0-9&]+/)
    .filter((w) => w && !STOPWORDS.has(w))
    .map((w) => w.replace(/isation/g, 'ization').replace(/s$/, ''))
const normalName = (s: string) =>
  s
    .replace(/[(（][^)）]*[)）]/g, '')
    .replace(/研究与试验发展|研究和试验发展|R&D|research and development/gi, '研发')
    .replace(/\s+(?=[\u4e00-\u9fff])|(?<=[\u4e00-\u9fff])\s+/g, '')
    .trim()

/** The catalogue key whose name best matches the clause (see the header), or null. */
export function guessIndicator(clause: string, catalogue: readonly CatalogueName[]): string | null {
  const text = normalName(clause)
  const grams = new Set(bigrams(text))
  const ws = new Set(words(text.replace(/研发/g, ' rd ')))
  let best: { key: string; hits: number } | null = null
  for (const c of catalogue) {
    for (const name of [normalName(c.name_zh), normalName(c.name_en)]) {
      const cjk = /[\u4e00-\u9fff]/.test(name)
      const parts = cjk ? bigrams(name) : words(name.replace(/研发/g, ' rd '))
      if (parts.length < (cjk ? 2 : 1)) continue
      const hits = parts.filter((p) => (cjk ? grams.has(p) : ws.has(p))).length
      // most matched bigrams wins; a tie keeps the earlier catalogue entry
      if (hits / parts.length >= 0.5 && hits >= 2 && (!best || hits > best.hits)) best = { key: c.key, hits }
    }
  }
  return best?.key ?? null
}

/**
 * Proposals from one sentence: each clause that states a target gives one ("到2025年，A下降13.5%，
 * B年均提高1个百分点" holds two); a deadline stated once applies to the clauses after it. A sentence
 * whose only content is a deadline gives one qualitative proposal.
 */
export function clauseTargets(
  sentence: string,
  nodeId: string,
  line: number,
  catalogue: readonly CatalogueName[] = [],
  inherited: number | null = null,
): Proposal[] {
  const whole = sentence.trim().slice(0, 400)
  const clauses = withOpeningYear(
    whole.split(/[，,；;](?!\d{3})|\band\s+(?=the\s)/).filter((c) => c.trim().length >= 2),
  )
  const out: Proposal[] = []
  let deadline: number | null = inherited
  let fromEarlier = inherited !== null
  let qualitative: Proposal | null = null
  // "2020年，全省GDP达到…", "“十三五”以来，…": the clauses after a past year or a clause in the past
  // speak of that past, until one states its own deadline
  let past = false
  for (const clause of clauses) {
    const own = findDeadline(clause)
    if (own) past = false
    const p = past ? null : proposeTargets(clause, nodeId, line, catalogue, deadline, fromEarlier)
    if (own) {
      deadline = own.year
      fromEarlier = false
    } else if (!p && (pastYears(clause).length > 0 || speaksOfPast(clause, deadline !== null))) past = true
    if (!p) continue
    if (p.form === 'qualitative') qualitative ??= p
    else out.push({ ...p, sentence: whole })
  }
  if (out.length === 0 && qualitative)
    return [{ ...qualitative, sentence: whole, clause: whole, indicator: guessIndicator(whole, catalogue) }]
  return out
}

/** "In 2025, the rate will reach …", "2020年，全省…": a clause that is only a year belongs to the next one. */
function withOpeningYear(clauses: string[]): string[] {
  const [first, second, ...rest] = clauses
  if (second === undefined || !/^\s*(?:in\s+)?(?:19|20)\d{2}\s*年?(?:底|末)?\s*$/i.test(first!))
    return clauses
  return [`${first},${second}`, ...rest]
}

/**
 * Proposals from a paragraph: its sentences in turn. A sentence that opens with a deadline
 * ("到2025年，…", "By 2025, …") sets it for the following sentences of the paragraph until another
 * deadline is stated (a goals paragraph states it once); such proposals are marked
 * `deadlineInferred`.
 */
export function paragraphTargets(
  paragraph: string,
  nodeId: string,
  line: number,
  catalogue: readonly CatalogueName[] = [],
): Proposal[] {
  const out: Proposal[] = []
  let deadline: number | null = null
  for (const s of sentences(paragraph)) {
    out.push(...clauseTargets(s, nodeId, line, catalogue, deadline))
    // only a sentence that opens with its deadline sets it for the sentences after it
    const d = findDeadline(s)
    if (d) deadline = s.replace(/^["“‘(（\s]+/, '').indexOf(d.text.trim()) <= 2 ? d.year : null
  }
  return out
}

/** Sentences of a text (Chinese and English stops; a full stop between digits is a decimal point). */
export function sentences(text: string): string[] {
  return text
    .split(/(?<=[。！？!?])|(?<=\.)\s+(?=[A-Z"“])/)
    .map((x) => x.trim())
    .filter(Boolean)
}
