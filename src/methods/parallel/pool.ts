/**
 * A small persistent pool of worker threads for the evaluation methods' parallel paths
 * (./index.ts). The methods themselves stay pure and sequential; this module is the only one that
 * starts threads, and callers opt into it.
 *
 * Data go to the workers as typed arrays on SharedArrayBuffers (no copy per call: postMessage
 * shares such memory); small arguments are cloned. Each worker runs one task at a time, in the
 * order posted. The pool is created lazily by `sharedPool()`, with one worker fewer than the
 * machine's cores (the calling thread computes a share itself) or JUEQI_THREADS − 1; idle workers
 * do not keep the process alive.
 */
import { availableParallelism } from 'node:os'
import { Worker } from 'node:worker_threads'
import { heapViewsIn } from '../kernels/heap.ts'
import { kernelHandles } from '../kernels/index.ts'

interface Pending {
  resolve: (value: unknown) => void
  reject: (error: Error) => void
  worker: number
}

export class WorkerPool {
  readonly size: number
  /** resolves with the milliseconds from construction until every worker was ready */
  readonly ready: Promise<number>
  private readonly workers: Worker[]
  private readonly busy: number[]
  private readonly pending = new Map<number, Pending>()
  private nextId = 0
  private closed = false
  private started = false

  constructor(size: number) {
    this.size = Math.max(0, Math.floor(size))
    const started = performance.now()
    const entry = new URL('./worker.mjs', import.meta.url)
    this.busy = new Array(this.size).fill(0)
    // execArgv: [] — the worker registers tsx itself; inheriting a tsx CLI's loader would load it twice.
    // Each worker runs the kernels on this thread's memory (so data on the kernel heap are not copied).
    const kernels = this.size > 0 ? kernelHandles() : null
    this.workers = Array.from(
      { length: this.size },
      () => new Worker(entry, { execArgv: [], workerData: { jueqiPool: true, kernels } }),
    )
    this.ready = Promise.all(
      this.workers.map(
        (w, k) =>
          new Promise<void>((resolve, reject) => {
            const onError = (e: Error) => {
              this.fail(k, e)
              reject(e)
            }
            w.once('error', onError)
            w.once('message', (m) => {
              if (m !== 'ready') return reject(new Error(`worker ${k}: unexpected first message`))
              w.off('error', onError)
              w.on('message', (r: Reply) => this.settle(r))
              w.on('error', (e) => this.fail(k, e))
              w.unref()
              resolve()
            })
          }),
      ),
    ).then(() => {
      this.started = true
      return performance.now() - started
    })
  }

  /**
   * Runs `task` on worker `k` (0 ≤ k < size); rejects with the worker's error message. Once the
   * pool is ready the task is posted before this returns, so the caller can compute its own share
   * meanwhile (before then it waits for start-up).
   */
  run<R>(k: number, task: string, args: unknown): Promise<R> {
    if (!this.started) return this.ready.then(() => this.run<R>(k, task, args))
    if (this.closed) return Promise.reject(new Error('the worker pool is closed'))
    const w = this.workers[k]
    if (!w) throw new RangeError(`no worker ${k} in a pool of ${this.size}`)
    const id = this.nextId++
    if (this.busy[k]!++ === 0) w.ref()
    return new Promise<R>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject, worker: k })
      // the views on the kernel heap travel with the task, so the worker knows them as the heap's
      w.postMessage({ id, task, args, heap: heapViewsIn(args) })
    })
  }

  async close(): Promise<void> {
    this.closed = true
    await Promise.all(this.workers.map((w) => w.terminate()))
  }

  private settle(r: Reply): void {
    const p = this.pending.get(r.id)
    if (!p) return
    this.pending.delete(r.id)
    if (--this.busy[p.worker]! === 0) this.workers[p.worker]!.unref()
    if (r.error !== undefined) p.reject(new Error(r.error))
    else p.resolve(r.result)
  }

  private fail(k: number, e: Error): void {
    for (const [id, p] of this.pending)
      if (p.worker === k) {
        this.pending.delete(id)
        p.reject(e)
      }
  }
}

export interface Reply {
  id: number
  result?: unknown
  error?: string
}

let pool: WorkerPool | null = null

/** Threads to use in all (the calling one included): JUEQI_THREADS, else the machine's cores. */
export function threadCount(): number {
  const env = Number(process.env.JUEQI_THREADS)
  return Number.isInteger(env) && env >= 1 ? env : availableParallelism()
}

/** The process's pool (threadCount() − 1 workers), started on first use. */
export function sharedPool(): WorkerPool {
  pool ??= new WorkerPool(threadCount() - 1)
  return pool
}

export async function closeSharedPool(): Promise<void> {
  const p = pool
  pool = null
  await p?.close()
}

/** The array itself when its memory is already shared, else a copy on a SharedArrayBuffer. */
export function onShared(a: Float64Array): Float64Array {
  if (a.buffer instanceof SharedArrayBuffer) return a
  const s = sharedFloats(a.length)
  s.set(a)
  return s
}

export function sharedFloats(length: number): Float64Array {
  return new Float64Array(new SharedArrayBuffer(length * Float64Array.BYTES_PER_ELEMENT))
}

/** [from, to) of share s when n items are split into `shares` contiguous parts as evenly as possible. */
export function shareRange(n: number, shares: number, s: number): [number, number] {
  return [Math.floor((n * s) / shares), Math.floor((n * (s + 1)) / shares)]
}

/**
 * Work split into `chunks` claimed one at a time from a shared counter by whichever thread is free
 * (a core busy with another job then simply claims fewer chunks). Which thread computes a chunk
 * never changes its result.
 */
export interface Chunks {
  counter: Int32Array
  chunks: number
  total: number
}

export function chunks(total: number, count: number): Chunks {
  return {
    counter: new Int32Array(new SharedArrayBuffer(4)),
    chunks: Math.max(1, Math.min(total, count)),
    total,
  }
}

/** The next unclaimed chunk's index, or −1 when all are claimed. */
export function claim(c: Chunks): number {
  const k = Atomics.add(c.counter, 0, 1)
  return k < c.chunks ? k : -1
}
