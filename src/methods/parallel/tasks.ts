/**
 * The worker side of the pool (loaded by worker.mjs): each task fills a range of a result that
 * lives in shared memory, with the same functions the sequential paths call.
 */
import { parentPort, workerData } from 'node:worker_threads'
import { type DisparityResult, disparityColumns } from '../disparity.ts'
import { adoptHeapBuffers, withHeap } from '../kernels/heap.ts'
import { attachKernels, type KernelHandles } from '../kernels/index.ts'
import type { Matrix } from '../matrix.ts'
import { type DrawWork, drawClaimed } from '../uncertainty.ts'
import { entropyBlockRanges, entropyBlockSums } from '../weights.ts'
import { type ChunkNotes, disparityClaimed } from './claimed.ts'
import { type Chunks, claim, type Reply } from './pool.ts'

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

export interface DisparityManyTask {
  ms: MatrixShape[]
  plan: DisparityTask['plan']
  work: Chunks
  outs: DisparityTask['out'][]
}

export interface EntropyTask {
  m: MatrixShape
  /** row blocks */
  work: Chunks
  /** per block: ranges (2·cols) or sums (5·cols) */
  parts: Float64Array
  /** the transform, for the sums */
  t: { c: Float64Array; d: Float64Array; b: Float64Array }
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
  /** every measure of the whole matrices this thread claims; returns [matrix, notes] per matrix */
  disparityMany(t: DisparityManyTask): [number, string[]][] {
    const plan = { ...t.plan, groups: new Array<never>(t.plan.groups) }
    const got: [number, string[]][] = []
    for (let k = claim(t.work); k >= 0; k = claim(t.work)) {
      const m = asMatrix(t.ms[k]!)
      const r: DisparityResult = { ...t.outs[k]!, groups: [], groupUnits: [], notes: [] }
      disparityColumns(m, plan, 0, m.cols, r)
      got.push([k, r.notes])
    }
    return got
  },
  /** the column ranges of the row blocks this thread claims */
  entropyRanges(t: EntropyTask): null {
    const m = asMatrix(t.m)
    const w = 2 * m.cols
    withHeap((h) => {
      const data = h.copy(m.data).byteOffset
      for (let b = claim(t.work); b >= 0; b = claim(t.work))
        entropyBlockRanges(m, data, b, t.parts.subarray(b * w, (b + 1) * w), h)
    })
    return null
  },
  /** the entropy sums of the row blocks this thread claims */
  entropySums(t: EntropyTask): null {
    const m = asMatrix(t.m)
    const w = 5 * m.cols
    withHeap((h) => {
      const data = h.copy(m.data).byteOffset
      for (let b = claim(t.work); b >= 0; b = claim(t.work))
        entropyBlockSums(m, data, b, t.t, t.parts.subarray(b * w, (b + 1) * w), h)
    })
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
