/**
 * Node recovery on the five seed texts (../shared/seeds) against the hand-made trees
 * (../shared/policy). A hand-made part or item that cites the seed counts as recovered when a
 * parsed node at the same depth has the same number, or a title whose character-bigram Dice
 * similarity with the hand-made title (or the seed heading it records) is at least 0.5. The table
 * is printed; the floors below are what the parser reaches today, so a regression fails.
 */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { type DraftNode, parsePolicyText } from './index.ts'

interface Hand {
  id: string
  kind: string
  number?: string
  title_zh: string
  title_en?: string
  title_status?: string
  seed_heading?: string
  sources?: unknown
  children?: Hand[]
}

const SEEDS = [
  { file: '000_92b6e6f6910890ba.txt', key: 'seed000', lang: 'en', floor: 1 },
  { file: '001_a9379eba699d7130.txt', key: 'seed001', lang: 'en', floor: 1 },
  { file: '002_692c66648564b5a5.txt', key: 'seed002', lang: 'zh', floor: 0.3 },
  { file: '003_82bdf0602ae700a2.txt', key: 'seed003', lang: 'zh', floor: 1 },
  { file: '004_7d86ebdbefa529c3.txt', key: 'seed004', lang: 'en', floor: 0.1 },
] as const

const trees = ['central-2021.json', 'hubei-2019.json', 'symposium-2024.json'].map(
  (f) => JSON.parse(readFileSync(new URL(`../../../../shared/policy/${f}`, import.meta.url), 'utf8')) as Hand,
)

const bigrams = (s: string) => {
  const t = s.toLowerCase().replace(/[\s\p{P}]/gu, '')
  return new Set(Array.from({ length: Math.max(0, t.length - 1) }, (_, i) => t.slice(i, i + 2)))
}
function dice(a: string, b: string): number {
  const x = bigrams(a)
  const y = bigrams(b)
  if (x.size === 0 || y.size === 0) return 0
  let common = 0
  for (const g of x) if (y.has(g)) common++
  return (2 * common) / (x.size + y.size)
}

const CN = '一二三四五六七八九十'
const numberValue = (number: string | undefined): number | null => {
  if (!number) return null
  const d = /\d+/.exec(number)
  if (d) return Number(d[0])
  const c = /[一二三四五六七八九十]+/.exec(number)?.[0]
  if (!c) return null
  if (c === '十') return 10
  if (c.startsWith('十')) return 10 + CN.indexOf(c[1]!) + 1
  if (c.endsWith('十')) return (CN.indexOf(c[0]!) + 1) * 10
  return c.length === 3 ? (CN.indexOf(c[0]!) + 1) * 10 + CN.indexOf(c[2]!) + 1 : CN.indexOf(c) + 1
}

function handNodes(seed: string): { node: Hand; depth: number }[] {
  const out: { node: Hand; depth: number }[] = []
  const walk = (n: Hand, depth: number) => {
    const cites = Array.isArray(n.sources) && n.sources.includes(seed)
    if (
      depth >= 1 &&
      depth <= 2 &&
      cites &&
      ['part', 'item'].includes(n.kind) &&
      n.title_status !== 'provisional'
    )
      out.push({ node: n, depth })
    for (const c of n.children ?? []) walk(c, depth + 1)
  }
  for (const t of trees) walk(t, 0)
  return out
}

function parsedNodes(root: DraftNode): { node: DraftNode; depth: number }[] {
  const out: { node: DraftNode; depth: number }[] = []
  const walk = (n: DraftNode, depth: number) => {
    for (const c of n.children) {
      out.push({ node: c, depth })
      walk(c, depth + 1)
    }
  }
  walk(root, 1)
  return out
}

describe('policy-text import: node recovery on the seed texts', () => {
  const rows: string[] = []
  for (const s of SEEDS)
    it(`${s.file}: recall at least ${s.floor}`, () => {
      const text = readFileSync(new URL(`../../../../shared/seeds/${s.file}`, import.meta.url), 'utf8')
      const draft = parsePolicyText(text, { lang: s.lang, fileName: s.file, planId: 'P' })
      const parsed = parsedNodes(draft.tree)
      const hand = handNodes(s.key)
      let byNumber = 0
      let byTitle = 0
      let recovered = 0
      for (const { node, depth } of hand) {
        const v = numberValue(node.number)
        const title = s.lang === 'zh' ? (node.seed_heading ?? node.title_zh) : (node.title_en ?? '')
        const num = parsed.some((p) => p.depth === depth && v !== null && p.node.value === v)
        const tit = parsed.some(
          (p) => dice(p.node.title, title) >= 0.5 || dice(`${p.node.number}${p.node.title}`, title) >= 0.5,
        )
        if (num) byNumber++
        if (tit) byTitle++
        if (num || tit) recovered++
      }
      const recall = hand.length ? recovered / hand.length : 1
      const precision = parsed.length ? Math.min(1, recovered / parsed.length) : 0
      rows.push(
        `${s.file}  hand ${hand.length}  parsed ${parsed.length}  recovered ${recovered} (number ${byNumber}, title ${byTitle})  recall ${recall.toFixed(2)}  precision ${precision.toFixed(2)}  unplaced ${draft.unplaced.length}`,
      )
      console.log(rows.at(-1))
      expect(recall).toBeGreaterThanOrEqual(s.floor)
    })
})
