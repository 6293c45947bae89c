import { readFile } from 'node:fs/promises'
import { basename } from 'node:path'
import { ROUNDING_TOLERANCE } from '../../methods/domain.ts'
import type { Matrix } from '../../methods/matrix.ts'
import { obstacle, subsystemObstacle, topObstacles, type UndefinedReason } from '../../methods/obstacle.ts'
import {
  cliStamp,
  csvTextToTable,
  directionsOf,
  list,
  loadMatrix,
  numberOption,
  optionalString,
  usage,
} from './shared.ts'
import type { MethodArgs, MethodCommand } from './types.ts'
import { methodInput, WEIGHT_OPTIONS, weightsFor } from './weights-options.ts'

export const obstacleMethod: MethodCommand = {
  name: 'obstacle',
  summary: 'obstacle degree (障碍度) per unit and indicator, by subsystem, top-k',
  help: `Input: an already standardised matrix CSV (units × indicators, values in [0, 1], 1 = best),
e.g. the output matrix of \`jueqi method normalize\`.

Formulas (obstacle degree model): factor contribution F_j = w_j, deviation I_ij = 1 − x_ij,
  O_ij = F_j I_ij / Σ_j F_j I_ij          (each defined row sums to 1)
  shortfall S_i = Σ_j F_j I_ij            (1 − the unit's weighted score)
a subsystem's obstacle degree is the sum of O_ij over its indicators. The products F_j I_ij are the
unscaled output of the R package mathmodels' obstacle_degree(), against whose printed example this
is tested; O_ij is its scaled = TRUE form.
Weights: --weights (list in column order, or CSV indicator,weight), else --scheme equal (default),
entropy or critic computed on the input (--on, --zero and --cost as for topsis); giving both
--weights and --scheme is an error.
Subsystems: --subsystems "name:col1,col2;other:col3" or --group-map <file.csv> with columns
indicator,subsystem. Indicators in no subsystem count in O but in no subsystem (listed as unmapped).

A row it cannot define is null — never NaN, never a failure of the whole command — and listed in
undefined_rows with its reason: missing (an empty cell), out-of-range (a value outside [0, 1] by more
than the rounding tolerance 0.001: the input is not standardised; the entry names those columns) or
no-shortfall (every weighted indicator at 1, nothing to attribute). A value outside [0, 1] within the
tolerance (rounding of published figures) is taken as 0 or 1 and listed in notes.
--top k (default 3) lists the k largest obstacles per unit (ties: earlier column first).

Output: { units, columns, obstacle (one list per unit in column order; null rows), shortfall,
top (per unit a list of { indicator, value }, null for undefined rows), subsystems (with
--subsystems/--group-map: { names, obstacle (per unit, in names order), unmapped }), undefined_rows
([{ unit, reason, columns? }]), notes, weights, weights_from, stamp }.`,
  options: [
    ...WEIGHT_OPTIONS,
    { flags: '--subsystems <spec>', description: 'name:col1,col2;name2:col3' },
    { flags: '--group-map <file>', description: 'CSV indicator,subsystem' },
    { flags: '--top <k>', description: 'largest obstacles listed per unit', default: '3' },
  ],
  async run(args) {
    const top = numberOption(args, 'top', 3)!
    if (!(Number.isInteger(top) && top >= 1)) throw usage('--top must be a whole number ≥ 1')
    const { matrix } = await loadMatrix(args)
    const groups = await subsystemsOption(args, matrix.columns)
    const { weights, source } = await weightsFor(args, matrix, directionsOf(args, matrix))
    const r = methodInput(() => obstacle(matrix, weights))
    const outsideOf = (i: number) => r.outside.filter((c) => c.row === i).map((c) => matrix.columns[c.col]!)
    const nullRows = (data: Float64Array, width: number) =>
      matrix.units.map((_, i) => (r.reason[i] ? null : Array.from(data.subarray(i * width, (i + 1) * width))))
    const subsystems = groups && {
      names: groups.names,
      obstacle: nullRows(
        subsystemObstacle(
          r,
          matrix.cols,
          groups.names.map((_, g) => indicesOf(groups.groupOf, g)),
        ),
        groups.names.length,
      ),
      unmapped: matrix.columns.filter((_, j) => groups.groupOf[j] === -1),
    }
    return {
      units: matrix.units,
      columns: matrix.columns,
      obstacle: nullRows(r.obstacle, matrix.cols),
      shortfall: r.shortfall,
      top: matrix.units.map((_, i) =>
        r.reason[i]
          ? null
          : topObstacles(r, matrix.cols, i, top).map((j) => ({
              indicator: matrix.columns[j]!,
              value: r.obstacle[i * matrix.cols + j]!,
            })),
      ),
      ...(subsystems ? { subsystems } : {}),
      undefined_rows: matrix.units.flatMap((unit, i): UndefinedRow[] => {
        const reason = r.reason[i]
        if (!reason) return []
        return [reason === 'out-of-range' ? { unit, reason, columns: outsideOf(i) } : { unit, reason }]
      }),
      notes: r.notes,
      weights,
      weights_from: source,
      stamp: cliStamp(
        'obstacle',
        '1',
        {
          weights: source === 'user' ? Array.from(weights) : source,
          tolerance: ROUNDING_TOLERANCE,
          top,
          subsystems: groups
            ? Object.fromEntries(groups.names.map((n, g) => [n, membersOf(matrix, groups.groupOf, g)]))
            : null,
        },
        { matrix },
      ),
    }
  },
}

type UndefinedRow = { unit: string; reason: UndefinedReason; columns?: string[] }

function membersOf(m: Matrix, groupOf: Int32Array, g: number): string[] {
  return indicesOf(groupOf, g).map((j) => m.columns[j]!)
}

function indicesOf(groupOf: Int32Array, g: number): number[] {
  const out: number[] = []
  groupOf.forEach((s, j) => {
    if (s === g) out.push(j)
  })
  return out
}

/** Subsystem index per column (−1: none) from --subsystems or --group-map; null when neither. */
async function subsystemsOption(
  args: MethodArgs,
  columns: readonly string[],
): Promise<{ names: string[]; groupOf: Int32Array } | null> {
  const spec = optionalString(args, 'subsystems')
  const path = optionalString(args, 'groupMap')
  if (spec && path) throw usage('give either --subsystems or --group-map, not both')
  let pairs: { indicator: string; subsystem: string; where: string }[]
  if (spec) {
    pairs = spec.split(';').flatMap((part) => {
      if (part.trim() === '') return []
      const colon = part.indexOf(':')
      const name = part.slice(0, colon).trim()
      if (colon < 0 || name === '') throw usage(`--subsystems "${part}": expected name:col1,col2`)
      return list(part.slice(colon + 1)).map((indicator) => ({
        indicator,
        subsystem: name,
        where: '--subsystems',
      }))
    })
  } else if (path) {
    let text: string
    try {
      text = await readFile(path, 'utf8')
    } catch {
      throw usage(`--group-map "${path}": cannot read the file`)
    }
    const file = basename(path)
    const t = csvTextToTable(text, file)
    const [ci, si] = [t.header.indexOf('indicator'), t.header.indexOf('subsystem')]
    if (ci < 0 || si < 0) throw usage(`${file}: expected columns indicator,subsystem`)
    pairs = t.rows.map((r) => ({
      indicator: (r.cells[ci] ?? '').trim(),
      subsystem: (r.cells[si] ?? '').trim(),
      where: `${file}:${r.line}`,
    }))
  } else return null
  const names: string[] = []
  const groupOf = new Int32Array(columns.length).fill(-1)
  for (const p of pairs) {
    const j = columns.indexOf(p.indicator)
    if (j < 0) throw usage(`${p.where}: indicator not in the matrix: ${p.indicator}`)
    if (p.subsystem === '') throw usage(`${p.where}: indicator "${p.indicator}" has no subsystem name`)
    let g = names.indexOf(p.subsystem)
    if (g < 0) g = names.push(p.subsystem) - 1
    if (groupOf[j] !== -1 && groupOf[j] !== g)
      throw usage(
        `${p.where}: indicator "${p.indicator}" is in two subsystems (${names[groupOf[j]!]}, ${p.subsystem})`,
      )
    groupOf[j] = g
  }
  if (names.length === 0) throw usage('no subsystems given')
  return { names, groupOf }
}
