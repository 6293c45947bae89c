/**
 * The worker side of the pool (loaded by worker.mjs): each task fills a range of a result that
 * lives in shared memory, with the same functions the sequential paths call.
 */
import { parentPort, workerData } from 'node:worker_threads'
import type { DisparityResult } from '../disparity.ts'
import { adoptHeapBuffers } from '../kernels/heap.ts'
import { attachKernels, type KernelHandles } from '../kernels/index.ts'
import type { Matrix } from '../matrix.ts'
import { type DrawWork, drawClaimed } from '../uncertainty.ts'
import { type EntropyOptions, type EntropyScratch, entropyColumns } from '../weights.ts'
import { type ChunkNotes, disparityClaimed } from './claimed.ts'
import { type Chunks, claim, type Reply, shareRange } from './pool.ts'

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
  work: Chunks
  out: Omit<DisparityResult, 'groups' | 'groupUnits' | 'notes'>
}

export interface EntropyTask {
  m: MatrixShape
  o: EntropyOptions
  work: Chunks
  s: EntropyScratch
}

export interface DrawTask {
  work: DrawWork
  blocks: Chunks
  ranks: Float64Array
}

export const tasks = {
  /** disparity measures of the column chunks this thread claims; returns each chunk's notes */
  disparity(t: DisparityTask): ChunkNotes {
    const r: DisparityResult = { ...t.out, groups: [], groupUnits: [], notes: [] }
    const plan = { ...t.plan, groups: new Array<never>(t.plan.groups) }
    return disparityClaimed(asMatrix(t.m), plan, r, t.work)
  },
  entropy(t: EntropyTask): null {
    const m = asMatrix(t.m)
    for (let c = claim(t.work); c >= 0; c = claim(t.work)) {
      const [from, to] = shareRange(t.work.total, t.work.chunks, c)
      entropyColumns(m, t.o, from, to, t.s)
    }
    return null
  },
  /** aggregate and rank the draw blocks this thread claims */
  draws(t: DrawTask): null {
    drawClaimed(t.work, t.ranks, () => claim(t.blocks))
    return null
  },
} satisfies Record<string, (args: never) => unknown>

export type TaskName = keyof typeof tasks

// only in a pool's worker (not, say, when a test runner's worker thread imports this module)
const pool = workerData as { jueqiPool?: boolean; kernels?: KernelHandles | null } | null
if (parentPort && pool?.jueqiPool) {
  if (pool.kernels) attachKernels(pool.kernels)
  const port = parentPort
  port.on('message', (m: { id: number; task: TaskName; args: never; heap: ArrayBufferView[] }) => {
    let reply: Reply
    try {
      adoptHeapBuffers(m.heap)
      reply = { id: m.id, result: tasks[m.task](m.args) }
    } catch (e) {
      reply = { id: m.id, error: e instanceof Error ? e.message : String(e) }
    }
    port.postMessage(reply)
  })
  port.postMessage('ready')
}
