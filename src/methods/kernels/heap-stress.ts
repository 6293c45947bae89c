/** Test helper (heap.test.ts): a thread's share of a concurrent allocation run on the kernel heap. */
import { heapAlloc, heapBuffer, heapFree } from './heap.ts'

/**
 * Allocates blocks of pseudo-random sizes (now and then a large one, which grows the memory), fills
 * each with `id`, checks the fill before freeing it;
 * returns how many blocks had been overwritten by another thread.
 */
export function stress(id: number, rounds: number): number {
  let bad = 0
  let seed = id * 7919
  const live: { p: number; n: number }[] = []
  for (let r = 0; r < rounds; r++) {
    seed = (seed * 1103515245 + 12345) >>> 0
    if (live.length < 32 && seed % 3 !== 0) {
      // now and then a large block, so that the memory grows while the other thread works on it
      const n = seed % 997 === 0 ? 65_536 + (seed % 400_000) : 4 + (seed % 1000)
      const p = heapAlloc(4 * n)
      new Int32Array(heapBuffer(p + 4 * n), p, n).fill(id)
      live.push({ p, n })
    } else if (live.length > 0) {
      const { p, n } = live.pop()!
      if (new Int32Array(heapBuffer(p + 4 * n), p, n).some((x) => x !== id)) bad++
      heapFree(p)
    }
  }
  for (const { p } of live) heapFree(p)
  return bad
}
