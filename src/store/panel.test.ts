/**
 * The binary COPY reader of store/panel.ts, on a stream cut into chunks at every offset and at
 * random lengths: the same cells land in the same planes however the bytes arrive, each cell
 * keeps the row with the smallest key (release rank × 4 + vintage rank, then seq) in whatever
 * order its rows come, a row with other fields is refused, and a stream without its trailer is an
 * error.
 */
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { describe, expect, it } from 'vitest'
import { mulberry32 } from '../statistics/synth.ts'
import { BinaryRows, Planes } from './panel.ts'

const UNITS = 7
const COLS = 3
type Row = [uk: number, period: number, value: number, rv: number, seq: number]

function encode(rows: Row[], extension = 0): Buffer {
  const head = Buffer.alloc(19 + extension)
  Buffer.from('PGCOPY\n\xff\r\n\0', 'latin1').copy(head, 0)
  head.writeInt32BE(extension, 15)
  const body = Buffer.alloc(rows.length * 46)
  rows.forEach(([uk, period, value, rv, seq], r) => {
    let p = r * 46
    p = body.writeInt16BE(5, p)
    p = body.writeInt32BE(4, p)
    p = body.writeInt32BE(uk, p)
    p = body.writeInt32BE(4, p)
    p = body.writeInt32BE(period, p)
    p = body.writeInt32BE(8, p)
    p = body.writeDoubleBE(value, p)
    p = body.writeInt32BE(4, p)
    p = body.writeInt32BE(rv, p)
    p = body.writeInt32BE(4, p)
    body.writeInt32BE(seq, p)
  })
  return Buffer.concat([head, body, Buffer.from([0xff, 0xff])])
}

// 40 rows over 21 slots × 3 years: some cells twice or more, from release 0 or 1, vintage 0–3
const rows: Row[] = Array.from({ length: 40 }, (_, k) => [
  (k * 5) % (UNITS * COLS),
  2020 + (k % 3),
  k * 1.5 - 7,
  ((k * 7) % 2) * 4 + ((k * 3) % 4),
  100 - k,
])

/** The value each cell should keep: its row with the smallest (rv, seq). */
function preferred(rs: Row[]): Map<string, Row> {
  const best = new Map<string, Row>()
  for (const r of rs) {
    const k = `${r[1]}|${r[0]}`
    const b = best.get(k)
    if (!b || r[3] < b[3] || (r[3] === b[3] && r[4] < b[4])) best.set(k, r)
  }
  return best
}

async function read(chunks: Buffer[]): Promise<Planes> {
  const planes = new Planes(UNITS, COLS, 2)
  await pipeline(Readable.from(chunks), new BinaryRows(planes))
  return planes
}

function split(b: Buffer, cuts: number[]): Buffer[] {
  const out: Buffer[] = []
  let at = 0
  for (const c of [...cuts, b.length]) {
    out.push(b.subarray(at, c))
    at = c
  }
  return out
}

describe('BinaryRows', () => {
  it('reads the same planes however the stream is cut', async () => {
    const bytes = encode(rows, 5)
    const whole = await read([bytes])
    const best = preferred(rows)
    expect(best.size).toBeLessThan(rows.length)
    expect(whole.cells).toBe(best.size)
    expect([...whole.byYear.keys()].sort()).toEqual([2020, 2021, 2022])
    for (const [k, r] of best) {
      const [p, uk] = k.split('|').map(Number)
      expect(whole.byYear.get(p!)![uk!]).toBe(r[2])
    }
    // cells per release rank that won
    const from = [0, 0]
    for (const r of best.values()) from[r[3] >> 2]!++
    expect([...whole.fromRelease]).toEqual(from)
    // the same planes whatever order the rows come in
    const reversed = await read([encode([...rows].reverse())])
    expect(reversed.byYear).toEqual(whole.byYear)
    for (let c = 1; c < bytes.length; c++) {
      const cut = await read(split(bytes, [c]))
      expect(cut.byYear).toEqual(whole.byYear)
    }
    const rnd = mulberry32(5)
    for (let trial = 0; trial < 50; trial++) {
      const cuts: number[] = []
      for (let at = Math.floor(rnd() * 60) + 1; at < bytes.length; at += Math.floor(rnd() * 60) + 1)
        cuts.push(at)
      const cut = await read(split(bytes, cuts))
      expect(cut.byYear).toEqual(whole.byYear)
      expect(cut.cells).toBe(best.size)
      expect([...cut.unitSeen]).toEqual([...whole.unitSeen])
      expect([...cut.fromRelease]).toEqual(from)
    }
  })

  it('keeps periods outside 0–9999 too, each its own plane', () => {
    const planes = new Planes(UNITS, COLS, 1)
    planes.put(2, 99_999, 1.5, 1, 0)
    planes.put(2, -5, 2.5, 1, 0)
    planes.put(2, 99_999, 3.5, 0, 9)
    planes.put(2, -5, 4.5, 2, 0)
    expect(planes.byYear.get(99_999)![2]).toBe(3.5)
    expect(planes.byYear.get(-5)![2]).toBe(2.5)
    expect(planes.cells).toBe(2)
  })

  it('refuses a row of other fields and a stream without its trailer', async () => {
    const bad = encode(rows)
    bad.writeInt16BE(3, 19)
    await expect(read([bad])).rejects.toThrow(/unexpected row/)
    const cut = encode(rows)
    await expect(read([cut.subarray(0, cut.length - 2)])).rejects.toThrow(/before its trailer/)
  })
})
