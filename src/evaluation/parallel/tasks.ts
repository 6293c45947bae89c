/**
 * The tasks a worker runs, as messages: each names a pure method from src/methods and the part of a
 * shared panel it applies to. Kept in one place so the pool, the worker and the callers agree.
 */
import { type DisparityOptions, type DisparityResult, disparityMeasures } from '../../methods/disparity.ts'
import { createMatrix } from '../../methods/matrix.ts'
import { type EntropyOptions, entropyColumns } from '../../methods/weights.ts'

/** Disparity of every column of the year matrices [from, to) of a years × units × columns panel. */
export interface DisparityTask {
  task: 'disparity'
  panel: Float64Array
  units: readonly string[]
  columns: readonly string[]
  from: number
  to: number
  options: Omit<DisparityOptions, 'weights'> & { weights?: number[] }
}

/** Entropy, divergence and n of the columns [from, to) of one units × columns matrix. */
export interface EntropyTask {
  task: 'entropy'
  data: Float64Array
  units: readonly string[]
  columns: readonly string[]
  from: number
  to: number
  options: EntropyOptions
}

export type TaskRequest = { task: 'ping' } | DisparityTask | EntropyTask
export type TaskResponse =
  | { task: 'ping' }
  | { task: 'disparity'; results: DisparityResult[] }
  | { task: 'entropy'; entropy: Float64Array; divergence: Float64Array; n: Float64Array }
  | { task: 'error'; message: string }

export function runTask(r: TaskRequest): TaskResponse {
  switch (r.task) {
    case 'ping':
      return { task: 'ping' }
    case 'disparity': {
      const size = r.units.length * r.columns.length
      const results: DisparityResult[] = []
      for (let y = r.from; y < r.to; y++)
        results.push(
          disparityMeasures(
            createMatrix(r.units, r.columns, r.panel.subarray(y * size, (y + 1) * size)),
            r.options,
          ),
        )
      return { task: 'disparity', results }
    }
    case 'entropy': {
      const m = createMatrix(r.units, r.columns, r.data)
      const out = {
        entropy: new Float64Array(m.cols),
        divergence: new Float64Array(m.cols),
        n: new Float64Array(m.cols),
      }
      entropyColumns(m, r.options, r.from, r.to, out)
      return {
        task: 'entropy',
        entropy: out.entropy.slice(r.from, r.to),
        divergence: out.divergence.slice(r.from, r.to),
        n: out.n.slice(r.from, r.to),
      }
    }
  }
}
