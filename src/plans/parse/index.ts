/**
 * `parsePolicyText`: a numbered policy document → a draft plan tree, what could not be placed,
 * warnings about gaps, and target proposals. Pure: text in, draft out (decoding bytes is in
 * decode.ts, reading a .docx in files/docx.ts).
 *
 * Steps: width and page noise (normalize-text.ts) → numbering tokens (numbering.ts) → tree by
 * order of first appearance with restarts and run-on numbering (tree.ts) → proposals from the
 * sentences of the preamble (attached to the plan itself) and of every node (targets.ts). A text with no numbered heading is refused, except a
 * speech report whose paragraphs each report a directive ("X stressed that it is necessary to …",
 * "…强调，要…"): those paragraphs become the items, in order, with a warning saying so.
 */

import { PolicyParseError } from './errors.ts'
import { cleanLines, type Line, toHalfWidth } from './normalize-text.ts'
import { readToken } from './numbering.ts'
import { type CatalogueName, type Proposal, paragraphTargets } from './targets.ts'
import { buildTree, type DraftNode, splitTitle, type Unplaced } from './tree.ts'

export interface DraftPlan {
  id: string
  lang: 'zh' | 'en'
  title: string
  preamble: string
  tree: DraftNode
  unplaced: Unplaced[]
  warnings: string[]
  proposals: Proposal[]
  /** numbered nodes below the root */
  nodeCount: number
}

export interface ParseOptions {
  lang: 'zh' | 'en'
  /** named in every error */
  fileName: string
  /** the id prefix of the nodes (default DRAFT) */
  planId?: string
  /** indicator names for guessing the indicator of a proposal */
  catalogue?: readonly CatalogueName[]
}

/** Refuses text that is empty, not UTF-8 (U+FFFD from a wrong decoding) or binary. */
export function checkText(text: string, fileName: string): void {
  if (text.trim() === '') throw new PolicyParseError(`${fileName}: the file is empty`)
  const bad = (text.match(/\uFFFD/g) ?? []).length
  if (bad >= 3 && bad / text.length > 0.001) {
    const line = text.slice(0, text.indexOf('\uFFFD')).split('\n').length
    throw new PolicyParseError(
      `${fileName}: the file is not UTF-8 (${bad} undecodable characters, the first on line ${line}); convert it or pass --encoding gbk`,
    )
  }
  const control = controlAt(text)
  if (control.count > 0 && control.count / text.length > 0.01) {
    const line = text.slice(0, control.first).split('\n').length
    throw new PolicyParseError(
      `${fileName}: this is not a text file (binary content from line ${line}); give a .txt, .md or .docx`,
    )
  }
}

/** Control characters other than tab, line feed, vertical tab, form feed and carriage return. */
function controlAt(text: string): { count: number; first: number } {
  let count = 0
  let first = -1
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c < 0x20 && (c < 0x09 || c > 0x0d)) {
      count++
      if (first < 0) first = i
    }
  }
  return { count, first }
}

export function parsePolicyText(text: string, o: ParseOptions): DraftPlan {
  checkText(text, o.fileName)
  const lines = cleanLines(toHalfWidth(text), (s) => readToken(s) !== null)
  const planId = o.planId ?? 'DRAFT'
  const built = buildTree(lines, planId)
  const { root, unplaced, warnings } = built
  let { preamble } = built
  if (root.children.length === 0) {
    const items = speechItems(lines)
    if (items.length >= 2) {
      root.children = items.map((it, k) => ({
        id: `${planId}-${k + 1}`,
        kind: 'part',
        number: String(k + 1),
        value: k + 1,
        title: it.title,
        body: it.body,
        line: it.line,
        children: [],
      }))
      warnings.push(
        'no numbered headings: the directive paragraphs of the speech are taken as its items, in order',
      )
      preamble = lines
        .filter((l) => l.no < items[0]!.line)
        .map((l) => l.text)
        .join('\n')
    }
  }
  let count = 0
  // the preamble's prose states targets too ("…到2025年，地区生产总值达到…" before 一、): the plan's own
  const firstHeading = root.children[0]?.line ?? Number.POSITIVE_INFINITY
  const proposals: Proposal[] = lines
    .filter((l) => l.no < firstHeading)
    .flatMap((l) => paragraphTargets(l.text, root.id, l.no, o.catalogue))
  const visit = (n: DraftNode) => {
    for (const c of n.children) {
      count++
      for (const para of `${c.title}。${c.body}`.split('\n'))
        proposals.push(...paragraphTargets(para, c.id, c.line, o.catalogue))
      visit(c)
    }
  }
  visit(root)
  if (count === 0) {
    const hint = unplaced[0] ? ` (line ${unplaced[0].line} looks numbered but ${unplaced[0].reason})` : ''
    throw new PolicyParseError(
      `${o.fileName}: no numbered structure found${hint}; expected headings such as 一、 (一) 1. or First, (1)`,
    )
  }
  const title = documentTitle(preamble) ?? o.fileName
  root.title = title
  return {
    id: planId,
    lang: o.lang,
    title,
    preamble,
    tree: root,
    unplaced,
    warnings,
    proposals,
    nodeCount: count,
  }
}

const TITLE_ZH = /关于.{2,60}(?:意见|通知|决定|规划|纲要|方案|办法|计划|措施|条例)/
const TITLE_EN =
  /\b(?:Opinions?|Guidelines?|Plan|Decision|Notice|Measures|Outline)\b.{0,20}\b(?:on|for|of)\b/i

/** The document's title: the first preamble line naming a document kind, else its first short line. */
function documentTitle(preamble: string): string | null {
  const ls = preamble
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
  return (
    ls.find((l) => l.length <= 100 && (TITLE_ZH.test(l) || TITLE_EN.test(l))) ??
    ls.find((l) => l.length >= 6 && l.length <= 80) ??
    null
  )
}

const DIRECTIVE =
  /^(?:Finally,\s*)?(?:[A-Z][\w.]*(?:\s+[A-Z][\w.]*){0,3}|[\u4e00-\u9fff]{2,4})\s*(?:also\s+)?(?:stressed|pointed out|emphasi[sz]ed|noted|urged|强调|指出|要求)[,，:：]?\s*(?:that\s+)?/

/** The paragraphs of a speech report that each report a directive, as items. */
function speechItems(lines: readonly Line[]) {
  return lines
    .filter((l) => DIRECTIVE.test(l.text) && l.text.length > 60)
    .map((l) => {
      const rest = l.text.replace(DIRECTIVE, '').replace(/^(it is necessary to|we must|要)\s*/i, '')
      const { title, body } = splitTitle(rest)
      return { line: l.no, title: title.charAt(0).toUpperCase() + title.slice(1), body }
    })
}

export { decodeText } from './decode.ts'
export type { DraftNode, Proposal, Unplaced }
export { PolicyParseError }
