/**
 * Parallel paths of the evaluation methods over a WorkerPool: the same functions as the
 * sequential paths, each thread filling its own range of columns (or draws) of a result in shared
 * memory, so the results equal the sequential ones bit for bit (tests check this). The calling
 * thread computes the first share itself while the workers compute the others.
 *
 * Inputs on a SharedArrayBuffer are used in place; others are copied into one first (cheap next
 * to the work, but a caller running many steps on one panel should allocate it shared).
 */

import type { Hierarchy } from '../composite/hierarchy.ts'
import {
  type DisparityOptions,
  type DisparityResult,
  disparityColumns,
  disparityPlan,
  disparityResult,
} from '../disparity.ts'
import type { Matrix } from '../matrix.ts'
import {
  drawBlocks,
  type UncertaintyOptions,
  type UncertaintyResult,
  uncertaintyPlan,
  uncertaintySummary,
} from '../uncertainty.ts'
import {
  type EntropyBuffers,
  type EntropyOptions,
  type EntropyResult,
  entropyColumns,
  entropyFinish,
  entropyScratch,
} from '../weights.ts'
import { onShared, sharedFloats, shareRange, type WorkerPool } from './pool.ts'
import type { DisparityTask, DrawTask, EntropyTask, MatrixShape } from './tasks.ts'

export { closeSharedPool, sharedPool, threadCount, WorkerPool } from './pool.ts'

const shape = (m: Matrix): MatrixShape => ({
  rows: m.rows,
  cols: m.cols,
  data: onShared(m.data),
  columns: m.columns,
})

/** `disparityMeasures` with its columns split over the pool's threads. */
export async function disparityParallel(
  pool: WorkerPool,
  m: Matrix,
  o: DisparityOptions = {},
): Promise<DisparityResult> {
  const plan = disparityPlan(m, o)
  const shares = Math.min(pool.size + 1, m.cols)
  if (shares <= 1) {
    const r = disparityResult(m.cols, plan)
    disparityColumns(m, plan, 0, m.cols, r)
    return r
  }
  const r = disparityResult(m.cols, plan, sharedFloats)
  const { groups, groupUnits, notes, ...out } = r
  const sm = shape(m)
  const taskPlan = {
    sd: plan.sd,
    weights: plan.weights && onShared(plan.weights),
    gid: plan.gid,
    groups: plan.groups.length,
  }
  const jobs: Promise<string[]>[] = []
  for (let s = 1; s < shares; s++) {
    const [from, to] = shareRange(m.cols, shares, s)
    const t: DisparityTask = { m: sm, plan: taskPlan, from, to, out }
    jobs.push(pool.run<string[]>(s - 1, 'disparity', t))
  }
  const [from, to] = shareRange(m.cols, shares, 0)
  disparityColumns({ ...m, data: sm.data }, plan, from, to, r)
  for (const more of await Promise.all(jobs)) notes.push(...more)
  return unshare(r)
}

/** `entropyWeights` with its columns split over the pool's threads. */
export async function entropyWeightsParallel(
  pool: WorkerPool,
  m: Matrix,
  o: EntropyOptions,
  out?: EntropyBuffers,
): Promise<EntropyResult> {
  if (o.on === 'minmax' && o.directions.length !== m.cols)
    throw new RangeError(`${o.directions.length} directions for ${m.cols} columns`)
  const shares = Math.min(pool.size + 1, m.cols)
  const s = entropyScratch(m.cols, shares > 1 ? sharedFloats : undefined)
  if (shares > 1) {
    const sm = shape(m)
    const jobs: Promise<null>[] = []
    for (let k = 1; k < shares; k++) {
      const [from, to] = shareRange(m.cols, shares, k)
      const t: EntropyTask = { m: { ...sm, columns: [] }, o, from, to, s }
      jobs.push(pool.run<null>(k - 1, 'entropy', t))
    }
    const [from, to] = shareRange(m.cols, shares, 0)
    entropyColumns({ ...m, data: sm.data }, o, from, to, s)
    await Promise.all(jobs)
  } else entropyColumns(m, o, 0, m.cols, s)
  return entropyFinish(m, o, s, out)
}

/** `uncertainty` with its blocks of draws split over the pool's threads (preparation and summary stay on the calling thread). */
export async function uncertaintyParallel(
  pool: WorkerPool,
  raw: Matrix,
  h: Hierarchy,
  o: UncertaintyOptions,
): Promise<UncertaintyResult> {
  const plan = uncertaintyPlan(raw, h, o, pool.size > 0)
  const blocks = plan.work.blocks.length
  const shares = Math.min(pool.size + 1, blocks)
  if (shares <= 1) {
    drawBlocks(plan.work, 0, blocks, plan.ranks)
    return uncertaintySummary(plan)
  }
  const jobs: Promise<null>[] = []
  for (let s = 1; s < shares; s++) {
    const [from, to] = shareRange(blocks, shares, s)
    const t: DrawTask = { work: plan.work, from, to, ranks: plan.ranks }
    jobs.push(pool.run<null>(s - 1, 'draws', t))
  }
  const [from, to] = shareRange(blocks, shares, 0)
  drawBlocks(plan.work, from, to, plan.ranks)
  await Promise.all(jobs)
  return uncertaintySummary(plan)
}

/** The result's arrays copied off shared memory (callers get ordinary arrays, as sequentially). */
function unshare(r: DisparityResult): DisparityResult {
  const copy = (a: Float64Array) => a.slice()
  return {
    ...r,
    n: copy(r.n),
    mean: copy(r.mean),
    cv: copy(r.cv),
    theilT: copy(r.theilT),
    theilL: copy(r.theilL),
    gini: copy(r.gini),
    betweenT: copy(r.betweenT),
    withinT: copy(r.withinT),
    betweenL: copy(r.betweenL),
    withinL: copy(r.withinL),
    groupTheilT: copy(r.groupTheilT),
    groupTheilL: copy(r.groupTheilL),
  }
}
