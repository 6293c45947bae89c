/**
 * `parsePolicyText`: a numbered policy document → a draft plan tree, what could not be placed,
 * warnings about gaps, and target proposals. Pure: text in, draft out (decoding is in files/).
 */

import { readToken } from './numbering.ts'
import { type CatalogueName, clauseTargets, type Proposal, sentences } from './targets.ts'
import { cleanLines, splitEmbedded, toHalfWidth } from './text.ts'
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
  nodeCount: number
}

export class PolicyParseError extends Error {}

export function parsePolicyText(
  text: string,
  o: { lang: 'zh' | 'en'; fileName: string; planId?: string; catalogue?: readonly CatalogueName[] },
): DraftPlan {
  if (text.trim() === '') throw new PolicyParseError(`${o.fileName}: the file is empty`)
  const bad = (text.match(/\uFFFD/g) ?? []).length
  if (bad > 10 && bad / text.length > 0.001)
    throw new PolicyParseError(
      `${o.fileName}: the file is not UTF-8 (${bad} undecodable characters); convert it or pass --encoding gbk`,
    )
  const half = splitEmbedded(toHalfWidth(text))
  const lines = cleanLines(half, (s) => readToken(s) !== null)
  const planId = o.planId ?? 'DRAFT'
  const built = buildTree(lines, planId)
  const { root, unplaced, warnings } = built
  let { preamble } = built
  if (root.children.length === 0) {
    // a speech report has no numbering: its paragraphs that report a directive ("X stressed that
    // it is necessary to …", "…强调/指出，要…") are the items, in order
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
  const proposals: Proposal[] = []
  const visit = (n: DraftNode) => {
    for (const c of n.children) {
      count++
      for (const s of sentences(`${c.title}。${c.body}`))
        proposals.push(...clauseTargets(s, c.id, c.line, o.catalogue))
      visit(c)
    }
  }
  visit(root)
  if (count === 0)
    throw new PolicyParseError(
      `${o.fileName}: no numbered structure found (expected headings such as 一、 （一） 1. or First, (1))`,
    )
  const title = preamble.split('\n').find((l) => l.length >= 6 && l.length <= 80) ?? o.fileName
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

const DIRECTIVE =
  /^(?:Finally,\s*)?(?:[A-Z][\w.]*(?:\s+[A-Z][\w.]*){0,3}|[\u4e00-\u9fff]{2,4})\s*(?:also\s+)?(?:stressed|pointed out|emphasi[sz]ed|noted|urged|强调|指出|要求)[,，:：]?\s*(?:that\s+)?/

function speechItems(lines: readonly { no: number; text: string }[]) {
  return lines
    .filter((l) => DIRECTIVE.test(l.text) && l.text.length > 60)
    .map((l) => {
      const rest = l.text.replace(DIRECTIVE, '').replace(/^(it is necessary to|we must|要)\s*/i, '')
      const { title, body } = splitTitle(rest)
      return { line: l.no, title: title.charAt(0).toUpperCase() + title.slice(1), body }
    })
}

export type { DraftNode }
