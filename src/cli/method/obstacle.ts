import { readFile } from 'node:fs/promises'
import { toRows } from '../../methods/matrix.ts'
import { obstacle, subsystemObstacle, topObstacles } from '../../methods/obstacle.ts'
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
import { weightsFor } from './weights-options.ts'

export const obstacleMethod: MethodCommand = {
  name: 'obstacle',
  summary: 'obstacle degree (障碍度) per unit and indicator, by subsystem, top-k',
  help: `Input: an already standardised matrix CSV (units × indicators, values in [0, 1], 1 = best).

Formula: factor contribution F_j = w_j, deviation I_ij = 1 − x_ij,
  O_ij = F_j I_ij / Σ_j F_j I_ij   (each defined row sums to 1);
a subsystem's obstacle is the sum over its indicators. Weights: --weights (list or CSV file),
else --scheme equal (default), entropy or critic computed on the input.
Subsystems: --subsystems "name:col1,col2;other:col3" or --group-map <file.csv> (indicator,subsystem).
A row it cannot define (a missing cell, or no shortfall at all) is null — never NaN, never a failure
of the whole command. --top k (default 3) lists the k largest obstacles per unit.

Output: { units, columns, obstacle (rows; null rows), subsystems: { names, obstacle }, top:
[[{ indicator, value }]], weights, weights_from, stamp }.`,
  options: [
    { flags: '--weights <list|file>', description: 'indicator weights (default equal)' },
    { flags: '--scheme <scheme>', description: 'equal, entropy or critic (when no --weights)' },
    { flags: '--subsystems <spec>', description: 'name:col1,col2;name2:col3' },
    { flags: '--group-map <file>', description: 'CSV indicator,subsystem' },
    { flags: '--top <k>', description: 'largest obstacles listed per unit', default: '3' },
  ],
  async run(args) {
    const { matrix } = await loadMatrix(args)
    const top = numberOption(args, 'top', 3)!
    if (!(Number.isInteger(top) && top >= 1)) throw usage('--top must be a whole number ≥ 1')
    const { weights, source } = await weightsFor(args, matrix, directionsOf(args, matrix))
    const r = obstacle(matrix, weights)
    const groups = await subsystemsOption(args, matrix.columns)
    const rows = toRows({ ...matrix, data: r.obstacle }).map((row, i) => (r.defined[i] ? row : null))
    const sub = groups
      ? subsystemObstacle(
          r,
          matrix.cols,
          groups.map((g) => g.cols),
        )
      : null
    return {
      units: matrix.units,
      columns: matrix.columns,
      obstacle: rows,
      ...(groups && sub
        ? {
            subsystems: {
              names: groups.map((g) => g.name),
              obstacle: toRows({
                rows: matrix.rows,
                cols: groups.length,
                data: sub,
                units: matrix.units,
                columns: groups.map((g) => g.name),
              }).map((row, i) => (r.defined[i] ? row : null)),
            },
          }
        : {}),
      top: matrix.units.map((_, i) =>
        topObstacles(r, matrix.cols, i, top).map((j) => ({
          indicator: matrix.columns[j]!,
          value: r.obstacle[i * matrix.cols + j]!,
        })),
      ),
      weights,
      weights_from: source,
      stamp: cliStamp(
        'obstacle',
        '1',
        {
          weights: source === 'user' ? Array.from(weights) : source,
          top,
          subsystems: groups?.map((g) => g.name) ?? null,
        },
        { matrix },
      ),
    }
  },
}

async function subsystemsOption(args: MethodArgs, columns: readonly string[]) {
  const spec = optionalString(args, 'subsystems')
  const file = optionalString(args, 'groupMap')
  if (spec && file) throw usage('give either --subsystems or --group-map')
  let pairs: [string, string][] = []
  if (spec)
    pairs = spec.split(';').flatMap((part) => {
      const [name, cols] = part.split(':')
      if (!name?.trim() || cols === undefined) throw usage(`--subsystems "${part}": expected name:col1,col2`)
      return list(cols).map((c) => [c, name.trim()] as [string, string])
    })
  else if (file) {
    const t = csvTextToTable(await readFile(file, 'utf8'), file)
    const [ci, si] = [t.header.indexOf('indicator'), t.header.indexOf('subsystem')]
    if (ci < 0 || si < 0) throw usage(`${file}: expected columns indicator,subsystem`)
    pairs = t.rows.map((r) => [r.cells[ci] ?? '', r.cells[si] ?? ''])
  } else return null
  const unknown = pairs.filter(([c]) => !columns.includes(c)).map(([c]) => c)
  if (unknown.length) throw usage(`subsystems name columns not in the matrix: ${unknown.join(', ')}`)
  const names = [...new Set(pairs.map(([, s]) => s))]
  return names.map((name) => ({
    name,
    cols: pairs.filter(([, s]) => s === name).map(([c]) => columns.indexOf(c)),
  }))
}
