/**
 * The worker side of the pool (loaded by worker.mjs): each task fills a range of a result that
 * lives in shared memory, with the same functions the sequential paths call.
 */
import { parentPort } from 'node:worker_threads'
import { type DisparityResult, disparityColumns } from '../disparity.ts'
import type { Matrix } from '../matrix.ts'
import { type DrawWork, drawBlocks } from '../uncertainty.ts'
import { type EntropyOptions, type EntropyScratch, entropyColumns } from '../weights.ts'
import type { Reply } from './pool.ts'

/** A matrix as sent to a worker: its data shared, its unit ids left behind (no task needs them). */
export interface MatrixShape {
  rows: number
  cols: number
  data: Float64Array
  columns: readonly string[]
}

export const asMatrix = (m: MatrixShape): Matrix => ({ ...m, units: [] })

export interface DisparityTask {
  m: MatrixShape
  plan: { sd: 'population' | 'sample'; weights: Float64Array | null; gid: Int32Array | null; groups: number }
  from: number
  to: number
  out: Omit<DisparityResult, 'groups' | 'groupUnits' | 'notes'>
}

export interface EntropyTask {
  m: MatrixShape
  o: EntropyOptions
  from: number
  to: number
  s: EntropyScratch
}

export interface DrawTask {
  work: DrawWork
  from: number
  to: number
  ranks: Float64Array
}

export const tasks = {
  /** disparity measures of columns [from, to); returns their notes */
  disparity(t: DisparityTask): string[] {
    const r: DisparityResult = { ...t.out, groups: [], groupUnits: [], notes: [] }
    const plan = { ...t.plan, groups: new Array<never>(t.plan.groups) }
    disparityColumns(asMatrix(t.m), plan, t.from, t.to, r)
    return r.notes
  },
  entropy(t: EntropyTask): null {
    entropyColumns(asMatrix(t.m), t.o, t.from, t.to, t.s)
    return null
  },
  /** aggregate and rank draw blocks [from, to) */
  draws(t: DrawTask): null {
    drawBlocks(t.work, t.from, t.to, t.ranks)
    return null
  },
} satisfies Record<string, (args: never) => unknown>

export type TaskName = keyof typeof tasks

if (parentPort) {
  const port = parentPort
  port.on('message', (m: { id: number; task: TaskName; args: never }) => {
    let reply: Reply
    try {
      reply = { id: m.id, result: tasks[m.task](m.args) }
    } catch (e) {
      reply = { id: m.id, error: e instanceof Error ? e.message : String(e) }
    }
    port.postMessage(reply)
  })
  port.postMessage('ready')
}
