/**
 * Inputs as published, through the real `jueqi` executable on real files (issue 19): subsystem
 * scores computed from rounded weights reach 1.0001 and are taken as 1 with a note; 1.01 is no
 * rounding and is refused naming the file, row and column; `obstacle --weights` is not refused
 * because of --scheme's default.
 */
import { execFile } from 'node:child_process'
import { mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { beforeAll, describe, expect, it } from 'vitest'

const run = promisify(execFile)
const jueqi = (...args: string[]) => run(process.execPath, ['bin/jueqi.mjs', 'method', ...args])
let dir: string
const file = async (name: string, text: string) => {
  const p = join(dir, name)
  await writeFile(p, text)
  return p
}
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'jueqi-published-'))
})

describe('inputs as published', () => {
  it('coupling takes 1.0001 as 1 with a note, and refuses 1.01 naming file, row and column', async () => {
    const scores = await file('scores.csv', 'province,economy,society\nHenan,0.62,1.0001\nHubei,0.55,0.48\n')
    const ok = JSON.parse((await jueqi('coupling', '--input', scores)).stdout) as {
      C: number[]
      notes: string[]
    }
    expect(ok.notes).toEqual([
      'row "Henan", column "society": 1.0001 is outside [0, 1] within the rounding tolerance 0.001, taken as 1',
    ])
    // C of (0.62, 1) with k = 1/2: 2√0.62 / 1.62
    expect(ok.C[0]).toBeCloseTo((2 * Math.sqrt(0.62)) / 1.62, 12)
    const far = await file('far.csv', 'province,economy,society\nHenan,0.62,1.01\nHubei,0.55,0.48\n')
    await expect(jueqi('coupling', '--input', far)).rejects.toMatchObject({
      code: 2,
      stderr: expect.stringContaining(
        'far.csv: row "Henan", column "society" is 1.01: outside [0, 1] by more than the rounding tolerance 0.001',
      ),
    })
  }, 180_000)

  it('obstacle --weights is taken as given, and --weights with an explicit --scheme is refused', async () => {
    const x = await file('x.csv', 'id,a,b\nu1,0.2,0.9\nu2,1.0004,0.5\n')
    const out = JSON.parse((await jueqi('obstacle', '--input', x, '--weights', '0.25,0.75')).stdout) as {
      weights_from: string
      shortfall: number[]
      notes: string[]
    }
    expect(out.weights_from).toBe('user')
    // u1: 0.25·0.8 + 0.75·0.1; u2: a taken as 1, so 0.75·0.5
    expect(out.shortfall).toEqual([0.25 * 0.8 + 0.75 * (1 - 0.9), 0.75 * 0.5])
    expect(out.notes).toHaveLength(1)
    await expect(
      jueqi('obstacle', '--input', x, '--weights', '0.25,0.75', '--scheme', 'critic'),
    ).rejects.toMatchObject({ code: 2, stderr: expect.stringContaining('not both') })
  }, 180_000)
})
