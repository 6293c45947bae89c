/**
 * The one shared WebAssembly memory of the kernels and a small allocator over it, usable from
 * every thread at once (its state lives in the memory, behind a spin lock taken with Atomics).
 *
 * Blocks are powers of two (64 B to 4 GiB, a 16-byte header before the payload) kept on one free
 * list per size: no coalescing, at most 2× the request in address space, and a freed block is
 * reused by the next request of its size — which matters here, where touching fresh pages is slow.
 * Memory is not garbage collected: whoever allocates frees (callers use `withHeap`).
 *
 * A view on this memory is recognised by its buffer (`isHeapView`): in the thread that made it
 * by the buffer object, in a worker by the buffers `adoptHeapBuffers` was given (a typed array
 * posted to a worker arrives on a buffer object of its own, though the bytes are the same).
 */

const PAGE = 65536
/** the allocator's state (Int32 words at address 0): [0] lock, [1] next fresh block ÷ 64, [2 + c] head of class c's free list ÷ 64 */
const STATE_WORDS = 2 + 33
const HEAP_START = PAGE // the kernels have no static data; page 0 holds the allocator's state
const HEADER = 16
const MIN_CLASS = 6
const MAGIC = 0x6a756571 // "jueq"

export interface HeapHandles {
  memory: WebAssembly.Memory
}

let memory: WebAssembly.Memory | null = null
let state: Int32Array | null = null
const ownBuffers = new WeakSet<ArrayBufferLike>()
const adopted = new WeakSet<ArrayBufferLike>()

/** The memory (created on first use in this thread, unless `attachHeap` gave one). */
export function heapMemory(): WebAssembly.Memory {
  if (!memory) {
    memory = new WebAssembly.Memory({ initial: 16, maximum: 65536, shared: true })
    state = new Int32Array(memory.buffer, 0, STATE_WORDS)
    Atomics.store(state, 1, HEAP_START / 64)
  }
  return memory
}

/** Use another thread's memory (a pool worker, before any allocation in it). */
export function attachHeap(h: HeapHandles): void {
  if (memory === h.memory) return
  if (memory) throw new Error('this thread already has a kernel memory')
  memory = h.memory
  state = new Int32Array(memory.buffer, 0, STATE_WORDS)
}

function lock(s: Int32Array): void {
  while (Atomics.compareExchange(s, 0, 0, 1) !== 0) {
    /* spin: the critical sections are a few loads and stores */
  }
}

const sizeClass = (bytes: number): number => Math.max(MIN_CLASS, Math.ceil(Math.log2(bytes + HEADER)))

/** A block of at least `bytes` bytes; its address (16-byte aligned). */
export function heapAlloc(bytes: number): number {
  const mem = heapMemory()
  const s = state!
  const c = sizeClass(bytes)
  if (c > 32) throw new RangeError(`a kernel block of ${bytes} bytes is beyond the 4 GiB memory`)
  const size = 2 ** c
  lock(s)
  let block: number
  try {
    const head = s[2 + c]!
    if (head !== 0) {
      block = head * 64
      s[2 + c] = new Int32Array(bufferTo(block + HEADER), block + 8, 1)[0]!
    } else {
      block = s[1]! * 64
      const end = block + size
      const length = bufferTo(end).byteLength
      if (end > length) {
        const pages = Math.ceil((end - length) / PAGE)
        try {
          mem.grow(pages)
        } catch {
          throw new RangeError(`kernel memory cannot grow to ${Math.ceil(end / 2 ** 20)} MiB`)
        }
      }
      s[1] = end / 64
    }
  } finally {
    Atomics.store(s, 0, 0)
  }
  const h = new Int32Array(bufferTo(block + HEADER), block, 4)
  h[0] = MAGIC
  h[1] = c
  return block + HEADER
}

export function heapFree(address: number): void {
  heapMemory() // the state below exists once the memory does
  const s = state!
  const block = address - HEADER
  const h = new Int32Array(bufferTo(block + HEADER), block, 4)
  if (h[0] !== MAGIC) throw new Error(`kernel heap: ${address} is not an allocated block`)
  const c = h[1]!
  h[0] = 0
  lock(s)
  try {
    h[2] = s[2 + c]!
    s[2 + c] = block / 64
  } finally {
    Atomics.store(s, 0, 0)
  }
}

/**
 * The memory's buffer, reaching at least `end` bytes (remembered as this thread's, for
 * `isHeapView`). After another thread grew the memory this thread may hold the buffer of the old
 * size until V8 delivers the update at its next interrupt check; `grow(0)` brings it now.
 */
function bufferTo(end: number): SharedArrayBuffer {
  const mem = heapMemory()
  let b = mem.buffer as unknown as SharedArrayBuffer
  if (b.byteLength < end) {
    mem.grow(0)
    b = mem.buffer as unknown as SharedArrayBuffer
  }
  ownBuffers.add(b)
  return b
}

/** The memory's current buffer, reaching at least `end` bytes (see bufferTo). */
export function heapBuffer(end = 0): SharedArrayBuffer {
  return bufferTo(end)
}

/** A Float64Array of `length` on the heap (uninitialised: a reused block keeps its old bytes). */
export function heapF64(length: number): Float64Array {
  const a = heapAlloc(length * 8)
  return new Float64Array(heapBuffer(a + 8 * length), a, length)
}

export const isHeapView = (a: ArrayBufferView): boolean => ownBuffers.has(a.buffer) || adopted.has(a.buffer)

/** Frees the block a view from `heapF64` starts at. */
export function heapRelease(a: ArrayBufferView): void {
  if (!isHeapView(a)) throw new Error('not a view on the kernel heap')
  heapFree(a.byteOffset)
}

/** Views in `args` (searched a few levels deep) that lie on the heap: one per buffer, to post with them. */
export function heapViewsIn(args: unknown, depth = 4, out: ArrayBufferView[] = []): ArrayBufferView[] {
  if (depth < 0 || args === null || typeof args !== 'object') return out
  if (ArrayBuffer.isView(args)) {
    if (isHeapView(args) && !out.some((v) => v.buffer === args.buffer)) out.push(args)
    return out
  }
  for (const v of Array.isArray(args) ? args : Object.values(args)) heapViewsIn(v, depth - 1, out)
  return out
}

/** In a worker: the views that `heapViewsIn` found, posted in the same message as the task, mark their buffers as the heap's. */
export function adoptHeapBuffers(views: readonly ArrayBufferView[]): void {
  for (const v of views) adopted.add(v.buffer)
}

/**
 * Runs `f` with an allocator whose blocks are all freed when it returns or throws (or, when it
 * returns a promise, when that settles).
 * `copy(a)` gives `a` itself when it is on the heap, else a heap copy.
 */
export interface HeapScope {
  f64: (length: number) => Float64Array
  copy: (a: Float64Array) => Float64Array
  /** the address of a heap copy of `a` (32-bit integers, e.g. index triples for a kernel) */
  int32s: (a: Int32Array) => number
}

export function withHeap<T>(f: (h: HeapScope) => T): T {
  const blocks: number[] = []
  const f64 = (length: number) => {
    const v = heapF64(length)
    blocks.push(v.byteOffset)
    return v
  }
  const copy = (a: Float64Array) => {
    if (isHeapView(a)) return a
    const v = f64(a.length)
    v.set(a)
    return v
  }
  const int32s = (a: Int32Array) => {
    const p = heapAlloc(Math.max(4, a.byteLength))
    blocks.push(p)
    new Int32Array(heapBuffer(p + a.byteLength), p, a.length).set(a)
    return p
  }
  const release = () => {
    for (const b of blocks) heapFree(b)
  }
  let result: T
  try {
    result = f({ f64, copy, int32s })
  } catch (e) {
    release()
    throw e
  }
  // an async `f` (a parallel path awaiting its workers) keeps its blocks until it settles
  if (result instanceof Promise) return result.finally(release) as T
  release()
  return result
}
