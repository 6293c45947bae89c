import { readFile } from 'node:fs/promises'
import { type Band, coupling, DEFAULT_BANDS } from '../../methods/coupling.ts'
import {
  cliStamp,
  csvTextToTable,
  loadMatrix,
  numberOption,
  optionalString,
  usage,
  weightsOption,
} from './shared.ts'
import type { MethodArgs, MethodCommand } from './types.ts'
import { methodInput } from './weights-options.ts'

export const couplingMethod: MethodCommand = {
  name: 'coupling',
  summary: 'coupling coordination degree (耦合协调度) of 2 or more subsystems',
  help: `Input: matrix CSV, one row per unit, one column per subsystem score U in [0, 1].

Formulas: C = [Π U_i / ((Σ U_i)/n)^n]^k, default k = 1/n, which is C = n(ΠU)^(1/n)/ΣU (the
corrected form of 王淑佳 et al. 2021, "国内耦合协调度模型的误区及修正"); with --k and n = 2,
C = {4U₁U₂/(U₁+U₂)²}^k (the exponent variant). T = Σ α_i U_i (α = 1/n unless --weights),
D = √(C·T). Levels: ten bands of width 0.1 from 极度失调 (extreme imbalance) to 优质协调
(high-quality coordination), or --bands <file.csv> with columns upper,label_zh,label_en.
A unit with a missing or negative score has null C, T, D and level.

Output: { units, columns, C, T, D, level (zh), level_en, k, alpha, stamp }.`,
  options: [
    { flags: '--k <exponent>', description: 'exponent k (default 1/n)' },
    { flags: '--weights <list|file>', description: 'α per subsystem (default equal)' },
    { flags: '--bands <file>', description: 'CSV upper,label_zh,label_en' },
  ],
  async run(args) {
    const { matrix } = await loadMatrix(args)
    const k = numberOption(args, 'k')
    if (k !== undefined && !(k > 0)) throw usage('--k must be positive')
    const alpha = await weightsOption(args, matrix.columns)
    const bands = await bandsOption(args)
    const r = methodInput(() =>
      coupling(matrix, { ...(k !== undefined ? { k } : {}), ...(alpha ? { alpha } : {}), bands }),
    )
    const a = alpha ?? new Float64Array(matrix.cols).fill(1 / matrix.cols)
    return {
      units: matrix.units,
      columns: matrix.columns,
      C: r.C,
      T: r.T,
      D: r.D,
      level: r.level.map((b) => b?.zh ?? null),
      level_en: r.level.map((b) => b?.en ?? null),
      k: r.k,
      alpha: a,
      stamp: cliStamp(
        'coupling',
        '1',
        { k: r.k, alpha: Array.from(a), bands: args.bands ?? 'default' },
        { matrix, bands },
      ),
    }
  },
}

async function bandsOption(args: MethodArgs): Promise<readonly Band[]> {
  const path = optionalString(args, 'bands')
  if (!path) return DEFAULT_BANDS
  const t = csvTextToTable(
    await readFile(path, 'utf8').catch(() => {
      throw usage(`--bands "${path}": cannot read the file`)
    }),
    path,
  )
  const col = (name: string) => {
    const i = t.header.indexOf(name)
    if (i < 0) throw usage(`${path}: no column "${name}" (expected upper,label_zh,label_en)`)
    return i
  }
  const [u, z, e] = [col('upper'), col('label_zh'), col('label_en')]
  const bands = t.rows.map((r) => {
    const upper = Number(r.cells[u])
    if (!Number.isFinite(upper)) throw usage(`${path}:${r.line}:upper: "${r.cells[u]}" is not a number`)
    return { upper, zh: r.cells[z] ?? '', en: r.cells[e] ?? '' }
  })
  for (let i = 1; i < bands.length; i++)
    if (!(bands[i]!.upper > bands[i - 1]!.upper)) throw usage(`${path}: upper bounds must increase`)
  return bands
}
