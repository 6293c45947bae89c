/**
 * The binary COPY reader of store/panel.ts, on a stream cut into chunks at every offset and at
 * random lengths: the same cells land in the same planes however the bytes arrive, a row with
 * other fields is refused, and a stream without its trailer is an error.
 */
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { describe, expect, it } from 'vitest'
import { mulberry32 } from '../statistics/synth.ts'
import { BinaryRows, Planes } from './panel.ts'

const UNITS = 7
const COLS = 3
type Row = [uk: number, period: number, value: number, rel: number]

function encode(rows: Row[], extension = 0): Buffer {
  const head = Buffer.alloc(19 + extension)
  Buffer.from('PGCOPY\n\xff\r\n\0', 'latin1').copy(head, 0)
  head.writeInt32BE(extension, 15)
  const body = Buffer.alloc(rows.length * 38)
  rows.forEach(([uk, period, value, rel], r) => {
    let p = r * 38
    p = body.writeInt16BE(4, p)
    p = body.writeInt32BE(4, p)
    p = body.writeInt32BE(uk, p)
    p = body.writeInt32BE(4, p)
    p = body.writeInt32BE(period, p)
    p = body.writeInt32BE(8, p)
    p = body.writeDoubleBE(value, p)
    p = body.writeInt32BE(4, p)
    body.writeInt32BE(rel, p)
  })
  return Buffer.concat([head, body, Buffer.from([0xff, 0xff])])
}

const rows: Row[] = Array.from({ length: 40 }, (_, k) => [
  k % (UNITS * COLS),
  2020 + (k % 3),
  k * 1.5 - 7,
  k % 2,
])

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
    expect(whole.cells).toBe(rows.length)
    expect([...whole.byYear.keys()].sort()).toEqual([2020, 2021, 2022])
    const last = new Map<string, number>()
    for (const [uk, p, v] of rows) last.set(`${p}|${uk}`, v)
    for (const [k, v] of last) {
      const [p, uk] = k.split('|').map(Number)
      expect(whole.byYear.get(p!)![uk!]).toBe(v)
    }
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
      expect(cut.cells).toBe(rows.length)
      expect([...cut.unitSeen]).toEqual([...whole.unitSeen])
      expect([...cut.relSeen]).toEqual([1, 1])
    }
  })

  it('refuses a row of other fields and a stream without its trailer', async () => {
    const bad = encode(rows)
    bad.writeInt16BE(3, 19)
    await expect(read([bad])).rejects.toThrow(/unexpected row/)
    const cut = encode(rows)
    await expect(read([cut.subarray(0, cut.length - 2)])).rejects.toThrow(/before its trailer/)
  })
})
