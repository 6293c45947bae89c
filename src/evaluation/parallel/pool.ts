/**
 * A small pool of worker threads for the evaluation's panel-wide steps (every indicator × year of
 * a national county panel). The methods stay pure and single-threaded in src/methods; this edge
 * module only splits a panel into parts, runs a method on each part in a worker and puts the
 * results back in order, so a parallel result is the sequential one computed in pieces.
 *
 * Data travels in SharedArrayBuffers (no copy per task); a panel in an ordinary buffer is copied
 * once. Workers start lazily and stay until `close()`: starting one costs tens of milliseconds
 * (it loads tsx and the methods), which a long-running server or a benchmark pays once.
 */
import { availableParallelism } from 'node:os'
import { Worker } from 'node:worker_threads'
import type { TaskRequest, TaskResponse } from './tasks.ts'

interface Pending {
  resolve: (r: TaskResponse) => void
  reject: (e: Error) => void
}

export class MethodPool {
  readonly size: number
  private workers: Worker[] = []
  private pending = new Map<number, Pending>()
  private nextId = 1
  private turn = 0

  constructor(size = availableParallelism()) {
    this.size = Math.max(1, size)
  }

  /** Starts the workers and waits until each has loaded the methods. */
  async start(): Promise<this> {
    while (this.workers.length < this.size) {
      const w = new Worker(new URL('./worker.mjs', import.meta.url))
      w.on('message', (m: TaskResponse & { id: number }) => this.settle(m.id, m))
      w.on('error', (e) => this.failAll(e))
      this.workers.push(w)
    }
    await Promise.all(this.workers.map((_, k) => this.send(k, { task: 'ping' })))
    return this
  }

  /** Runs one task on the next worker in turn. */
  run(request: TaskRequest): Promise<TaskResponse> {
    if (this.workers.length === 0) throw new Error('MethodPool: start() first')
    const k = this.turn
    this.turn = (this.turn + 1) % this.workers.length
    return this.send(k, request)
  }

  async close(): Promise<void> {
    const ws = this.workers
    this.workers = []
    await Promise.all(ws.map((w) => w.terminate()))
  }

  private send(k: number, request: TaskRequest): Promise<TaskResponse> {
    const id = this.nextId++
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject })
      this.workers[k]!.postMessage({ id, ...request })
    })
  }

  private settle(id: number, m: TaskResponse): void {
    const p = this.pending.get(id)
    if (!p) return
    this.pending.delete(id)
    if (m.task === 'error') p.reject(new Error(m.message))
    else p.resolve(m)
  }

  private failAll(e: Error): void {
    for (const p of this.pending.values()) p.reject(e)
    this.pending.clear()
  }
}

/** The same values in a SharedArrayBuffer (the array itself when it already is one). */
export function shared(a: Float64Array): Float64Array {
  if (a.buffer instanceof SharedArrayBuffer) return a
  const s = new Float64Array(new SharedArrayBuffer(a.byteLength))
  s.set(a)
  return s
}

/** [start, end) of part k when n items are split into `parts` contiguous parts of near-equal size. */
export function partRange(n: number, parts: number, k: number): [number, number] {
  return [Math.floor((n * k) / parts), Math.floor((n * (k + 1)) / parts)]
}
