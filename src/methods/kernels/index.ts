/**
 * The evaluation methods' WebAssembly kernels (./assembly, compiled into ./wasm.generated.ts):
 * the hot loops of entropy weights, disparity and the rank-uncertainty draws, with SIMD over pairs of columns or draws, computing
 * exactly what the JavaScript formulas compute (fdlibm's logarithm, the same operations in the
 * same order per column), so every result is the same bit for bit (tests compare them).
 *
 * One module instance per thread, on the heap's shared memory (./heap.ts); a pool worker gets the
 * main thread's memory and module through `kernelHandles`/`attachKernels`.
 */
import { attachHeap, heapMemory } from './heap.ts'
import { KERNELS_WASM_BASE64 } from './wasm.generated.ts'

export interface KernelExports {
  initConstants(): void
  logArray(src: number, dst: number, n: number): void
  expArray(src: number, dst: number, n: number): void
  sortArray(v: number, n: number, scratch: number): void
  sortScratchBytes(n: number): number
  giniScratchBytes(rows: number, columns: number): number
  columnRanges(
    data: number,
    rows: number,
    cols: number,
    from: number,
    to: number,
    lo: number,
    hi: number,
  ): void
  entropySums(data: number, rows: number, cols: number, from: number, to: number, s: number): void
  runSums(
    t: number,
    cols: number,
    i0: number,
    n: number,
    runs: number,
    nRuns: number,
    w: number,
    A: number,
    acc: number,
  ): void
  aggregateRows(
    t: number,
    mask: number,
    rows: number,
    cols: number,
    runs: number,
    nRuns: number,
    w: number,
    A: number,
    parents: number,
    how: number,
    wAgg: number,
    indicatorSums: number,
    out: number,
    acc: number,
    wsum: number,
  ): void
  topsisRanges(
    data: number,
    rows: number,
    cols: number,
    forms: number,
    useForms: number,
    hi: number,
    lo: number,
  ): void
  topsisDistances(
    data: number,
    rows: number,
    cols: number,
    forms: number,
    useForms: number,
    cw: number,
    out: number,
  ): void
  rankScratchBytes(n: number): number
  rankInto(scores: number, n: number, out: number, offset: number, stride: number, scratch: number): void
  formedRunSums(
    data: number,
    rows: number,
    cols: number,
    forms: number,
    starts: number,
    S: number,
    out: number,
  ): void
  formMatrix(data: number, rows: number, cols: number, forms: number, out: number): void
  obstacleRows(
    data: number,
    rows: number,
    cols: number,
    w: number,
    out: number,
    totals: number,
    flags: number,
  ): void
  giniColumns(
    data: number,
    rows: number,
    cols: number,
    from: number,
    to: number,
    rowOk: number,
    s: number,
    scratch: number,
  ): void
  groupedSums(
    data: number,
    rows: number,
    cols: number,
    from: number,
    to: number,
    unitW: number,
    gid: number,
    G: number,
    s: number,
  ): void
  groupedLogs(
    data: number,
    rows: number,
    cols: number,
    from: number,
    to: number,
    unitW: number,
    gid: number,
    G: number,
    s: number,
  ): void
  groupedPrep(w: number, g1: number, G: number, p1: number, p2: number, gw: number, res: number): void
  groupedFinish(
    w: number,
    g1: number,
    G: number,
    sample: number,
    weighted: number,
    p1: number,
    p2: number,
    gw: number,
    res: number,
  ): void
}

let module: WebAssembly.Module | null = null
let instance: KernelExports | null = null

function compiled(): WebAssembly.Module {
  module ??= new WebAssembly.Module(Buffer.from(KERNELS_WASM_BASE64, 'base64'))
  return module
}

/** This thread's kernels (instantiated on first use). */
export function kernels(): KernelExports {
  if (!instance) {
    const i = new WebAssembly.Instance(compiled(), { env: { memory: heapMemory() } })
    instance = i.exports as unknown as KernelExports
    // the constant table sits below the heap; writing it again (another thread) writes the same bytes
    instance.initConstants()
  }
  return instance
}

export interface KernelHandles {
  memory: WebAssembly.Memory
  module: WebAssembly.Module
}

/** What a worker needs to run the kernels on this thread's memory (both can be posted to a worker). */
export function kernelHandles(): KernelHandles {
  return { memory: heapMemory(), module: compiled() }
}

/** In a worker: run the kernels on the memory and module of the thread that started it. */
export function attachKernels(h: KernelHandles): void {
  attachHeap({ memory: h.memory })
  module = h.module
  instance = null
}
