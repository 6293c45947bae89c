/**
 * Parallel paths of the evaluation methods over a WorkerPool: the same functions as the
 * sequential paths, each thread filling the chunks of columns (or blocks of draws) it claims of a
 * result in shared memory, so the results equal the sequential ones bit for bit (tests check
 * this). The calling thread claims chunks too, while the workers do.
 *
 * Inputs on a SharedArrayBuffer are used in place; others are copied into one first (cheap next
 * to the work, but a caller running many steps on one panel should allocate it shared).
 */

import type { Hierarchy } from '../composite/hierarchy.ts'
import {
  DISPARITY_ARRAYS,
  type DisparityOptions,
  type DisparityResult,
  disparityColumns,
  disparityPlan,
  disparityResult,
} from '../disparity.ts'
import { withHeap } from '../kernels/heap.ts'
import type { Matrix } from '../matrix.ts'
import {
  type DrawWork,
  drawBlocks,
  drawClaimed,
  type UncertaintyOptions,
  type UncertaintyResult,
  uncertaintyPlan,
  uncertaintySummary,
} from '../uncertainty.ts'
import {
  type EntropyBuffers,
  type EntropyOptions,
  type EntropyResult,
  entropyBlocks,
  entropyColumns,
  entropyFinish,
  entropyRangesFrom,
  entropyScratch,
  entropySumsFrom,
  entropyTransform,
} from '../weights.ts'
import { type ChunkNotes, disparityClaimed, mergeNotes } from './claimed.ts'
import { chunks, claim, onShared, sharedFloats, type WorkerPool } from './pool.ts'
import {
  type DisparityManyTask,
  type DisparityTask,
  type DrawTask,
  type EntropyTask,
  type MatrixShape,
  tasks,
} from './tasks.ts'

export { closeSharedPool, sharedPool, threadCount, WorkerPool } from './pool.ts'

const shape = (m: Matrix, data: Float64Array): MatrixShape => ({
  rows: m.rows,
  cols: m.cols,
  data,
  columns: m.columns,
})

/** Chunks per thread: small enough that a thread slowed by other work claims fewer, big enough to stream rows. */
const CHUNKS_PER_THREAD = 4

/** `disparityMeasures` with its columns claimed chunk by chunk by the pool's threads. */
export async function disparityParallel(
  pool: WorkerPool,
  m: Matrix,
  o: DisparityOptions = {},
): Promise<DisparityResult> {
  const plan = disparityPlan(m, o)
  if (pool.size === 0 || m.cols < 2) {
    const r = disparityResult(m.cols, plan)
    disparityColumns(m, plan, 0, m.cols, r)
    return r
  }
  const r = disparityResult(m.cols, plan, sharedFloats)
  const { groups, groupUnits, notes, ...out } = r
  // the kernels of the unweighted path read the heap; the weighted path reads any shared memory
  const plain = !plan.weights && !plan.gid
  await (plain ? withHeap((h) => run(h.copy(m.data))) : run(onShared(m.data)))
  return unshare(r)

  async function run(data: Float64Array): Promise<void> {
    const sm = shape(m, data)
    const taskPlan = {
      sd: plan.sd,
      weights: plan.weights && onShared(plan.weights),
      gid: plan.gid,
      groups: plan.groups.length,
    }
    const work = chunks(m.cols, CHUNKS_PER_THREAD * (pool.size + 1))
    const jobs: Promise<ChunkNotes>[] = []
    for (let k = 0; k < pool.size; k++) {
      const t: DisparityTask = { m: sm, plan: taskPlan, work, out }
      jobs.push(pool.run<ChunkNotes>(k, 'disparity', t))
    }
    const mine = disparityClaimed({ ...m, data: sm.data }, plan, { ...r, notes: [] }, work)
    notes.push(...mergeNotes([mine, ...(await Promise.all(jobs))]))
  }
}

/**
 * `disparityMeasures` of many matrices of one shape and the same units (a panel's years), each
 * whole matrix claimed by one thread — full rows streamed, one round trip to the workers for all —
 * so each result is `disparityMeasures(ms[k], o)` bit for bit.
 */
export async function disparityParallelMany(
  pool: WorkerPool,
  ms: readonly Matrix[],
  o: DisparityOptions = {},
): Promise<DisparityResult[]> {
  if (ms.length === 0) return []
  const plan = disparityPlan(ms[0]!, o)
  if (pool.size === 0 || ms.length < 2)
    return ms.map((m) => {
      const r = disparityResult(m.cols, plan)
      disparityColumns(m, plan, 0, m.cols, r)
      return r
    })
  for (const m of ms)
    if (m.rows !== ms[0]!.rows || m.cols !== ms[0]!.cols)
      throw new RangeError(`matrices of ${m.rows} × ${m.cols} and ${ms[0]!.rows} × ${ms[0]!.cols}`)
  const results = ms.map((m) => disparityResult(m.cols, plan, sharedFloats))
  await withHeap(async (h) => {
    const t: DisparityManyTask = {
      ms: ms.map((m) => ({ ...shape(m, h.copy(m.data)), columns: m.columns })),
      plan: {
        sd: plan.sd,
        weights: plan.weights && onShared(plan.weights),
        gid: plan.gid,
        groups: plan.groups.length,
      },
      work: chunks(ms.length, ms.length),
      outs: results.map(({ groups, groupUnits, notes, ...out }) => out),
    }
    const jobs = Array.from({ length: pool.size }, (_, k) =>
      pool.run<[number, string[]][]>(k, 'disparityMany', t),
    )
    const mine = tasks.disparityMany(t)
    for (const [k, notes] of [...mine, ...(await Promise.all(jobs)).flat()]) results[k]!.notes.push(...notes)
  })
  return results.map(unshare)
}

/**
 * `entropyWeights` with its row blocks claimed one by one by the pool's threads, in two rounds
 * (ranges, then sums under the transform the ranges give); the blocks' results are combined in
 * block order on the calling thread, as entropyColumns combines them.
 */
export async function entropyWeightsParallel(
  pool: WorkerPool,
  m: Matrix,
  o: EntropyOptions,
  out?: EntropyBuffers,
): Promise<EntropyResult> {
  if (o.on === 'minmax' && o.directions.length !== m.cols)
    throw new RangeError(`${o.directions.length} directions for ${m.cols} columns`)
  const blocks = entropyBlocks(m.rows)
  const s = entropyScratch(m.cols, sharedFloats)
  if (pool.size === 0 || blocks < 2) {
    entropyColumns(m, o, s)
    return entropyFinish(m, o, s, out)
  }
  return withHeap(async (h) => {
    const sm = { ...shape(m, h.copy(m.data)), columns: [] }
    const round = async (task: 'entropyRanges' | 'entropySums', width: number) => {
      const parts = sharedFloats(width * m.cols * blocks)
      const work = chunks(blocks, blocks)
      const t: EntropyTask = { m: sm, work, parts, t: { c: s.c, d: s.d, b: s.b } }
      const jobs = Array.from({ length: pool.size }, (_, k) => pool.run<null>(k, task, t))
      tasks[task](t)
      await Promise.all(jobs)
      return parts
    }
    entropyRangesFrom(await round('entropyRanges', 2), blocks, s)
    entropyTransform(o, s)
    entropySumsFrom(await round('entropySums', 5), blocks, s)
    return entropyFinish(m, o, s, out)
  })
}

/** `uncertainty` with its blocks of draws claimed one by one by the pool's threads (preparation and summary stay on the calling thread). */
export async function uncertaintyParallel(
  pool: WorkerPool,
  raw: Matrix,
  h: Hierarchy,
  o: UncertaintyOptions,
): Promise<UncertaintyResult> {
  const plan = uncertaintyPlan(raw, h, o, pool.size > 0)
  const n = plan.work.blocks.length
  if (pool.size === 0 || n < 2) {
    drawBlocks(plan.work, 0, n, plan.ranks)
    return uncertaintySummary(plan)
  }
  const blocks = chunks(n, n)
  // every thread reads the inputs and weights in place on the kernel heap (copied there once)
  await withHeap(async (h) => {
    const work: DrawWork = {
      ...plan.work,
      inputs: plan.work.inputs.map((i) => ({ t: h.copy(i.t), mask: i.mask && h.copy(i.mask) })),
      weights: h.copy(plan.work.weights),
    }
    const jobs: Promise<null>[] = []
    for (let k = 0; k < pool.size; k++) {
      const t: DrawTask = { work, blocks, ranks: plan.ranks }
      jobs.push(pool.run<null>(k, 'draws', t))
    }
    drawClaimed(work, plan.ranks, () => claim(blocks))
    await Promise.all(jobs)
  })
  return uncertaintySummary(plan)
}

/** The result's arrays copied off shared memory (callers get ordinary arrays, as sequentially). */
function unshare(r: DisparityResult): DisparityResult {
  const out = { ...r }
  for (const k of DISPARITY_ARRAYS) out[k] = r[k].slice()
  return out
}
