/** Helpers shared by the calling thread and the workers for work claimed chunk by chunk. */
import { type DisparityResult, disparityRanges } from '../disparity.ts'
import type { Matrix } from '../matrix.ts'
import { type Chunks, claim, shareRange } from './pool.ts'

/** [first column of a chunk, the notes of its columns] for each chunk a thread computed */
export type ChunkNotes = [number, string[]][]

/** Claims column chunks until none is left, computing each into `r`; each chunk's notes kept apart. */
export function disparityClaimed(
  m: Matrix,
  plan: Parameters<typeof disparityRanges>[1],
  r: DisparityResult,
  work: Chunks,
): ChunkNotes {
  const got: ChunkNotes = []
  let current = -1
  let mark = r.notes.length
  disparityRanges(m, plan, r, () => {
    if (current >= 0) got.push([current, r.notes.slice(mark)])
    mark = r.notes.length
    const c = claim(work)
    if (c < 0) return null
    const range = shareRange(work.total, work.chunks, c)
    current = range[0]
    return range
  })
  return got
}

/** Every thread's chunk notes in column order, as one list. */
export function mergeNotes(parts: ChunkNotes[]): string[] {
  return parts
    .flat()
    .sort((a, b) => a[0] - b[0])
    .flatMap(([, notes]) => notes)
}
