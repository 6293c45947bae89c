import { readFile } from 'node:fs/promises'
import { basename } from 'node:path'
import { type Band, bandsFromCuts, COUPLING_FORMS, coupling, DEFAULT_BANDS } from '../../methods/coupling.ts'
import { ROUNDING_TOLERANCE } from '../../methods/domain.ts'
import {
  choice,
  cliStamp,
  csvTextToTable,
  loadMatrix,
  numberOption,
  optionalString,
  requireString,
  usage,
  weightsOption,
} from './shared.ts'
import type { MethodArgs, MethodCommand } from './types.ts'
import { methodInput } from './weights-options.ts'

export const couplingMethod: MethodCommand = {
  name: 'coupling',
  summary: 'coupling coordination degree (耦合协调度) of 2 or more subsystems',
  help: `Input: matrix CSV, one row per unit, one column per subsystem score U_1..U_n in [0, 1] (n ≥ 2),
e.g. the composite scores of the economy, society and environment subsystems.

Coupling degree C (--form):
  standard (default)  C = {Π U_i / ((Σ U_i)/n)^n}^k, k = 1/n unless --k, i.e. C = n(ΠU)^(1/n)/ΣU
                      (geometric over arithmetic mean: C in [0, 1], C = 1 when all U are equal).
                      For n = 2 this is {4U₁U₂/(U₁+U₂)²}^k; k is usually 1/n (k = 1/2 gives
                      2√(U₁U₂)/(U₁+U₂)), some papers use k = 2 for two systems.
  wang2021            C = √{[1 − Σ_{i<j}|U_i − U_j| / (n(n−1)/2)] · [Π_i U_i/max U]^(1/(n−1))},
                      the revised model of 王淑佳, 孔伟, 任亮 等 (2021) 国内耦合协调度模型的误区及修正,
                      自然资源学报 36(3):793–810, which spreads C over [0, 1] where the standard form
                      crowds near 1. --k does not apply.
Development index T = Σ α_i U_i (α = 1/n unless --weights); coordination degree D = √(C·T).
Both forms are tested against the printed example of the R package mathmodels (coupling_degree).

Levels of D: ten bands of width 0.1, lower bound inclusive, 1.0 in the top band:
  [0,0.1) 极度失调 extreme imbalance · [0.1,0.2) 严重失调 serious imbalance · [0.2,0.3) 中度失调
  moderate imbalance · [0.3,0.4) 轻度失调 mild imbalance · [0.4,0.5) 濒临失调 verging on imbalance ·
  [0.5,0.6) 勉强协调 barely coordinated · [0.6,0.7) 初级协调 primary coordination · [0.7,0.8) 中级协调
  intermediate coordination · [0.8,0.9) 良好协调 good coordination · [0.9,1] 优质协调 high-quality coordination.
--bands replaces them: either increasing cut points (e.g. 0.4,0.6,0.8; labels are the intervals) or a
CSV file with columns upper,label_zh[,label_en], one row per band in increasing order (a D above
the last upper bound gets a null level).

Missing data: a unit with any empty score has null C, T, D and level. A unit whose scores are all 0
has null C (0/0) but T = D = 0.

Inputs as published: a score outside [0, 1] by at most the rounding tolerance 0.001 (scores computed
from weights printed to four decimals can reach 1.0001) is taken as 0 or 1 and listed in notes; a
score farther out is refused naming the file, row (unit) and column. Weights are rescaled to sum to 1.

Output: { units, columns, C, T, D, level (zh label per unit), level_en, form, k (null for
wang2021), alpha, notes (values taken within the rounding tolerance), stamp }; C, T, D, level and
level_en are lists in unit order.`,
  options: [
    { flags: '--form <form>', description: 'standard or wang2021', default: 'standard' },
    { flags: '--k <exponent>', description: 'exponent k of the standard form (default 1/n)' },
    { flags: '--weights <list|file>', description: 'α per subsystem (default equal)' },
    { flags: '--bands <cuts|file>', description: 'cut points a,b,c or CSV upper,label_zh,label_en' },
  ],
  async run(args) {
    const form = choice(args, 'form', COUPLING_FORMS, 'standard')
    const k = numberOption(args, 'k')
    if (k !== undefined && !(k > 0)) throw usage('--k must be positive')
    if (k !== undefined && form !== 'standard') throw usage('--k applies to --form standard only')
    const { matrix } = await loadMatrix(args)
    if (matrix.cols < 2)
      throw usage(`coupling needs at least two subsystem columns; the input has ${matrix.cols}`)
    const alpha = await weightsOption(args, matrix.columns)
    const bands = await bandsOption(args)
    const r = methodInput(
      () => coupling(matrix, { form, ...(k !== undefined ? { k } : {}), ...(alpha ? { alpha } : {}), bands }),
      basename(requireString(args, 'input')),
    )
    return {
      units: matrix.units,
      columns: matrix.columns,
      C: r.C,
      T: r.T,
      D: r.D,
      level: r.level.map((b) => b?.zh ?? null),
      level_en: r.level.map((b) => b?.en ?? null),
      form,
      k: r.k,
      alpha: r.alpha,
      notes: r.notes,
      stamp: cliStamp(
        'coupling',
        '1',
        {
          form,
          k: Number.isNaN(r.k) ? null : r.k,
          alpha: Array.from(r.alpha),
          bands: args.bands ?? 'default',
          tolerance: ROUNDING_TOLERANCE,
        },
        { matrix, bands },
      ),
    }
  },
}

async function bandsOption(args: MethodArgs): Promise<readonly Band[]> {
  const spec = optionalString(args, 'bands')
  if (!spec) return DEFAULT_BANDS
  if (/^[\s\d.,]+$/.test(spec)) {
    const cuts = spec.split(',').map((s) => Number(s.trim()))
    if (cuts.some((c) => !Number.isFinite(c))) throw usage(`--bands "${spec}": expected numbers a,b,c`)
    return methodInput(() => bandsFromCuts(cuts))
  }
  let text: string
  try {
    text = await readFile(spec, 'utf8')
  } catch {
    throw usage(`--bands "${spec}": neither cut points (e.g. 0.4,0.6,0.8) nor a readable file`)
  }
  const file = basename(spec)
  const t = csvTextToTable(text, file)
  const col = (name: string) => t.header.findIndex((h) => h.trim() === name)
  const [u, z, e] = [col('upper'), col('label_zh'), col('label_en')]
  if (u < 0 || z < 0) throw usage(`${file}: expected columns upper,label_zh[,label_en]`)
  const bands = t.rows.map((r) => {
    const raw = r.cells[u] ?? ''
    const upper = Number(raw)
    if (raw.trim() === '' || !Number.isFinite(upper))
      throw usage(`${file}:${r.line}:upper: "${raw}" is not a number`)
    const zh = (r.cells[z] ?? '').trim()
    return { upper, zh, en: e >= 0 ? (r.cells[e] ?? '').trim() || zh : zh, line: r.line }
  })
  if (bands.length === 0) throw usage(`${file}: no bands`)
  for (let i = 1; i < bands.length; i++)
    if (!(bands[i]!.upper > bands[i - 1]!.upper))
      throw usage(`${file}:${bands[i]!.line}:upper: upper bounds must increase`)
  return bands.map(({ upper, zh, en }) => ({ upper, zh, en }))
}
