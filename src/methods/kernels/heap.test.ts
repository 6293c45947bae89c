import { Worker } from 'node:worker_threads'
import { describe, expect, it } from 'vitest'
import {
  heapAlloc,
  heapF64,
  heapFree,
  heapMemory,
  heapRelease,
  heapViewsIn,
  isHeapView,
  withHeap,
} from './heap.ts'
import { stress } from './heap-stress.ts'

describe('kernel heap', () => {
  it('gives 16-byte aligned, non-overlapping blocks and reuses a freed block of the same size', () => {
    const a = heapAlloc(100)
    const b = heapAlloc(100)
    expect(a % 16).toBe(0)
    expect(Math.abs(a - b)).toBeGreaterThanOrEqual(100)
    heapFree(a)
    expect(heapAlloc(90)).toBe(a) // same size class: the freed block
    heapFree(b)
    expect(() => heapFree(b)).toThrow(/not an allocated block/)
  })

  it('grows the memory for a large block and keeps earlier views valid', () => {
    const small = heapF64(10)
    small.fill(7)
    const before = heapMemory().buffer.byteLength
    const big = heapF64(4_000_000) // 32 MB
    expect(heapMemory().buffer.byteLength).toBeGreaterThan(before)
    big[big.length - 1] = 1
    expect([...small]).toEqual(new Array(10).fill(7))
    heapRelease(big)
    heapRelease(small)
  })

  it('recognises its own views, finds them in task arguments, and withHeap frees on a throw', () => {
    const v = heapF64(4)
    expect(isHeapView(v)).toBe(true)
    expect(isHeapView(v.subarray(1))).toBe(true)
    expect(isHeapView(new Float64Array(4))).toBe(false)
    expect(isHeapView(new Float64Array(new SharedArrayBuffer(32)))).toBe(false)
    const found = heapViewsIn({ m: { data: v }, other: new Float64Array(2), list: [v.subarray(2)] })
    expect(found).toEqual([v])
    let address = 0
    expect(() =>
      withHeap((h) => {
        address = h.f64(1000).byteOffset
        throw new Error('boom')
      }),
    ).toThrow('boom')
    expect(heapAlloc(8000 - 16)).toBe(address) // the block went back to its free list
    const copy = withHeap((h) => {
      const plain = Float64Array.of(1, 2, 3)
      const c = h.copy(plain)
      expect(h.copy(v)).toBe(v)
      return [isHeapView(c), [...c]]
    })
    expect(copy).toEqual([true, [1, 2, 3]])
    heapRelease(v)
  })

  it('serves two threads allocating at once without handing out a block twice', async () => {
    const worker = new Worker(new URL('./heap-stress.worker.mjs', import.meta.url), {
      execArgv: [],
      workerData: { memory: heapMemory(), id: 2, rounds: 200_000 },
    })
    await new Promise((resolve) => worker.once('message', resolve))
    const theirs = new Promise((resolve) => worker.once('message', resolve))
    worker.postMessage('go')
    const mine = stress(1, 200_000)
    // the number of blocks each thread found overwritten by the other (a worker error would show here)
    expect({ mine, theirs: await theirs }).toEqual({ mine: 0, theirs: 0 })
    await worker.terminate()
  }, 60_000)
})
