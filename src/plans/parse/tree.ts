/**
 * From numbered lines to a tree. The depth of a numbering shape is the order in which shapes first
 * appear (the first shape seen is the top level), the rule of thumb of Chinese official documents
 * (一、 > （一） > 1. > （1）) that also holds for English ones (First, > (1)). A heading is placed when
 * its number fits the sequence at its level: 1 after a new parent (a restart), the previous
 * sibling + 1, or the last number of its shape + 1 (numbering that runs on across parts, as the
 * 2021 Opinions' items do). A number that fits none (a repeat, a jump backwards, a stray "1." in a
 * sentence) is not placed: it is listed in `unplaced` with its line. A jump forwards is placed
 * with a warning naming the missing numbers.
 * Inline enumerations (一是 … 二是 …, ① ②) are measures inside a paragraph: before the first
 * structural heading (一、 (一) 1. First, …) they are left in the preamble, so that a list in the
 * opening paragraph does not take the top level.
 */

import type { Line } from './normalize-text.ts'
import { readToken, type Shape, sameFamily, type Token } from './numbering.ts'

export interface DraftNode {
  id: string
  kind: string
  number: string
  value: number
  title: string
  body: string
  line: number
  children: DraftNode[]
}

export interface Unplaced {
  line: number
  text: string
  reason: string
}

interface Open {
  node: DraftNode
  shape: Shape
  depth: number
}

/** the most numbers a gap may skip before a heading is taken as not fitting */
const MAX_GAP = 3

const KINDS = ['part', 'item', 'measure', 'measure', 'measure', 'measure']

const INLINE = new Set<Shape>(['shi', 'circled'])

/**
 * The heading's title: its first sentence ("(三)加快建设现代化产业体系。坚持……" → title
 * "加快建设现代化产业体系", body "坚持……"); a first sentence longer than 80 characters (120 in
 * English) is cut at its first comma when that leaves at least 4 characters.
 */
export function splitTitle(rest: string): { title: string; body: string } {
  const m =
    /^(.{2,100}?)[。；;：:!?！？](.*)$/s.exec(rest) ??
    /^(.{2,250}?)\.(?:\s+(.*))?$/s.exec(rest) ??
    (rest.length > (/[\u4e00-\u9fff]/.test(rest) ? 100 : 250)
      ? /^([^，,]{4,60})[，,](.+)$/s.exec(rest)
      : null)
  if (m) return { title: m[1]!.trim(), body: (m[2] ?? '').trim() }
  return { title: rest.replace(/[。；;.]$/, '').trim(), body: '' }
}

export function buildTree(lines: readonly Line[], planId: string) {
  const root: DraftNode = {
    id: planId,
    kind: 'plan',
    number: '',
    value: 0,
    title: '',
    body: '',
    line: 0,
    children: [],
  }
  const preamble: string[] = []
  const shapes: Shape[] = [] // depth = index + 1
  const lastOfShape = new Map<Shape, number>()
  const stack: Open[] = []
  const unplaced: Unplaced[] = []
  const warnings: string[] = []
  let structural = false
  for (const line of lines) {
    const tok = readToken(line.text)
    const inlineFirst = tok !== null && INLINE.has(tok.shape) && !structural
    const placed = tok && !inlineFirst ? place(tok, line) : false
    if (placed && tok && !INLINE.has(tok.shape)) structural = true
    if (!placed) {
      const open = stack.at(-1)
      if (open) open.node.body = open.node.body ? `${open.node.body}\n${line.text}` : line.text
      else preamble.push(line.text)
    }
  }
  return { root, preamble: preamble.join('\n'), unplaced, warnings }

  function place(tok: Token, line: Line): boolean {
    const number = tok.text.replace(/[、，,:：\s]+$/, '').replace(/．$/, '.')
    let depth = depthOf(tok.shape)
    // a shape of the same family as an open level that continues its numbering is that level
    for (const o of stack)
      if (
        o.shape !== tok.shape &&
        sameFamily(o.shape, tok.shape) &&
        tok.value > o.node.value &&
        tok.value <= o.node.value + 1 + MAX_GAP
      )
        depth = o.depth
    if (depth === 0) {
      // a new shape: one level below the current one, never more than one level at once
      if (stack.length > 0 && tok.value !== 1 && !(tok.shape === 'en-ordinal' || tok.shape === 'ordinal')) {
        unplaced.push({
          line: line.no,
          text: line.text.slice(0, 80),
          reason: `a new level starting at ${number}`,
        })
        return false
      }
      shapes.push(tok.shape)
      depth = Math.min(shapes.length, stack.length + 1)
    }
    // siblings share a style: a list in another style that starts at 1 opens a level below
    const open = depth <= stack.length ? stack[depth - 1]! : null
    if (open && open.shape !== tok.shape && !sameFamily(open.shape, tok.shape)) {
      if (tok.value !== 1) {
        unplaced.push({
          line: line.no,
          text: line.text.slice(0, 80),
          reason: `${number} is not in the style of its sibling ${open.node.number}`,
        })
        return false
      }
      depth = stack.length + 1
    }
    if (depth > stack.length + 1) {
      unplaced.push({ line: line.no, text: line.text.slice(0, 80), reason: `${number} skips a level` })
      return false
    }
    const parent = depth === 1 ? root : stack[depth - 2]!.node
    const sibling = depth <= stack.length ? stack[depth - 1]!.node : null
    const expected = sibling ? sibling.value + 1 : 1
    const runOn = (lastOfShape.get(tok.shape) ?? 0) + 1
    const fits = tok.value === expected || tok.value === runOn || (!sibling && tok.value === 1)
    if (!fits) {
      if (
        tok.value > expected &&
        tok.value <= expected + MAX_GAP &&
        (!sibling || tok.value > sibling.value)
      ) {
        warnings.push(
          `line ${line.no}: ${number} follows ${sibling ? sibling.number : 'the start'}; ${range(expected, tok.value - 1)} missing`,
        )
      } else {
        unplaced.push({
          line: line.no,
          text: line.text.slice(0, 80),
          reason: `${number} does not continue the numbering (expected ${expected})`,
        })
        return false
      }
    }
    const { title, body } = splitTitle(tok.rest)
    const path = [...stack.slice(0, depth - 1).map((o) => o.node.value), tok.value]
    const node: DraftNode = {
      id: `${root.id}-${path.join('-')}`,
      kind: KINDS[depth - 1] ?? 'measure',
      number,
      value: tok.value,
      title,
      body,
      line: line.no,
      children: [],
    }
    if (parent.children.some((c) => c.id === node.id)) node.id = `${node.id}-l${line.no}`
    parent.children.push(node)
    stack.length = depth - 1
    stack.push({ node, shape: tok.shape, depth })
    lastOfShape.set(tok.shape, tok.value)
    return true
  }

  function depthOf(shape: Shape): number {
    const open = [...stack].reverse().find((o) => o.shape === shape)
    if (open) return open.depth
    const i = shapes.indexOf(shape)
    return i >= 0 ? Math.min(i + 1, stack.length + 1) : 0
  }
}

const range = (a: number, b: number) => (a === b ? `${a}` : `${a}–${b}`)
